"""Render the main window with a sample library to PNG files, once per theme, and more
states: `gloss-review.png` (the card of a note whose words changed on the page),
`gloss-library.png` (many rows with verdict badges, the selected one with four),
`gloss-table-figure.png` (a captioned picture and a table wider than the column),
`gloss-small-window.png` (1024 px: the notes folded), `gloss-focus-mode.png`,
`gloss-preferences.png`, `gloss-search.png` (the Ctrl+K dialog with marked hits in
articles and notes), `gloss-claims.png` (check-worthy claims marked in the text and
listed in the Claims tab), `gloss-report.png` (the fact-check report's first and last
PDF pages), `gloss-sources.png` (a note with a source of each kind, a citation of another
saved article among them), `gloss-cite-picker.png` (Cite from Library… with passages
found), `gloss-elsewhere.png` (a sentence noted in two other articles: its ↗2 mark
and the notes panel's Elsewhere section) and `gloss-export.png` (the export dialog on
ClaimReview, with its preview and the count of notes not yet published).

    python -m reader.ui.screenshots OUTDIR [--scale 2]

The sample gets whole-sentence notes, a note on a few words ("two regional newspapers"),
and a note on "about 9% above the long-term average" that an update of the page turns
into "about 11% above…", so the note awaits review.

Uses a temporary library and temporary settings, so the user's own are never touched.
Runs offscreen unless a display is chosen with QT_QPA_PLATFORM.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

THEMES = ("light", "sepia", "dark")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.ui.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio (2 = 200%%)")
    parser.add_argument("--size", default="1400x900", help="window size in pixels")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    width, height = (int(v) for v in args.size.split("x"))

    from PySide6.QtCore import QSettings

    scratch = Path(tempfile.mkdtemp(prefix="gloss-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))

    from dataclasses import replace

    from ..core.ingest import load_file
    from ..core.library import Library
    from ..core.model import Source, Verdict
    from ..core.sample import ensure_sample, sample_path
    from ..core.sentences import segment
    from ..core.spans import sentences_span
    from .app import make_app, open_window
    from .screenshot_states import (
        add_library_rows,
        add_repeated_claim,
        add_sourced_note,
        add_table_and_figure,
        show_cite_picker,
        show_search_results,
        wait_for_elsewhere,
    )

    app = make_app()
    library_path = scratch / "library.db"
    with Library(library_path) as library:
        article_id = ensure_sample(library)
        assert article_id is not None
        article = library.article(article_id)

        def index_of(start: str) -> int:
            return next(s.index for s in article.sentences if s.text.startswith(start))

        library.add_note(
            article_id,
            index_of("Last spring"),
            "The gauge only went up in **2019**, so the record is five years long.",
            Verdict.MISLEADING,
            [Source("https://example.org/gauge-log", "Library gauge log")],
            ["weather"],
        )
        library.add_note(
            article_id,
            index_of("It had been installed"),
            "Confirmed by the council's minutes.",
            Verdict.TRUE,
        )
        papers = index_of("Within a week")
        library.add_note(
            article_id,
            papers,
            "Only one of the two papers is in the archive so far.",
            Verdict.UNVERIFIED,
            span=sentences_span(article, papers, words="two regional newspapers"),
        )
        rainfall = index_of("Rainfall that year")
        library.add_note(
            article_id,
            rainfall,
            "Regional figures say 11%, not 9%.",
            Verdict.MOSTLY_TRUE,
            span=sentences_span(article, rainfall, words="about 9% above the long-term average"),
        )
        # The page is corrected later and imported again: the note now covers new words.
        page = load_file(sample_path())
        blocks = tuple(
            replace(b, text=b.text.replace("about 9% above", "about 11% above"), marks=())
            if "about 9% above" in b.text
            else b
            for b in page.blocks
        )
        library.add_article(replace(page, blocks=blocks, sentences=segment(blocks)))
        richest = add_library_rows(library, scratch / "rows")
        table_article = add_table_and_figure(library, scratch / "table")
        sourced = index_of("It had been installed")
        add_sourced_note(library, article_id, sourced, richest)
        briefing, repeated = add_repeated_claim(library, scratch / "elsewhere")
    args.outdir.mkdir(parents=True, exist_ok=True)
    window = open_window(library_path)
    window.resize(width, height)
    window.show()
    window.open_article(article_id)
    selected = index_of("Last spring")
    written = []
    for theme in THEMES:
        window.set_theme(theme)
        window.select_sentence(selected)
        for _ in range(5):
            app.processEvents()
        path = args.outdir / f"gloss-{theme}.png"
        window.grab().save(str(path))
        written.append(path)
    window.set_theme("light")
    window.select_sentence(index_of("Rainfall that year"))
    for _ in range(5):
        app.processEvents()
    path = args.outdir / "gloss-review.png"
    window.grab().save(str(path))
    written.append(path)

    def shot(name: str, widget=None) -> None:
        for _ in range(5):
            app.processEvents()
        target = args.outdir / f"gloss-{name}.png"
        (widget or window).grab().save(str(target))
        written.append(target)

    # Many rows, the selected one with four verdict badges.
    window.open_article(richest)
    shot("library")
    window.open_article(table_article)
    window.reader.verticalScrollBar().setValue(0)
    shot("table-figure")
    # A small window: the notes fold so the text keeps a readable line; then focus mode.
    window.open_article(article_id)
    window.resize(1024, 700)
    shot("small-window")
    window.panels.focus_action.trigger()
    shot("focus-mode")
    window.panels.focus_action.trigger()
    window.resize(width, height)
    from ..core import library_settings
    from .preferences_dialog import PreferencesDialog

    prefs = PreferencesDialog(
        window.prefs,
        window,
        open_library=window.library.path,
        publishing=library_settings.values(window.library),
    )
    prefs.show()
    shot("preferences", prefs)
    prefs.close()
    search = show_search_results(window, "annual report")
    shot("search", search)
    search.close()
    # The claims state: dotted marks on check-worthy sentences, the Claims tab open, the
    # first claim without a note selected (what `c` goes to).
    window.open_article(article_id)
    window.notes.tabs.setCurrentWidget(window.claims_view.panel)
    window.reader.select_sentence(None)
    window.reader.verticalScrollBar().setValue(0)
    window.claims_view.move(1)
    shot("claims")
    # The fact-check report of the sample, as PDF pages: the first and the notes.
    from .screenshot_states import report_pages

    target = args.outdir / "gloss-report.png"
    report_pages(window.library, article_id, scratch / "report").save(str(target))
    written.append(target)
    # A note's sources of every kind, a citation of another saved article among them;
    # then Cite from Library… with passages found.
    window.notes.tabs.setCurrentIndex(0)
    window.select_sentence(sourced)
    shot("sources")
    picker = show_cite_picker(window, "annual report")
    shot("cite-picker", picker)
    picker.close()
    # The same claim elsewhere: an article repeating the sample's rain claim, which the
    # sample and a regional paper noted; the sentence selected, its Elsewhere section shown.
    window.notes.tabs.setCurrentIndex(0)
    answered = window.elsewhere.answered
    window.open_article(briefing)
    wait_for_elsewhere(window, answered)
    window.select_sentence(repeated)
    shot("elsewhere")
    # The one export dialog on ClaimReview, with the not-yet-published count.
    from .screenshot_states import show_export_dialog

    export = show_export_dialog(window, article_id)
    shot("export", export)
    export.close()
    window.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
