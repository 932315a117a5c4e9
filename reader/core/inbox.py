"""A watched inbox folder: files saved into it are imported once they stop growing.

Whoever watches (the window's timer, `gloss import --watch`) calls `Inbox.scan()` every
second or two. A file is ready when two scans in a row saw the same size and modification
time (and, for a page saved "complete", the same contents of its resource folder), so a
download in progress is never read half-written. Browsers' partial-download names
(`.part`, `.crdownload`, ...) are skipped outright. An imported file moves to `imported/`
(with its resource folder) unless the user chose to leave files where they are; a failed
one is remembered with its size and time and tried again only if it changes, so a bad file
is reported once, not every scan.
"""

from __future__ import annotations

import glob
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .batch import FileOutcome, import_files
from .ingest import SUPPORTED_SUFFIXES
from .library import Library

IMPORTED = "imported"
_PARTIAL = (".part", ".crdownload", ".download", ".partial", ".tmp", ".opdownload")

Signature = tuple[int, int, int, int]  # size, mtime_ns, files and bytes in its folder


@dataclass
class Inbox:
    folder: Path
    move_imported: bool = True
    _last: dict[Path, Signature] = field(default_factory=dict)
    _failed: dict[Path, Signature] = field(default_factory=dict)
    _done: dict[Path, Signature] = field(default_factory=dict)  # imported and left in place

    def scan(self) -> list[Path]:
        """Files that have stopped changing since the previous scan and are not known to
        fail or already imported in their present state."""
        ready = []
        current: dict[Path, Signature] = {}
        for path, folders in self._candidates():
            sig = _signature(path, folders)
            if sig is None:
                continue
            current[path] = sig
            if self._failed.get(path) == sig or self._done.get(path) == sig:
                continue
            if self._last.get(path) == sig and sig[0] > 0:
                ready.append(path)
        self._last = current
        return ready

    def import_ready(
        self,
        library: Library,
        paths: list[Path],
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterator[FileOutcome]:
        """Import `paths` (from `scan`), then move each imported one out of the way."""
        for outcome in import_files(library, paths, cancelled=cancelled):
            sig = self._last.get(outcome.path) or _signature(outcome.path)
            if not outcome.ok:
                if sig is not None:
                    self._failed[outcome.path] = sig
            elif self.move_imported:
                try:
                    _move_into(outcome.path, self.folder / IMPORTED)
                except OSError as exc:
                    # Imported, but still in the inbox: note it so it is not imported again.
                    if sig is not None:
                        self._done[outcome.path] = sig
                    outcome = FileOutcome(
                        outcome.path,
                        outcome.article_id,
                        outcome.title,
                        outcome.status,
                        reason=f"imported, but could not be moved ({exc.strerror or exc})",
                    )
            elif sig is not None:
                self._done[outcome.path] = sig
            yield outcome

    def _candidates(self) -> Iterator[tuple[Path, list[Path]]]:
        """Importable files at the top of the inbox, each with the folders beside it (one
        listing per scan: a big Downloads folder is listed once, not once per page)."""
        try:
            entries = sorted(self.folder.iterdir())
        except OSError:
            return
        folders = [e for e in entries if e.is_dir() and not e.is_symlink()]
        for entry in entries:
            name = entry.name
            if name.startswith((".", "~")) or name.lower().endswith(_PARTIAL):
                continue
            if entry.suffix.lower() in SUPPORTED_SUFFIXES and entry.is_file():
                yield entry, folders


def _resource_folder(path: Path, folders: list[Path] | None = None) -> Path | None:
    """The `Page_files` folder a browser saves beside `Page.html`, if there is one."""
    if path.suffix.lower() not in (".html", ".htm", ".xhtml", ".shtml"):
        return None
    if folders is None:
        folders = [
            c
            for c in path.parent.glob(f"{glob.escape(path.stem)}[-_. ]*")
            if c.is_dir() and not c.is_symlink()
        ]
    stem = path.stem
    for folder in folders:
        rest = folder.name[len(stem) :]
        if folder.name.startswith(stem) and len(rest) > 1 and rest[0] in "-_. ":
            return folder
    return None


def _signature(path: Path, folders: list[Path] | None = None) -> Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    files = size = 0
    folder = _resource_folder(path, folders)
    if folder is not None:
        for sub in folder.rglob("*"):
            try:
                if sub.is_file():
                    files += 1
                    size += sub.stat().st_size
            except OSError:
                continue
    return st.st_size, st.st_mtime_ns, files, size


def _move_into(path: Path, dest: Path) -> None:
    dest.mkdir(exist_ok=True)
    folder = _resource_folder(path)
    target = _free_name(dest, path.name)
    shutil.move(str(path), str(target))
    if folder is not None:
        # Keep the page's pictures beside it, renamed along with it if it had to be.
        shutil.move(str(folder), str(_free_name(dest, target.stem + folder.name[len(path.stem) :])))


def _free_name(dest: Path, name: str) -> Path:
    target = dest / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 2
    while target.exists():
        target = dest / f"{stem} ({n}){suffix}"
        n += 1
    return target
