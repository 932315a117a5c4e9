"""The command line for notes: export, import-notes, search and backup."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from reader.cli import main
from reader.core.ingest import load_file
from reader.core.model import Verdict

ROOT = Path(__file__).resolve().parents[1]
CHECKER = ROOT.parent / "shared" / "tools" / "w3c_annotation_check.py"

# The shapes the CLI promises (the exporters' own tests check the details).
SELECTOR = {
    "type": "object",
    "required": ["type"],
    "properties": {"type": {"enum": ["TextQuoteSelector", "TextPositionSelector"]}},
    "allOf": [
        {
            "if": {"properties": {"type": {"const": "TextQuoteSelector"}}},
            "then": {"required": ["exact"], "properties": {"exact": {"type": "string"}}},
        },
        {
            "if": {"properties": {"type": {"const": "TextPositionSelector"}}},
            "then": {
                "required": ["start", "end"],
                "properties": {
                    "start": {"type": "integer", "minimum": 0},
                    "end": {"type": "integer", "minimum": 0},
                },
            },
        },
    ],
}
ANNOTATION = {
    "type": "object",
    "required": ["id", "type", "target"],
    "properties": {
        "id": {"type": "string", "pattern": "^urn:uuid:[0-9a-f-]{36}$"},
        "type": {"const": "Annotation"},
        "motivation": {"enum": ["assessing", "commenting"]},
        "body": {"type": "array", "minItems": 1},
        "target": {
            "type": "object",
            "required": ["source", "selector"],
            "properties": {
                "source": {"type": "string", "minLength": 1},
                "selector": {"type": "array", "minItems": 1, "items": SELECTOR},
            },
        },
    },
}
W3C_COLLECTION = {
    "type": "object",
    "required": ["@context", "id", "type", "total", "first"],
    "properties": {
        "@context": {"const": "http://www.w3.org/ns/anno.jsonld"},
        "type": {"const": "AnnotationCollection"},
        "total": {"type": "integer"},
        "first": {
            "type": "object",
            "required": ["type", "items"],
            "properties": {
                "type": {"const": "AnnotationPage"},
                "items": {"type": "array", "items": ANNOTATION},
            },
        },
    },
}
CLAIM_REVIEWS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["@context", "@type", "url", "claimReviewed", "reviewRating", "itemReviewed"],
        "properties": {
            "@context": {"const": "https://schema.org"},
            "@type": {"const": "ClaimReview"},
            "claimReviewed": {"type": "string", "minLength": 1},
            "reviewRating": {
                "type": "object",
                "required": ["@type", "alternateName"],
                "properties": {"@type": {"const": "Rating"}},
            },
            "itemReviewed": {
                "type": "object",
                "required": ["@type", "appearance"],
                "properties": {"@type": {"const": "Claim"}},
            },
        },
    },
}
BACKUP = {
    "type": "object",
    "required": ["format", "version", "exported", "articles"],
    "properties": {
        "format": {"const": "gloss-backup"},
        "version": {"const": 1},
        "articles": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "title", "blocks", "notes"],
                "properties": {
                    "blocks": {"type": "array", "minItems": 1},
                    "notes": {
                        "type": "array",
                        "items": {"type": "object", "required": ["uuid", "quote", "sentence"]},
                    },
                },
            },
        },
    },
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def lib(library_path: Path, capsys, pages: Path) -> list[str]:
    """A library with the news page (id 1) and the emoji page (id 2), and three notes."""
    args = ["--library", str(library_path)]
    assert run(capsys, *args, "import", str(pages / "news.html"))[0] == 0
    assert run(capsys, *args, "import", str(pages / "emoji.html"))[0] == 0
    for argv in (
        ("1", "1", "--text", "Not until 2028.", "--verdict", "false", "--tag", "roads"),
        ("1", "6", "--text", "Buses every ten minutes.", "--verdict", "true"),
        ("2", "1", "--text", "Fun", "--source", "https://emoji.example/list"),
    ):
        code, _, err = run(capsys, *args, "note", "add", *argv)
        assert code == 0, err
    return args


@pytest.mark.parametrize("fmt", ["markdown", "w3c", "claimreview", "json"])
def test_export_to_stdout_and_to_a_file_agree(capsys, lib, tmp_path: Path, fmt: str) -> None:
    code, out, err = run(capsys, *lib, "export", "--all", "--format", fmt)
    assert code == 0, err
    target = tmp_path / f"out.{fmt}"
    code, written, err = run(capsys, *lib, "export", "--all", "--format", fmt, "-o", str(target))
    assert (code, written) == (0, ""), err
    if fmt == "json":  # the export time differs
        assert json.loads(target.read_text())["articles"] == json.loads(out)["articles"]
    else:
        assert target.read_text(encoding="utf-8") == out


def test_export_formats_validate(capsys, lib) -> None:
    _, out, _ = run(capsys, *lib, "export", "--all", "--format", "w3c")
    collection = json.loads(out)
    jsonschema.validate(collection, W3C_COLLECTION)
    assert collection["total"] == 3
    run(capsys, *lib, "settings", "reviewer.organisation", "Fact Desk")
    _, out, _ = run(capsys, *lib, "export", "1", "2", "--format", "claimreview", "--drafts")
    reviews = json.loads(out)
    jsonschema.validate(reviews, CLAIM_REVIEWS)
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["False", "True"]
    _, out, _ = run(capsys, *lib, "export", "--all", "--format", "json")
    jsonschema.validate(json.loads(out), BACKUP)
    _, out, _ = run(capsys, *lib, "export", "1")  # markdown by default, one article
    assert out.startswith("# Bridge repairs") and "**False** · #roads" in out


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared is not next to the repository")
@pytest.mark.parametrize("ids", [["--all"], ["1"], ["2"]])
def test_w3c_export_passes_the_conformance_checker(capsys, lib, tmp_path, ids) -> None:
    target = tmp_path / "notes.jsonld"
    code, _, err = run(capsys, *lib, "export", *ids, "--format", "w3c", "-o", str(target))
    assert code == 0, err
    checked = subprocess.run(
        [sys.executable, str(CHECKER), str(target)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export"], "give article ids or --all"),
        (["export", "1", "--all"], "give article ids or --all"),
        (["export", "7"], "no article 7"),
    ],
)
def test_export_usage_errors(capsys, lib, argv, message) -> None:
    code, out, err = run(capsys, *lib, *argv)
    assert code == 2 and out == ""
    assert message in err


def test_failed_export_leaves_the_file_alone(capsys, lib, tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("earlier export\n")
    code, _, _ = run(capsys, *lib, "export", "1", "9", "-o", str(target))
    assert code == 2
    assert target.read_text() == "earlier export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_json_backup_round_trip_through_the_cli(capsys, lib, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert run(capsys, *lib, "export", "--all", "--format", "json", "-o", str(backup))[0] == 0
    other = ["--library", str(tmp_path / "other.db")]
    code, out, err = run(capsys, *other, "import-notes", str(backup))
    assert code == 0, err
    assert out == (
        "restored 3, placed 0, unplaced 0, skipped 0, already present 0 (2 articles recreated)\n"
    )
    before = dump(tmp_path / "other.db")
    code, out, _ = run(capsys, *other, "import-notes", str(backup))
    assert out == "restored 0, placed 0, unplaced 0, skipped 0, already present 3\n"
    assert dump(tmp_path / "other.db") == before
    for article_id in ("1", "2"):
        assert (
            run(capsys, *other, "notes", article_id, "--json")[1]
            == run(capsys, *lib, "notes", article_id, "--json")[1]
        )


def test_w3c_round_trip_through_the_cli(capsys, lib, tmp_path: Path, pages: Path) -> None:
    notes = tmp_path / "notes.jsonld"
    assert run(capsys, *lib, "export", "--all", "--format", "w3c", "-o", str(notes))[0] == 0
    other = ["--library", str(tmp_path / "other.db")]
    assert run(capsys, *other, "import", str(pages / "news.html"))[0] == 0
    code, out, err = run(capsys, *other, "import-notes", str(notes))
    # The emoji page has no URL of its own: its note has nowhere to go.
    assert code == 1
    assert out == "restored 0, placed 2, unplaced 0, skipped 1, already present 0\n"
    assert "no such article urn:x-gloss:article:sha256:" in err
    assert (
        run(capsys, *other, "notes", "1", "--json")[1]
        == run(capsys, *lib, "notes", "1", "--json")[1]
    )
    _, out, _ = run(capsys, *other, "import-notes", str(notes))
    assert out == "restored 0, placed 0, unplaced 0, skipped 1, already present 2\n"


@pytest.mark.parametrize(
    "content", ["{not json", '{"format": "gloss-backup", "version": 9, "articles": []}', "[3]"]
)
def test_malformed_import_writes_nothing(capsys, lib, library_path, tmp_path, content) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    before = dump(library_path)
    code, out, err = run(capsys, *lib, "import-notes", str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"gloss: {bad}: ") and err.endswith("nothing was imported\n")
    assert dump(library_path) == before


def test_import_of_a_missing_file(capsys, lib, tmp_path) -> None:
    code, _, err = run(capsys, *lib, "import-notes", str(tmp_path / "nope.json"))
    assert code == 2 and "No such file" in err


def test_search_text_and_json(capsys, lib) -> None:
    code, out, _ = run(capsys, *lib, "search", "bridge")
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert {(f[0], f[2]) for f in lines} == {("1", "article"), ("1", "note")}
    assert all("**bridge**" in f[4].lower() for f in lines)
    code, out, _ = run(capsys, *lib, "search", "minutes", "--json")
    [hit] = json.loads(out)
    assert hit["kind"] == "note" and (hit["article"], hit["sentence"]) == (1, 5)
    assert hit["number"] == 6  # the number `gloss show` prints for it
    _, out, _ = run(capsys, *lib, "search", "minutes")
    assert out.split("\t")[1] == "6"
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["minutes"]
    assert hit["verdict"] == "true" and hit["note"]


def test_search_filters(capsys, lib) -> None:
    _, out, _ = run(capsys, *lib, "search", "2028", "--verdict", "false", "--json")
    assert [h["kind"] for h in json.loads(out)] == ["note"]
    _, out, _ = run(capsys, *lib, "search", "2028", "--verdict", "true", "--json")
    assert json.loads(out) == []
    _, out, _ = run(capsys, *lib, "search", "2028", "--tag", "roads", "--json")
    assert len(json.loads(out)) == 1
    code, _, err = run(capsys, *lib, "search", "x", "--verdict", "meh")
    assert code == 2 and "unknown verdict" in err


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "-", "AND", "日本", '"unterminated'])
def test_search_hostile_queries(capsys, lib, query) -> None:
    code, out, err = run(capsys, *lib, "search", query, "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), list)


def test_backup_command(capsys, lib, library_path, tmp_path) -> None:
    dest = tmp_path / "copy.db"
    code, out, err = run(capsys, *lib, "backup", str(dest))
    assert code == 0, err
    assert out == f"{dest}\n"
    conn = sqlite3.connect(dest)
    assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 3
    conn.close()
    before = library_path.read_bytes()
    code, _, err = run(capsys, *lib, "backup", str(library_path))
    assert code == 2 and "live library" in err
    assert library_path.read_bytes() == before


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared is not next to the repository")
def test_w3c_export_of_unplaced_and_bare_notes_passes_the_checker(
    capsys, lib, library_path, tmp_path
) -> None:
    from dataclasses import replace

    from reader.core.library import Library

    with Library(library_path) as library:
        note = library.add_note(1, 2, "", Verdict.NONE)  # no text, no verdict: no body
        library.restore_note(replace(note, sentence=None, quote="A sentence long gone."))
        library.add_article(load_file(pages_dir() / "plain.txt"))  # an article without notes
    for ids in (["--all"], ["3"]):
        target = tmp_path / "notes.jsonld"
        assert run(capsys, *lib, "export", *ids, "--format", "w3c", "-o", str(target))[0] == 0
        checked = subprocess.run(
            [sys.executable, str(CHECKER), str(target)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr


def pages_dir() -> Path:
    return Path(__file__).parent / "fixtures" / "pages"
