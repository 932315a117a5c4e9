"""Publishing from the command line: the library's settings, a note's claimant and
review URL, and a ClaimReview export that the fact-check checker accepts. Most cases run
`gloss`'s `main` in this process (as tests/test_cli_notes.py does); the settings round
trip and the checked export run real `gloss` processes."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

ROOT = Path(__file__).resolve().parents[1]
CHECKER = ROOT.parent / "shared" / "tools" / "claimreview_check.py"
REVIEWS = "https://factdesk.example.org/checks"


def gloss(library: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library), *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def run(library: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """`gloss` in this process, with what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--library", str(library), *argv])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def ok(library: Path, *argv: str) -> str:
    done = run(library, *argv)
    assert done.returncode == 0, done.stderr
    return done.stdout


def settings_rows(library: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(library)
    try:
        return conn.execute(
            "SELECT key, value FROM settings WHERE key LIKE 'reviewer.%' ORDER BY key"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def noted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The news page (id 1, https://herald.example/…) with four notes: two published,
    one with a verdict but no review URL yet, one opinion."""
    library_path = tmp_path_factory.mktemp("publish") / "library.db"
    pages = ROOT / "tests" / "fixtures" / "pages"
    ok(library_path, "import", str(pages / "news.html"))
    for argv in (
        (
            "1",
            "1",
            "--text",
            "Not until **2028**, see [minutes](https://council.example/m).",
            "--verdict",
            "false",
            "--claimant",
            "Cllr. A. Patel",
            "--review-url",
            f"{REVIEWS}/bridge",
        ),
        (
            "1",
            "3",
            "--text",
            "Two cables.",
            "--verdict",
            "misleading",
            "--review-url",
            f"{REVIEWS}/cables",
        ),
        ("1", "6", "--text", "Buses every ten minutes.", "--verdict", "true"),
        ("1", "7", "--text", "Who can say.", "--verdict", "opinion"),
    ):
        ok(library_path, "note", "add", *argv)
    return library_path


@pytest.fixture
def noted(noted_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "noted.db"
    shutil.copy(noted_template, copy)  # closed, so there is no -wal to copy
    return copy


def test_settings_list_get_set_and_clear(library_path: Path) -> None:
    def ok(library: Path, *argv: str) -> str:  # real processes, each its own connection
        done = gloss(library, *argv)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert ok(library_path, "settings").splitlines() == [
        "reviewer.organisation\t",
        "reviewer.organisation_url\t",
        "reviewer.name\t",
    ]
    ok(library_path, "settings", "reviewer.organisation", "  Fact Desk ")
    ok(library_path, "settings", "reviewer.organisation_url", "https://factdesk.example.org")
    assert ok(library_path, "settings", "reviewer.organisation") == "Fact Desk\n"
    assert "reviewer.organisation_url\thttps://factdesk.example.org" in ok(library_path, "settings")
    assert ok(library_path, "settings", "reviewer.organisation", "") == (
        "reviewer.organisation cleared\n"
    )
    assert settings_rows(library_path) == [
        ("reviewer.organisation_url", "https://factdesk.example.org")
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nickname", "x"], "unknown setting 'nickname'"),
        (["reviewer.colour"], "unknown setting 'reviewer.colour'"),
        (["reviewer.organisation_url", "factdesk.example.org"], "absolute http(s) address"),
        (["reviewer.organisation_url", "javascript:alert(1)"], "absolute http(s) address"),
        (["reviewer.name", "a\nb"], "must be one line"),
    ],
)
def test_bad_settings_are_one_line_exit_2_nothing_written(
    library_path: Path, argv: list[str], message: str
) -> None:
    ok(library_path, "settings", "reviewer.organisation_url", "https://before.example.org")
    done = run(library_path, "settings", *argv)
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert settings_rows(library_path) == [
        ("reviewer.organisation_url", "https://before.example.org")
    ]


def test_note_claimant_and_review_url_through_add_and_edit(noted: Path) -> None:
    notes = json.loads(ok(noted, "notes", "1", "--json"))
    first = notes[0]
    assert (first["claimant"], first["review_url"]) == ("Cllr. A. Patel", f"{REVIEWS}/bridge")
    assert (notes[2]["claimant"], notes[2]["review_url"]) == ("", "")
    ok(
        noted,
        "note",
        "edit",
        notes[2]["uuid"],
        "--review-url",
        f"{REVIEWS}/buses",
        "--claimant",
        "Transport office",
    )
    ok(noted, "note", "edit", first["uuid"], "--claimant", "")  # back to the article's site
    again = {n["uuid"]: n for n in json.loads(ok(noted, "notes", "1", "--json"))}
    assert again[notes[2]["uuid"]]["review_url"] == f"{REVIEWS}/buses"
    assert again[notes[2]["uuid"]]["claimant"] == "Transport office"
    assert again[notes[2]["uuid"]]["text"] == "Buses every ten minutes."  # left as it was
    assert again[first["uuid"]]["claimant"] == ""
    assert again[first["uuid"]]["review_url"] == f"{REVIEWS}/bridge"


@pytest.mark.parametrize(
    "argv",
    [
        ["note", "add", "1", "2", "--text", "x", "--review-url", "factdesk.example.org/x"],
        ["note", "edit", "UUID", "--review-url", "ftp://factdesk.example.org/x"],
        ["note", "edit", "UUID"],
    ],
)
def test_bad_review_urls_are_refused_and_nothing_written(noted: Path, argv: list[str]) -> None:
    before = ok(noted, "notes", "1", "--json")
    uuid = json.loads(before)[2]["uuid"]
    done = run(noted, *[uuid if a == "UUID" else a for a in argv])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert ok(noted, "notes", "1", "--json") == before


def test_claimreview_needs_a_reviewer_and_says_how_to_set_it(noted: Path) -> None:
    done = run(noted, "export", "1", "--format", "claimreview")
    assert done.returncode == 2
    assert "gloss settings reviewer.organisation" in done.stderr
    assert "Traceback" not in done.stderr


def test_claimreview_leaves_out_unpublished_notes_and_counts_them(noted: Path) -> None:
    ok(noted, "settings", "reviewer.organisation", "Fact Desk")
    ok(noted, "settings", "reviewer.organisation_url", "https://factdesk.example.org")
    done = run(noted, "export", "--all", "--format", "claimreview")
    assert done.returncode == 0, done.stderr
    reviews = json.loads(done.stdout)
    assert [r["url"] for r in reviews] == [f"{REVIEWS}/bridge", f"{REVIEWS}/cables"]
    assert "1 note not yet published" in done.stderr
    assert reviews[0]["itemReviewed"]["author"] == {"@type": "Person", "name": "Cllr. A. Patel"}
    assert reviews[1]["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Riverside Herald",
    }
    assert reviews[0]["reviewBody"] == "Not until 2028, see minutes."
    drafts = json.loads(ok(noted, "export", "--all", "--format", "claimreview", "--drafts"))
    assert [r.get("creativeWorkStatus") for r in drafts] == [None, None, "Draft"]


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared is not next to the repository")
def test_claimreview_export_passes_the_checker(noted: Path, tmp_path: Path) -> None:
    ok(noted, "settings", "reviewer.organisation", "Fact Desk")
    target = tmp_path / "reviews.json"
    done = gloss(noted, "export", "1", "--format", "claimreview", "-o", str(target))
    assert done.returncode == 0 and "1 note not yet published" in done.stderr
    checked = subprocess.run(
        [sys.executable, str(CHECKER), str(target)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout
    assert "2 reviews, 0 problems" in checked.stdout
    # A draft is not publishable, and the checker says so.
    ok(noted, "export", "1", "--format", "claimreview", "--drafts", "-o", str(target))
    checked = subprocess.run(
        [sys.executable, str(CHECKER), str(target)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 1 and "review 2: url 'urn:uuid:" in checked.stdout


def test_publication_fields_survive_a_json_backup(noted: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    ok(noted, "export", "--all", "--format", "json", "-o", str(backup))
    other = tmp_path / "other.db"
    ok(other, "import-notes", str(backup))
    notes = json.loads(ok(other, "notes", "1", "--json"))
    assert (notes[0]["claimant"], notes[0]["review_url"]) == ("Cllr. A. Patel", f"{REVIEWS}/bridge")
