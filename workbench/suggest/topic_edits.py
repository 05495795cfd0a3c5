"""The analyst's edits of a topic run: rename a topic, merge one topic into another, and read the run as
edited (labels, merged sizes and keywords, sizes over time and per variable, a code proposed for a
merged topic).

A run's `topics` and `unit_topics` are the model's output and are never rewritten: an edit is one row of
`topic_edits`, inserted as a journalled action, so undo and redo take it back like a coding, and the next
topic run starts from its own clean output. Merges chain (A into B, then B into C puts A in C); the label a
merged topic shows is its target's.
"""

from __future__ import annotations

from typing import Any

from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.suggest.topics import latest_run, map_topic_to_code, topics_by_variable, topics_over_time

OUTLIERS = -1  # units the model left unclassified: not a topic, so neither renamed nor merged
MAX_LABEL = 120
MAX_KEYWORDS = 10


def _run(project: Project, run_id: int | None) -> int:
    return int(run_id) if run_id is not None else latest_run(project)


def _stored(project: Project, run_id: int) -> dict[int, dict[str, Any]]:
    return {int(row["topic"]): row for row in project.dicts(
        "SELECT topic, label, keywords, size FROM topics WHERE run_id = ? ORDER BY topic", [run_id])}


def merged_into(project: Project, run_id: int | None = None) -> dict[int, int]:
    """Topic -> the topic it now belongs to, chains followed (A into B into C gives A: C)."""
    run_id = _run(project, run_id)
    direct = dict(project.rows("SELECT topic, merged_into FROM topic_edits WHERE run_id = ? AND merged_into IS NOT NULL "
                               "ORDER BY id", [run_id]))
    final = {}
    for topic, first in direct.items():
        target, seen = first, {topic}
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        final[int(topic)] = int(target)
    return final


def _renamed(project: Project, run_id: int) -> dict[int, str]:
    """The latest name given to each topic (later rows win)."""
    return {int(topic): str(label) for topic, label in project.rows(
        "SELECT topic, label FROM topic_edits WHERE run_id = ? AND label IS NOT NULL ORDER BY id", [run_id])}


def edited_topics(project: Project, run_id: int | None = None) -> list[dict[str, Any]]:
    """The run's topics as edited, largest first: topic, label, keywords, size, `members` (the model's
    topics it holds, itself first) and `renamed` (whether the analyst named it)."""
    run_id = _run(project, run_id)
    stored = _stored(project, run_id)
    merges = merged_into(project, run_id)
    names = _renamed(project, run_id)
    result = []
    for topic, row in stored.items():
        if topic in merges:
            continue
        members = [topic] + sorted(t for t, target in merges.items() if target == topic)
        keywords: list[str] = []
        for member in members:
            for word in stored[member]["keywords"] or []:
                if word not in keywords:
                    keywords.append(word)
        result.append({"topic": topic, "label": names.get(topic, row["label"]), "renamed": topic in names,
                       "keywords": keywords[:MAX_KEYWORDS], "size": sum(int(stored[m]["size"]) for m in members),
                       "members": members})
    return sorted(result, key=lambda row: (row["topic"] == OUTLIERS, -row["size"], row["topic"]))


def _current_topic(project: Project, run_id: int, topic: int) -> None:
    """Refuse a topic the run lacks, the unclassified units, or a topic already merged into another."""
    if topic == OUTLIERS:
        raise WorkbenchError("unclassified units are not a topic: they cannot be renamed or merged")
    if topic not in _stored(project, run_id):
        raise WorkbenchError(f"topic run {run_id} has no topic {topic}")
    target = merged_into(project, run_id).get(topic)
    if target is not None:
        raise WorkbenchError(f"topic {topic} was merged into topic {target}; edit that one")


def rename_topic(project: Project, topic: int, label: str, run_id: int | None = None,
                 coder: str | int | None = None) -> None:
    """Name `topic` `label` (one undoable action of `coder`)."""
    from workbench.store.coders import acting_as, default_coder_name

    run_id = _run(project, run_id)
    label = " ".join((label or "").split())
    if not label:
        raise WorkbenchError("a topic's name cannot be empty")
    if len(label) > MAX_LABEL:
        raise WorkbenchError(f"a topic's name has at most {MAX_LABEL} characters")
    _current_topic(project, run_id, topic)
    with acting_as(project, "rename_topic", coder or default_coder_name()) as rec:
        edit = rec.insert("topic_edits", {"run_id": run_id, "topic": topic, "label": label})
        rec.describe({"run": run_id, "topic": topic, "label": label, "edit": edit},
                     f"renamed topic {topic} of run {run_id} to {label!r}")


def merge_topics(project: Project, topic: int, into: int, run_id: int | None = None,
                 coder: str | int | None = None) -> None:
    """Put `topic`'s units in `into` (one undoable action of `coder`); `into` keeps its name."""
    from workbench.store.coders import acting_as, default_coder_name

    run_id = _run(project, run_id)
    if topic == into:
        raise WorkbenchError("a topic cannot be merged into itself")
    _current_topic(project, run_id, topic)
    _current_topic(project, run_id, into)
    with acting_as(project, "merge_topics", coder or default_coder_name()) as rec:
        edit = rec.insert("topic_edits", {"run_id": run_id, "topic": topic, "merged_into": into})
        rec.describe({"run": run_id, "topic": topic, "into": into, "edit": edit},
                     f"merged topic {topic} of run {run_id} into topic {into}")


def members_of(project: Project, topic: int, run_id: int | None = None) -> list[int]:
    """The model's topics that the edited `topic` holds, itself first."""
    run_id = _run(project, run_id)
    merges = merged_into(project, run_id)
    return [topic] + sorted(t for t, target in merges.items() if target == topic)


def map_edited_topic(project: Project, code: int | str, topic: int, run_id: int | None = None,
                     coder: str | int | None = None) -> int:
    """`map_topic_to_code` for an edited topic: every topic merged into it files its units too, all in one
    undoable action. Each unit's score is its similarity to the centre of the model's topic it came from."""
    from workbench.store.coders import acting_as, default_coder_name

    run_id = _run(project, run_id)
    who = coder or default_coder_name()
    with acting_as(project, "map_topic_to_code", who) as rec:
        filed = sum(map_topic_to_code(project, code, member, run_id, coder=who)
                    for member in members_of(project, topic, run_id))
        rec.describe({"run": run_id, "topic": topic, "code": code, "suggestions": filed},
                     f"filed {filed} suggestion(s) of code {code} from topic {topic} of run {run_id}")
    return filed


def _relabel(project: Project, frame: Any, run_id: int) -> Any:
    """Map a frame's `topic` column through the merges and its `label` to the edited names."""
    merges = merged_into(project, run_id)
    names = {row["topic"]: row["label"] for row in edited_topics(project, run_id)}
    frame = frame.copy()
    frame["topic"] = frame["topic"].map(lambda t: merges.get(int(t), int(t)))
    frame["label"] = frame["topic"].map(lambda t: names.get(t, str(t)))
    return frame


def edited_over_time(project: Project, run_id: int | None = None, period: str = "month") -> Any:
    """`topics_over_time` with merged topics added up under their edited names."""
    run_id = _run(project, run_id)
    frame = _relabel(project, topics_over_time(project, run_id, period), run_id)
    return frame.groupby(["period", "topic", "label"], as_index=False, dropna=False)["units"].sum() \
        .sort_values(["period", "units"], ascending=[True, False]).reset_index(drop=True)


def edited_by_variable(project: Project, variable: str, run_id: int | None = None) -> Any:
    """`topics_by_variable` with merged topics added up under their edited names; `share` is the topic's
    share within the value."""
    run_id = _run(project, run_id)
    frame = _relabel(project, topics_by_variable(project, variable, run_id), run_id)
    frame = frame.groupby(["value", "topic", "label"], as_index=False, dropna=False)["units"].sum()
    frame["share"] = frame["units"] / frame.groupby("value", dropna=False)["units"].transform("sum")
    return frame.sort_values(["value", "units"], ascending=[True, False]).reset_index(drop=True)
