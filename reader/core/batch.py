"""Import many files into a library: the loop the command line and the window share."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .dberrors import LibraryError, translated
from .ingest import ImportFailed, find_importable, load_file
from .library import Library

Progress = Callable[[int, int, str], None]  # files done, files in all, file being read


@dataclass(frozen=True, slots=True)
class FileOutcome:
    path: Path
    article_id: int | None = None  # None: the file failed
    title: str = ""
    status: str = ""  # "added", "updated" or "unchanged"
    orphaned: int = 0  # notes left unplaced by an updated text
    moved: int = 0  # notes an updated text put on a sentence with another number
    changed: int = 0  # notes an updated text put on changed words (to review)
    reason: str = ""  # why it failed, one line
    trace: str = ""  # the traceback of an unexpected error (a bug), for the log
    restored: bool = False  # the article was in the Trash: the import brought it back

    @property
    def ok(self) -> bool:
        return self.article_id is not None


def import_files(
    library: Library,
    paths: list[Path],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[FileOutcome]:
    """Import files and folders one by one; a file that fails writes nothing and the
    others go on. Stops before the next file once `cancelled()` is true."""
    files = list(find_importable(paths))
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            return
        if progress is not None:
            progress(done, len(files), path.name)
        try:
            article = load_file(path)
            with translated(library.path):
                result = library.add_article(article, source_path=str(path.resolve()))
        except LibraryError:
            # The library failed, not the page (read-only, damaged, disk full, locked too
            # long): every later file would fail the same way, so the batch stops here.
            raise
        except ImportFailed as exc:
            yield FileOutcome(path, reason=str(exc), trace=getattr(exc, "trace", ""))
        except Exception as exc:  # a bug in one file's handling must not stop the batch
            yield FileOutcome(
                path, reason=f"unexpected error ({exc})", trace=traceback.format_exc()
            )
        else:
            yield FileOutcome(
                path,
                result.article_id,
                article.title,
                result.status,
                result.orphaned,
                moved=result.moved,
                changed=result.changed,
                restored=result.restored,
            )
    if progress is not None:
        progress(len(files), len(files), "")
