"""What the user does in the document view, turned into engine calls: apply a code (right-click menu of
favourite and recent codes, keys 1-9, the quick-code box, the whole document, the current speaker turn)
and edit a coding clicked in the text or in the margin (remove, recode, resize to the selection, memo).

Every change goes through `workbench.coding` or `workbench.store.memos`, run by the window's `run_change`,
which shows a refusal in plain words and refreshes what changed. Menus are opened with `popup`, not `exec`,
so the window never waits inside a menu; the last one stays in `menu` (tests trigger its actions).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QPoint, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QPlainTextEdit, QVBoxLayout, QWidget

from ui.refusals import refusal_text
from ui.views.document_styles import turn_at
from ui.views.document_view import DocumentPane
from ui.views.favourites import Favourites, code_choices
from ui.views.quick_code import QuickCodeBox, swatch
from workbench import coding
from workbench.browse import CodingSpan
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.store import memos

Change = Callable[[], object]


class MemoDialog(QDialog):
    """Write or rewrite one memo; `accepted` with the text in `editor`."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(460, 260)


def _excerpt(text: str, length: int = 40) -> str:
    line = " ".join(text.split())
    return line[:length] + "…" if len(line) > length else line


class CodingController(QObject):
    """The document pane's coding actions for one project and the current coder."""

    def __init__(self, pane: DocumentPane, settings: QSettings | None = None) -> None:
        super().__init__(pane)
        self.pane = pane
        self.viewer = pane.viewer
        self.settings = settings
        self.project: Project | None = None
        self.favourites: Favourites | None = None
        self._coder: Callable[[], str] = lambda: ""
        self._run: Callable[[Change], bool] = self._run_here
        self.menu: QMenu | None = None
        self.quick_box: QuickCodeBox | None = None
        self.memo_dialog: MemoDialog | None = None
        self.viewer.contextMenuRequested.connect(self.open_context_menu)
        self.viewer.codingsClicked.connect(self.open_coding_menu)
        self.viewer.stripeClicked.connect(self._stripe_clicked)
        self.viewer.favouriteKey.connect(self.apply_favourite)
        self.viewer.quickCodeRequested.connect(lambda: self.open_quick_code())

    def set_context(self, project: Project, coder: Callable[[], str], run_change: Callable[[Change], bool]) -> None:
        """The project, who codes (asked at each action: the coder may change) and how changes run."""
        self.project = project
        self._coder = coder
        self._run = run_change
        self.favourites = Favourites(project, self.settings)
        self.viewer.memos_for = lambda coding_id: memos.list_memos(project, "coding", coding_id)

    def _run_here(self, change: Change) -> bool:
        try:
            change()
        except WorkbenchError as exc:
            self.pane.show_notice(refusal_text(exc))
            return False
        return True

    def _ready(self) -> tuple[Project, int] | None:
        view = self.viewer.view
        return None if self.project is None or view is None else (self.project, view.id)

    # -- applying codes -------------------------------------------------------------------------------
    def apply_to_selection(self, code_id: int, span: tuple[int, int] | None = None) -> bool:
        ready = self._ready()
        span = span or self.viewer.selected_span()
        if ready is None:
            return False
        if span is None:
            self.pane.show_notice(self.tr("Sélectionnez d'abord un passage du texte à coder."))
            return False
        project, document_id = ready
        return self._run(lambda: coding.apply_code(project, document_id, code_id, span[0], span[1],
                                                   coder=self._coder()))

    def apply_to_document(self, code_id: int) -> bool:
        ready = self._ready()
        if ready is None:
            return False
        project, document_id = ready
        return self._run(lambda: coding.apply_code(project, document_id, code_id, coder=self._coder()))

    def current_turn(self, offset: int | None = None) -> int | None:
        """The speaker turn holding `offset` (by default the text cursor), or None."""
        view = self.viewer.view
        if view is None:
            return None
        return turn_at(view, self.viewer.cursor_offset() if offset is None else offset)

    def apply_to_turn(self, code_id: int, offset: int | None = None) -> bool:
        segment_id = self.current_turn(offset)
        if self.project is None or segment_id is None:
            self.pane.show_notice(self.tr("Placez le curseur dans un tour de parole."))
            return False
        project = self.project
        return self._run(lambda: coding.code_segment(project, segment_id, code_id, coder=self._coder()))

    def apply_favourite(self, key: int) -> bool:
        """Key 1-9: the favourite of that rank, on the selection."""
        if self.favourites is None or self.viewer.view is None:
            return False
        codes = self.favourites.codes()
        if key > len(codes):
            self.pane.show_notice(self.tr("Aucun code favori sur la touche {key}.").format(key=key))
            return False
        return self.apply_to_selection(codes[key - 1].id)

    def open_quick_code(self, target: str | None = None, offset: int | None = None) -> QuickCodeBox | None:
        """The quick-code box for the selection (the default), the turn ('turn') or the document
        ('document')."""
        if self.project is None or self.favourites is None or self.viewer.view is None:
            return None
        span = self.viewer.selected_span()
        if target is None:
            target = "selection"
            if span is None:
                self.pane.show_notice(self.tr("Sélectionnez d'abord un passage du texte à coder."))
                return None
        titles = {"selection": self.tr("Coder la sélection avec…"), "document": self.tr("Coder tout le document avec…"),
                  "turn": self.tr("Coder le tour de parole avec…")}
        box = QuickCodeBox(code_choices(self.project), self.favourites.codes(), titles[target], self.viewer)
        if target == "selection":
            box.chosen.connect(lambda code_id: self.apply_to_selection(code_id, span))
        elif target == "document":
            box.chosen.connect(self.apply_to_document)
        else:
            box.chosen.connect(lambda code_id: self.apply_to_turn(code_id, offset))
        rect = self.viewer.cursorRect()
        box.show_at(self.viewer.viewport().mapToGlobal(rect.bottomLeft()))
        self.quick_box = box
        return box

    # -- menus ----------------------------------------------------------------------------------------
    def _code_items(self, menu: QMenu, apply: Callable[[int], object], *, keys: bool, other: Callable[[], object]) -> None:
        """Favourites (with their key when it applies), recent codes, then "Other code…"."""
        assert self.favourites is not None
        for rank, choice in enumerate(self.favourites.codes(), start=1):
            action = menu.addAction(swatch(choice.color), f"&{rank}  {choice.name}")
            action.setToolTip(choice.path)
            if keys:
                action.setShortcut(QKeySequence(str(rank)))
            action.triggered.connect(lambda _checked=False, code_id=choice.id: apply(code_id))
        recent = self.favourites.recent(self._coder())
        if recent:
            menu.addSection(self.tr("Récents"))
            for choice in recent:
                action = menu.addAction(swatch(choice.color), choice.name)
                action.triggered.connect(lambda _checked=False, code_id=choice.id: apply(code_id))
        menu.addSeparator()
        more = menu.addAction(self.tr("Autre code…"))
        if keys:
            more.setShortcut(QKeySequence("Ctrl+K"))
        more.triggered.connect(lambda _checked=False: other())

    def context_menu(self, offset: int) -> QMenu:
        """The right-click menu at code point `offset`."""
        menu = QMenu(self.viewer)
        view = self.viewer.view
        if self.project is None or self.favourites is None or view is None:
            self._standard_items(menu)
            return menu
        span = self.viewer.selected_span()
        if span is not None:
            menu.addSection(self.tr("Coder la sélection"))
            self._code_items(menu, lambda code_id: self.apply_to_selection(code_id, span), keys=True,
                             other=lambda: self.open_quick_code("selection"))
        whole = menu.addMenu(self.tr("Coder tout le document"))
        self._code_items(whole, self.apply_to_document, keys=False, other=lambda: self.open_quick_code("document"))
        segment_id = self.current_turn(offset)
        if segment_id is not None:
            speaker = next((s.speaker for s in view.segments if s.id == segment_id), None) or ""
            turn = menu.addMenu(self.tr("Coder le tour de parole de {speaker}").format(speaker=speaker))
            self._code_items(turn, lambda code_id: self.apply_to_turn(code_id, offset), keys=False,
                             other=lambda: self.open_quick_code("turn", offset))
        here = self.viewer.codings_at(offset, whole=True)
        if here:
            menu.addSection(self.tr("Codages ici"))
            for coding_span in here:
                sub = menu.addMenu(swatch(coding_span.color), self._coding_title(coding_span))
                self._edit_items(sub, coding_span)
        menu.addSeparator()
        self._favourite_items(menu.addMenu(self.tr("Favoris")))
        menu.addSeparator()
        self._standard_items(menu)
        return menu

    def _standard_items(self, menu: QMenu) -> None:
        copy = menu.addAction(self.tr("Copier"), self.viewer.copy)
        copy.setEnabled(self.viewer.textCursor().hasSelection())
        menu.addAction(self.tr("Tout sélectionner"), self.viewer.selectAll)

    def _favourite_items(self, menu: QMenu) -> None:
        """Pin a code as a favourite (it takes the next key) or unpin one."""
        assert self.project is not None and self.favourites is not None
        favourites = self.favourites
        pin = menu.addMenu(self.tr("Épingler comme favori"))
        for choice in code_choices(self.project):
            if not choice.codable or favourites.is_pinned(choice.id):
                continue
            action = pin.addAction(swatch(choice.color), "    " * choice.depth + choice.name)
            action.triggered.connect(lambda _checked=False, code_id=choice.id: favourites.pin(code_id))
        unpin = menu.addMenu(self.tr("Retirer des favoris"))
        pinned = favourites.pinned()
        unpin.setEnabled(bool(pinned))
        for choice in pinned:
            action = unpin.addAction(swatch(choice.color), choice.name)
            action.triggered.connect(lambda _checked=False, code_id=choice.id: favourites.unpin(code_id))

    def _coding_title(self, span: CodingSpan) -> str:
        return self.tr("{code} · {coder}").format(code=span.code_name, coder=span.coder)

    def coding_menu(self, coding_ids: Sequence[int]) -> QMenu:
        """The menu of a clicked highlight or stripe: the edit actions of its coding, or one submenu per
        coding when several lie under the click."""
        menu = QMenu(self.viewer)
        spans = [span for coding_id in coding_ids if (span := self.viewer.coding(coding_id)) is not None]
        if len(spans) == 1:
            menu.addSection(self._coding_title(spans[0]))
            self._edit_items(menu, spans[0])
        else:
            for span in spans:
                self._edit_items(menu.addMenu(swatch(span.color), self._coding_title(span)), span)
        return menu

    def _resize_target(self) -> tuple[int, int] | None:
        """The selection a coding may be resized to: the current one, or the one a click just cleared."""
        return self.viewer.selected_span() or self.viewer.span_before_click

    def _edit_items(self, menu: QMenu, span: CodingSpan) -> None:
        assert self.project is not None
        coding_id = span.id
        menu.addAction(self.tr("Sélectionner le passage codé"),
                       lambda: self.viewer.select_span(span.start, span.end))
        menu.addAction(self.tr("Retirer ce codage"), lambda: self.remove(coding_id))
        recode = menu.addMenu(self.tr("Recoder avec"))
        for choice in code_choices(self.project):
            action = recode.addAction(swatch(choice.color), "    " * choice.depth + choice.name)
            action.setEnabled(choice.codable and choice.id != span.code_id)
            action.triggered.connect(lambda _checked=False, code_id=choice.id: self.recode(coding_id, code_id))
        target = self._resize_target()
        resize = menu.addAction(self.tr("Ajuster à la sélection"))
        resize.setEnabled(target is not None and target != (span.start, span.end))
        resize.triggered.connect(lambda _checked=False: target and self.resize(coding_id, target))
        menu.addSeparator()
        menu.addAction(self.tr("Ajouter un mémo…"), lambda: self.open_memo(coding_id))
        for memo in memos.list_memos(self.project, "coding", coding_id):
            menu.addAction(self.tr("Modifier le mémo « {text} »").format(text=_excerpt(memo["text"])),
                           lambda memo=memo: self.open_memo(coding_id, memo))

    def _popup(self, menu: QMenu, where: QPoint) -> QMenu:
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
        self.menu = menu
        menu.popup(where)
        return menu

    def open_context_menu(self, offset: int, where: QPoint) -> QMenu:
        return self._popup(self.context_menu(offset), where)

    def open_coding_menu(self, coding_ids: list[int], where: QPoint) -> QMenu:
        if len(coding_ids) == 1:
            self.viewer.set_current_coding(coding_ids[0])
        return self._popup(self.coding_menu(coding_ids), where)

    def _stripe_clicked(self, coding_id: int, where: QPoint) -> None:
        self.viewer.span_before_click = None  # the text's selection is untouched by a click in the margin
        self.open_coding_menu([coding_id], where)

    # -- editing a coding -----------------------------------------------------------------------------
    def remove(self, coding_id: int) -> bool:
        project = self.project
        return project is not None and self._run(lambda: coding.remove_coding(project, coding_id, coder=self._coder()))

    def recode(self, coding_id: int, code_id: int) -> bool:
        project = self.project
        return project is not None and self._run(
            lambda: coding.recode(project, coding_id, code_id, coder=self._coder()))

    def resize(self, coding_id: int, span: tuple[int, int]) -> bool:
        project = self.project
        return project is not None and self._run(
            lambda: coding.resize_coding(project, coding_id, span[0], span[1], coder=self._coder()))

    def open_memo(self, coding_id: int, memo: dict[str, Any] | None = None) -> MemoDialog:
        """The memo editor for a coding: a new memo, or `memo` to rewrite. Saved when the user confirms."""
        span = self.viewer.coding(coding_id)
        about = f"{span.code_name} « {_excerpt(self.viewer.view.text[span.start:span.end])} »" if span and self.viewer.view else ""
        title = (self.tr("Mémo sur {about}") if memo is None else self.tr("Modifier le mémo sur {about}")).format(about=about)
        dialog = MemoDialog(title, memo["text"] if memo else "", self.viewer.window())
        project = self.project

        def save() -> None:
            text = dialog.editor.toPlainText()
            if project is None:
                return
            if memo is None:
                self._run(lambda: memos.add_memo(project, "coding", coding_id, text, coder=self._coder()))
            else:
                self._run(lambda: memos.edit_memo(project, int(memo["id"]), text, coder=self._coder()))

        dialog.accepted.connect(save)
        dialog.open()
        self.memo_dialog = dialog
        return dialog
