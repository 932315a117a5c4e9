"""`import-notes` on files made to hurt: too deep, too large, wrong types and dates. Each
is refused with its first problem named, in one line, and writes nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.core.export.validate import MAX_FILE_BYTES
from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Verdict
from reader.core.transfer import TransferError, export_notes, import_notes

URL = "https://herald.example/news/bridge-repairs"


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def noted(library: Library, pages: Path) -> Library:
    article = library.add_article(load_file(pages / "news.html")).article_id
    library.add_note(article, 1, "A note.", Verdict.TRUE, tags=["t"])
    return library


def annotation(**changes: Any) -> dict[str, Any]:
    ann: dict[str, Any] = {
        "id": "urn:uuid:0b3c1f55-4a43-4d55-9a39-3e6f0c1b7a10",
        "type": "Annotation",
        "created": "2026-03-02T10:15:00Z",
        "body": [{"type": "TextualBody", "purpose": "commenting", "value": "Hello"}],
        "target": {
            "source": URL,
            "selector": [{"type": "TextQuoteSelector", "exact": "Buses and bicycles"}],
        },
    }
    ann.update(changes)
    return ann


def collection(*items: dict[str, Any]) -> dict[str, Any]:
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": list(items)},
    }


def refused(library: Library, doc: Any) -> str:
    before = dump(library.path)
    data = doc if isinstance(doc, str | bytes) else json.dumps(doc)
    with pytest.raises(TransferError) as info:
        import_notes(library, data)
    assert dump(library.path) == before
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"created": 12345}, "first.items[3].created: not a date (found an integer)"),
        ({"modified": {"x": 1}}, "first.items[3].modified: not a date (found an object)"),
        (
            {"created": "9999-99-99T99:99:99Z"},
            'first.items[3].created: not a date ("9999-99-99T99:99:99Z")',
        ),
        ({"id": 7}, "first.items[3].id: expected a string, found an integer"),
        ({"body": [{"value": ["x"]}]}, "first.items[3].body[0].value: expected a string"),
        ({"body": [3]}, "first.items[3].body[0]: expected an object or a URL"),
        ({"tags": ["a", None]}, "first.items[3].tags[1]: expected a string, found null"),
        ({"target": 5}, "first.items[3].target: expected an object or a URL"),
        (
            {"target": {"source": URL, "selector": {"type": "TextQuoteSelector", "exact": 1}}},
            "first.items[3].target.selector.exact: expected a string",
        ),
        (
            {
                "target": {
                    "source": URL,
                    "selector": [{"type": "TextPositionSelector", "start": -4, "end": 2}],
                }
            },
            "first.items[3].target.selector[0].start: -4 is out of range",
        ),
        (
            {
                "target": {
                    "source": URL,
                    "selector": [{"type": "TextPositionSelector", "start": 9, "end": 2}],
                }
            },
            "first.items[3].target.selector[0].end: 2 is before start 9",
        ),
        (
            {"target": {"source": {"id": 5}, "selector": []}},
            "first.items[3].target.source.id: expected a string",
        ),
    ],
)
def test_the_first_bad_annotation_field_is_named(noted: Library, changes, message) -> None:
    good = [annotation(id=f"urn:uuid:0b3c1f55-4a43-4d55-9a39-3e6f0c1b7a1{i}") for i in range(3)]
    bad = annotation(**changes)
    # A later bad annotation must not be reported first.
    later = annotation(created=0)
    assert refused(noted, collection(*good, bad, later)).startswith(message)


def test_hypothesis_rows_are_checked_too(noted: Library) -> None:
    rows = {"rows": [{"uri": URL, "text": "x", "created": "yesterday"}]}
    assert refused(noted, rows) == 'rows[0].created: not a date ("yesterday")'


def test_backup_dates_and_offsets_are_checked(noted: Library) -> None:
    doc = json.loads(export_notes(noted, None, "json"))
    note = doc["articles"][0]["notes"][0]
    for key, value, message in [
        ("created", 12345, "articles[0].notes[0].created: not a date (found an integer)"),
        ("updated", {"x": 1}, "articles[0].notes[0].updated: not a date (found an object)"),
        ("updated", "9999-99-99T99:99:99Z", "articles[0].notes[0].updated: not a date"),
        ("position", 2**70, "articles[0].notes[0].position: 1180591620717411303424 is out"),
        ("sentence", -1, "articles[0].notes[0].sentence: -1 is out of range"),
    ]:
        changed = json.loads(json.dumps(doc))
        changed["articles"][0]["notes"][0] = {**note, key: value}
        assert refused(noted, changed).startswith(message)
    doc["exported"] = "soon"
    assert refused(noted, doc) == 'exported: not a date ("soon")'


@pytest.mark.parametrize("depth", [65, 1_000, 200_000])
def test_deep_nesting_is_refused_not_a_recursion_error(noted: Library, depth: int) -> None:
    deep = "[" * depth + "]" * depth
    assert refused(noted, deep) == "nested more than 64 levels deep"
    assert refused(noted, '{"rows": ' + deep + "}") == "nested more than 64 levels deep"


def test_brackets_inside_strings_do_not_count(noted: Library) -> None:
    text = "[[[{{{" * 100
    report = import_notes(noted, json.dumps(collection(annotation(bodyValue=text))))
    assert report.placed + report.unplaced == 1
    assert any(text in n.text for n in noted.notes(1))


def test_huge_integers_are_refused(noted: Library) -> None:
    assert refused(noted, '{"rows": [' + "9" * 5000 + "]}").startswith("not JSON:")


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    capsys, noted: Library, tmp_path: Path
) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no time spent writing it
    before = dump(noted.path)
    code = main(["--library", str(noted.path), "import-notes", str(big)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        f"gloss: {big}: the file is too large (65 MB; the limit is 64 MB); nothing was imported\n"
    )
    assert dump(noted.path) == before


def test_cli_refusals_are_one_line_without_a_traceback(noted: Library, tmp_path: Path) -> None:
    # Two real processes (the others are covered in-process above): the stack overflow
    # case and a file that is not text at all.
    cases = {"deep.json": "[" * 100_000, "bytes.json": b"\xff\xfe\x00garbage\x80"}
    noted.close()
    before = dump(noted.path)
    for name, content in cases.items():
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content)
        else:
            path.write_bytes(content)
        run = subprocess.run(
            [sys.executable, "-m", "reader.cli", "--library", noted.path, "import-notes", path],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 2, (name, run.stderr)
        assert run.stdout == ""
        assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
        assert run.stderr.startswith(f"gloss: {path}: ")
    assert dump(noted.path) == before


def test_unsafe_sources_are_kept_as_written_and_exported_as_text(noted: Library) -> None:
    """Import keeps what the annotation cites (lossless); every output shows it as text.
    A DOI is a DOI, linked through doi.org."""
    body = [
        {"type": "TextualBody", "purpose": "commenting", "value": "[x](javascript:alert(1))"},
        {"type": "SpecificResource", "purpose": "linking", "source": "javascript:alert(1)"},
        {"type": "SpecificResource", "purpose": "linking", "source": "doi:10.1000/182"},
    ]
    import_notes(noted, json.dumps(collection(annotation(body=body))))
    [note] = [n for n in noted.notes(1) if n.uuid.startswith("0b3c1f55")]
    assert [s.text for s in note.sources] == ["javascript:alert(1)", ""]
    assert [s.doi for s in note.sources] == ["", "10.1000/182"]
    markdown = export_notes(noted, [1], "markdown")
    assert "](javascript" not in markdown and "(<javascript" not in markdown
    assert "javascript:alert(1)" in markdown and "(<https://doi.org/10.1000/182>)" in markdown
