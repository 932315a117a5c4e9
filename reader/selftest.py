"""`gloss --self-test`: prove that an installed or frozen Gloss works, without a display.

It runs the app's real code path on a throwaway library: checks the bundled resources and
Qt plugins, imports the sample article, opens the main window offscreen, checks that the
article was rendered (text, picture, pixels), adds a note and reads it back from a fresh
connection, and checks the socket a second `gloss FILE` hands its files to (one window
per library). It prints one line per check and exits 0, or says what failed and exits 1.

Options (after `--self-test`):

    --timing            also print the time to the first window (see below)
    --resources=DIR     check DIR instead of the bundled resources folder
                        (or set GLOSS_SELFTEST_RESOURCES=DIR)
    --log=FILE          also write the report to FILE (a windowed Windows or macOS build
                        has no console to print to)

Time to first window is measured from $GLOSS_LAUNCHED_AT (seconds since the epoch, set by
whoever starts the process, e.g. bench/startup.py), else from when this module was loaded.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LOADED_AT = time.time()

ENV_RESOURCES = "GLOSS_SELFTEST_RESOURCES"
ENV_LAUNCHED_AT = "GLOSS_LAUNCHED_AT"

# What a working installation must carry, relative to the resources folder.
REQUIRED_RESOURCES = (
    "sample/welcome.html",
    "sample/welcome_files/gauges.png",
    "icons/gloss.png",
    "claims/model.json.gz",
)
# Image formats articles use; each one is a Qt plugin the bundle must keep.
REQUIRED_IMAGE_FORMATS = ("png", "jpeg", "gif", "webp", "svg")
NOTE_TEXT = "Self-test note: the roof gauge read high."


class CheckFailed(Exception):
    """A check's own verdict, printed without a traceback."""


@dataclass
class State:
    resources: Path | None = None
    workdir: Path | None = None
    article_id: int | None = None
    article: Any = None
    app: Any = None
    window: Any = None
    window_shown_at: float | None = None


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="gloss --self-test")
    parser.add_argument("--timing", action="store_true")
    parser.add_argument("--resources", metavar="DIR")
    parser.add_argument("--log", metavar="FILE")
    return parser.parse_args(list(argv))


class Report:
    """Lines to stdout/stderr when they exist (not in a windowed build) and to a log file."""

    def __init__(self, log: str | None) -> None:
        self.log = open(log, "w", encoding="utf-8") if log else None  # noqa: SIM115

    def __call__(self, line: str, error: bool = False) -> None:
        stream = sys.stderr if error else sys.stdout
        if stream is not None:
            print(line, file=stream, flush=True)
        if self.log is not None:
            self.log.write(line + "\n")
            self.log.flush()

    def close(self) -> None:
        if self.log is not None:
            self.log.close()


def run(argv: Sequence[str] = ()) -> int:
    """Run every check in order; stop at the first failure. Returns the exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = _parse(argv)
    report = Report(args.log)
    try:
        return _run(args, report)
    finally:
        report.close()


def _run(args: argparse.Namespace, report: Report) -> int:
    explicit = args.resources or os.environ.get(ENV_RESOURCES)
    state = State()
    checks: list[tuple[str, Callable[[State], str]]] = [
        ("resources", lambda s: _check_resources(s, explicit)),
        ("qt", _check_qt),
        ("import", _check_import),
        ("window", _check_window),
        ("render", _check_render),
        ("note", _check_note),
        ("single window", _check_single_window),
    ]
    from . import __version__

    report(f"Gloss {__version__} self-test ({sys.platform}, frozen={_frozen()})")
    with tempfile.TemporaryDirectory(prefix="gloss-selftest-", ignore_cleanup_errors=True) as tmp:
        state.workdir = Path(tmp)
        try:
            for name, check in checks:
                try:
                    detail = check(state)
                except CheckFailed as exc:
                    return _fail(report, name, str(exc))
                except Exception as exc:
                    trace = traceback.format_exc()
                    return _fail(report, name, f"{type(exc).__name__}: {exc}", trace)
                report(f"ok   {name}: {detail}")
        finally:
            _close(state)
    if args.timing and state.window_shown_at is not None:
        launched = os.environ.get(ENV_LAUNCHED_AT)
        origin, label = (float(launched), "launch") if launched else (LOADED_AT, "module load")
        report(f"timing: first-window {state.window_shown_at - origin:.3f} s since {label}")
    report("self-test passed")
    return 0


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _fail(report: Report, name: str, message: str, trace: str | None = None) -> int:
    report(f"FAIL {name}: {message}", error=True)
    if trace:
        report(trace.rstrip(), error=True)
    report("self-test failed", error=True)
    return 1


def _close(state: State) -> None:
    window = state.window
    if window is not None:
        window.hide()
        window.library.close()
        window.deleteLater()
        state.window = None
    if state.app is not None:
        state.app.processEvents()


# -- checks ----------------------------------------------------------------------------------


def _check_resources(state: State, explicit: str | None) -> str:
    if explicit:
        root = Path(explicit)
    else:
        from .paths import resources_dir

        try:
            root = resources_dir()
        except FileNotFoundError as exc:
            raise CheckFailed(str(exc)) from None
    missing = [rel for rel in REQUIRED_RESOURCES if not (root / rel).is_file()]
    if missing:
        raise CheckFailed(f"missing from the resources folder {root}: " + ", ".join(missing))
    state.resources = root
    return str(root)


def _check_qt(state: State) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QGuiApplication, QImageReader
    from PySide6.QtWidgets import QApplication

    from .ui.app import make_app

    state.app = make_app([])
    if not isinstance(QApplication.instance(), QApplication):
        raise CheckFailed("no QApplication")
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in REQUIRED_IMAGE_FORMATS if f not in formats]
    if missing:
        raise CheckFailed("image format plugins missing: " + ", ".join(missing))
    # Keep the window's saved layout out of the user's settings.
    from PySide6.QtCore import QSettings

    assert state.workdir is not None
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(state.workdir / "settings")
    )
    return (
        f"PySide6 {pyside_version}, platform {QGuiApplication.platformName()}, "
        f"images {','.join(REQUIRED_IMAGE_FORMATS)}"
    )


def _library_path(state: State) -> Path:
    assert state.workdir is not None
    return state.workdir / "library.db"


def _check_import(state: State) -> str:
    from .core import claim_store
    from .core.ingest import load_file
    from .core.library import Library

    assert state.resources is not None
    sample = state.resources / "sample" / "welcome.html"
    article = load_file(sample)
    if not article.sentences:
        raise CheckFailed(f"{sample} gave no sentences")
    if not any(b.kind == "figure" for b in article.blocks):
        raise CheckFailed(f"{sample} gave no picture")
    with Library(_library_path(state)) as library:
        result = library.add_article(article, source_path=str(sample))
        state.article_id = result.article_id
        if library.article_count() != 1:
            raise CheckFailed(f"expected 1 article, the library has {library.article_count()}")
        # Storing spots claims with the shipped model: the sample states several.
        claims = claim_store.counts(library.db, result.article_id)[0]
        if not claims:
            raise CheckFailed(f"no claims spotted in {sample}")
    state.article = article
    return f"{article.title!r}, {len(article.sentences)} sentences, {claims} claims"


def _check_window(state: State) -> str:
    from .ui.app import open_window

    window = open_window(_library_path(state))
    state.window = window
    window.show()
    state.app.processEvents()
    state.window_shown_at = time.time()
    if not window.isVisible():
        raise CheckFailed("the main window did not show")
    if window.current_article_id != state.article_id:
        raise CheckFailed(
            f"the window opened article {window.current_article_id}, not {state.article_id}"
        )
    return f"{window.width()}x{window.height()}, {window.windowTitle()!r}"


def _check_render(state: State) -> str:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument, QTextImageFormat

    reader = state.window.reader
    doc = reader.document()
    text = doc.toPlainText()
    article = state.article
    # The reader adds layout (header, bullets, table cells); every sentence outside a table
    # must still be there word for word.
    flowing = [s for s in article.sentences if article.blocks[s.block].kind != "table"]
    absent = [s.text for s in flowing if " ".join(s.text.split()) not in text]
    if article.title not in text:
        raise CheckFailed(f"the title {article.title!r} is not in the rendered document")
    if absent:
        raise CheckFailed(f"{len(absent)} sentence(s) not rendered, e.g. {absent[0]!r}")

    images = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                name = QTextImageFormat(fmt).name()
                res = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
                images.append((name, res))
            it += 1
        block = block.next()
    if not images:
        raise CheckFailed("the rendered document has no picture")
    for name, res in images:
        if not isinstance(res, QImage) or res.isNull():
            raise CheckFailed(f"the picture {name} has no image data")

    shot = reader.viewport().grab().toImage()
    if shot.isNull() or shot.width() < 50 or shot.height() < 50:
        raise CheckFailed(f"grabbing the reader gave a {shot.width()}x{shot.height()} image")
    background = QColor(shot.pixel(0, 0)).rgb()
    step = 3
    total = inked = 0
    colours: set[int] = set()
    for y in range(0, shot.height(), step):
        for x in range(0, shot.width(), step):
            rgb = QColor(shot.pixel(x, y)).rgb()
            total += 1
            if rgb != background:
                inked += 1
                if len(colours) < 64:
                    colours.add(rgb)
    share = inked / total
    if share < 0.005 or len(colours) < 4:
        raise CheckFailed(
            f"the reader looks blank: {share:.1%} of pixels differ from the background, "
            f"{len(colours)} colours"
        )
    return f"{len(text)} characters, {len(images)} picture(s), {share:.1%} inked"


def _check_note(state: State) -> str:
    from .core.library import Library
    from .core.model import Source, Verdict

    path = _library_path(state)
    index = min(3, len(state.article.sentences) - 1)
    with Library(path) as library:
        note = library.add_note(
            state.article_id,
            index,
            NOTE_TEXT,
            Verdict.MISLEADING,
            [Source("https://gloss.invalid/volunteers")],
            ["self-test"],
        )
    with Library(path) as library:
        notes = library.notes(state.article_id)
    found = [n for n in notes if n.uuid == note.uuid]
    if not found:
        raise CheckFailed(f"the note {note.uuid} is gone after reopening {path}")
    back = found[0]
    if (back.text, back.verdict, back.sentence) != (NOTE_TEXT, Verdict.MISLEADING, index):
        raise CheckFailed(
            f"the note came back changed: {back.text!r}, {back.verdict}, {back.sentence}"
        )
    if [s.url for s in back.sources] != ["https://gloss.invalid/volunteers"]:
        raise CheckFailed(f"the note's sources came back as {back.sources!r}")
    return f"note on sentence {index} read back after reopening the library"


def _check_single_window(state: State) -> str:
    """The socket a second `gloss FILE` hands its files to: listened on and answered."""
    from .ui.single_instance import SingleInstance, hand_over

    instance = SingleInstance(_library_path(state))
    try:
        if not instance.claim():
            raise CheckFailed(f"a window already listens at {instance.address}")
        if not hand_over(instance.address, []):
            raise CheckFailed(f"nothing answers at {instance.address}")
    finally:
        instance.close()
    return f"a second gloss reaches this window at {instance.address}"
