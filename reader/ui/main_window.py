"""The main window: library list, reader and notes panel side by side."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..core import backups, citations, export_scope, export_targets, library_settings, transfer
from ..core.batch import FileOutcome, import_files
from ..core.import_summary import ImportSummary
from ..core.ingest import SUPPORTED_SUFFIXES
from ..core.library import Library, LibraryError, NotFound
from ..core.model import Source
from ..core.note_plain import note_plain_text
from ..core.safe_links import ArticleRef
from ..core.search import SearchHit
from ..core.spans import Span, note_spans
from ..core.transfer import ImportReport
from . import context_menus, session_state
from .capture import CaptureControl
from .citation_copy import copy_citation
from .claims_panel import ClaimsController
from .commands import SetArchived, SetArticleTags, TrashArticle
from .crash import write_log
from .elsewhere import ElsewhereController
from .export_dialog import ExportDialog
from .find_bar import FindBar
from .focus_mode import PanelToggles
from .library_view import LibraryView
from .live_reload import LiveReload
from .notes_panel import NotesPanel
from .reader_view import ReaderView
from .report_action import ReportAction
from .search_dialog import SearchDialog
from .settings import Preferences
from .tasks import Progress, Task, Work
from .theme import THEME_CHOICES, application_palette
from .trash_view import TrashControls
from .undo_stack import GuardedUndoStack, step_actions

Cancel = Callable[[], bool]

IMPORT_FILTER = (
    "Saved pages, PDFs, EPUBs and text ("
    + " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
    + ");;All files (*)"
)


class MainWindow(QMainWindow):
    importFinished = Signal(int, int)  # imported, failed

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.prefs = Preferences.load()
        self.undo = GuardedUndoStack(self)  # a write that fails leaves nothing to undo
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(1280, 820)

        self.library_view = LibraryView(library)
        self.reader = ReaderView()
        self.reader.note_summary = self._note_summary
        self.find_bar = FindBar(self.reader)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.reader, 1)
        centre_layout.addWidget(self.find_bar)
        self.notes = NotesPanel(library, self.undo)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_view)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.notes)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([330, 640, 340])
        self.setCentralWidget(self.splitter)

        self.library_view.articleSelected.connect(self.open_article)
        self.reader.sentenceClicked.connect(self._sentence_chosen)
        self.reader.noteRequested.connect(self._write_note)
        self.reader.spanRequested.connect(self._write_span_note)
        self.reader.spanSelected.connect(
            lambda _span: self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow",
                    "Enter (or right-click ▸ Note the Selection) notes the selected words",
                ),
                6000,
            )
        )
        self.reader.zoomChanged.connect(self._zoomed)
        self.notes.notesChanged.connect(self._notes_changed)
        self.notes.jumpRequested.connect(self.select_sentence)
        self.notes.articleRequested.connect(self._open_article_ref)
        self.notes.citationRequested.connect(self._open_citation)
        self.notes.editorClosed.connect(self.reader.setFocus)

        self._importing = False  # one import at a time
        self._queued_imports: list[Path] = []  # paths handed in while one runs
        self.current_article_id: int | None = None
        self._closed = False
        self._tasks: list[Task] = []  # background work, kept alive until it finishes
        self.capture = CaptureControl(self)  # import from URL, paste, the inbox folder

        # Save the reading place a moment after scrolling stops, so a crash loses little.
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(1500)
        self._position_timer.timeout.connect(self._remember_position)
        self.reader.verticalScrollBar().valueChanged.connect(self._position_timer.start)

        self.claims_view = ClaimsController(self)
        self.elsewhere = ElsewhereController(self)
        # Follow changes other processes and the background workers make to the file.
        self.live = LiveReload(self)
        self.live.start()

        self._build_menu()
        context_menus.install_library_menu(self)
        self.reader.extend_menu = lambda menu, index: context_menus.add_reader_items(
            self, menu, index
        )
        self.statusBar().showMessage(self.tr("Library: {0}").format(library.path))
        self.apply_preferences()
        self._restore_layout()
        session_state.restore_list_state(self.library_view)
        self._follow_system_theme()

    # -- menu ------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "&Import…"),
            self._ask_import_files,
            QKeySequence.StandardKey.Open,
        )
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "Import &Folder…"),
            self._ask_import_folder,
        )
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "Import from &URL…"),
            self.capture.ask_url,
            "Ctrl+L",
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "&Export Notes…"),
            self._export_notes,
            "Ctrl+Shift+E",
        )
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "Import &Notes…"),
            self._import_notes,
        )
        self._action(
            file_menu, QCoreApplication.translate("MainWindow", "&Back Up Library…"), self._back_up
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            QCoreApplication.translate("MainWindow", "&Quit"),
            self.close,
            QKeySequence.StandardKey.Quit,
        )

        edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        undo, redo = step_actions(
            self.undo,
            self,
            QCoreApplication.translate("MainWindow", "&Undo"),
            QCoreApplication.translate("MainWindow", "&Redo"),
        )
        undo.setShortcuts([QKeySequence.StandardKey.Undo])
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        edit.addSeparator()
        self.copy_citation_action = self._action(
            edit,
            QCoreApplication.translate("MainWindow", "Copy as &Citation"),
            lambda: copy_citation(self),
            "Ctrl+Shift+C",
        )
        self._action(
            edit,
            QCoreApplication.translate("MainWindow", "Paste as &Article"),
            self.capture.paste,
            "Ctrl+Shift+V",
        )
        edit.addSeparator()
        self._action(
            edit,
            QCoreApplication.translate("MainWindow", "&Search Library…"),
            self.open_search,
            "Ctrl+K",
        )
        self._action(
            edit,
            QCoreApplication.translate("MainWindow", "&Find in Article…"),
            self.find_bar.open_bar,
            QKeySequence.StandardKey.Find,
        )
        self._action(
            edit,
            QCoreApplication.translate("MainWindow", "Find &Next"),
            self.find_bar.next,
            QKeySequence.StandardKey.FindNext,
        )
        self._action(
            edit,
            QCoreApplication.translate("MainWindow", "Find Pre&vious"),
            self.find_bar.previous,
            QKeySequence.StandardKey.FindPrevious,
        )

        article = bar.addMenu(QCoreApplication.translate("MainWindow", "&Article"))
        self._action(
            article,
            QCoreApplication.translate("MainWindow", "&Note the Selection"),
            self._write_note_current,
            "Ctrl+N",
        )
        self._action(
            article, QCoreApplication.translate("MainWindow", "Notes to &Review"), self._show_review
        )
        self.archive_action = self._action(
            article,
            QCoreApplication.translate("MainWindow", "&Archive"),
            self._toggle_archive,
            "Ctrl+E",
        )
        self._action(
            article, QCoreApplication.translate("MainWindow", "&Tags…"), self._edit_tags, "Ctrl+T"
        )
        self._action(
            article,
            QCoreApplication.translate("MainWindow", "&Delete"),
            self._delete_article,
            QKeySequence.StandardKey.Delete,
        )
        article.addSeparator()
        self.report = ReportAction(self, article)
        article.addSeparator()
        self.trash = TrashControls(self, article)

        view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        self._action(
            view,
            QCoreApplication.translate("MainWindow", "Zoom &In"),
            lambda: self.reader.zoom(1),
            QKeySequence.StandardKey.ZoomIn,
        )
        self._action(
            view,
            QCoreApplication.translate("MainWindow", "Zoom &Out"),
            lambda: self.reader.zoom(-1),
            QKeySequence.StandardKey.ZoomOut,
        )
        self._action(
            view,
            QCoreApplication.translate("MainWindow", "&Actual Size"),
            self._reset_zoom,
            "Ctrl+0",
        )
        view.addSeparator()
        self.claims_view.add_actions(view, article)
        self.panels = PanelToggles(
            self, self.splitter, self.library_view, self.reader, self.notes, view
        )
        view.addSeparator()
        themes = view.addMenu(QCoreApplication.translate("MainWindow", "&Theme"))
        self.theme_actions = QActionGroup(self)
        theme_labels = {
            "system": self.tr("Follow the System"),
            "light": self.tr("Light"),
            "sepia": self.tr("Sepia"),
            "dark": self.tr("Dark"),
        }
        for choice in THEME_CHOICES:
            label = theme_labels[choice]
            action = themes.addAction(label)
            action.setCheckable(True)
            action.setData(choice)
            action.setChecked(choice == self.prefs.theme)
            self.theme_actions.addAction(action)
        self.theme_actions.triggered.connect(lambda a: self.set_theme(a.data()))
        view.addSeparator()
        self._action(
            view,
            QCoreApplication.translate("MainWindow", "&Preferences…"),
            self._open_preferences,
            QKeySequence.StandardKey.Preferences,
        )

        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self._action(
            help_menu,
            QCoreApplication.translate("MainWindow", "&Keyboard Shortcuts"),
            self._shortcuts_help,
            "F1",
        )
        self._action(
            help_menu, QCoreApplication.translate("MainWindow", "&About Gloss"), self._about
        )

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _ask_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, QCoreApplication.translate("MainWindow", "Import saved pages"), "", IMPORT_FILTER
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def _ask_import_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("MainWindow", "Import a folder of saved pages")
        )
        if name:
            self.import_paths([Path(name)])

    def _about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About Gloss"),
            QCoreApplication.translate(
                "MainWindow",
                "<b>Gloss {0}</b><p>Read saved web articles offline and check them "
                "sentence by sentence.</p><p>Library: {1}</p>",
            ).format(__version__, html.escape(str(self.library.path))),
        )

    def _shortcuts_help(self) -> None:
        from .shortcuts_help import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.open()

    # -- preferences -----------------------------------------------------------------------

    def apply_preferences(self) -> None:
        style = self.prefs.reader_style()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(application_palette(style.theme, app.style().standardPalette()))
        self.reader.set_style(style)
        self.library_view.set_theme(style.theme)
        self.notes.set_theme(style.theme)

    def set_theme(self, choice: str) -> None:
        self.prefs.theme = choice
        self.prefs.save()
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == choice)
        self.apply_preferences()

    def _follow_system_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.styleHints().colorSchemeChanged.connect(
                lambda _scheme: self.apply_preferences() if self.prefs.theme == "system" else None
            )

    def _save_publishing(self, values: dict[str, str]) -> None:
        try:
            library_settings.set_values(self.library, values)
        except LibraryError as exc:  # a read-only or damaged library: said, not lost silently
            QMessageBox.warning(
                self,
                APP_NAME,
                self.tr("The fact-check publishing settings were not saved: {0}").format(exc),
            )

    def _zoomed(self, size: float) -> None:
        self.prefs.size = size
        self.prefs.save()

    def _reset_zoom(self) -> None:
        from .settings import DEFAULT_SIZE

        self.reader.zoom(int(DEFAULT_SIZE - self.reader.style_.size))

    def _open_preferences(self) -> None:
        from .preferences_dialog import PreferencesDialog

        publishing = library_settings.values(self.library)
        dialog = PreferencesDialog(
            self.prefs, self, open_library=self.library.path, publishing=publishing
        )
        if self.library.writes_refused:
            dialog.publishing.set_read_only(self.library.writes_refused)
        if dialog.exec():
            # Only what the reader changed here: another process (`gloss settings`) may
            # have set the others while the dialog was open, and its values stand.
            edited = dialog.result_publishing()
            if changed := {k: v for k, v in edited.items() if v != publishing.get(k, "")}:
                self._save_publishing(changed)
            old_library = self.prefs.library
            self.prefs = dialog.result_preferences()
            self.prefs.save()
            dialog.result_inbox().save()
            self.capture.restart_inbox()
            for action in self.theme_actions.actions():
                action.setChecked(action.data() == self.prefs.theme)
            self.apply_preferences()
            if self.prefs.library != old_library:
                QMessageBox.information(
                    self,
                    APP_NAME,
                    QCoreApplication.translate(
                        "MainWindow", "The new library location is used from the next start."
                    ),
                )

    # -- importing -------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders in the background; the same path for menu, drop and
        files handed over by `gloss FILE`. Paths given during an import follow it."""
        importing = self.tr("Importing {0} of {1}: {2}")
        if self._importing:
            self._queued_imports.extend(paths)
            return
        self._importing = True

        def work(library: Library, progress: Progress, cancelled: Cancel) -> list[FileOutcome]:
            def report(done: int, total: int, name: str) -> None:
                progress(done, total, importing.format(done + 1, total, name) if name else "")

            outcomes = list(import_files(library, paths, report, cancelled))
            for outcome in outcomes:
                if outcome.trace:
                    write_log(outcome.trace)
            return outcomes

        self.run_task(
            work,
            self._import_done,
            label=QCoreApplication.translate("MainWindow", "Importing…"),
            on_error=lambda message: self._import_done([], message),
        )

    def _import_done(self, outcomes: list[FileOutcome], error: str = "") -> None:
        self._importing = False
        # `error`: the library itself could not be opened or written.
        summary = ImportSummary.of(outcomes, error, str(self.library.path))
        self.last_import = summary
        message = self.tr("Import: {0}").format(summary.line())
        self.library_view.refresh()
        # The article on screen may have new text: show it in place, drafts kept.
        self.live.refresh()
        if summary.last_article is not None:
            if self.notes.is_writing() and summary.last_article != self.current_article_id:
                # Opening the new article would throw away the note being written.
                message += " — your note is still open; the new article is in the list"
            else:
                self.library_view.select_article(summary.last_article)
        self.statusBar().showMessage(message, 10000)
        if summary.failures:
            self._show_failures(summary)
            if summary.unplaced_in:
                self.failure_box.finished.connect(lambda _r: self._offer_unplaced(summary))
        elif summary.unplaced_in:
            self._offer_unplaced(summary)
        self.importFinished.emit(summary.imported, summary.failed)
        if self._queued_imports:
            queued, self._queued_imports = self._queued_imports, []
            self.import_paths(queued)

    def _offer_unplaced(self, summary: ImportSummary) -> None:
        """A changed page left notes without their sentence: offer to show them."""
        first = summary.unplaced_in[0]
        where = (
            f"“{first.title}”" if len(summary.unplaced_in) == 1 else self.tr("the updated articles")
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("MainWindow", "Import"),
            "",
            parent=self,
        )
        if summary.unplaced == 1:
            box.setText(self.tr("1 note could not be placed on the new text of {0}.").format(where))
            kept = self.tr(
                "It is kept as an unplaced note with the words it was written on; you can "
                "attach it to a sentence by hand."
            )
        else:
            box.setText(
                self.tr(
                    "%Ln notes could not be placed on the new text of {0}.", "", summary.unplaced
                ).format(where)
            )
            kept = self.tr(
                "They are kept as unplaced notes with the words they were written on; you can "
                "attach them to a sentence by hand."
            )
        box.setInformativeText(f"{kept}\n\n{summary.line()}")
        show = box.addButton(
            QCoreApplication.translate("MainWindow", "Show Unplaced Notes"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Close)

        def clicked(button: object) -> None:
            if button is show:
                self.show_unplaced(first.article_id)

        box.buttonClicked.connect(clicked)
        box.open()
        self.unplaced_box = box

    def show_unplaced(self, article_id: int) -> None:
        self.open_article(article_id)
        self.notes.show_unplaced()

    def _show_failures(self, summary: ImportSummary) -> None:
        failures = [(str(p), why) for p, why in summary.failures]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Import"))
        count = len(failures)
        failed = (
            self.tr("1 file could not be imported.")
            if count == 1
            else self.tr("%Ln files could not be imported.", "", count)
        )
        box.setText(f"{failed}\n{summary.line()}")
        box.setDetailedText("\n".join(f"{p}: {why}" for p, why in failures))
        box.setInformativeText("\n".join(f"{Path(p).name}: {why}" for p, why in failures[:5]))
        box.open()
        self.failure_box = box

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() or u.scheme() in ("http", "https") for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        links = [u.toString() for u in event.mimeData().urls() if u.scheme() in ("http", "https")]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
        elif links:
            event.acceptProposedAction()
            self.capture.import_url(links[0])  # a link dragged from a browser: its page

    # -- reading and noting ----------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        self._remember_position()
        try:
            article, revision = self.library.article_and_revision(article_id)
        except NotFound:
            self.library_view.reload()
            return
        self.current_article_id = article_id
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
        self.reader.show_article(
            article,
            lambda name: self.library.image(article_id, name),
            self.library.marks(article_id),
            top_sentence=self.library.reading_position(article_id),
        )
        self.reader.set_note_spans(note_spans(self.library.notes(article_id)))
        self.library.mark_opened(article_id)
        self._remember_position()
        self.library_view.model_.refresh_article(article_id)
        self.notes.show_article(article_id, revision)
        self.claims_view.article_opened(article_id)
        self.elsewhere.article_opened(article_id)
        self.setWindowTitle(f"{article.title} — {APP_NAME}")
        self.archive_action.setText(
            self.tr("Un&archive")
            if self.library.summary(article_id).archived
            else self.tr("&Archive")
        )
        if self.library_view.current_id() != article_id:
            self.library_view.select_article(article_id, emit=False)

    def _open_article_ref(self, ref: ArticleRef) -> None:
        """A note's link to an article of this library (by id or content hash)."""
        article_id = export_targets.find_article(self.library, ref)
        if article_id is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "That article is not in this library"),
                5000,
            )
            return
        self.open_article(article_id)

    def _open_citation(self, source: Source) -> None:
        """A note's citation: its article, at the cited words, selected."""
        citation = source.citation
        if citation is None or citation.article_id is None:
            return
        if citation.trashed:
            self.statusBar().showMessage(
                self.tr("The cited article is in the Trash: restore it to read it"), 5000
            )
            return
        self.open_article(citation.article_id)
        article = self.reader.article
        if self.current_article_id != citation.article_id or article is None:
            return
        span = citations.place_in(source, article)
        if span is None:
            self.statusBar().showMessage(
                self.tr("The cited words are no longer in the article"), 5000
            )
            return
        self.select_sentence(span.first)

    def _remember_position(self) -> None:
        if self.current_article_id is None or not self.reader.is_placed():
            return
        top = self.reader.top_sentence()
        if top is not None:
            self.library.set_reading_position(self.current_article_id, top, self.reader.progress())
            self.library_view.model_.refresh_article(self.current_article_id)

    def _sentence_chosen(self, index: int) -> None:
        article = self.reader.article
        if article is None:
            return
        sentence = article.sentences[index]
        page = article.blocks[sentence.block].page_at(sentence.start)  # PDFs: cite "p. 12"
        self.notes.show_sentence(self.current_article_id, index, sentence.text, page)

    def _write_note(self, index: int) -> None:
        self.panels.reveal(self.notes)
        self._sentence_chosen(index)
        self.notes.focus_editor()

    def _write_note_current(self) -> None:
        if self.reader.note_selection():
            return
        if self.reader.current is not None:
            self._write_note(self.reader.current)

    def _write_span_note(self, span: Span) -> None:
        article = self.reader.article
        if article is None or self.current_article_id is None:
            return
        self.notes.show_span(
            self.current_article_id,
            span,
            article.text[span.start : span.end],
            article.sentences[span.first].text,
        )
        self.panels.reveal(self.notes)
        self.notes.focus_editor()

    def _show_review(self) -> None:
        self.notes.show_review()

    def select_sentence(self, index: int) -> None:
        """Select a sentence in the reader (scrolling to it) and show its notes."""
        self.reader.select_sentence(index)
        self._sentence_chosen(index)

    def _notes_changed(self, article_id: int) -> None:
        if self.current_article_id == article_id:
            self.reader.set_marks(self.library.marks(article_id))
            self.reader.set_note_spans(note_spans(self.library.notes(article_id)))
            self.claims_view.refresh(article_id)
        # The filter menu lists note tags too: a note may bring a new one or take one away.
        self.library_view.refresh_filters()
        self.library_view.model_.refresh_article(article_id)

    def _note_summary(self, index: int) -> str:
        if self.current_article_id is None:
            return ""
        lines = []
        for note in self.library.notes(self.current_article_id, index):
            plain = note_plain_text(note.text)
            first = plain.splitlines()[0] if plain else ""
            lines.append(f"<b>{html.escape(note.verdict.label)}</b> {html.escape(first[:120])}")
        return "<br>".join(lines)

    # -- article actions (undoable) --------------------------------------------------------

    def _article_changed(self, article_id: int) -> None:
        self.library_view.reload()
        if article_id != self.current_article_id:
            return
        if self.library.is_trashed(article_id):
            self.close_article()
        else:
            archived = self.library.summary(article_id).archived
            self.archive_action.setText(self.tr("Un&archive") if archived else self.tr("&Archive"))

    def close_article(self) -> None:
        """The open article was deleted (here or by another process)."""
        self.reader.clear_article()
        self.notes.show_article(None)
        self.claims_view.clear()
        self.elsewhere.clear()
        self.current_article_id = None
        self.setWindowTitle(APP_NAME)

    def _toggle_archive(self) -> None:
        article_id = self.current_article_id
        if article_id is None:
            return
        archived = not self.library.summary(article_id).archived
        self.undo.push(SetArchived(self.library, self._article_changed, article_id, archived))
        self.statusBar().showMessage(
            self.tr("Archived — Ctrl+Z to undo")
            if archived
            else self.tr("Moved back to the library — Ctrl+Z to undo"),
            6000,
        )

    def _delete_article(self) -> None:
        article_id = self.current_article_id
        if article_id is None:
            return
        after = self.library_view.neighbour_of(article_id)
        self.undo.push(TrashArticle(self.library, self._article_changed, article_id))
        # Go on reading: the row that takes the deleted one's place, as in a mail client.
        if after is not None and self.current_article_id is None:
            self.open_article(after)
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Article deleted — Ctrl+Z to undo"), 8000
        )

    def _edit_tags(self) -> None:
        article_id = self.current_article_id
        if article_id is None:
            return
        before = list(self.library.summary(article_id).tags)
        text, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("MainWindow", "Tags"),
            QCoreApplication.translate(
                "MainWindow", "Tags for this article (separated by commas):"
            ),
            text=", ".join(before),
        )
        if ok:
            after = sorted({t.strip().lstrip("#") for t in text.split(",") if t.strip()})
            if after != before:
                self.undo.push(
                    SetArticleTags(self.library, self._article_changed, article_id, before, after)
                )

    # -- background work: search, export, import, backups ---------------------------------

    def run_task(
        self,
        work: Work,
        on_done: Callable[[Any], None],
        label: str | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        task = Task(
            self,
            self.library.path,
            work,
            on_done,
            on_error or self._task_failed,
            label,
            on_progress,
        )
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        return task

    def _task_failed(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)

    def start_daily_backup(self) -> None:
        """Once a day, a copy of the library in its backups folder, made off the GUI."""
        path = self.library.path

        def done(made: Path | None) -> None:
            if made is not None:
                self.statusBar().showMessage(self.tr("Backed up to {0}").format(made), 5000)

        self.run_task(
            lambda _lib, _progress, _cancelled: backups.daily_backup(path),
            done,
            on_error=lambda message: self.statusBar().showMessage(
                self.tr("The daily backup failed: {0}").format(message), 10000
            ),
        )

    def open_search(self) -> None:
        dialog = SearchDialog(self.library.path, self.library.all_tags(), self)
        dialog.hitChosen.connect(self.open_hit)
        self.search_dialog = dialog
        dialog.open()
        dialog.field.setFocus()

    def open_hit(self, hit: SearchHit) -> None:
        self.open_article(hit.article_id)
        if hit.sentence is not None and self.reader.article is not None:
            self.select_sentence(hit.sentence)

    def _export_notes(self) -> None:
        self.open_export_dialog()

    def open_export_dialog(
        self, selected: list[int] | None = None, scope: str | None = None
    ) -> ExportDialog:
        """The one export dialog; on Export, the file is written in the background."""
        if selected is None:
            selected = self.library_view.selected_ids()
        dialog = ExportDialog(self.library, self.current_article_id, selected, self, scope)
        dialog.accepted.connect(
            lambda: self.export_notes(
                dialog.ids(), dialog.fmt, dialog.path(), drafts=dialog.include_drafts()
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.live.refreshed.connect(dialog.library_changed)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def export_notes(
        self, ids: list[int] | None, fmt: str, path: Path, drafts: bool = False
    ) -> Task:
        def work(library: Library, progress: Progress, cancelled: Cancel) -> tuple[Path, int]:
            notices: list[str] = []
            dest = transfer.export_to_file(
                library,
                ids,
                fmt,
                path,
                progress=progress,
                cancelled=cancelled,
                drafts=drafts,
                notices=notices,
            )
            left_out = export_scope.unpublished_count(library, ids) if not drafts else 0
            return dest, left_out if fmt == "claimreview" else 0

        def done(result: tuple[Path, int]) -> None:
            dest, left_out = result
            message = self.tr("Exported to {0}").format(dest)
            if left_out:
                message += " · " + (
                    self.tr("%Ln note not yet published was left out", "", left_out)
                    if left_out == 1
                    else self.tr("%Ln notes not yet published were left out", "", left_out)
                )
            self.statusBar().showMessage(message, 10000)

        return self.run_task(
            work,
            done,
            label=QCoreApplication.translate("MainWindow", "Exporting notes…"),
        )

    def _import_notes(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Import notes"),
            "",
            QCoreApplication.translate(
                "MainWindow", "Gloss backups and W3C annotations (*.json *.jsonld);;All files (*)"
            ),
        )
        if name:
            self.import_notes(Path(name))

    def import_notes(self, path: Path) -> Task:
        def work(library: Library, progress: Progress, cancelled: Cancel) -> ImportReport:
            try:
                return transfer.import_file(library, path, progress=progress, cancelled=cancelled)
            except transfer.TransferError as exc:
                # The reason alone ("first.items[3].created: not a date") needs its file.
                raise transfer.TransferError(f"{path.name}: {exc}. Nothing was imported.") from None

        return self.run_task(
            work,
            self._notes_imported,
            label=QCoreApplication.translate("MainWindow", "Importing notes…"),
        )

    def _notes_imported(self, report: ImportReport) -> None:
        self.library_view.reload()
        if self.current_article_id is not None:
            self.reader.set_marks(self.library.marks(self.current_article_id))
            self.reader.set_note_spans(note_spans(self.library.notes(self.current_article_id)))
            self.notes.reload()
        text = self.tr("Notes imported: {0}.").format(report.summary())
        if report.problems:
            text += "\n\n" + "\n".join(report.problems[:10])
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("MainWindow", "Import notes"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.open()
        self.import_report_box = box

    def _back_up(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "Back up the library"),
            f"{self.library.path.stem}-backup.db",
            QCoreApplication.translate("MainWindow", "Gloss library (*.db)"),
        )
        if not name:
            return
        source = self.library.path
        self.run_task(
            lambda _lib, _progress, _cancelled: backups.backup_to(source, name),
            lambda dest: self.statusBar().showMessage(
                self.tr("Backed up to {0}").format(dest), 8000
            ),
            label=QCoreApplication.translate("MainWindow", "Backing up…"),
        )

    # -- state -----------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the reading place and layout, close the library (the Trash stays)."""
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        self.capture.inbox_timer.stop()
        self.live.stop()
        for task in list(self._tasks):
            task.cancel()
            task.wait()
        self._position_timer.stop()
        self._remember_position()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        session_state.save_list_state(self.library_view)
        session_state.save_last_article(self.library.path, self.current_article_id)
        self.library.close()
        super().closeEvent(event)
