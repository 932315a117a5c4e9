"""A note's claimant and review URL in the core: migration m013, the library's writes,
the JSON backup, and the checks the CLI and the window share."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core import library_settings
from reader.core.export.backup import note_from_json
from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Verdict
from reader.core.note_publication import check_claimant, check_review_url, default_claimant

PAGES = Path(__file__).parent / "fixtures" / "pages"
REVIEW = "https://factdesk.example.org/checks/bridge"


def test_an_older_library_keeps_its_notes_and_gets_neither_field(library_path: Path) -> None:
    from reader.core.schema import migrations

    with Library(library_path) as library:
        article_id = library.add_article(load_file(PAGES / "news.html")).article_id
        before = library.add_note(article_id, 0, "Not until 2028.", Verdict.FALSE, tags=["x"])
    # The file as the code before m013 left it.
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute("DROP INDEX notes_unpublished")
        conn.execute("ALTER TABLE notes DROP COLUMN claimant")
        conn.execute("ALTER TABLE notes DROP COLUMN review_url")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm013_note_publication'")
    conn.close()
    with Library(library_path) as library:
        assert not migrations.pending(library.db)
        (after,) = library.notes(article_id)
    assert after == before
    assert (after.claimant, after.review_url) == ("", "")


def test_add_update_and_restore_carry_both_fields(library: Library) -> None:
    article_id = library.add_article(load_file(PAGES / "news.html")).article_id
    note = library.add_note(article_id, 0, "x", Verdict.FALSE, claimant="Cllr. Patel")
    assert (note.claimant, note.review_url) == ("Cllr. Patel", "")
    edited = library.update_note(note.uuid, review_url=REVIEW)
    assert (edited.claimant, edited.review_url) == ("Cllr. Patel", REVIEW)
    assert library.update_note(note.uuid, text="y").review_url == REVIEW  # kept
    library.restore_note(note)  # undo puts back the note as it was
    assert library.note(note.uuid).review_url == ""
    library.delete_note(note.uuid)
    assert library.restore_note(edited).review_url == REVIEW


def test_backup_json_round_trips_and_older_backups_have_neither(library: Library) -> None:
    article_id = library.add_article(load_file(PAGES / "news.html")).article_id
    note = library.add_note(article_id, 0, "x", claimant="A", review_url=REVIEW)
    data = note.to_json()
    assert note_from_json(data) == note
    older = {k: v for k, v in data.items() if k not in ("claimant", "review_url")}
    assert note_from_json(older) == replace(note, claimant="", review_url="")


@pytest.mark.parametrize(
    "url", ["factdesk.example.org/x", "ftp://factdesk.example.org/x", "https://", "https://a b/c"]
)
def test_review_url_must_be_an_absolute_web_address(url: str) -> None:
    with pytest.raises(ValueError, match="absolute http"):
        check_review_url(url)
    assert check_review_url(f" {REVIEW} ") == REVIEW
    assert check_review_url("  ") == ""


def test_claimant_is_one_line_and_defaults_to_the_site() -> None:
    assert check_claimant("  Cllr.\n A.  Patel ") == "Cllr. A. Patel"
    with pytest.raises(ValueError):
        check_claimant("x" * 301)
    assert default_claimant("Riverside Herald", "https://www.herald.example/a") == (
        "Riverside Herald"
    )
    assert default_claimant("", "https://www.herald.example/a") == "herald.example"
    assert default_claimant("", "") == ""


def test_settings_are_checked_before_anything_is_written(library: Library) -> None:
    library_settings.set_value(library, "reviewer.name", "  Jane Doe ")
    assert library_settings.value(library, "reviewer.name") == "Jane Doe"
    with pytest.raises(library_settings.SettingError):
        library_settings.set_values(
            library,
            {"reviewer.organisation": "Fact Desk", "reviewer.organisation_url": "nope"},
        )
    assert library_settings.value(library, "reviewer.organisation") == ""
    library_settings.set_values(library, {"reviewer.name": "", "reviewer.organisation": "FD"})
    assert library_settings.reviewer(library) == library_settings.Reviewer("FD", "", "")
    assert library.setting("reviewer.name") is None  # cleared, not stored empty


def test_a_backup_cannot_carry_a_review_url_of_another_scheme(library: Library) -> None:
    from reader.core.export.backup import BackupError

    article_id = library.add_article(load_file(PAGES / "news.html")).article_id
    data = library.add_note(article_id, 0, "x").to_json()
    with pytest.raises(BackupError, match=r"notes\[0\]\.review_url: not an http"):
        note_from_json({**data, "review_url": "javascript:alert(1)"}, "notes[0]")


def test_export_scope_counts_what_the_dialog_shows(library: Library) -> None:
    from reader.core import export_scope

    news = library.add_article(load_file(PAGES / "news.html")).article_id
    emoji = library.add_article(load_file(PAGES / "emoji.html")).article_id
    bare = library.add_article(load_file(PAGES / "plain.txt")).article_id
    library.add_note(news, 0, "x", Verdict.FALSE)
    library.add_note(news, 1, "x", Verdict.TRUE, review_url=REVIEW)
    library.add_note(news, 2, "x", Verdict.OPINION)  # never reviewed
    library.add_note(emoji, 0, "x", Verdict.MISLEADING)
    assert export_scope.unpublished_count(library, None) == 2
    assert export_scope.unpublished_count(library, [news]) == 1
    assert export_scope.preview_ids(library, None, 2) == [news, emoji]  # noted ones first
    assert export_scope.preview_ids(library, [bare, emoji, news], 2) == [emoji, news]
    library.trash_article(emoji)
    assert export_scope.unpublished_count(library, None) == 1
    assert export_scope.article_count(library, None) == 2
    assert export_scope.scope_ids("this", news, [emoji]) == [news]
    assert export_scope.scope_ids("selected", news, [emoji, emoji]) == [emoji]
    assert export_scope.scope_ids("all", news, []) is None
