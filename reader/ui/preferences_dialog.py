"""The settings dialog: theme, reading font, size, line width, library location, inbox,
and the open library's fact-check publishing settings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..paths import default_library
from .capture_settings import InboxSettings
from .publishing_settings import PublishingSettings
from .settings import Preferences
from .theme import THEME_CHOICES, default_reading_family


class _WrappedNote(QLabel):
    """A wrapped label as tall as its text at the width it is given. QFormLayout sizes a
    wrapped label for its narrowest width, which left a gap under a two-line note."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Measured from the text itself: the label's own heightForWidth answers for a
        # narrower width than it has here.
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        if width <= 0 or not self.text():
            return
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        text = self.fontMetrics().boundingRect(QRect(0, 0, width, 100000), flags, self.text())
        needed = text.height() + margins.top() + margins.bottom()
        if needed != self.maximumHeight():
            self.setFixedHeight(needed)


class PreferencesDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        parent: QWidget | None = None,
        open_library: Path | None = None,
        publishing: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("PreferencesDialog", "Preferences"))
        self.setMinimumWidth(560)  # room for a library path to be read whole
        self.prefs = prefs
        self.theme = QComboBox()
        self.theme.setAccessibleName(QCoreApplication.translate("PreferencesDialog", "Theme"))
        labels = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "sepia": self.tr("Sepia"),
            "dark": self.tr("Dark"),
        }
        for choice in THEME_CHOICES:
            label = labels[choice]
            self.theme.addItem(label, choice)
        self.theme.setCurrentIndex(self.theme.findData(prefs.theme))
        self.family = QFontComboBox()
        self.family.setAccessibleName(
            QCoreApplication.translate("PreferencesDialog", "Reading font")
        )
        self.family.setCurrentFont(QFont(prefs.family or default_reading_family()))
        self.size = QDoubleSpinBox()
        self.size.setAccessibleName(QCoreApplication.translate("PreferencesDialog", "Text size"))
        self.size.setRange(8, 40)
        self.size.setSingleStep(1)
        self.size.setSuffix(QCoreApplication.translate("PreferencesDialog", " pt"))
        self.size.setValue(prefs.size)
        self.measure = QSpinBox()
        self.measure.setAccessibleName(
            QCoreApplication.translate("PreferencesDialog", "Line width")
        )
        self.measure.setRange(40, 120)
        self.measure.setSuffix(QCoreApplication.translate("PreferencesDialog", " characters"))
        self.measure.setValue(prefs.measure)
        self.library = QLineEdit(prefs.library)
        self.library.setAccessibleName(
            QCoreApplication.translate("PreferencesDialog", "Library file")
        )
        self.library.setPlaceholderText(str(default_library()))
        browse = QPushButton(QCoreApplication.translate("PreferencesDialog", "Choose…"))
        browse.clicked.connect(self._browse)
        # A widget, not a bare layout, so the row's label gets a buddy: with a layout
        # QFormLayout shows "&Library file" with its ampersand and no shortcut.
        library_row = QWidget()
        row = QHBoxLayout(library_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.library, 1)
        row.addWidget(browse)
        library_label = QLabel(QCoreApplication.translate("PreferencesDialog", "&Library file"))
        library_label.setBuddy(self.library)
        # The window may have another library open than the setting names (`--library`,
        # GLOSS_LIBRARY): say which, so the field is not mistaken for the file in use.
        self.open_note = _WrappedNote()
        self.open_note.setObjectName("openLibraryNote")
        self.open_note.setWordWrap(True)
        self.open_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        configured = Path(prefs.library).expanduser() if prefs.library else default_library()
        if open_library is not None and _same_file(open_library, configured):
            self.open_note.setText(f"In use now: {open_library}")
        elif open_library is not None:
            self.open_note.setText(
                f"In use now: {open_library} (given at start, with --library or "
                "GLOSS_LIBRARY). The file above is the one Gloss opens when started "
                "without one."
            )
        self.open_note.setVisible(open_library is not None)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("PreferencesDialog", "&Theme"), self.theme)
        form.addRow(QCoreApplication.translate("PreferencesDialog", "Reading &font"), self.family)
        form.addRow(QCoreApplication.translate("PreferencesDialog", "Text &size"), self.size)
        form.addRow(QCoreApplication.translate("PreferencesDialog", "Line &width"), self.measure)
        form.addRow(library_label, library_row)
        form.addRow("", self.open_note)
        inbox = InboxSettings.load()
        self.inbox = QLineEdit(inbox.folder)
        self.inbox.setAccessibleName(
            QCoreApplication.translate("PreferencesDialog", "Inbox folder")
        )
        self.inbox.setPlaceholderText(
            QCoreApplication.translate(
                "PreferencesDialog", "None (pages saved into the folder you choose are imported)"
            )
        )
        self.inbox.setToolTip(
            QCoreApplication.translate(
                "PreferencesDialog",
                "Gloss imports web pages, PDFs and EPUBs saved into this folder while it is open "
                "(point your browser's download folder here).",
            )
        )
        choose_inbox = QPushButton(QCoreApplication.translate("PreferencesDialog", "Choose…"))
        choose_inbox.clicked.connect(self._browse_inbox)
        inbox_row = QHBoxLayout()
        inbox_row.addWidget(self.inbox, 1)
        inbox_row.addWidget(choose_inbox)
        form.addRow(
            QLabel(
                QCoreApplication.translate("PreferencesDialog", "&Inbox folder"), buddy=self.inbox
            ),
            inbox_row,
        )
        self.move_imported = QCheckBox(
            QCoreApplication.translate(
                "PreferencesDialog", "Move imported files into its “imported” folder"
            )
        )
        self.move_imported.setChecked(inbox.move_imported)
        form.addRow("", self.move_imported)
        # The open library's settings: shown only when the window has one to write to.
        self.publishing = PublishingSettings(publishing or {})
        self.publishing.setVisible(publishing is not None)
        form.addRow(self.publishing)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The note's height is known once it is laid out: fit the dialog to it then.
        QTimer.singleShot(0, self.adjustSize)

    def accept(self) -> None:
        read_only = any(f.isReadOnly() for f in self.publishing.fields.values())
        if self.publishing.isHidden() or read_only or self.publishing.check():
            super().accept()

    def result_publishing(self) -> dict[str, str]:
        return self.publishing.values()

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("PreferencesDialog", "Library file"),
            self.library.text() or str(default_library()),
            QCoreApplication.translate("PreferencesDialog", "Gloss library (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.library.setText(name)

    def _browse_inbox(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("PreferencesDialog", "Inbox folder"), self.inbox.text()
        )
        if name:
            self.inbox.setText(name)

    def result_inbox(self) -> InboxSettings:
        return InboxSettings(self.inbox.text().strip(), self.move_imported.isChecked())

    def result_preferences(self) -> Preferences:
        family = self.family.currentFont().family()
        return replace(
            self.prefs,
            theme=self.theme.currentData(),
            family="" if family == default_reading_family() else family,
            size=self.size.value(),
            measure=self.measure.value(),
            library=self.library.text().strip(),
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.expanduser().resolve() == b.expanduser().resolve()
    except OSError:
        return False
