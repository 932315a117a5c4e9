"""`gloss report ID -o FILE`: an article's fact-check report as HTML or PDF (by FILE's
suffix), made with Qt on the offscreen platform, so it needs no display (reader/cli.py
hands it over)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TextIO

from .core.fact_check_report import build_report, report_format
from .core.library import Library


def add_report_command(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="write an article's fact-check report (notes, verdicts, sources) as HTML or PDF",
    )
    p.add_argument("id", type=int, help="article id")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="FILE.html (self-contained, pictures embedded) or FILE.pdf (A4 pages)",
    )


def run_report(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    report_format(args.output)  # a wrong suffix is refused before anything is read
    report = build_report(library, args.id)
    _headless_app()
    from .ui.report_document import write_report

    try:
        write_report(report, lambda name: library.image(args.id, name), args.output)
    except OSError as exc:
        raise ValueError(f"{args.output}: {exc.strerror or exc}") from None
    print(args.output, file=out)
    return 0


def _headless_app() -> object:
    """Qt's GUI application on the offscreen platform (laying out text needs one, a
    display does not); the one already running when there is one."""
    from .ui.preflight import GUI_LIBRARIES, missing_libraries

    missing = missing_libraries(GUI_LIBRARIES)
    if missing:
        packages = " ".join(sorted(set(missing.values())))
        raise ValueError(
            f"a report is laid out with Qt, which needs {', '.join(missing)}; on Debian or "
            f"Ubuntu: sudo apt-get install {packages}"
        )
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication(["gloss", "-platform", "offscreen"])
    return app
