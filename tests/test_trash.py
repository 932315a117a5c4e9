"""The Trash: deleted articles stay (notes and all) until the reader empties it, and no
other look-up sees them. Core and the `gloss trash` command."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import trash
from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.listing import filter_tags
from reader.core.model import Block, BlockKind, Verdict
from reader.core.sentences import segment
from reader.core.transfer import export_notes


def _filled(library: Library, pages: Path) -> tuple[int, int, str]:
    news = library.add_article(load_file(pages / "news.html")).article_id
    other = library.add_article(load_file(pages / "plain.txt")).article_id
    note = library.add_note(news, 0, "Checked against the minutes.", Verdict.TRUE)
    return news, other, note.uuid


def test_trash_outlasts_closing_the_library(library_path: Path, pages: Path) -> None:
    with Library(library_path) as lib:
        news, other, note = _filled(lib, pages)
        lib.trash_article(news)
    with Library(library_path) as lib:
        assert [r.id for r in trash.trashed(lib)] == [news]
        assert trash.count(lib) == 1
        assert lib.trashed_at(news) and not lib.trashed_at(other)
        assert trash.restore(lib, [news, other]) == [news]  # `other` was never deleted
        assert lib.note(note).text == "Checked against the minutes."
        assert [r.id for r in lib.summaries()] == [other, news]


def test_trashed_articles_are_left_out_everywhere(library: Library, pages: Path) -> None:
    news, other, _note = _filled(library, pages)
    hash_ = library.article_content_hash(news)
    library.set_article_tags(news, ["transport"])
    library.add_note(news, 1, "Tagged.", Verdict.TRUE, tags=["cables"])
    assert library.search("bridge")
    assert filter_tags(library.db) == ["cables", "transport"]
    library.trash_article(news)
    assert filter_tags(library.db) == [] and library.all_tags() == []
    assert [r.id for r in library.summaries()] == [other]
    assert library.article_count() == 1
    assert all(h.article_id != news for h in library.search("bridge"))
    assert all(h.article_id != news for h in library.search("minutes"))  # its note
    assert library.find_by_content_hash(hash_) is None  # links between articles
    assert all(i != news for i, _url in library.article_urls())
    assert "minutes" not in export_notes(library, None, "markdown")


def test_reimporting_a_trashed_page_restores_it_with_its_notes(
    library: Library, pages: Path
) -> None:
    """The unique URL index holds trashed rows: importing the page again must bring the
    trashed article back (updated), never fail or drop the reader's notes."""
    article = load_file(pages / "news.html")
    news = library.add_article(article).article_id
    note = library.add_note(news, 2, "Worth a second look.", Verdict.MISLEADING)
    library.trash_article(news)
    again = library.add_article(article)
    assert (again.article_id, again.status, again.restored) == (news, "unchanged", True)
    assert not library.is_trashed(news)

    library.trash_article(news)
    extra = Block(BlockKind.PARAGRAPH, "Update: the council met again. Nothing changed.")
    blocks = (extra, *article.blocks)
    changed = replace(article, blocks=blocks, sentences=segment(blocks))
    result = library.add_article(changed)
    assert (result.article_id, result.status, result.restored) == (news, "updated", True)
    assert trash.count(library) == 0
    assert library.note(note.uuid).text == "Worth a second look."
    assert library.article(news).sentences[0].text.startswith("Update:")
    assert library.add_article(changed).restored is False


def test_delete_forever_touches_only_trashed_articles(library: Library, pages: Path) -> None:
    news, other, note = _filled(library, pages)
    assert trash.delete_forever(library, [news, other]) == []
    library.trash_article(news)
    assert trash.delete_forever(library, [news, other]) == [news]
    assert library.article_ids() == [other]
    assert library.find_note(note) is None
    library.trash_article(other)
    assert trash.empty(library) == 1
    assert library.article_ids() == []


def _gloss(capsys: pytest.CaptureFixture[str], library_path: Path, *argv: str):
    code = main(["--library", str(library_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_trash_list_restore_delete_and_empty(capsys, library_path: Path, pages: Path) -> None:
    with Library(library_path) as lib:
        news, other, _note = _filled(lib, pages)
        lib.trash_article(news)
    code, out, _ = _gloss(capsys, library_path, "list")
    assert [line.split("\t")[0] for line in out.splitlines()] == [str(other)]
    code, out, _ = _gloss(capsys, library_path, "trash")
    assert code == 0 and out.startswith(f"{news}\tBridge repairs")
    code, out, _ = _gloss(capsys, library_path, "trash", "list", "--json")
    assert [(r["id"], r["notes"]) for r in json.loads(out)] == [(news, 1)]
    code, out, err = _gloss(capsys, library_path, "trash", "restore", str(news), str(other))
    assert code == 1  # `other` is not in the Trash: said so, the rest still done
    assert out == f"Restored\t{news}\n" and f"{other}: not in the Trash" in err
    code, out, _ = _gloss(capsys, library_path, "trash")
    assert out == ""
    with Library(library_path) as lib:
        lib.trash_article(news)
        lib.trash_article(other)
    code, out, _ = _gloss(capsys, library_path, "trash", "delete", str(other))
    assert (code, out) == (0, f"Deleted\t{other}\n")
    code, out, _ = _gloss(capsys, library_path, "trash", "empty")
    assert (code, out) == (0, "Deleted 1 article for good\n")
    with Library(library_path) as lib:
        assert lib.article_ids() == []


def test_trash_command_in_its_own_process(library_path: Path, pages: Path) -> None:
    with Library(library_path) as lib:
        news, _other, _note = _filled(lib, pages)
        lib.trash_article(news)
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library_path), "trash", "empty"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "Deleted 1 article for good\n")


def test_cli_import_of_a_trashed_page_says_it_came_back(
    capsys, library_path: Path, pages: Path
) -> None:
    with Library(library_path) as lib:
        news, _other, note = _filled(lib, pages)
        lib.trash_article(news)
    code, out, err = _gloss(capsys, library_path, "import", str(pages / "news.html"))
    assert code == 0 and out.startswith(f"{news}\t")
    assert "1 unchanged, 0 failed, 1 restored from the Trash" in err
    with Library(library_path) as lib:
        assert not lib.is_trashed(news) and lib.find_note(note) is not None
