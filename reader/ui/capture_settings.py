"""Settings of the ways in besides File ▸ Import: the watched inbox folder."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings


@dataclass
class InboxSettings:
    folder: str = ""  # "" = no inbox
    move_imported: bool = True  # move imported files to the inbox's imported/ folder

    @classmethod
    def load(cls) -> InboxSettings:
        s = QSettings()
        move = s.value("inbox/move_imported", True)
        return cls(
            folder=str(s.value("inbox/folder", "")),
            # QSettings gives back "true"/"false" strings from some backends
            move_imported=move if isinstance(move, bool) else str(move).lower() != "false",
        )

    def save(self) -> None:
        s = QSettings()
        s.setValue("inbox/folder", self.folder)
        s.setValue("inbox/move_imported", self.move_imported)
