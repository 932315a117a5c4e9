"""W3C export → import-notes is lossless for articles without a URL too: they are named
by a URN of their text's hash, found again in the same library (even after their text
was replaced) and in any library holding the same text."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Note, Source, Verdict
from reader.core.safe_links import article_urn
from reader.core.transfer import export_notes, import_notes

CHECKER = (
    Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "w3c_annotation_check.py"
)


def kept(note: Note) -> tuple:
    """What a W3C round trip must give back (the article id is the library's own)."""
    return (
        note.uuid,
        note.sentence,
        note.quote,
        note.text,
        note.verdict,
        note.sources,
        note.tags,
        note.created,
        note.updated,
    )


def notes_of(library: Library) -> dict[str, tuple]:
    return {n.uuid: kept(n) for i in library.article_ids() for n in library.notes(i)}


@pytest.fixture
def noted(library: Library, pages: Path) -> Library:
    """The news page (with a URL) and the emoji page (none), with notes on both, one of
    them unplaced."""
    news = library.add_article(load_file(pages / "news.html")).article_id
    emoji = library.add_article(load_file(pages / "emoji.html")).article_id
    assert library.article_meta(emoji).url == ""
    library.add_note(news, 1, "On the news.", Verdict.TRUE, [Source("https://s.example/")])
    for index in range(3):
        library.add_note(emoji, index, f"Emoji note {index}", Verdict.OPINION, tags=["e"])
    lost = library.add_note(emoji, 1, "Lost its place.", Verdict.FALSE)
    library.restore_note(replace(lost, sentence=None, quote="A sentence that is gone."))
    return library


def delete_all_notes(library: Library) -> None:
    for i in library.article_ids():
        for note in library.notes(i):
            library.delete_note(note.uuid)


def test_export_then_import_into_the_same_library_restores_every_note(noted: Library) -> None:
    before = notes_of(noted)
    text = export_notes(noted, None, "w3c")
    emoji_hash = noted.article_content_hash(2)
    assert article_urn(emoji_hash) in text
    delete_all_notes(noted)
    report = import_notes(noted, text)
    assert (report.placed, report.unplaced, report.skipped) == (4, 1, 0)
    assert notes_of(noted) == before
    again = import_notes(noted, text)
    assert (again.present, again.skipped) == (5, 0)


def test_a_replaced_text_is_still_recognised(noted: Library, pages: Path) -> None:
    text = export_notes(noted, [2], "w3c")
    exported_hash = noted.article_content_hash(2)
    delete_all_notes(noted)
    noted.replace_text(2, load_file(pages / "emoji.html").with_meta(title="A new title"))
    assert noted.article_content_hash(2) != exported_hash
    report = import_notes(noted, text)
    assert report.skipped == 0 and report.placed + report.unplaced == 4


def test_another_library_with_the_same_page_takes_the_notes(
    noted: Library, pages: Path, tmp_path: Path
) -> None:
    text = export_notes(noted, None, "w3c")
    with Library(tmp_path / "other.db") as other:
        other.add_article(load_file(pages / "news.html"))  # ids differ from the first library
        emoji = other.add_article(load_file(pages / "emoji.html")).article_id
        report = import_notes(other, text)
        assert (report.placed, report.unplaced, report.skipped) == (4, 1, 0)
        assert {kept(n)[1:] for n in other.notes(emoji)} == {kept(n)[1:] for n in noted.notes(2)}


def test_old_exports_naming_the_article_by_id(noted: Library, pages: Path, tmp_path) -> None:
    text = export_notes(noted, [2], "w3c").replace(
        article_urn(noted.article_content_hash(2)), "urn:x-gloss:article:2"
    )
    delete_all_notes(noted)
    report = import_notes(noted, text)
    # The id is trusted where the quote is found; the unplaced note has nothing to check.
    assert (report.placed, report.skipped) == (3, 1)
    with Library(tmp_path / "other.db") as other:
        # Article 2 of another library is another text: nothing goes there.
        other.add_article(load_file(pages / "news.html"))
        other.add_article(load_file(pages / "plain.txt"))
        report = import_notes(other, text)
        assert (report.placed, report.unplaced, report.skipped) == (0, 0, 4)


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared is not next to the repository")
def test_the_export_with_urns_passes_the_w3c_checker(noted: Library, tmp_path: Path) -> None:
    target = tmp_path / "notes.jsonld"
    target.write_text(export_notes(noted, None, "w3c"))
    checked = subprocess.run(
        [sys.executable, str(CHECKER), str(target)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
