"""The window's text goes through Qt's translation; dates and numbers through QLocale."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from reader.core.model import Note, Verdict
from reader.ui import locale_format
from reader.ui.translations import install_translations

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "resources" / "translations" / "gloss.ts"


def _script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> set[tuple[str, str, bool]]:
    root = ET.parse(ts).getroot()
    return {
        (
            context.findtext("name") or "",
            message.findtext("source") or "",
            message.get("numerus") == "yes",
        )
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture
def german():
    """QLocale() is German for the test, and the default is put back after it."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def test_committed_template_matches_the_source(tmp_path: Path) -> None:
    fresh = tmp_path / "gloss.ts"
    _script().write_template(fresh)
    made = _messages(fresh)
    assert len(made) > 100, "the window's strings are not going through tr()"
    committed = _messages(TEMPLATE)
    assert made == committed, (
        "resources/translations/gloss.ts is out of date: run "
        "`uv run python packaging/update_translations.py`\n"
        f"new: {sorted(made - committed)[:10]}\ngone: {sorted(committed - made)[:10]}"
    )


def test_a_translation_for_the_system_language_changes_the_menus(
    qtbot, qapp, tmp_path: Path, library_path: Path
) -> None:
    # A translator writes gloss_de.ts; the script updates and compiles it as for a release.
    (tmp_path / "gloss_de.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="de_DE">\n<context>\n    <name>MainWindow</name>\n'
        "    <message>\n        <source>&amp;File</source>\n"
        "        <translation>&amp;Datei</translation>\n    </message>\n"
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    assert _script().build(tmp_path) == [tmp_path / "gloss_de.qm"]
    from reader.ui.app import open_window

    installed = install_translations(qapp, QLocale("de_AT"), tmp_path)
    try:
        # de_AT falls back to the German file, as an Austrian system should.
        assert any(t.filePath().endswith("gloss_de.qm") for t in installed)
        win = open_window(library_path)
        qtbot.addWidget(win)
        titles = [a.text() for a in win.menuBar().actions()]
        assert titles[0] == "&Datei"
        assert "&Edit" in titles  # untranslated strings stay English
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_no_translation_means_english_without_error(qapp, tmp_path: Path) -> None:
    installed = install_translations(qapp, QLocale("fy_NL"), tmp_path)
    try:
        assert not any("gloss_" in t.filePath() for t in installed)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_dates_and_numbers_follow_the_locale(qapp, german) -> None:
    assert locale_format.short_date("2026-11-30T10:00:00+00:00") == "30.11.26"
    assert locale_format.number(1234) == "1.234"
    assert locale_format.claim_summary(1234, 2) == "1.234 claims · 2 checked"
    assert locale_format.claim_summary(1, 1) == "1 claim · 1 checked"
    from reader.ui.note_card import _date_line

    note = Note(
        uuid="u",
        article_id=1,
        sentence=0,
        quote="q",
        prefix="",
        suffix="",
        position=0,
        text="t",
        verdict=Verdict.NONE,
        sources=(),
        tags=(),
        created="2026-11-30T09:00:00",
        updated="2026-12-01T09:00:00",
    )
    assert _date_line(note) == "30.11.26, edited 01.12.26"


def test_english_dates_are_unchanged_in_shape(qapp) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert locale_format.short_date("2026-11-30") == "11/30/26"
        assert locale_format.percent(0.42) == "42%"
        assert locale_format.short_date("not a date") == "not a date"
        QLocale.setDefault(QLocale.c())  # no locale configured: ISO, as before
        assert locale_format.short_date("2026-11-30T10:00:00") == "2026-11-30"
    finally:
        QLocale.setDefault(before)
