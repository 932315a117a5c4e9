"""Property-based tests of `import-notes` on generated JSON: Gloss backups, W3C
collections and Hypothesis rows, mutated (wrong types, missing keys, deep nesting, huge
strings), and well-formed annotations made up from scratch.

Whatever the file, no exception but `TransferError` escapes; a refused file names its
problem on one line and leaves the library byte for byte as it was; a good file imports.
Bounded (`max_examples`) so the whole module adds a few seconds.
"""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Source, Verdict
from reader.core.transfer import TransferError, export_notes, import_notes

PAGES = Path(__file__).parent / "fixtures" / "pages"
URL = "https://herald.example/news/bridge-repairs"
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> dict[str, Any]:
    """A small library (closed, so it can be copied) and the documents it exports."""
    path = tmp_path_factory.mktemp("template") / "library.db"
    with Library(path) as library:
        news = library.add_article(load_file(PAGES / "news.html")).article_id
        emoji = library.add_article(load_file(PAGES / "emoji.html")).article_id
        library.add_note(news, 1, "A *note*.", Verdict.TRUE, [Source(URL, "Src", "q")], ["a"])
        orphan = library.add_note(news, 2, "Orphan.", Verdict.FALSE)
        library.restore_note(replace(orphan, sentence=None))
        library.add_note(emoji, 0, "Emoji 🎉", Verdict.OPINION, tags=["b", "c"])
        sentences = [s.text for s in library.article(news).sentences]
        backup = json.loads(export_notes(library, None, "json"))
        w3c = json.loads(export_notes(library, None, "w3c"))
    rows = {
        "total": 2,
        "rows": [
            {
                "id": f"hyp{i}",
                "uri": URL,
                "text": f"Hypothesis note {i}",
                "tags": ["h"],
                "created": "2026-01-02T03:04:05.678+00:00",
                "updated": "2026-01-02T03:04:05.678+00:00",
                "target": [
                    {
                        "source": URL,
                        "selector": [
                            {"type": "TextPositionSelector", "start": 0, "end": 5},
                            {"type": "TextQuoteSelector", "exact": sentences[i], "prefix": ""},
                        ],
                    }
                ],
                "document": {"title": ["Bridge"]},
            }
            for i in range(2)
        ],
    }
    return {
        "path": path,
        "sentences": sentences,
        "docs": {"backup": backup, "w3c": w3c, "hypothesis": rows},
    }


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@contextmanager
def fresh_library(template: dict[str, Any]) -> Iterator[Library]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.db"
        shutil.copyfile(template["path"], path)
        with Library(path) as library:
            yield library


def import_checked(library: Library, doc: Any) -> None:
    """Import `doc`: it either imports, or is refused in one line with nothing written."""
    before = dump(library.path)
    # Nesting deeper than json.dumps itself can write is spliced in as text.
    text = json.dumps(doc, ensure_ascii=False).replace(
        json.dumps(VERY_DEEP), "[" * 20_000 + "]" * 20_000
    )
    try:
        import_notes(library, text)
    except TransferError as exc:
        message = str(exc)
        assert message and "\n" not in message
        assert dump(library.path) == before


# -- mutations ---------------------------------------------------------------------------


def deep(depth: int, leaf: Any = 1) -> Any:
    value = leaf
    for k in range(depth):
        value = [value] if k % 2 else {"k": value}
    return value


VERY_DEEP = "\x00very deep\x00"
HOSTILE_VALUES = st.one_of(
    st.just(VERY_DEEP),
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "9999-99-99T99:99:99Z",
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-14:00",
            "2026-02-30",
            "",
            "x" * 300_000,
            "[" * 500,
            "file:///etc/passwd",
            "javascript:alert(1)",
        ]
    ),
    st.integers(min_value=30, max_value=200).map(deep),
    st.just({}),
    st.just([]),
    st.just({"x": 1}),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=8,
    ),
)


def node_paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in the document (keys and indices), the root included."""
    found = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += node_paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc[:6]):
            found += node_paths(value, (*prefix, index))
    return found


def mutate(doc: Any, path: tuple, action: str, value: Any) -> Any:
    if not path:
        return value
    doc = copy.deepcopy(doc)
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "wrap":
        parent[last] = deep(70, parent[last])
    else:
        parent[last] = value
    return doc


@SETTINGS
@given(data=st.data())
@pytest.mark.parametrize("kind", ["backup", "w3c", "hypothesis"])
def test_mutated_documents_import_or_are_refused_cleanly(template, kind: str, data) -> None:
    doc = template["docs"][kind]
    path = data.draw(st.sampled_from(node_paths(doc)), label="path")
    action = data.draw(st.sampled_from(["replace", "replace", "delete", "wrap"]), label="action")
    value = data.draw(HOSTILE_VALUES, label="value") if action == "replace" else None
    with fresh_library(template) as library:
        import_checked(library, mutate(doc, path, action, value))


KEYS = "type items first rows target body selector format articles notes version".split()
KEYS += "exact source created id".split()


KEYS = "type items first rows target body selector format articles notes version".split()
KEYS += "exact source created id".split()


@SETTINGS
@given(
    doc=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(KEYS) | st.text(max_size=6),
                inner,
                max_size=5,
            )
        ),
        max_leaves=30,
    )
)
def test_arbitrary_json_never_raises_anything_else(template, doc: Any) -> None:
    with fresh_library(template) as library:
        import_checked(library, doc)


def test_the_unmutated_documents_import(template) -> None:
    for doc in template["docs"].values():
        with fresh_library(template) as library:
            import_notes(library, json.dumps(doc))


# -- well-formed annotations from scratch ------------------------------------------------

WORDS = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=80
).filter(str.strip)
WHEN = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda d: d.isoformat().replace("+00:00", "Z"))


@st.composite
def annotations(draw, sentences: list[str]) -> list[dict[str, Any]]:
    count = draw(st.integers(min_value=1, max_value=5))
    items = []
    for k in range(count):
        exact = draw(st.sampled_from(sentences) | WORDS)
        body = [{"type": "TextualBody", "purpose": "commenting", "value": draw(WORDS)}]
        body += [
            {"type": "TextualBody", "purpose": "tagging", "value": t}
            for t in draw(st.lists(WORDS, max_size=3))
        ]
        body += [
            {"type": "SpecificResource", "purpose": "linking", "source": s}
            for s in draw(st.lists(st.sampled_from([URL, "smb://h/s", "doi:10.1/x"]), max_size=2))
        ]
        if draw(st.booleans()):
            body.append({"type": "TextualBody", "purpose": "assessing", "value": "false"})
        items.append(
            {
                "id": f"urn:uuid:00000000-0000-4000-8000-{k:012d}",
                "type": "Annotation",
                "created": draw(WHEN),
                "body": body,
                "target": {
                    "source": draw(
                        st.sampled_from(
                            [URL, URL.replace("herald", "HERALD"), URL + "?utm_source=x"]
                        )
                    ),
                    "selector": [{"type": "TextQuoteSelector", "exact": exact}],
                },
            }
        )
    return items


@SETTINGS
@given(data=st.data())
def test_well_formed_annotations_import_every_note(template, data) -> None:
    items = data.draw(annotations(template["sentences"]))
    with fresh_library(template) as library:
        before = sum(len(library.notes(i)) for i in library.article_ids())
        report = import_notes(library, json.dumps(items))
        assert (report.placed + report.unplaced, report.skipped) == (len(items), 0)
        after = sum(len(library.notes(i)) for i in library.article_ids())
        assert after == before + len(items)
        again = import_notes(library, json.dumps(items))
        assert again.present == len(items)
