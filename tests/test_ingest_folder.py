"""Importing a folder: every supported file, recursively, without resource folders."""

from __future__ import annotations

from pathlib import Path

from reader.core.ingest import find_importable


def test_folder_lists_supported_files_and_skips_resource_folders(tmp_path: Path) -> None:
    files = [
        "Otters.html",
        "Otters_files/frame.html",  # a saved page's own parts: not articles
        "Otters_files/style.css",
        "Mühle-Dateien/inner.htm",
        "Mühle.htm",
        "Archive.fld/part.html",
        "Archive.htm",
        "Saved.mht",
        "nested/deeper/notes.md",
        "nested/letter.txt",
        "nested/safari.webarchive",
        "nested/page.mhtml",
        "nested/photo.png",
        "nested/data.csv",
        "images/logo.html",  # a folder named like nothing beside it is searched
    ]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = {p.relative_to(tmp_path).as_posix() for p in find_importable([tmp_path])}
    assert found == {
        "Otters.html",
        "Mühle.htm",
        "Archive.htm",
        "Saved.mht",
        "nested/deeper/notes.md",
        "nested/letter.txt",
        "nested/safari.webarchive",
        "nested/page.mhtml",
        "images/logo.html",
    }


def test_files_given_directly_are_passed_through(tmp_path: Path) -> None:
    one = tmp_path / "one.html"
    one.write_text("x")
    assert list(find_importable([one])) == [one]
