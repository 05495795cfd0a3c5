"""What the window says when a job ends: one sentence in the window's language, built from the result's fields.

The engine's `summary()` is English on purpose (it is also what the command line prints); shown after a
French title it made the status bar speak two languages. Each result type the window can get back from a job
has its sentence here, counts and all, so that French agrees in gender and number ("Collecte terminée :
2 copies collectées") and the English translation gets whole sentences rather than glued pieces.

The strings live in a QObject and go through `self.tr(…, "", n)`: pyside6-lupdate marks a string as having
singular and plural forms only in that shape (not in `QCoreApplication.translate` with a count). French being
the source language, the source is the plural; its singular (French says "0 copie" and "1 copie") comes from
`verbatim_fr.ts`, as for every count in the window.

The engine's failure lines (`report.failures`) and error messages stay as the engine words them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from ui.kinds import kind_label

if TYPE_CHECKING:
    from ui.views.exercise_jobs import HandedIn, Written
    from ui.views.export_dialogs import ExportReport
    from workbench.backup import BackupReport
    from workbench.codebook_files import CodebookExported, CodebookLoaded
    from workbench.ingest.folder import ImportReport
    from workbench.ingest.refi import RefiImport
    from workbench.integrity import IntegrityReport
    from workbench.merge import MergeReport, SourceReport
    from workbench.removal import RemovalReport
    from workbench.suggest.codes import SuggestResult
    from workbench.suggest.embed import EmbedResult
    from workbench.suggest.topics import TopicsReport
    from workbench.text.pseudonymise_project import PseudonymiseReport
    from workbench.text.segment import SegmentReport
    from workbench.training.exercise import ExerciseInfo
    from workbench.training.handin import CollectReport, HandIn


class JobMessages(QObject):
    """One method per result type; each returns the whole sentence, title included, ending with a full stop."""

    def done(self) -> str:
        return self.tr("Tâche terminée.")

    def decimal(self, value: float, places: int) -> str:
        """`value` with the language's decimal separator ("1,5" in French)."""
        return f"{value:.{places}f}".replace(".", self.tr(",", "decimal separator"))

    # -- bringing documents in --------------------------------------------------------------------------------
    def imported(self, report: ImportReport) -> str:
        text = self.tr("Import terminé : {documents} depuis {files}").format(
            documents=self.tr("%n documents importés", "", report.documents),
            files=self.tr("%n fichiers", "", len(report.files)))
        kinds = report.by_kind()
        if kinds:
            text += " ({})".format(", ".join(self.tr("{kind} : {count}").format(kind=kind_label(kind), count=count)
                                             for kind, count in sorted(kinds.items())))
        skipped = sum(result.status == "skipped" for result in report.files)
        if skipped:
            text += self.tr(" ; %n fichiers déjà importés, ignorés", "", skipped)
        if report.failed:
            text += self.tr(" ; %n fichiers n'ont pas pu être importés", "", len(report.failed))
        return text + "."

    def refi_imported(self, report: RefiImport) -> str:
        documents = self.tr("%n documents", "", report.documents)
        if report.merged_documents:
            documents += self.tr(" (dont %n déjà dans le projet)", "", report.merged_documents)
        return self.tr("Import REFI-QDA terminé ({name}) : {documents}, {codes}, {codings}, {memos}, {variables}, "
                       "{coders}.").format(
            name=Path(report.path).name, documents=documents,
            codes=self.tr("%n nouveaux codes", "", report.codes),
            codings=self.tr("%n codages", "", report.codings),
            memos=self.tr("%n mémos", "", report.memos),
            variables=self.tr("%n variables", "", report.variables),
            coders=self.tr("%n nouveaux codeurs", "", report.coders))

    def segmented(self, report: SegmentReport) -> str:
        if not report.documents:
            if report.skipped:
                return self.tr("Segmentation terminée : rien à segmenter, %n documents étaient déjà segmentés.", "",
                               report.skipped)
            return self.tr("Segmentation terminée : aucun document à segmenter.")
        languages = ", ".join(f"{language} ({count})" for language, count in sorted(report.languages.items()))
        return self.tr("Segmentation terminée : {documents} ({words} ; langues : {languages}).").format(
            documents=self.tr("%n documents segmentés en {sentences} et indexés", "", report.documents).format(
                sentences=self.tr("%n phrases", "", report.sentences)),
            words=self.tr("%n mots", "", report.tokens),
            languages=languages or self.tr("aucune détectée"))

    def pseudonymised(self, report: PseudonymiseReport) -> str:
        found = [self._personal_data(kind, count) for kind, count in sorted(report.replacements.items()) if count]
        if report.reversible:
            originals = self.tr("les originaux sont gardés dans le projet pour permettre la ré-identification")
        else:
            originals = self.tr("les originaux ne sont pas gardés")
        return self.tr("Pseudonymisation terminée : {changed} ({found}) ; {originals}.").format(
            changed=self.tr("%n documents pseudonymisés sur {total}", "", report.documents_changed).format(
                total=report.documents),
            found=", ".join(found) or self.tr("aucune donnée personnelle trouvée"), originals=originals)

    def _personal_data(self, kind: str, count: int) -> str:
        """The engine's kinds of personal data by name; a kind the user defined is shown as they named it."""
        words = {
            "person": lambda: self.tr("%n noms de personne", "", count),
            "email": lambda: self.tr("%n adresses e-mail", "", count),
            "phone": lambda: self.tr("%n numéros de téléphone", "", count),
            "iban": lambda: self.tr("%n IBAN", "", count),
            "card": lambda: self.tr("%n numéros de carte bancaire", "", count),
            "address": lambda: self.tr("%n adresses postales", "", count),
        }
        return words[kind]() if kind in words else self.tr("{kind} : {count}").format(kind=kind, count=count)

    def removed(self, report: RemovalReport) -> str:
        documents = self.tr("%n documents", "", report.documents)
        if report.sources:
            removed = self.tr("{files} et {documents} supprimés définitivement").format(
                files=self.tr("%n fichiers", "", report.sources), documents=documents)
        else:
            removed = self.tr("%n documents supprimés définitivement", "", report.documents)
        return self.tr("Suppression terminée : {removed}, avec {codings}, {suggestions} et {memos}.").format(
            removed=removed, codings=self.tr("%n codages", "", report.codings),
            suggestions=self.tr("%n suggestions", "", report.suggestions), memos=self.tr("%n mémos", "", report.memos))

    # -- models -----------------------------------------------------------------------------------------------
    def suggested(self, result: SuggestResult) -> str:
        text = self.tr("Calcul des suggestions terminé : {filed} (analyse n° {run}, {models}, {seconds} s)").format(
            filed=self.tr("%n suggestions en attente de revue", "", result.filed), run=result.run_id,
            models=" + ".join([result.model_id, *result.companions]), seconds=f"{result.seconds:.0f}")
        without = Counter[str]()
        for details in result.schemes.values():
            without.update(details.get("without") or {})
        if sum(without.values()):
            reasons = ", ".join(self._without(reason, count) for reason, count in without.most_common())
            text += self.tr(" ; {units} sans suggestion : {reasons}").format(
                units=self.tr("%n unités", "", sum(without.values())), reasons=reasons)
        return text + "."

    def _without(self, reason: str, count: int) -> str:
        """Why units got no suggestion (`suggest.codes` counts them by these keys)."""
        words = {
            "coded": lambda: self.tr("%n déjà codées", "", count),
            "below_threshold": lambda: self.tr("{count} sous le seuil").format(count=count),
            "precision_not_reached": lambda: self.tr("{count} hors de portée de la précision visée").format(count=count),
            "reviewed": lambda: self.tr("%n déjà revues", "", count),
            "alone": lambda: self.tr("{count} car le code est seul dans son groupe, sans autre code à qui le "
                                     "comparer").format(count=count),
        }
        return words[reason]() if reason in words else self.tr("{count} pour une autre raison").format(count=count)

    def topics(self, report: TopicsReport) -> str:
        text = self.tr("Recherche de thèmes terminée : {topics} dans {units} (analyse n° {run})").format(
            topics=self.tr("%n thèmes trouvés", "", report.topics), units=self.tr("%n unités", "", report.units),
            run=report.run_id)
        reassigned = round(100 * report.outlier_share_before_reduction)
        if reassigned:
            text += self.tr(" ; {percent} % des unités, d'abord isolées, ont été rattachées au thème le plus "
                            "proche").format(percent=reassigned)
        return text + "."

    def embedded(self, result: EmbedResult) -> str:
        kinds = {unit.kind for unit in result.units}
        units = (self.tr("documents et segments") if kinds == {"document", "segment"}
                 else self.tr("documents") if kinds == {"document"}
                 else self.tr("segments") if kinds == {"segment"} else self.tr("aucune unité"))
        return self.tr("Calcul des vecteurs terminé ({model} sur {device}) : {computed}, {cached} déjà en cache "
                       "({units}, {seconds} s).").format(
            model=result.model_id, device=result.device,
            computed=self.tr("%n unités vectorisées", "", result.computed), cached=result.cached, units=units,
            seconds=self.decimal(result.seconds, 1))

    # -- training ---------------------------------------------------------------------------------------------
    def exercise(self, info: ExerciseInfo) -> str:
        limit = (self.tr(", durée limitée à {minutes} min").format(minutes=info.time_limit_minutes)
                 if info.time_limit_minutes else "")
        return self.tr("Exercice créé : {path} ({documents}, {codes}{limit}).").format(
            path=info.path, documents=self.tr("%n documents", "", len(info.documents)),
            codes=self.tr("%n codes", "", len(info.codes)), limit=limit)

    def collected(self, report: CollectReport) -> str:
        text = self.tr("Collecte terminée : %n copies collectées", "", len(report.collected))
        if report.failures:
            text += self.tr(", %n fichiers refusés", "", len(report.failures))
        return text + "."

    def handed_in(self, record: HandIn) -> str:
        return self.tr("Copie rendue : {path} ({trainee}, {codings}).").format(
            path=record.path, trainee=record.trainee, codings=self.tr("%n codages", "", record.codings))

    def written(self, written: Written) -> str:
        if written.format == "excel":
            return self.tr("Export Excel terminé : %n feuilles écrites dans {path}.", "", written.count).format(
                path=written.path)
        return self.tr("Export HTML terminé : %n pages écrites dans {path}.", "", written.count).format(
            path=written.path)

    # -- the project as a whole -------------------------------------------------------------------------------
    def backed_up(self, report: BackupReport) -> str:
        return self.tr("Sauvegarde terminée : copie écrite dans {path} ({documents}, {codings}, {size} Mo).").format(
            path=report.path, documents=self.tr("%n documents", "", report.documents),
            codings=self.tr("%n codages", "", report.codings), size=self.decimal(report.size / 1024**2, 1))

    def merged(self, report: MergeReport) -> str:
        merged = [source for source in report.sources if source.refused is None and not source.nothing_new]
        codings = sum(source.added["codings"] for source in report.sources)
        skipped = sum(sum(kinds.values()) for source in report.sources for kinds in source.skipped.values())
        refused = sum(source.refused is not None for source in report.sources)
        details = self.tr("%n codages ajoutés", "", codings)
        if skipped:
            details += self.tr(", %n éléments laissés de côté", "", skipped)
        if refused:
            details += self.tr(", %n fichiers refusés", "", refused)
        return self.tr("Fusion terminée : {projects} dans {target} ({details}).").format(
            projects=self.tr("%n projets fusionnés", "", len(merged)), target=Path(report.target).name,
            details=details)

    def merged_copy(self, source: SourceReport) -> str:
        """What one copy brought. A refused copy is a failure line, left as the engine words it."""
        name = Path(source.path).name
        if source.nothing_new:
            return self.tr("{name} : rien de nouveau, le projet a déjà tout ce que cette copie pouvait apporter "
                           "({items}).").format(name=name, items=self.tr("%n éléments", "", source.already))
        counts = source.added
        parts = [text for count, text in (
            (counts["codings"], self.tr("%n codages", "", counts["codings"])),
            (counts["memos"], self.tr("%n mémos", "", counts["memos"])),
            (counts["memo edits"], self.tr("%n modifications de mémo", "", counts["memo edits"])),
            (counts["decisions"], self.tr("%n décisions de revue", "", counts["decisions"])),
            (counts["codes"], self.tr("%n nouveaux codes", "", counts["codes"])),
            (counts["coders"], self.tr("%n nouveaux codeurs", "", counts["coders"]))) if count]
        text = self.tr("{name} a apporté {parts}").format(name=name, parts=", ".join(parts))
        if source.already:
            text += self.tr(" ; %n éléments étaient déjà dans le projet", "", source.already)
        return text + "."

    def checked(self, report: IntegrityReport) -> str:
        if not report.whole:
            return self.tr("Vérification terminée : %n problèmes trouvés.", "", report.found)
        return self.tr("Vérification terminée : aucun problème dans {counts}.").format(
            counts=", ".join(self._rows(table, count) for table, count in report.checked.items()))

    def _rows(self, table: str, count: int) -> str:
        """What the integrity check counted, per table (`integrity._COUNTED`)."""
        words = {
            "documents": lambda: self.tr("%n documents", "", count),
            "codings": lambda: self.tr("%n codages", "", count),
            "segments": lambda: self.tr("%n segments", "", count),
            "codes": lambda: self.tr("%n codes", "", count),
            "memos": lambda: self.tr("%n mémos", "", count),
            "suggestions": lambda: self.tr("%n suggestions", "", count),
            "tokens": lambda: self.tr("%n entrées d'index", "", count),
            "journal": lambda: self.tr("%n entrées du journal", "", count),
        }
        return words[table]() if table in words else self.tr("{table} : {count}").format(table=table, count=count)

    def codebook_loaded(self, report: CodebookLoaded) -> str:
        return self.tr("Chargement du livre de codes terminé : %n codes chargés depuis {source}.", "",
                       report.codes).format(source=report.source)

    def codebook_exported(self, report: CodebookExported) -> str:
        return self.tr("Export du livre de codes terminé : %n codes écrits dans {path}.", "", report.codes).format(
            path=report.path)

    def exported(self, report: ExportReport) -> str:
        """The export dialog words what the file holds (`ExportReport.summary`, French already); the title
        names the format."""
        if report.refused:
            return self.tr("Export impossible : rien n'a été écrit.")
        titles = {"excel": self.tr("Export Excel terminé : {summary}"),
                  "table": self.tr("Export de table terminé : {summary}"),
                  "qdpx": self.tr("Export REFI-QDA terminé : {summary}"),
                  "iramuteq": self.tr("Export IRaMuTeQ terminé : {summary}")}
        return titles[report.what].format(summary=report.summary())


@cache
def _builders() -> dict[type, Callable[[JobMessages, Any], str]]:
    """Result type -> its sentence. Imported on first use: the window starts without loading every job's
    module, and `ui.views.exercise_jobs` uses this module itself."""
    from ui.views.exercise_jobs import HandedIn, Written
    from ui.views.export_dialogs import ExportReport
    from workbench.backup import BackupReport
    from workbench.codebook_files import CodebookExported, CodebookLoaded
    from workbench.ingest.folder import ImportReport
    from workbench.ingest.refi import RefiImport
    from workbench.integrity import IntegrityReport
    from workbench.merge import MergeReport, SourceReport
    from workbench.removal import RemovalReport
    from workbench.suggest.codes import SuggestResult
    from workbench.suggest.embed import EmbedResult
    from workbench.suggest.topics import TopicsReport
    from workbench.text.pseudonymise_project import PseudonymiseReport
    from workbench.text.segment import SegmentReport
    from workbench.training.exercise import ExerciseInfo
    from workbench.training.handin import CollectReport, HandIn

    def handed_in(messages: JobMessages, handed: HandedIn) -> str:
        return messages.handed_in(handed.record)

    return {
        ImportReport: JobMessages.imported, RefiImport: JobMessages.refi_imported,
        SegmentReport: JobMessages.segmented, PseudonymiseReport: JobMessages.pseudonymised,
        RemovalReport: JobMessages.removed, SuggestResult: JobMessages.suggested, TopicsReport: JobMessages.topics,
        EmbedResult: JobMessages.embedded, ExerciseInfo: JobMessages.exercise, CollectReport: JobMessages.collected,
        HandIn: JobMessages.handed_in, HandedIn: handed_in, Written: JobMessages.written,
        BackupReport: JobMessages.backed_up, MergeReport: JobMessages.merged, SourceReport: JobMessages.merged_copy,
        IntegrityReport: JobMessages.checked, CodebookLoaded: JobMessages.codebook_loaded,
        CodebookExported: JobMessages.codebook_exported, ExportReport: JobMessages.exported,
    }


def message_types() -> frozenset[type]:
    """The result types that have their own sentence (a test holds every type with a `summary()` to it)."""
    return frozenset(_builders())


def job_message(result: object) -> str:
    """The sentence the window shows when a job returned `result`. A type without one gets a plain "done" in
    the window's language rather than the engine's English; the test of `message_types` keeps that from
    happening to any result type the engine has."""
    builders, messages = _builders(), JobMessages()
    for klass in type(result).__mro__:
        if klass in builders:
            return builders[klass](messages, result)
    return messages.done()
