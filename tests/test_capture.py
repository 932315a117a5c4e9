"""Import from a web address (against a local http.server, never the internet), from
the clipboard, and from a watched inbox folder; the command line's ways to each."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pdf_maker import Para, make_pdf
from test_ingest_pdf_epub import _png

import reader.core.ingest.url as url_module
from reader.core.capture import (
    Cancelled,
    article_from_clipboard,
    clipboard_source_url,
    import_clipboard,
    import_url,
)
from reader.core.inbox import Inbox
from reader.core.ingest import ImportFailed
from reader.core.library import Library

PARAS = "".join(
    f"<p>Paragraph {i}: the harbour master logged every ship that came in with the tide, "
    f"and the records survive in the town archive to this day.</p>"
    for i in range(6)
)
ARTICLE = (
    "<!doctype html><html><head><title>Harbour records | Town News</title>"
    '<meta charset="windows-1252"></head><body><nav><a href="/">Home</a></nav><article>'
    "<h1>Harbour records</h1><p>Caf\xe9 owners remember the fleet.</p>"
    f'<figure><img src="pic.png" alt="the fleet"><figcaption>The fleet</figcaption></figure>'
    f"{PARAS}</article></body></html>"
).encode("windows-1252")
PIC = _png(3, 3)


class Handler(BaseHTTPRequestHandler):
    pdf: bytes = b""
    hits: dict[str, int] = {}  # noqa: RUF012 - shared across requests on purpose

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        routes = {
            "/news/harbour.html": ("text/html", ARTICLE),  # charset only in the page's <meta>
            "/news/pic.png": ("image/png", PIC),
            "/report.pdf": ("application/pdf", Handler.pdf),
            "/notes.txt": ("text/plain; charset=utf-8", b"Tide notes\n\nThe tide is high at "
                           b"noon today. It turns at six."),
            "/photo": ("image/png", PIC),
            "/empty": ("text/html", b""),
        }  # fmt: skip
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/news/harbour.html")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self._send("text/html", ARTICLE)
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(500 * 1024 * 1024))
            self.end_headers()
        elif self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(400):
                    self.wfile.write(b"<p>" + b"x" * 16 * 1024 + b"</p>")
            except OSError:
                pass  # the client gave up, as it should
        elif self.path in routes:
            self._send(*routes[self.path])
        else:
            self.send_error(404, "Not Found")

    def _send(self, ctype: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pdf = tmp_path_factory.mktemp("pdf") / "r.pdf"
    make_pdf(pdf, [Para("Quarterly findings of the audit. " * 30)], title="Audit findings")
    Handler.pdf = pdf.read_bytes()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "lib.db")
    yield lib
    lib.close()


def test_page_and_pictures_fetched_once_and_stored(server: str, library: Library) -> None:
    Handler.hits.clear()
    captured = import_url(library, f"{server}/old")  # a redirect to the article
    assert captured.ok, captured.reason
    article = library.article(captured.article_id)
    assert article.meta.url == f"{server}/news/harbour.html"  # where the redirect led
    assert article.title.startswith("Harbour records")
    assert "Café owners" in article.text  # the page's declared charset
    assert "Home" not in article.text
    figure = next(b for b in article.blocks if b.image)
    assert library.image(captured.article_id, figure.image).data == PIC  # reads offline
    assert Handler.hits == {"/old": 1, "/news/harbour.html": 1, "/news/pic.png": 1}
    again = import_url(library, f"{server}/news/harbour.html")
    assert (again.article_id, again.status) == (captured.article_id, "unchanged")


def test_pdf_and_text_responses_go_to_their_readers(server: str, library: Library) -> None:
    pdf = import_url(library, f"{server}/report.pdf")
    assert pdf.ok and pdf.title == "Audit findings"
    assert library.article(pdf.article_id).source_format == "pdf"
    text = import_url(library, f"{server}/notes.txt")
    assert text.ok and text.title == "Tide notes"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "404"),
        ("/photo", "not an article"),
        ("/empty", "empty"),
        ("/huge", "too large"),
    ],
)
def test_failures_are_one_line_and_write_nothing(
    server: str, library: Library, path: str, reason: str
) -> None:
    captured = import_url(library, server + path)
    assert not captured.ok
    assert reason in captured.reason and "\n" not in captured.reason
    assert library.article_count() == 0


def test_slow_offline_and_endless(
    server: str, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = import_url(library, f"{server}/slow", timeout=0.3)
    assert "did not answer" in slow.reason
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]  # nothing listens once this is closed
    offline = import_url(library, f"http://127.0.0.1:{closed_port}/x")
    assert "cannot connect" in offline.reason
    monkeypatch.setattr(url_module, "MAX_PAGE_BYTES", 1024 * 1024)
    endless = import_url(library, f"{server}/endless")  # no Content-Length, never ends
    assert "too large" in endless.reason
    assert "not a web address" in import_url(library, "ftp://example.org/x").reason
    assert library.article_count() == 0


def test_cancel_stops_the_download(server: str, library: Library) -> None:
    with pytest.raises(Cancelled):
        import_url(library, f"{server}/endless", cancelled=lambda: True)
    assert library.article_count() == 0


def test_cli_imports_a_url(server: str, tmp_path: Path) -> None:
    lib = tmp_path / "cli.db"
    cmd = [sys.executable, "-m", "reader.cli", "--library", str(lib), "import"]
    ok = subprocess.run([*cmd, f"{server}/old"], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.split("\t")[1].startswith("Harbour records")
    bad = subprocess.run([*cmd, f"{server}/missing"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert bad.stderr.strip() == f"{server}/missing: the server answered 404 Not Found"


# --------------------------------------------------------------------------- clipboard
def test_clipboard_html_keeps_the_selection_and_source() -> None:
    html = (
        "Version:0.9\r\nStartHTML:0000000105\r\nSourceURL:https://news.example/tides\r\n"
        "<html><body><!--StartFragment--><h2>High water</h2><p>The tide rose early. "
        "Boats <b>waited</b>.</p><p>Short.</p><!--EndFragment--></body></html>"
    )
    url = clipboard_source_url({"HTML Format": html.encode()})
    assert url == "https://news.example/tides"
    article = article_from_clipboard(html, "ignored plain text", url)
    assert article.title == "High water"
    assert article.text == "The tide rose early. Boats waited.\n\nShort."
    assert article.meta.url == "https://news.example/tides"
    assert article.meta.site == "news.example"
    moz = "https://a.example/page\nPage title".encode("utf-16-le")
    assert clipboard_source_url({"text/x-moz-url-priv": moz}) == "https://a.example/page"
    assert clipboard_source_url({"text/plain": b"x"}) is None


def test_clipboard_plain_text_and_empty(library: Library) -> None:
    captured = import_clipboard(library, None, "Tides are caused by the moon. They repeat.")
    assert captured.ok and captured.title == "Tides are caused by the moon."
    empty = import_clipboard(library, "<p> </p>", "  ")
    assert not empty.ok and "no text" in empty.reason
    with pytest.raises(ImportFailed):
        article_from_clipboard(None, None)
    assert library.article_count() == 1


# ------------------------------------------------------------------------------- inbox
def page(path: Path, words: str) -> None:
    path.write_text(f"<html><body><article><h1>{words}</h1>{PARAS}</article></body></html>")


def test_inbox_waits_for_a_file_to_stop_growing(tmp_path: Path, library: Library) -> None:
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    inbox = Inbox(inbox_dir)
    saved = inbox_dir / "tides.html"
    page(saved, "Tides")
    (inbox_dir / "other.html.part").write_text("<p>half")
    assert inbox.scan() == []  # first sight: maybe still growing
    with saved.open("a") as f:
        f.write("<p>more</p>")
    os.utime(saved, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert inbox.scan() == []  # it changed since
    assert inbox.scan() == [saved]  # unchanged for a scan: ready
    [outcome] = inbox.import_ready(library, [saved])
    assert outcome.ok and outcome.title == "Tides"
    assert not saved.exists() and (inbox_dir / "imported" / "tides.html").exists()
    assert inbox.scan() == []


def test_inbox_reports_a_failure_once_and_can_leave_files(tmp_path: Path, library: Library) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 not really")
    good = tmp_path / "good.html"
    page(good, "Kept")
    inbox = Inbox(tmp_path, move_imported=False)
    inbox.scan()
    ready = inbox.scan()
    assert set(ready) == {bad, good}
    outcomes = {o.path.name: o for o in inbox.import_ready(library, ready)}
    assert not outcomes["broken.pdf"].ok and outcomes["good.html"].ok
    assert bad.exists() and good.exists()  # left where they were, as asked
    assert inbox.scan() == [] and inbox.scan() == []  # neither is tried again
    bad.write_bytes(b"%PDF-1.7 changed, still not a PDF")
    inbox.scan()
    assert inbox.scan() == [bad]  # a changed file gets another try


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is not a signal Popen can send there")
def test_cli_watch_imports_until_interrupted(tmp_path: Path) -> None:
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    lib = tmp_path / "w.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "--library", str(lib), "import", "--watch",
         str(inbox_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert proc.stderr is not None and "Watching" in proc.stderr.readline()
        # As a browser saves: under a partial name, renamed when complete. A page written
        # in place could be seen empty by two scans on a loaded machine.
        page(inbox_dir / "watched.html.part", "Watched page")
        (inbox_dir / "watched.html.part").rename(inbox_dir / "watched.html")
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.rstrip().endswith("\tWatched page")
        assert (inbox_dir / "imported" / "watched.html").exists()
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert "Stopped watching." in err and "Traceback" not in err


def test_inbox_moves_a_complete_page_with_its_pictures(tmp_path: Path, library: Library) -> None:
    saved = tmp_path / "Tides [1].html"
    folder = tmp_path / "Tides [1]_files"
    folder.mkdir()
    (folder / "pic.png").write_bytes(_png(200, 120))
    saved.write_text(
        "<html><body><article><h1>Tides</h1>"
        '<figure><img src="Tides%20[1]_files/pic.png" alt="sea"></figure>'
        f"{PARAS}</article></body></html>"
    )
    inbox = Inbox(tmp_path)
    inbox.scan()
    [outcome] = inbox.import_ready(library, inbox.scan())
    assert outcome.ok
    figure = next(b for b in library.article(outcome.article_id).blocks if b.image)
    assert library.image(outcome.article_id, figure.image).data == _png(200, 120)
    assert (tmp_path / "imported" / "Tides [1].html").exists()
    assert (tmp_path / "imported" / "Tides [1]_files" / "pic.png").exists()
    assert not folder.exists()


def test_a_bug_costs_that_page_only(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.capture as capture

    def broken(*_args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(capture, "load_url", broken)
    captured = import_url(library, "https://example.org/a")
    assert captured.reason == "unexpected error (division by zero)"
    assert "ZeroDivisionError" in captured.trace
    assert library.article_count() == 0
