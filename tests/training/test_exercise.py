"""Exercises end to end: a trainer hands out an exercise, two trainees code it in their own processes (one
with planted mistakes), the trainer collects both and reads scores worked out by hand in the comments;
bad hand-ins are refused with the reference project unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from builders import add_code, add_document
from cli_helpers import fails, ok, run

from workbench import history
from workbench.coding import apply_code, recode, remove_coding, resize_coding
from workbench.document_list import DocumentQuery
from workbench.errors import FixedCodebook
from workbench.journal import undo
from workbench.project import Project
from workbench.store.memos import add_memo, list_memos
from workbench.text.normalise import normalise_text
from workbench.training.agreement import krippendorff_alpha
from workbench.training.clock import CLOCK_KEY, TimeUp, clock, start
from workbench.training.exercise import (
    ExerciseError,
    content_digest,
    create_exercise,
    read_exercise,
    registered_exercises,
)
from workbench.training.feedback import exercise_feedback
from workbench.training.handin import HANDIN_KEY, collect, hand_in, signature

# Stored (normalised) texts: CRLF becomes LF; an emoji before a span checks code-point offsets.
TEXTS = {
    "call": normalise_text("Bonjour 😀, je suis très fâché contre vous !\r\nVous êtes des voleurs."),
    "email": normalise_text("Élodie : nous étions amis, plus maintenant.\r\nAu revoir."),
    "chat": "Merci <b>beaucoup</b> pour votre aide, vous êtes formidables 👍",
    "survey": "Hors exercice : à ne pas distribuer.",
}
CODES = {  # path -> passage of the reference's coding, by document kind
    "Relations/Adversaires": ("call", "je suis très fâché contre vous"),
    "Émotions/Colère": ("call", "très fâché"),
    "Relations/Ex-amis": ("email", "nous étions amis, plus maintenant"),
    "Relations/Partenariat engagé": ("chat", "vous êtes formidables"),
}
# Alice codes every passage the reference coded, with shorter or equal spans: a perfect score.
ALICE = [("Relations/Adversaires", "call", "je suis très fâché contre vous"), ("Émotions/Colère", "call", "fâché"),
         ("Relations/Ex-amis", "email", "nous étions amis"), ("Relations/Partenariat engagé", "chat", "formidables")]
# Bob's planted mistakes: Adversaires where the reference says Ex-amis, Colère on a thank-you, two passages
# missed; his Colère in the call is right.
BOB = [("Relations/Adversaires", "email", "nous étions amis, plus maintenant"), ("Émotions/Colère", "call", "très fâché"),
       ("Émotions/Colère", "chat", "Merci <b>beaucoup</b>")]


def span(kind: str, passage: str) -> tuple[int, int]:
    start = TEXTS[kind].index(passage)
    return start, start + len(passage)


def project_digest(project: Project) -> str:
    """A digest of everything collecting could change: an unchanged digest means an unchanged project."""
    parts = []
    for table in ("coders", "codings", "journal", "meta", "codes", "documents"):
        parts.append(repr(project.rows(f"SELECT * EXCLUDE (id) FROM {table} ORDER BY ALL")
                          if table != "meta" else project.rows("SELECT * FROM meta ORDER BY ALL")))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@pytest.fixture
def case(tmp_path: Path) -> dict:
    """A reference project: four documents (one left out of the exercise), two schemes, the reference's codings."""
    path = tmp_path / "reference.vwb"
    with Project.create(path, "fr") as project:
        ids = {kind: add_document(project, text, title=f"{kind} 1", kind=kind, variables={"agence": "Lyon"})
               for kind, text in TEXTS.items()}
        relations = add_code(project, "Relations", codable=False)
        emotions = add_code(project, "Émotions", codable=False)
        codes = {
            "Relations/Adversaires": add_code(project, "Adversaires", relations, description="Relation de conflit ouvert",
                                              indicators=["contre vous", "voleurs"]),
            "Relations/Ex-amis": add_code(project, "Ex-amis", relations, description="Anciens proches devenus distants",
                                          indicators=["nous étions amis"]),
            "Relations/Partenariat engagé": add_code(project, "Partenariat engagé", relations),
            "Émotions/Colère": add_code(project, "Colère", emotions, description="Irritation exprimée"),
        }
        add_code(project, "Hors sujet", codable=False)
        for path_, (kind, passage) in CODES.items():
            apply_code(project, ids[kind], codes[path_], *span(kind, passage), coder="Formatrice", role="reference")
        apply_code(project, ids["survey"], codes["Relations/Ex-amis"], coder="Formatrice")
    return {"path": path, "ids": ids, "codes": codes, "roots": [relations, emotions], "folder": tmp_path}


def make_exercise(case: dict, name: str = "exercice.vwb", kinds: tuple[str, ...] = ("call", "email", "chat")) -> Path:
    out = case["folder"] / name
    with Project.open(case["path"]) as project:
        create_exercise(project, out, documents=DocumentQuery(kinds=kinds), codes=case["roots"],
                        instructions="Repérez les formes de relation et les émotions.", time_limit_minutes=30)
    return out


def workbench_process(*args: object, cwd: Path) -> str:
    """Run `workbench ARGS` in a process of its own, as on a trainee's laptop."""
    done = subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], cwd=cwd, capture_output=True, check=False,
                          text=True, timeout=120, env={**os.environ, "WORKBENCH_CODER": "nobody"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def trainee_hands_in(exercise: Path, name: str, codings: list[tuple[str, str, str]]) -> Path:
    """A trainee's own copy of the exercise, coded and handed in by the command line in separate processes."""
    laptop = exercise.parent / name
    laptop.mkdir()
    copy = shutil.copy(exercise, laptop / exercise.name)
    for code, kind, passage in codings:
        start, end = span(kind, passage)
        document = TEXTS_IDS[kind]
        workbench_process("code", copy, "--document", document, "--code", code, "--start", start, "--end", end,
                          "--coder", name, "--role", "trainee", cwd=laptop)
    out = laptop / f"{name}.vwb"
    assert f"Hand-in of {name} written" in workbench_process("exercise", "hand-in", copy, "--trainee", name, out,
                                                             cwd=laptop)
    return out


TEXTS_IDS = {kind: number for number, kind in enumerate(TEXTS, start=1)}


# -- the exercise file --------------------------------------------------------------------------------------
def test_the_exercise_holds_the_documents_and_codes_and_nothing_of_the_answers(case: dict) -> None:
    exercise = make_exercise(case)
    with Project.open(exercise, read_only=True) as opened:
        assert opened.rows("SELECT id, text FROM documents ORDER BY id") == [
            (TEXTS_IDS[kind], TEXTS[kind]) for kind in ("call", "email", "chat")]
        assert opened.rows("SELECT DISTINCT value FROM document_values") == [("Lyon",)]
        names = {row[0] for row in opened.rows("SELECT name FROM codes")}
        assert names == {"Relations", "Émotions", "Adversaires", "Ex-amis", "Partenariat engagé", "Colère"}
        for table in ("codings", "coders", "journal", "memos", "suggestions", "pseudonyms", "pseudonym_keys"):
            assert opened.scalar(f"SELECT count(*) FROM {table}") == 0, table
        info = read_exercise(opened)
        assert info.time_limit_minutes == 30 and info.instructions.startswith("Repérez")
        assert content_digest(opened, info.document_ids, info.codes) == info.digest
    with Project.open(case["path"], read_only=True) as project:
        assert [item.guid for item in registered_exercises(project)] == [info.guid]
    # the reference's codings stay out of the file's bytes too, not only out of its tables
    assert b"Formatrice" not in exercise.read_bytes()


def test_the_exercise_codebook_is_the_trainers(case: dict) -> None:
    """A codebook changed in a trainee's copy would only be refused when the trainer collects it: the
    trainee would lose their work. So every change that collecting checks is refused in the copy."""
    from workbench import codebook

    exercise = make_exercise(case)
    codes = case["codes"]
    relations, emotions = case["roots"]
    with Project.open(exercise) as opened:
        before = project_digest(opened)
        for change in (lambda: codebook.create_code(opened, "Nouveau"),
                       lambda: codebook.create_code(opened, "Nouveau", relations),
                       lambda: codebook.rename_code(opened, codes["Émotions/Colère"], "Rage"),
                       lambda: codebook.update_code(opened, codes["Émotions/Colère"], codable=False),
                       lambda: codebook.move_code(opened, codes["Émotions/Colère"], relations),
                       lambda: codebook.merge_codes(opened, codes["Relations/Ex-amis"], codes["Relations/Adversaires"]),
                       lambda: codebook.delete_code(opened, codes["Relations/Ex-amis"])):
            with pytest.raises(FixedCodebook, match=r"exercice\.vwb is an exercise: its codebook is the trainer's"):
                change()
        assert project_digest(opened) == before
        codebook.update_code(opened, codes["Émotions/Colère"], color="#112233", description="Rouge de colère")
        codebook.reorder_code(opened, codes["Relations/Ex-amis"], 0)  # neither is checked at collection
        assert read_exercise(opened).digest == content_digest(opened, read_exercise(opened).document_ids,
                                                              read_exercise(opened).codes)
    error = fails("codebook", "add", exercise, "Nouveau")
    assert "its codebook is the trainer's and cannot change here" in error and "Traceback" not in error
    with Project.open(case["path"]) as reference:  # the trainer's own project is not an exercise
        assert codebook.create_code(reference, "Nouveau", emotions)


@pytest.mark.parametrize("problem, message", [
    ("empty", "holds no document"),
    ("exists", "already exists"),
    ("project", "already exists"),
    ("suffix", "ends in .vwb"),
    ("unknown", "unknown document"),
])
def test_create_refuses_with_the_project_unchanged(case: dict, problem: str, message: str) -> None:
    out = {"exists": case["folder"] / "taken.vwb", "project": case["path"],
           "suffix": case["folder"] / "exercice.txt"}.get(problem, case["folder"] / "exercice.vwb")
    if problem == "exists":
        out.write_text("déjà là")
    documents = {"empty": DocumentQuery(kinds=("interview",)), "unknown": [1, 99]}.get(problem, [1])
    with Project.open(case["path"]) as project:
        before = project_digest(project)
        with pytest.raises(ExerciseError, match=message):
            create_exercise(project, out, documents=documents, instructions="x")
        assert project_digest(project) == before
    assert not (case["folder"] / "exercice.vwb").exists()
    assert [p.name for p in case["folder"].iterdir() if "partial" in p.name] == []


# -- end to end ---------------------------------------------------------------------------------------------
def test_two_trainees_hand_in_and_the_trainer_reads_the_hand_computed_scores(case: dict) -> None:
    created = ok("exercise", "create", case["path"], case["folder"] / "exercice.vwb", "--kind", "call", "--kind",
                 "email", "--kind", "chat", "--code", "Relations", "--code", "Émotions",
                 "--instructions", "Repérez les relations", "--time-limit", "30")
    assert "3 documents, 6 codes, 30 minutes" in created
    exercise = case["folder"] / "exercice.vwb"
    alice = trainee_hands_in(exercise, "Alice", ALICE)
    bob = trainee_hands_in(exercise, "Bob", BOB)

    out = ok("exercise", "collect", case["path"], alice, bob)
    assert "collected Alice: 4 codings" in out and "collected Bob: 3 codings" in out and "2 collected, 0 refused" in out
    with Project.open(case["path"], read_only=True) as project:
        assert project.rows("SELECT name, role FROM coders ORDER BY name") == [
            ("Alice", "trainee"), ("Bob", "trainee"), ("Formatrice", "reference")]
        feedback = exercise_feedback(project)
    [item] = feedback.exercises
    alice_report, bob_report = item.trainees["Alice"], item.trainees["Bob"]
    assert alice_report.span.f1 == 1.0 and alice_report.document.f1 == 1.0
    assert alice_report.misses == [] and alice_report.false_alarms == []
    by_code = {row.code: row for row in bob_report.per_code}
    # spans: Adversaires 0 found of 1, 0 correct of 1 -> F1 0; Colère 1 of 1 found, 1 of 2 correct -> 2/3;
    # Ex-amis and Partenariat missed -> 0. All codes: 1 found of 4, 1 correct of 3 -> P 1/3, R 1/4, F1 2/7.
    assert by_code["Relations/Adversaires"].span.f1 == 0.0
    assert by_code["Émotions/Colère"].span.f1 == pytest.approx(2 / 3)
    assert by_code["Émotions/Colère"].span.precision == 0.5
    assert by_code["Relations/Ex-amis"].span.f1 == 0.0 and by_code["Relations/Partenariat engagé"].span.f1 == 0.0
    assert bob_report.span.f1 == pytest.approx(2 / 7) and bob_report.document.f1 == pytest.approx(2 / 7)
    assert [(m["code"], m["title"]) for m in bob_report.misses] == [
        ("Relations/Adversaires", "call 1"), ("Relations/Ex-amis", "email 1"), ("Relations/Partenariat engagé", "chat 1")]
    missed = bob_report.misses[1]
    assert missed["reference_passage"] == "nous étions amis, plus maintenant"
    assert missed["definition"] == "Anciens proches devenus distants" and missed["indicators"] == ["nous étions amis"]
    assert [(f["code"], f["text"], f["reference_passage"]) for f in bob_report.false_alarms] == [
        ("Relations/Adversaires", "nous étions amis, plus maintenant", "nous étions amis, plus maintenant"),
        ("Émotions/Colère", "Merci <b>beaucoup</b>", "")]
    # the only pair within one scheme: Adversaires where the reference says Ex-amis (Colère is another scheme)
    assert [(c["trainee_code"], c["reference_code"], c["count"]) for c in bob_report.confusions] == [
        ("Relations/Adversaires", "Relations/Ex-amis", 1)]
    # difficulty: mean span F1 of Alice (1 everywhere) and Bob: 0.5, 0.5, 0.5 and (1 + 2/3) / 2
    assert [(d.code, d.span_f1) for d in item.difficulty] == [
        ("Relations/Adversaires", 0.5), ("Relations/Ex-amis", 0.5), ("Relations/Partenariat engagé", 0.5),
        ("Émotions/Colère", pytest.approx(5 / 6))]
    # alpha at document level: 3 documents x 4 codes, Alice then Bob, codes in id order
    alice_units = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0]  # Adversaires, Ex-amis, Partenariat, Colère x call, email, chat
    bob_units = [0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1]
    assert item.alpha_document == pytest.approx(krippendorff_alpha([alice_units, bob_units]))
    assert item.alpha_document == pytest.approx(1 - 23 * 10 / (2 * 17 * 7))  # 5 disagreements, 7 ones, 17 zeros

    xlsx, html = case["folder"] / "retour.xlsx", case["folder"] / "retour"
    printed = ok("exercise", "scores", case["path"], "--excel", xlsx, "--html", html)
    assert "Bob: F1 documents 28.6 %, spans 28.6 %; 3 misses, 2 false alarms" in printed
    assert "coded Relations/Adversaires where the reference says Relations/Ex-amis (1×)" in printed
    assert "Alice: F1 documents 100.0 %, spans 100.0 %; 0 misses, 0 false alarms" in printed
    assert f"documents {1 - 230 / 238:.3f}" in printed
    assert "Python" not in printed and "{" not in printed

    from openpyxl import load_workbook

    book = load_workbook(xlsx)
    assert book.sheetnames == ["Group", "Alice", "Bob"]
    assert len(book["Group"]._charts) == 1
    bob_rows = [[cell.value for cell in row] for row in book["Bob"].iter_rows()]
    totals = next(row for row in bob_rows if row[0] == "All codes")
    assert totals[3] == pytest.approx(2 / 7) and totals[6] == pytest.approx(2 / 7)
    assert ["Relations/Adversaires", "Relations/Ex-amis", 1] in [row[:3] for row in bob_rows]
    group_rows = {row[0].value: [cell.value for cell in row] for row in book["Group"].iter_rows() if row[0].value}
    assert group_rows["Émotions/Colère"][2] == pytest.approx(5 / 6)
    assert group_rows["Bob"][1] == pytest.approx(2 / 7)  # the progress table

    pages = {path.name: path.read_text(encoding="utf-8") for path in html.iterdir()}
    assert set(pages) == {"group.html", "trainee-Alice.html", "trainee-Bob.html"}
    bob_page = pages["trainee-Bob.html"]
    assert "28.6 %" in bob_page and "66.7 %" in bob_page
    assert "Merci &lt;b&gt;beaucoup&lt;/b&gt;" in bob_page and "<b>beaucoup" not in bob_page
    assert "Anciens proches devenus distants" in bob_page
    assert "coded <b>Relations/Adversaires</b> where the reference says <b>Relations/Ex-amis</b>" in bob_page
    assert "83.3 %" in pages["group.html"] and f"{1 - 230 / 238:.3f}" in pages["group.html"]
    for page in pages.values():
        assert "<script" not in page and not re.search(r"\b(?:src|href)\s*=", page) and "<link" not in page


# -- bad hand-ins -------------------------------------------------------------------------------------------
def _tamper(path: Path, sql: str) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute(sql)


def test_bad_hand_ins_are_refused_one_line_each_and_change_nothing(case: dict, tmp_path: Path) -> None:
    exercise = make_exercise(case)
    with Project.open(exercise) as opened:
        apply_code(opened, 2, case["codes"]["Relations/Ex-amis"], *span("email", "nous étions amis"),
                   coder="Chloé", role="trainee")
    good = case["folder"] / "chloe.vwb"
    hand_in(exercise, "Chloé", good)

    edited = shutil.copy(good, case["folder"] / "edited.vwb")
    _tamper(edited, "UPDATE documents SET text = replace(text, 'amis', 'ennemis') WHERE id = 2")
    forged = shutil.copy(good, case["folder"] / "forged.vwb")
    _tamper(forged, "UPDATE codings SET end_pos = end_pos + 5")
    renamed = shutil.copy(good, case["folder"] / "renamed.vwb")
    with Project.open(good, read_only=True) as opened:
        record = json.loads(opened.get_meta(HANDIN_KEY))
    _tamper(renamed, f"UPDATE meta SET value = '{json.dumps({**record, 'trainee': 'Alice'})}' WHERE key = '{HANDIN_KEY}'")

    other_folder = tmp_path / "autre"
    other_folder.mkdir()
    other = {"path": other_folder / "autre.vwb", "folder": other_folder}
    shutil.copy(case["path"], other["path"])  # the same texts, but its own exercises
    with Project.open(other["path"]) as project:
        create_exercise(project, other_folder / "ex.vwb", documents=[1, 2], instructions="x")
    with Project.open(other_folder / "ex.vwb") as opened:
        apply_code(opened, 1, case["codes"]["Relations/Adversaires"], coder="Chloé", role="trainee")
    foreign = other_folder / "foreign.vwb"
    hand_in(other_folder / "ex.vwb", "Chloé", foreign)

    with Project.open(case["path"]) as project:
        before = project_digest(project)
        report = collect(project, [edited, forged, renamed, foreign, exercise, case["folder"] / "absent.vwb"])
        assert project_digest(project) == before
    assert report.collected == []
    expected = [
        (edited, "the text of document 2 is not the one handed out"),
        (forged, "the signature does not match Chloé's codings"),
        (renamed, "the signature does not match Alice's codings"),
        (foreign, "belongs to an exercise that was not created from reference.vwb"),
        (exercise, "is not a hand-in"),
        (case["folder"] / "absent.vwb", "does not exist"),
    ]
    for line, (path, message) in zip(report.failures, expected, strict=True):
        assert line.startswith(str(path)) and message in line and "\n" not in line

    # the good one goes in once; twice is refused with the project unchanged; undone, it may come again
    with Project.open(case["path"]) as project:
        assert len(collect(project, [good]).collected) == 1
        before = project_digest(project)
        again = collect(project, [good])
        assert again.failures == [f"{good}: Chloé's hand-in for this exercise was already collected"]
        assert project_digest(project) == before
        undo(project)
        assert project.scalar("SELECT count(*) FROM codings g JOIN coders c ON c.id = g.coder_id "
                              "WHERE c.name = 'Chloé'") == 0
        assert len(collect(project, [good]).collected) == 1

    error = fails("exercise", "collect", case["path"], good)
    assert error == f"error: {good}: Chloé's hand-in for this exercise was already collected\n"


def test_a_changed_text_in_the_project_refuses_the_hand_in(case: dict) -> None:
    exercise = make_exercise(case)
    with Project.open(exercise) as opened:
        apply_code(opened, 1, case["codes"]["Relations/Adversaires"], coder="Chloé", role="trainee")
    handin = case["folder"] / "chloe.vwb"
    hand_in(exercise, "Chloé", handin)
    _tamper(case["path"], "UPDATE documents SET text = text || ' (corrigé)' WHERE id = 1")
    with Project.open(case["path"]) as project:
        report = collect(project, [handin])
    assert report.failures == [f"{handin}: document 1 of the exercise has another text in reference.vwb, or is gone from it"]


def test_the_commands_say_what_is_wrong_in_one_line(case: dict) -> None:
    out = case["folder"] / "exercice.vwb"
    assert fails("exercise", "create", case["path"], out, "--kind", "interview", "--instructions", "x") == (
        "error: the selection holds no document: an exercise needs at least one\n")
    assert "unknown document kind 'lettre'" in fails("exercise", "create", case["path"], out, "--kind", "lettre",
                                                     "--instructions", "x")
    assert fails("exercise", "create", case["path"], out, "--documents", "1", "--kind", "call",
                 "--instructions", "x") == "error: give --documents or --kind, not both\n"
    assert fails("exercise", "scores", case["path"]) == (
        "error: reference.vwb holds no collected hand-in yet (workbench exercise collect)\n")
    assert not out.exists()


def test_hand_in_needs_a_trainee_who_coded_and_records_the_role(case: dict) -> None:
    exercise = make_exercise(case)
    error = fails("exercise", "hand-in", exercise, "--trainee", "Zoé", case["folder"] / "zoe.vwb")
    assert "nobody named 'Zoé' coded this exercise" in error
    with Project.open(exercise) as opened:
        apply_code(opened, 1, case["codes"]["Émotions/Colère"], coder="Zoé")  # coded as an analyst
    hand_in(exercise, "Zoé", case["folder"] / "zoe.vwb")
    with Project.open(case["folder"] / "zoe.vwb", read_only=True) as copy:
        assert copy.scalar("SELECT role FROM coders WHERE name = 'Zoé'") == "trainee"
        assert json.loads(copy.get_meta(HANDIN_KEY))["codings"] == 1


def test_progress_follows_successive_exercises(case: dict) -> None:
    first = make_exercise(case, "premier.vwb", kinds=("call", "email", "chat"))
    second = make_exercise(case, "second.vwb", kinds=("survey",))
    with Project.open(first) as opened:
        apply_code(opened, 3, case["codes"]["Émotions/Colère"], coder="Bob", role="trainee")
    with Project.open(second) as opened:
        apply_code(opened, 4, case["codes"]["Relations/Ex-amis"], coder="Bob", role="trainee")
    hand_in(first, "Bob", case["folder"] / "bob1.vwb")
    hand_in(second, "Bob", case["folder"] / "bob2.vwb")
    with Project.open(case["path"]) as project:
        assert len(collect(project, [case["folder"] / "bob2.vwb", case["folder"] / "bob1.vwb"]).collected) == 2
        feedback = exercise_feedback(project, "Formatrice")
    steps = feedback.progress()["Bob"]
    # the first exercise: one false alarm, four misses -> F1 0; the second: the one reference coding found
    assert [(label.split(" (")[0], span_f1) for label, _doc, span_f1 in steps] == [("Exercise 1", 0.0), ("Exercise 2", 1.0)]
    assert feedback.exercises[0].alpha_document is None
    assert feedback.exercises[0].alpha_notes == ["agreement among trainees needs at least two hand-ins"]
    printed = run("exercise", "scores", case["path"])[1]
    assert "Progress (F1 spans per exercise):" in printed and "Bob: Exercise 1" in printed


# -- the time limit -----------------------------------------------------------------------------------------
def _age_clock(exercise: Path, trainee: str, minutes: int) -> None:
    """Move the trainee's recorded start `minutes` back, as if that much time had passed."""
    with Project.open(exercise) as opened:
        starts = json.loads(opened.get_meta(CLOCK_KEY))
        started = datetime.fromisoformat(starts[trainee]) - timedelta(minutes=minutes)
        starts[trainee] = started.isoformat(timespec="seconds")
        with opened.transaction():
            opened.set_meta(CLOCK_KEY, json.dumps(starts))


def test_the_time_limit_starts_once_and_then_refuses_every_change_to_the_codings(case: dict) -> None:
    exercise = make_exercise(case)  # 30 minutes
    colere, adversaires = case["codes"]["Émotions/Colère"], case["codes"]["Relations/Adversaires"]
    with Project.open(exercise) as opened:
        assert clock(opened, "Lea") is None  # not started before her first coding
        first = apply_code(opened, 1, colere, *span("call", "très fâché"), coder="Lea", role="trainee")
        started = clock(opened, "Lea")
        assert started is not None and started.limit_minutes == 30
        assert timedelta(minutes=29) < started.left() <= timedelta(minutes=30)
    with Project.open(exercise) as opened:  # reopening does not give the time back
        assert clock(opened, "Lea") == started
        assert start(opened, "Lea") == started
    _age_clock(exercise, "Lea", 20)
    with Project.open(exercise) as opened:
        second = apply_code(opened, 1, adversaires, *span("call", "je suis très fâché contre vous"), coder="Lea")
        assert clock(opened, "Lea").used_minutes() in (20, 21)  # rounded up: 20 minutes and a few seconds
    _age_clock(exercise, "Lea", 11)
    with Project.open(exercise) as opened:
        before = opened.rows("SELECT * FROM codings ORDER BY id")
        for change in (lambda: apply_code(opened, 2, colere, coder="Lea"),
                       lambda: remove_coding(opened, first),
                       lambda: resize_coding(opened, second, 0, 5),
                       lambda: recode(opened, first, adversaires)):
            with pytest.raises(TimeUp, match=r"exercice\.vwb: Lea's 30 minutes for this exercise ran out at "
                                             r"\d\d:\d\d; the codings can no longer change: hand in the copy"):
                change()
        assert opened.rows("SELECT * FROM codings ORDER BY id") == before
        apply_code(opened, 2, colere, coder="Zoé")  # another trainee's time is their own
    error = fails("code", exercise, "--document", 2, "--code", colere, "--coder", "Lea")
    assert "Lea's 30 minutes for this exercise ran out" in error and "Traceback" not in error
    out = case["folder"] / "lea.vwb"
    assert ok("exercise", "hand-in", exercise, "--trainee", "Lea", out) == (
        f"Hand-in of Lea written to {out}: 2 codings, 30 of 30 minutes used.\n")
    with Project.open(out, read_only=True) as copy:
        assert json.loads(copy.get_meta(HANDIN_KEY))["minutes_used"] == 30
    assert f"collected Lea: 2 codings in 30 of 30 minutes from {out}" in ok("exercise", "collect", case["path"], out)


def test_undo_and_redo_cannot_change_the_codings_once_the_time_is_up(case: dict) -> None:
    exercise = make_exercise(case)  # 30 minutes
    colere, adversaires = case["codes"]["Émotions/Colère"], case["codes"]["Relations/Adversaires"]
    with Project.open(exercise) as opened:
        apply_code(opened, 1, colere, *span("call", "très fâché"), coder="Lea", role="trainee")
        apply_code(opened, 2, adversaires, coder="Lea")
        history.undo(opened)  # within the time, undo works as anywhere
        apply_code(opened, 2, colere, coder="Lea")
        history.undo(opened)
    _age_clock(exercise, "Lea", 31)
    with Project.open(exercise) as opened:
        before = opened.rows("SELECT * FROM codings ORDER BY id")
        for replay in (history.redo, history.undo):
            with pytest.raises(TimeUp, match="Lea's 30 minutes for this exercise ran out"):
                replay(opened)
        assert opened.rows("SELECT * FROM codings ORDER BY id") == before
    error = fails("undo", exercise)
    assert "Lea's 30 minutes for this exercise ran out" in error and "Traceback" not in error
    with Project.open(exercise) as opened:
        zoe = apply_code(opened, 3, colere, coder="Zoé", role="trainee")
        assert history.undo(opened)["summary"]["coding_id"] == zoe  # another trainee's time is their own


def test_an_exercise_without_a_time_limit_never_refuses(case: dict) -> None:
    out = case["folder"] / "libre.vwb"
    with Project.open(case["path"]) as project:
        create_exercise(project, out, documents=DocumentQuery(kinds=("call",)), codes=case["roots"],
                        instructions="Sans limite.")
    with Project.open(out) as opened:
        apply_code(opened, 1, case["codes"]["Émotions/Colère"], coder="Lea", role="trainee")
        assert clock(opened, "Lea") is None and opened.get_meta(CLOCK_KEY) is None
    record = hand_in(out, "Lea", case["folder"] / "lea-libre.vwb")
    assert record.minutes_used is None and record.summary().endswith("(1 coding)")


def test_the_trainees_memos_come_with_the_hand_in_signed_and_undone_with_it(case: dict) -> None:
    exercise = make_exercise(case)
    adversaires, colere = case["codes"]["Relations/Adversaires"], case["codes"]["Émotions/Colère"]
    with Project.open(exercise) as opened:
        mistaken = apply_code(opened, 2, adversaires, *span("email", "nous étions amis, plus maintenant"),
                              coder="Chloé", role="trainee")
        other = apply_code(opened, 1, colere, *span("call", "très fâché"), coder="Zoé", role="trainee")
        add_memo(opened, "coding", mistaken, "Elle les accuse 😡, donc conflit.", coder="Chloé")
        add_memo(opened, "document", 1, "Appel très tendu.\nÀ revoir.", coder="Chloé")
        add_memo(opened, "code", colere, "Je confonds avec la déception.", coder="Chloé")
        add_memo(opened, "project", None, "Exercice fait en 25 minutes.", coder="Chloé")
        add_memo(opened, "coding", other, "Zoé a raison ici.", coder="Chloé")  # on another trainee's coding
        add_memo(opened, "document", 3, "Note de Zoé, pas de Chloé.", coder="Zoé")
    good = case["folder"] / "chloe.vwb"
    assert hand_in(exercise, "Chloé", good).counted().startswith("1 coding, 5 memos, ")
    edited = shutil.copy(good, case["folder"] / "edited-memo.vwb")
    _tamper(edited, "UPDATE memos SET text = 'Relation de conflit, évidemment.' WHERE target_kind = 'coding'")
    with Project.open(case["path"]) as project:
        before = project_digest(project)
        refused = collect(project, [edited])
        assert refused.failures == [(f"{edited}: the signature does not match Chloé's codings and memos "
                                     "(the file was changed after it was handed in)")]
        assert project_digest(project) == before

        report = collect(project, [good])
        assert report.collected[0]["memos"] == 5
        coding_id = project.scalar("SELECT g.id FROM codings g JOIN coders c ON c.id = g.coder_id "
                                   "WHERE c.name = 'Chloé'")
        got = {(m["target_kind"], m["target_id"], m["text"]) for m in list_memos(project) if m["coder"] == "Chloé"}
        assert got == {("coding", coding_id, "Elle les accuse 😡, donc conflit."),
                       ("document", 1, "Appel très tendu.\nÀ revoir."), ("code", colere, "Je confonds avec la déception."),
                       ("project", None, "Exercice fait en 25 minutes."), ("document", 1, "Zoé a raison ici.")}
        assert not [m for m in list_memos(project) if m["coder"] == "Zoé"]
        feedback = exercise_feedback(project, "Formatrice")
        alarm, = [item for item in feedback.exercises[0].trainees["Chloé"].false_alarms if item["document_id"] == 2]
        assert alarm["trainee_notes"] == ["Elle les accuse 😡, donc conflit."]
        missed = [item for item in feedback.exercises[0].trainees["Chloé"].misses if item["document_id"] == 1]
        assert missed and all(item["trainee_notes"] == ["Appel très tendu.\nÀ revoir.", "Zoé a raison ici."]
                              for item in missed)
    shown = ok("exercise", "scores", case["path"], "--reference", "Formatrice", "--show", "5")
    assert "      Chloé's memo: «Elle les accuse 😡, donc conflit.»" in shown
    assert "      Chloé's memo: «Appel très tendu. À revoir.»" in shown
    with Project.open(case["path"]) as project:
        undo(project)
        assert not [m for m in list_memos(project) if m["coder"] == "Chloé"]
        assert project.scalar("SELECT count(*) FROM codings WHERE id = ?", [coding_id]) == 0


def test_a_hand_in_signed_before_memos_were_signed_is_collected_without_them(case: dict) -> None:
    exercise = make_exercise(case)
    with Project.open(exercise) as opened:
        coding_id = apply_code(opened, 2, case["codes"]["Relations/Ex-amis"], *span("email", "nous étions amis"),
                               coder="Chloé", role="trainee")
        add_memo(opened, "coding", coding_id, "Ils étaient proches.", coder="Chloé")
    old = case["folder"] / "ancienne.vwb"
    hand_in(exercise, "Chloé", old)
    with Project.open(old, read_only=True) as opened:
        record = json.loads(opened.get_meta(HANDIN_KEY))
        codings = opened.dicts("SELECT g.document_id, c.guid AS code_guid, g.start_pos, g.end_pos FROM codings g "
                               "JOIN codes c ON c.id = g.code_id")
    del record["memos"]  # the record as the earlier version wrote it, signed over the codings alone
    record["signature"] = signature(record["exercise"], "Chloé", codings)
    _tamper(old, f"UPDATE meta SET value = '{json.dumps(record)}' WHERE key = '{HANDIN_KEY}'")
    with Project.open(case["path"]) as project:
        report = collect(project, [old])
        assert report.failures == [] and report.collected[0]["memos"] == 0
        assert not [m for m in list_memos(project) if m["coder"] == "Chloé"]
