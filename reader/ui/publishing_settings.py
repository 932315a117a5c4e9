"""Preferences ▸ Fact-check publishing: who publishes the fact checks written in this
library (its organisation, the organisation's web site, the checker's name). The values
are the library's own settings (`core.library_settings`), so they are read from and
written to the library file, not QSettings: they travel with the notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ..core import library_settings
from ..core.library_settings import NAMES, ORGANISATION, ORGANISATION_URL, REVIEWER_NAME


class PublishingSettings(QGroupBox):
    def __init__(self, values: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("PublishingSettings", "Fact-check publishing"), parent
        )
        self.setObjectName("publishingSettings")
        self.fields: dict[str, QLineEdit] = {}
        hints = {
            ORGANISATION: QCoreApplication.translate(
                "PublishingSettings", "The organisation that publishes your fact checks"
            ),
            ORGANISATION_URL: "https://factcheck.example.org",
            REVIEWER_NAME: QCoreApplication.translate(
                "PublishingSettings", "Signs your notes in Markdown exports"
            ),
        }
        labels = {
            ORGANISATION: QCoreApplication.translate("PublishingSettings", "&Organisation"),
            ORGANISATION_URL: QCoreApplication.translate("PublishingSettings", "Its &web site"),
            REVIEWER_NAME: QCoreApplication.translate("PublishingSettings", "Your &name"),
        }
        form = QFormLayout(self)
        for key in library_settings.KEYS:
            field = QLineEdit(values.get(key, ""))
            field.setObjectName(NAMES[key])
            field.setPlaceholderText(hints[key])
            field.setAccessibleName(labels[key].replace("&", ""))
            form.addRow(QLabel(labels[key], buddy=field), field)
            self.fields[key] = field
        note = QLabel(
            QCoreApplication.translate(
                "PublishingSettings",
                "Saved in the library file, so they travel with its notes. ClaimReview "
                "exports name the organisation as the publisher.",
            )
        )
        note.setWordWrap(True)
        note.setEnabled(False)  # the muted colour of a hint
        form.addRow(note)
        self.error = QLabel()
        self.error.setObjectName("publishingError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        form.addRow(self.error)

    def set_read_only(self, reason: str) -> None:
        """The library cannot be written (read-only, damaged): shown, not editable."""
        for field in self.fields.values():
            field.setReadOnly(True)
        self.error.setText(
            QCoreApplication.translate(
                "PublishingSettings", "These cannot be changed now: {0}"
            ).format(reason)
        )
        self.error.show()

    def values(self) -> dict[str, str]:
        return {key: field.text().strip() for key, field in self.fields.items()}

    def check(self) -> bool:
        """True when every field can be saved; otherwise the first problem is shown and
        its field takes the focus."""
        for key, value in self.values().items():
            try:
                library_settings.normalized(key, value)
            except library_settings.SettingError:
                if key == ORGANISATION_URL:
                    message = QCoreApplication.translate(
                        "PublishingSettings",
                        "The web site must be a full address starting with https:// or "
                        "http://, such as https://factcheck.example.org.",
                    )
                else:
                    message = QCoreApplication.translate(
                        "PublishingSettings", "Keep it to one line of at most {0} characters."
                    ).format(library_settings.MAX_LENGTH)
                self.error.setText(message)
                self.error.show()
                self.fields[key].setFocus()
                self.fields[key].selectAll()
                return False
        self.error.hide()
        return True
