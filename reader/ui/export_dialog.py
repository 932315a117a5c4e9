"""File ▸ Export Notes… and the library rows' Export: one dialog for what, which
articles, where, and a preview of the file before it is written.

The preview is the real export (`transfer.export_notes`) of up to `PREVIEW_ARTICLES`
articles, with the scope's counts, made in a background task: on a library of 10,000
articles the counts alone took 20-34 ms, more than a frame (bench/export_dialog.py). A
newer preview supersedes one still running. The export itself runs as a background task
with progress and cancel (`MainWindow.export_notes`).
ClaimReview shows how many notes are not yet published (no review URL), which the
export leaves out unless drafts are included, and what else it would leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core import export_scope, library_settings, transfer
from ..core.export_scope import ALL, SELECTED, THIS
from ..core.library import Library
from .locale_format import number
from .tasks import Task

PREVIEW_ARTICLES = 3
PREVIEW_CHARS = 20_000  # a preview, not the file: a backup of a book stops here
SUFFIXES = {"markdown": ".md", "w3c": ".jsonld", "claimreview": ".json", "json": ".json"}


def format_labels() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {
        "markdown": tr("ExportDialog", "Markdown"),
        "w3c": tr("ExportDialog", "W3C Web Annotations (JSON-LD)"),
        "claimreview": tr("ExportDialog", "ClaimReview (JSON-LD, to publish fact checks)"),
        "json": tr("ExportDialog", "Full backup (JSON)"),
    }


@dataclass(frozen=True, slots=True)
class Preview:
    """What the dialog shows for one choice of format and scope."""

    total: int  # articles in the scope
    shown: int  # articles in the preview
    text: str
    unpublished: int  # ClaimReview: reviewed notes without a review URL
    notices: tuple[str, ...]
    publishable: int | None = None  # ClaimReview: reviews the file would hold


def make_preview(library: Library, ids: list[int] | None, fmt: str, drafts: bool) -> Preview:
    """The preview of exporting `ids` (None: all) as `fmt` (a background task's work)."""
    total = export_scope.article_count(library, ids)
    shown = export_scope.preview_ids(library, ids, PREVIEW_ARTICLES)
    # The whole scope when it is small, so the preview is the file itself.
    preview_scope = ids if len(shown) == total else shown
    notices: list[str] = []
    text = transfer.export_notes(library, preview_scope, fmt, drafts=drafts, notices=notices)
    unpublished = export_scope.unpublished_count(library, ids) if fmt == "claimreview" else 0
    publishable = (
        export_scope.publishable_count(library, ids, drafts) if fmt == "claimreview" else None
    )
    if len(text) > PREVIEW_CHARS:
        text = text[:PREVIEW_CHARS] + "\n…"
    return Preview(total, len(shown), text, unpublished, tuple(notices), publishable)


class ExportDialog(QDialog):
    previewShown = Signal()  # a preview (or the reason there is none) is on screen

    def __init__(
        self,
        library: Library,
        current: int | None,
        selected: Sequence[int],
        parent: QWidget | None = None,
        scope: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export Notes"))
        self.setMinimumSize(640, 560)
        self.library = library
        self.current = current
        self.selected = list(dict.fromkeys(selected))

        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for fmt, label in format_labels().items():
            self.format.addItem(label, fmt)

        tr = QCoreApplication.translate
        self.scopes = QButtonGroup(self)
        scope_row = QWidget()
        scope_layout = QHBoxLayout(scope_row)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        self.scope_buttons: dict[str, QRadioButton] = {}
        labels = {
            THIS: QCoreApplication.translate("ExportDialog", "This article"),
            # Two English sources, so English needs no .qm for its plural (as in
            # `locale_format`); a translation gives both the same plural forms.
            SELECTED: (
                tr("ExportDialog", "%Ln selected article", "", len(self.selected))
                if len(self.selected) == 1
                else tr("ExportDialog", "%Ln selected articles", "", len(self.selected))
            ),
            ALL: QCoreApplication.translate("ExportDialog", "All articles"),
        }
        for key in export_scope.SCOPES:
            button = QRadioButton(labels[key])
            button.setObjectName(f"exportScope_{key}")
            self.scopes.addButton(button)
            self.scope_buttons[key] = button
            scope_layout.addWidget(button)
        scope_layout.addStretch(1)
        self.scope_buttons[THIS].setEnabled(current is not None)
        self.scope_buttons[SELECTED].setEnabled(bool(self.selected))
        if scope is None:
            scope = SELECTED if len(self.selected) > 1 else THIS if current is not None else ALL
        if not self.scope_buttons[scope].isEnabled():
            scope = ALL
        self.scope_buttons[scope].setChecked(True)

        self.destination = QLineEdit()
        self.destination.setObjectName("exportDestination")
        self.destination.setAccessibleName(
            QCoreApplication.translate("ExportDialog", "Destination file")
        )
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.destination.setText(str(Path(folder or Path.home()) / "gloss-notes.md"))
        choose = QPushButton(QCoreApplication.translate("ExportDialog", "Choose…"))
        choose.clicked.connect(self._choose)
        destination_row = QWidget()
        row = QHBoxLayout(destination_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.destination, 1)
        row.addWidget(choose)
        self._confirmed: str = ""  # a path the save dialog already asked to overwrite

        self.drafts = QCheckBox(
            QCoreApplication.translate(
                "ExportDialog", "Include drafts (notes without a review URL, marked as drafts)"
            )
        )
        self.drafts.setObjectName("exportDrafts")
        self.publishing = QLabel()
        self.publishing.setObjectName("exportPublishing")
        self.publishing.setWordWrap(True)

        self.summary = QLabel()
        self.summary.setObjectName("exportSummary")
        self.summary.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("exportPreview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setAccessibleName(QCoreApplication.translate("ExportDialog", "Preview"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(QCoreApplication.translate("ExportDialog", "Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ExportDialog", "&Format"), self.format)
        form.addRow(QCoreApplication.translate("ExportDialog", "Articles"), scope_row)
        form.addRow(QCoreApplication.translate("ExportDialog", "&Save to"), destination_row)
        form.addRow("", self.drafts)
        form.addRow("", self.publishing)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)

        # Several changes in a row (typing, clicking through formats) make one preview.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(120)
        self._refresh.timeout.connect(self.update_preview)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.scopes.buttonToggled.connect(lambda _b, on: self._refresh.start() if on else None)
        self.drafts.toggled.connect(lambda _on: self._refresh.start())
        self._generation = 0
        self._tasks: list[Task] = []
        self._format_changed()
        self.update_preview()

    # -- what the dialog holds ---------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    @property
    def scope(self) -> str:
        return next(k for k, b in self.scope_buttons.items() if b.isChecked())

    def ids(self) -> list[int] | None:
        return export_scope.scope_ids(self.scope, self.current, self.selected)

    def path(self) -> Path:
        return Path(self.destination.text().strip()).expanduser()

    def include_drafts(self) -> bool:
        return self.fmt == "claimreview" and self.drafts.isChecked()

    # -- reacting --------------------------------------------------------------------------

    def _format_changed(self) -> None:
        fmt = self.fmt
        claimreview = fmt == "claimreview"
        self.drafts.setVisible(claimreview)
        self.publishing.setVisible(claimreview)
        # Markdown is prose, read wrapped; JSON keeps its lines.
        self.preview.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.WidgetWidth
            if fmt == "markdown"
            else QPlainTextEdit.LineWrapMode.NoWrap
        )
        # The file name follows the format unless the reader chose another ending.
        text = self.destination.text().strip()
        if text:
            current = Path(text)
            if current.suffix in {*SUFFIXES.values(), ""}:
                self.destination.setText(str(current.with_suffix(SUFFIXES[fmt])))
        self._refresh.start()

    def _choose(self) -> None:
        fmt = self.fmt
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ExportDialog", "Export notes to"),
            self.destination.text(),
            f"{format_labels()[fmt]} (*{SUFFIXES[fmt]});;"
            + QCoreApplication.translate("ExportDialog", "All files (*)"),
        )
        if name:
            self.destination.setText(name)
            self._confirmed = name  # the save dialog asked about overwriting it

    def update_preview(self) -> None:
        """Make the preview of the current choices in the background; `previewShown`
        when it is on screen."""
        self._refresh.stop()
        self._generation += 1
        generation = self._generation
        ids, fmt, drafts = self.ids(), self.fmt, self.include_drafts()
        self.export_button.setEnabled(False)  # until the scope is known to hold articles
        task = Task(
            self,
            self.library.path,
            lambda library, _progress, _cancelled: make_preview(library, ids, fmt, drafts),
            lambda preview: self._preview_made(generation, preview),
            lambda message: self._preview_failed(generation, message),
        )
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))

    def library_changed(self) -> None:
        """Something else wrote to the library while the dialog is open (a note's review
        URL set, the publishing settings changed, a note written): the preview and the
        counts are made again, so Export writes what the dialog shows."""
        self._refresh.start()

    def wait_for_preview(self, ms: int = 10000) -> None:
        """Block until the running previews are done and shown (closing, tests)."""
        for task in list(self._tasks):
            task.wait(ms)
        QCoreApplication.processEvents()

    def _preview_made(self, generation: int, preview: Preview) -> None:
        if generation != self._generation:
            return  # the choices changed meanwhile: a newer preview is on its way
        tr = QCoreApplication.translate
        # A ClaimReview file with no review in it ("[]") is nothing to publish.
        self.export_button.setEnabled(preview.total > 0 and preview.publishable != 0)
        self.preview.setPlainText(preview.text)
        if preview.shown < preview.total:
            self.summary.setText(
                QCoreApplication.translate(
                    "ExportDialog", "Preview of {0} of {1} articles:"
                ).format(number(preview.shown), number(preview.total))
            )
        else:
            self.summary.setText(
                tr("ExportDialog", "Preview (%Ln article):", "", preview.total)
                if preview.total == 1
                else tr("ExportDialog", "Preview (%Ln articles):", "", preview.total)
            )
        self.summary.setStyleSheet("")
        if self.fmt == "claimreview":
            self._show_publishing(preview.unpublished, list(preview.notices))
            if preview.publishable == 0:
                self.publishing.setText(
                    "\n".join(
                        [
                            self.publishing.text(),
                            QCoreApplication.translate(
                                "ExportDialog", "Nothing to publish in these articles yet."
                            ),
                        ]
                    ).strip()
                )
        self.previewShown.emit()

    def _preview_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._show_problem(message)
            self.previewShown.emit()

    def _show_publishing(self, unpublished: int, notices: list[str]) -> None:
        tr = QCoreApplication.translate
        lines = []
        if unpublished:
            if self.drafts.isChecked():
                lines.append(
                    tr(
                        "ExportDialog",
                        "%Ln note not yet published: included as a draft, not to be "
                        "published as it is.",
                        "",
                        unpublished,
                    )
                    if unpublished == 1
                    else tr(
                        "ExportDialog",
                        "%Ln notes not yet published: included as drafts, not to be "
                        "published as they are.",
                        "",
                        unpublished,
                    )
                )
            else:
                lines.append(
                    tr(
                        "ExportDialog",
                        "%Ln note not yet published (no review URL): left out. Give it its "
                        "URL under Publishing in the note editor.",
                        "",
                        unpublished,
                    )
                    if unpublished == 1
                    else tr(
                        "ExportDialog",
                        "%Ln notes not yet published (no review URL): left out. Give each "
                        "its URL under Publishing in the note editor.",
                        "",
                        unpublished,
                    )
                )
        else:
            lines.append(
                QCoreApplication.translate("ExportDialog", "Every reviewed note is published.")
            )
        reviewer = library_settings.reviewer(self.library)
        if reviewer.organisation and not reviewer.organisation_url:
            lines.append(
                tr(
                    "ExportDialog",
                    "The organisation has no web site yet: add it in Preferences ▸ Fact-check "
                    "publishing.",
                )
            )
        # What the export leaves out for other reasons (articles without a web address).
        lines += [n for n in notices if "web address" in n]
        self.publishing.setText("\n".join(lines))

    def _show_problem(self, message: str) -> None:
        """The export cannot be made as chosen (no reviewing organisation, an article
        gone): said above the preview, and Export waits until it is fixed."""
        self.summary.setText(message)
        self.summary.setStyleSheet("color: #c0392b;")
        self.preview.clear()
        self.publishing.setText("")
        self.export_button.setEnabled(False)

    def done(self, result: int) -> None:
        # A preview still being made finishes first (tens of milliseconds): its thread
        # must not outlive the dialog that owns it.
        self._generation += 1
        self.wait_for_preview()
        super().done(result)

    def accept(self) -> None:
        text = self.destination.text().strip()
        if not text:
            self.destination.setFocus()
            return
        path = self.path()
        if path.is_dir():
            path = path / f"gloss-notes{SUFFIXES[self.fmt]}"
            self.destination.setText(str(path))
        if path.exists() and str(path) != self._confirmed:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                QCoreApplication.translate("ExportDialog", "{0} exists. Replace it?").format(
                    path.name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()
