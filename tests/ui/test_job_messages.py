"""The window's own sentence for each job's result: French built from the result's fields, never the engine's
English `summary()`, for every result type there is; and the status bar showing it when a real job ends.

Without a translator the window shows its French source strings, whose counts are written in the plural: the
tests of whole sentences use counts of 2 and more. French puts 0 and 1 in the singular, which comes from
`verbatim_fr.ts` as for every count in the window; those are tested with that file installed.
"""

from __future__ import annotations

import ast
import importlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from panel_fixtures import fill, installed_language, open_window

from ui.job_messages import job_message, message_types
from workbench import codebook, coding
from workbench.project import Project

ROOT = Path(__file__).resolve().parents[2]

# Classes with a `summary()` that never reaches the window as a job's result, and why. A new class with a
# `summary()` must be given a sentence in ui/job_messages.py, or a line here.
NOT_A_JOB_RESULT = {
    ("workbench.reports", "JobReport"): "the protocol the results follow, not a result",
    ("workbench.ingest.folder", "FileResult"): "one file of an ImportReport; its summary() is a failure line",
    ("workbench.suggest.onnx_embed", "ExportReport"): "`workbench model` on the command line, for whoever builds",
    ("ui.self_test", "SelfTestReport"): "`--self-test` prints it on the terminal; no window shows it",
}


def classes_with_a_summary() -> set[tuple[str, str]]:
    """(module, class) of every class in the engine and the window that defines `summary()`."""
    found = set()
    for package in ("workbench", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef) and any(
                        isinstance(item, ast.FunctionDef) and item.name == "summary" for item in node.body):
                    found.add((module, node.name))
    return found


def test_every_result_type_with_a_summary_has_its_own_sentence(qtbot) -> None:
    found = classes_with_a_summary()
    handled = {(klass.__module__, klass.__qualname__) for klass in message_types()}
    assert sorted(found - set(NOT_A_JOB_RESULT) - handled) == []
    for module, name in found - set(NOT_A_JOB_RESULT):
        assert getattr(importlib.import_module(module), name) in message_types()


def test_a_result_of_no_known_type_still_ends_in_french(qtbot) -> None:
    class Unknown:
        def summary(self) -> str:
            return "did something"

    assert job_message(Unknown()) == "Tâche terminée."


# -- results the engine makes on a small project ---------------------------------------------------------------
@pytest.fixture
def filled(project: Project) -> Project:
    fill(project)
    code = codebook.find_code(project, "Motifs/Facturation")
    coding.apply_code(project, 1, code, coder="claire")
    coding.apply_code(project, 3, code, 0, 12, coder="claire")
    return project


def texts(folder: Path) -> list[Path]:
    """A call with a CRLF and an emoji, and a second call: both French."""
    first, second = folder / "appel 1.txt", folder / "appel 2.txt"
    first.write_text("Conseiller : Bonjour.\r\nClient : Ma facture est fausse 😞, je veux être remboursée.\r\n",
                     encoding="utf-8")
    second.write_text("Conseiller : Bonjour.\nClient : Mon colis n'est jamais arrivé, où en est-il ?\n",
                      encoding="utf-8")
    return [first, second]


def broken(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text('texte,note\n"pas fermé,1\n', encoding="utf-8")
    return path


def test_import(qtbot, filled: Project, tmp_path: Path) -> None:
    from workbench.ingest.folder import import_paths

    files = texts(tmp_path)
    assert job_message(import_paths(filled, files)) == (
        "Import terminé : 2 documents importés depuis 2 fichiers (Appel : 2).")
    again = import_paths(filled, [*files, broken(tmp_path, "a.csv"), broken(tmp_path, "b.csv")])
    assert job_message(again) == (
        "Import terminé : 0 documents importés depuis 4 fichiers ; 2 fichiers déjà importés, ignorés ; "
        "2 fichiers n'ont pas pu être importés.")


def test_backup(qtbot, filled: Project, tmp_path: Path) -> None:
    from workbench.backup import backup_project

    report = backup_project(filled, tmp_path / "copie.vwb")
    size = f"{report.size / 1024**2:.1f}".replace(".", ",")
    assert job_message(report) == (
        f"Sauvegarde terminée : copie écrite dans {tmp_path / 'copie.vwb'} (3 documents, 2 codages, {size} Mo).")


def test_codebook_loaded_and_exported(qtbot, filled: Project, tmp_path: Path) -> None:
    from workbench.codebook_files import export_codebook, load_codebook

    loaded = load_codebook(filled, "emotions")
    assert loaded.codes >= 2
    assert job_message(loaded) == f"Chargement du livre de codes terminé : {loaded.codes} codes chargés depuis emotions."
    exported = export_codebook(filled, tmp_path / "codes.qdc")
    assert job_message(exported) == (
        f"Export du livre de codes terminé : {loaded.codes + 3} codes écrits dans {tmp_path / 'codes.qdc'}.")


def test_exercise(qtbot, filled: Project, tmp_path: Path) -> None:
    from workbench.training.exercise import create_exercise

    out = tmp_path / "exercice.vwb"
    info = create_exercise(filled, out, documents=[1, 2, 3], instructions="Codez les motifs.", time_limit_minutes=30)
    assert job_message(info) == f"Exercice créé : {out} (3 documents, 3 codes, durée limitée à 30 min)."
    info.time_limit_minutes = None
    assert job_message(info) == f"Exercice créé : {out} (3 documents, 3 codes)."


# -- results too slow to make here (models, spaCy) or needing several projects: their dataclasses ---------------
def test_refi_import(qtbot) -> None:
    from workbench.ingest.refi import RefiImport

    report = RefiImport("/données/étude.qdpx", "MAXQDA", documents=5, merged_documents=2, codes=12, codings=40,
                        memos=3, variables=4, coders=2)
    assert job_message(report) == (
        "Import REFI-QDA terminé (étude.qdpx) : 5 documents (dont 2 déjà dans le projet), 12 nouveaux codes, "
        "40 codages, 3 mémos, 4 variables, 2 nouveaux codeurs.")


def test_segmentation(qtbot) -> None:
    from workbench.text.segment import SegmentReport

    report = SegmentReport(documents=12, sentences=57, tokens=830, languages={"fr": 10, "en": 2})
    assert job_message(report) == (
        "Segmentation terminée : 12 documents segmentés en 57 phrases et indexés (830 mots ; langues : en (2), "
        "fr (10)).")
    assert job_message(SegmentReport(documents=3, sentences=3, tokens=20)).endswith("langues : aucune détectée).")
    assert job_message(SegmentReport(skipped=4)) == (
        "Segmentation terminée : rien à segmenter, 4 documents étaient déjà segmentés.")
    assert job_message(SegmentReport()) == "Segmentation terminée : aucun document à segmenter."


def test_pseudonymisation(qtbot) -> None:
    from workbench.text.pseudonymise_project import PseudonymiseReport

    report = PseudonymiseReport(replacements={"person": 7, "email": 2, "phone": 0, "contrat": 3},
                                documents_changed=5, documents=20, reversible=True)
    assert job_message(report) == (
        "Pseudonymisation terminée : 5 documents pseudonymisés sur 20 (contrat : 3, 2 adresses e-mail, "
        "7 noms de personne) ; les originaux sont gardés dans le projet pour permettre la ré-identification.")
    nothing = PseudonymiseReport(replacements={"person": 0}, documents_changed=0, documents=20)
    assert job_message(nothing).endswith("sur 20 (aucune donnée personnelle trouvée) ; les originaux ne sont pas gardés.")
    every_kind = PseudonymiseReport(replacements=dict.fromkeys(("iban", "card", "address", "phone"), 2),
                                    documents_changed=2, documents=2)
    assert "(2 adresses postales, 2 numéros de carte bancaire, 2 IBAN, 2 numéros de téléphone)" in job_message(every_kind)


def test_removal(qtbot) -> None:
    from workbench.removal import RemovalReport

    assert job_message(RemovalReport(sources=2, documents=30, codings=12, suggestions=40, memos=2)) == (
        "Suppression terminée : 2 fichiers et 30 documents supprimés définitivement, avec 12 codages, "
        "40 suggestions et 2 mémos.")
    assert job_message(RemovalReport(documents=2, codings=3, suggestions=4, memos=5)) == (
        "Suppression terminée : 2 documents supprimés définitivement, avec 3 codages, 4 suggestions et 5 mémos.")


def test_suggestions(qtbot) -> None:
    from workbench.suggest.codes import _SHORT_WHY, SuggestResult

    schemes = {"Motifs": {"without": {"coded": 4, "below_threshold": 9}, "units": 60},
               "Émotions": {"without": {"precision_not_reached": 3, "reviewed": 2, "coded": 2}, "units": 60}}
    result = SuggestResult(run_id=7, model_id="minilm", filed=42, methods={}, seconds=12.4, companions=["lexical"],
                           schemes=schemes)
    assert job_message(result) == (
        "Calcul des suggestions terminé : 42 suggestions en attente de revue (analyse n° 7, minilm + lexical, 12 s) ; "
        "20 unités sans suggestion : 9 sous le seuil, 6 déjà codées, 3 hors de portée de la précision visée, "
        "2 déjà revues.")
    plain = SuggestResult(run_id=8, model_id="lexical", filed=3, methods={}, seconds=0.4)
    assert job_message(plain) == (
        "Calcul des suggestions terminé : 3 suggestions en attente de revue (analyse n° 8, lexical, 0 s).")
    for reason in _SHORT_WHY:  # every reason the engine counts has its French words
        one = SuggestResult(1, "lexical", 2, {}, 1.0, schemes={"S": {"without": {reason: 2}, "units": 2}})
        assert "pour une autre raison" not in job_message(one)
    alone = SuggestResult(1, "lexical", 0, {}, 1.0, schemes={"S": {"without": {"alone": 2}, "units": 2}})
    assert job_message(alone).endswith("2 unités sans suggestion : 2 car le code est seul dans son groupe, sans "
                                       "autre code à qui le comparer.")


def test_topics(qtbot) -> None:
    from workbench.suggest.topics import TopicsReport

    assert job_message(TopicsReport(run_id=3, topics=8, units=450, outlier_share_before_reduction=0.234)) == (
        "Recherche de thèmes terminée : 8 thèmes trouvés dans 450 unités (analyse n° 3) ; 23 % des unités, d'abord "
        "isolées, ont été rattachées au thème le plus proche.")
    assert job_message(TopicsReport(3, 5, 40, 0.0)) == (
        "Recherche de thèmes terminée : 5 thèmes trouvés dans 40 unités (analyse n° 3).")


def test_embedding(qtbot) -> None:
    from workbench.suggest.embed import EmbedResult
    from workbench.suggest.units import Unit

    units = [Unit("document", 1, 1, 0, 10, "Ma facture"), Unit("segment", 4, 1, 0, 5, "Merci")]
    result = EmbedResult(run_id=2, model_id="minilm", embedder=None, reason="", device="cpu", units=units,
                         computed=120, cached=30, seconds=4.3)
    assert job_message(result) == (
        "Calcul des vecteurs terminé (minilm sur cpu) : 120 unités vectorisées, 30 déjà en cache "
        "(documents et segments, 4,3 s).")
    result.units = units[1:]
    assert "(segments, 4,3 s)" in job_message(result)


def test_collect_and_hand_in(qtbot) -> None:
    from ui.views.exercise_jobs import HandedIn
    from workbench.training.handin import CollectReport, HandIn

    collected = [{"trainee": "nora", "codings": 12}, {"trainee": "leo", "codings": 9}]
    assert job_message(CollectReport(collected)) == "Collecte terminée : 2 copies collectées."
    refused = CollectReport(collected, ["/c/x.vwb: is not a hand-in", "/c/y.vwb: is not a hand-in"])
    assert job_message(refused) == "Collecte terminée : 2 copies collectées, 2 fichiers refusés."
    record = HandIn("/copies/exercice-nora.vwb", "guid", "nora", 12, "sig", "2026-12-05")
    assert job_message(record) == job_message(HandedIn(record)) == HandedIn(record).summary() == (
        "Copie rendue : /copies/exercice-nora.vwb (nora, 12 codages).")


def test_feedback_files(qtbot) -> None:
    from ui.views.exercise_jobs import Written

    excel = Written("excel", 4, "/retours/retours.xlsx")
    assert job_message(excel) == excel.summary() == (
        "Export Excel terminé : 4 feuilles écrites dans /retours/retours.xlsx.")
    assert job_message(Written("html", 3, "/retours")) == "Export HTML terminé : 3 pages écrites dans /retours."


def test_merge(qtbot) -> None:
    from workbench.merge import MergeReport, SourceReport

    nora = SourceReport("/équipe/nora.vwb", added=Counter(codings=5, coders=1), already=2,
                        skipped={"code renamed": Counter(coding=2), "role differs": Counter(memo=1, coding=1)})
    leo = SourceReport("/équipe/leo.vwb", added=Counter(codings=3))
    same = SourceReport("/équipe/sam.vwb", already=8)
    refused = [SourceReport(f"/équipe/{name}.vwb", refused="not a project") for name in ("x", "y")]
    report = MergeReport("/équipe/cible.vwb", [nora, leo, same, *refused])
    assert job_message(report) == (
        "Fusion terminée : 2 projets fusionnés dans cible.vwb (8 codages ajoutés, 4 éléments laissés de côté, "
        "2 fichiers refusés).")
    assert job_message(MergeReport("/équipe/cible.vwb", [nora, leo])) == (
        "Fusion terminée : 2 projets fusionnés dans cible.vwb (8 codages ajoutés, 4 éléments laissés de côté).")


def test_what_each_merged_copy_brought(qtbot) -> None:
    from workbench.merge import SourceReport

    nora = SourceReport("/équipe/nora.vwb", added=Counter(codings=5, memos=2, decisions=3, codes=2, coders=2),
                        already=4)
    assert job_message(nora) == ("nora.vwb a apporté 5 codages, 2 mémos, 3 décisions de revue, 2 nouveaux codes, "
                                 "2 nouveaux codeurs ; 4 éléments étaient déjà dans le projet.")
    assert job_message(SourceReport("/équipe/leo.vwb", added=Counter(memos=3))) == "leo.vwb a apporté 3 mémos."
    assert job_message(SourceReport("/équipe/leo.vwb", added=Counter({"memos": 3, "memo edits": 2}))) == (
        "leo.vwb a apporté 3 mémos, 2 modifications de mémo.")
    assert job_message(SourceReport("/équipe/sam.vwb", already=8)) == (
        "sam.vwb : rien de nouveau, le projet a déjà tout ce que cette copie pouvait apporter (8 éléments).")


def test_the_merge_dialog_words_the_copies_and_keeps_the_engines_conflict_lines(qtbot, filled: Project) -> None:
    from workbench.merge import MergeReport, SourceReport

    window = open_window(qtbot, filled)
    dialog = window.workspace.open_merge_dialog()
    nora = SourceReport("/équipe/nora.vwb", added=Counter(codings=3), skipped={
        "code «Motifs/Merci» is «Motifs/Compliment» in the target": Counter(coding=2)})
    leo = SourceReport("/équipe/leo.vwb", added=Counter(memos=2), already=3)
    refused = [SourceReport(f"/équipe/{name}.vwb", refused=f"{name}.vwb is not a Verbatim Workbench project")
               for name in ("x", "y")]
    agreement = "Agreement between claire, nora on 3 documents: Krippendorff's alpha 0.81"
    dialog.show_report(MergeReport(str(filled.path), [nora, leo, *refused], [agreement]))
    assert dialog.report.toPlainText().splitlines() == [
        ("Fusion terminée : 2 projets fusionnés dans test.vwb (3 codages ajoutés, 2 éléments laissés de côté, "
         "2 fichiers refusés)."),
        "",
        "nora.vwb a apporté 3 codages.",
        "nora.vwb: skipped: code «Motifs/Merci» is «Motifs/Compliment» in the target (2 codings)",
        "leo.vwb a apporté 2 mémos ; 3 éléments étaient déjà dans le projet.",
        "x.vwb: refused: x.vwb is not a Verbatim Workbench project",
        "y.vwb: refused: y.vwb is not a Verbatim Workbench project",
        agreement]


def test_integrity(qtbot) -> None:
    from workbench.integrity import IntegrityReport, Problem

    checked = {"documents": 30, "codings": 12, "segments": 90, "codes": 8, "memos": 2, "suggestions": 40,
               "tokens": 1500, "journal": 25}
    assert job_message(IntegrityReport("/p.vwb", checked=checked)) == (
        "Vérification terminée : aucun problème dans 30 documents, 12 codages, 90 segments, 8 codes, 2 mémos, "
        "40 suggestions, 1500 entrées d'index, 25 entrées du journal.")
    problems = [Problem("missing-reference", "codings", 4, "coding 4: no document 9"),
                Problem("span-outside-text", "codings", None, "3 more", count=3)]
    assert job_message(IntegrityReport("/p.vwb", problems=problems)) == "Vérification terminée : 4 problèmes trouvés."


def test_exports(qtbot) -> None:
    from ui.views.export_dialogs import ExportReport

    table = ExportReport("table", Path("/sorties/segments.csv"), {"segments": 3})
    assert job_message(table) == (
        "Export de table terminé : table « segments codés (une ligne par codage) » écrite dans "
        "/sorties/segments.csv : 3 lignes.")
    assert job_message(ExportReport("iramuteq", Path("/sorties/corpus.txt"), {"documents": 3})).startswith(
        "Export IRaMuTeQ terminé : corpus IRaMuTeQ écrit dans /sorties/corpus.txt : 3 documents")
    assert job_message(ExportReport("qdpx", Path("/sorties/p.qdpx"), {"documents": 2})).startswith(
        "Export REFI-QDA terminé : projet REFI-QDA écrit dans /sorties/p.qdpx")
    assert job_message(ExportReport("excel", Path("/sorties/c.xlsx"), {"Segments": 2})).startswith(
        "Export Excel terminé : classeur Excel écrit dans /sorties/c.xlsx")
    refused = ExportReport("table", Path("/sorties/segments.csv"), refused="/sorties/segments.csv is the project")
    assert job_message(refused) == "Export impossible : rien n'a été écrit."


# -- singular and plural, with the French file the program installs --------------------------------------------
@pytest.fixture
def french(qtbot) -> Iterator[None]:
    yield from installed_language("fr")


@pytest.mark.parametrize(("count", "collected", "removed", "imported"), [
    (0, "0 copie collectée", "0 document supprimé définitivement, avec 0 codage, 0 suggestion et 0 mémo",
     "0 document importé depuis 2 fichiers (Enquête : 0) ; 1 fichier n'a pas pu être importé"),
    (1, "1 copie collectée", "1 document supprimé définitivement, avec 1 codage, 1 suggestion et 1 mémo",
     "1 document importé depuis 2 fichiers (Enquête : 1) ; 1 fichier n'a pas pu être importé"),
    (2, "2 copies collectées", "2 documents supprimés définitivement, avec 2 codages, 2 suggestions et 2 mémos",
     "2 documents importés depuis 2 fichiers (Enquête : 2) ; 1 fichier n'a pas pu être importé"),
], ids=["0", "1", "2"])
def test_french_singular_and_plural(qtbot, french: None, count: int, collected: str, removed: str,
                                    imported: str) -> None:
    from workbench.ingest.folder import FileResult, ImportReport
    from workbench.removal import RemovalReport
    from workbench.training.handin import CollectReport

    assert job_message(CollectReport([{"trainee": "nora"}] * count)) == f"Collecte terminée : {collected}."
    assert job_message(RemovalReport(documents=count, codings=count, suggestions=count, memos=count)) == (
        f"Suppression terminée : {removed}.")
    files = [FileResult("/d/avis.csv", "imported", "survey", documents=count),
             FileResult("/d/bad.csv", "failed", message="line 2: cannot read as CSV")]
    assert job_message(ImportReport(files)) == f"Import terminé : {imported}."


@pytest.mark.parametrize(("count", "qdpx", "rows", "undo"), [
    (0, "0 document, 0 code, 0 codage, 0 mémo", "0 ligne", "Accepté 0 suggestion"),
    (1, "1 document, 1 code, 1 codage, 1 mémo", "1 ligne", "Accepté 1 suggestion"),
    (2, "2 documents, 2 codes, 2 codages, 2 mémos", "2 lignes", "Accepté 2 suggestions"),
], ids=["0", "1", "2"])
def test_french_singulars_of_exports_and_undo(qtbot, french: None, count: int, qdpx: str, rows: str,
                                              undo: str) -> None:
    """Counts built outside the job messages (an export's summary, the Undo menu's label) agree in number too."""
    from ui.views.export_dialogs import ExportReport
    from ui.views.undo_labels import entry_label

    counts = {"documents": count, "codes": count, "codings": count, "memos": count}
    assert ExportReport("qdpx", Path("/s/p.qdpx"), counts).summary() == f"projet REFI-QDA écrit dans /s/p.qdpx : {qdpx}."
    assert ExportReport("table", Path("/s/t.csv"), {"segments": count}).summary() == (
        f"table « segments codés (une ligne par codage) » écrite dans /s/t.csv : {rows}.")
    assert entry_label({"action": "accept_suggestions", "summary": {"suggestions": count}}) == undo


# -- through the window -----------------------------------------------------------------------------------------
def test_the_status_bar_says_what_an_import_did_in_french(qtbot, filled: Project, tmp_path: Path) -> None:
    """A real import through the window, two files refused: the window's sentence alone (the import dialog
    lists the refused files in the window's words, so the engine's English lines are not repeated); then the
    segmentation the import starts says its own sentence."""
    files = [*texts(tmp_path), broken(tmp_path, "a.csv"), broken(tmp_path, "b.csv")]
    window = open_window(qtbot, filled)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    reports: list[object] = []
    window.start_import(files, failures_listed=True).signals.finished.connect(reports.append)
    qtbot.waitUntil(lambda: bool(reports) and window.job is None and any(
        message.startswith("Segmentation") for message in messages), timeout=120000)
    imported = next(message for message in messages if message.startswith("Import"))
    assert imported == (
        "Import terminé : 2 documents importés depuis 4 fichiers (Appel : 2) ; 2 fichiers n'ont pas pu être importés.")
    assert len(reports[0].failures) == 2
    segmented = window.statusBar().currentMessage()
    # The project's three answers were not segmented yet: they are, with the two calls.
    assert segmented.startswith("Segmentation terminée : 5 documents segmentés en ") and "langues : fr (5)" in segmented
    assert "imported" not in imported and "segmented" not in segmented
