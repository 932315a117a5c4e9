"""Bad input: every case is an ImportFailed with a one-line reason, and writes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import reader.core.ingest as ingest
from reader.core.ingest import ImportFailed, find_importable, load_file

GOOD = "<html><body><p>A perfectly good page about the tide and the moon.</p></body></html>"


def fails(path: Path) -> str:
    before = set(path.parent.rglob("*"))
    with pytest.raises(ImportFailed) as caught:
        load_file(path)
    reason = str(caught.value)
    assert reason and "\n" not in reason
    assert set(path.parent.rglob("*")) == before  # nothing was written
    return reason


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert "empty" in fails(path)
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n ")
    assert "empty" in fails(blank)


def test_png_renamed_html(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert "PNG" in fails(path)


def test_too_large_file_by_constant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "big.html"
    path.write_text(GOOD + " " * 2048)
    assert "too large" in fails(path)


def test_200_mb_sparse_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: takes no disk space
    assert "too large" in fails(path)


def test_markup_nested_100000_deep(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>"
    )
    assert "deep" in fails(path)


def test_truncated_mhtml(tmp_path: Path) -> None:
    path = tmp_path / "cut.mhtml"
    path.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/html\r\n\r\n<html><body><p>Half a pa"
    )
    assert "truncated" in fails(path)


def test_mhtml_extension_but_not_mhtml(tmp_path: Path) -> None:
    path = tmp_path / "not.mhtml"
    path.write_text("hello there, this is just text")
    assert "MHTML" in fails(path)


def test_webarchive_not_a_plist(tmp_path: Path) -> None:
    path = tmp_path / "x.webarchive"
    path.write_bytes(b"bplist00\x00\x01garbage")
    assert "web archive" in fails(path)


def test_webarchive_without_main_resource(tmp_path: Path) -> None:
    import plistlib

    path = tmp_path / "x.webarchive"
    path.write_bytes(plistlib.dumps({"WebSubresources": []}, fmt=plistlib.FMT_BINARY))
    assert "main page" in fails(path)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.html"
    path.write_text(GOOD)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        assert "permission" in fails(path)
    finally:
        path.chmod(0o644)


def test_os_error_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads chmod-000 files, so an I/O error is simulated where the file is opened.
    path = tmp_path / "bad-disk.html"
    path.write_text(GOOD)

    def broken_open(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", broken_open)
    assert "Input/output error" in fails(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "no such file" in fails(tmp_path / "gone.html")
    (tmp_path / "dir.html").mkdir()
    assert "folder" in fails(tmp_path / "dir.html")


def test_page_without_text(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert "no article text" in fails(path)


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("a,b,c\n1,2,3\n")
    assert "unsupported" in fails(path)


def test_batch_goes_on_after_failures(tmp_path: Path) -> None:
    (tmp_path / "a-empty.html").write_bytes(b"")
    (tmp_path / "b-image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    (tmp_path / "c-good.html").write_text(GOOD)
    (tmp_path / "d-broken.webarchive").write_bytes(b"nope")
    results = {}
    for path in find_importable([tmp_path]):
        try:
            results[path.name] = load_file(path).text
        except ImportFailed as exc:
            results[path.name] = f"failed: {exc}"
    assert results["c-good.html"].startswith("A perfectly good page")
    assert sum(v.startswith("failed") for v in results.values()) == 3
