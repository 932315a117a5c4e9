from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from reader.core.anchoring import make_anchor, reanchor
from reader.core.export import (
    AnnotationFormatError,
    ArticleInfo,
    annotation_collection,
    note_annotation,
    parse_annotations,
)
from reader.core.model import Article, Block, BlockKind, Metadata, Note, Source, Verdict
from reader.core.sentences import segment

CHECKER = Path(__file__).resolve().parents[1].parent / "shared/tools/w3c_annotation_check.py"
INFO = ArticleInfo(7, "Jobs report", "https://news.example.com/jobs", "A. Writer", "News")


def note(uuid: str = "0b6c8f1e-1111-4222-8333-944445555666", **changes) -> Note:
    fields = dict(
        uuid=uuid,
        article_id=7,
        sentence=3,
        quote="unemployment fell by 40% 🎉",
        prefix="The minister said that ",
        suffix=", the largest drop",
        position=1824,
        text="The figure is for **2019**.\n\nSee below.",
        verdict=Verdict.MISLEADING,
        sources=(
            Source("https://example.org/src", "Stats office", "rate 4%"),
            Source("https://b.example/x"),
        ),
        tags=("economy", "jobs report"),
        created="2026-03-02T10:15:00Z",
        updated="2026-03-02T11:00:00Z",
    )
    fields.update(changes)
    return Note(**fields)


NOTES = [
    note(),
    note("1b6c8f1e-1111-4222-8333-944445555666", verdict=Verdict.NONE, sources=(), tags=()),
    note("2b6c8f1e-1111-4222-8333-944445555666", sentence=None, text="", prefix="", suffix=""),
]

# The parts of the Web Annotation model that Gloss writes, stated as a schema.
TEXT_BODY = {
    "type": "object",
    "required": ["type", "purpose", "value"],
    "properties": {
        "type": {"const": "TextualBody"},
        "purpose": {"enum": ["assessing", "commenting", "tagging"]},
        "value": {"type": "string"},
        "format": {"const": "text/markdown"},
    },
}
LINK_BODY = {
    "type": "object",
    "required": ["type", "purpose", "source"],
    "properties": {
        "type": {"const": "SpecificResource"},
        "purpose": {"const": "linking"},
        "source": {
            "oneOf": [
                {"type": "string", "format": "uri"},
                {"type": "object", "required": ["id"]},
            ]
        },
    },
}
ANNOTATION = {
    "type": "object",
    "required": ["id", "type", "motivation", "target"],
    "properties": {
        "@context": {"const": "http://www.w3.org/ns/anno.jsonld"},
        "id": {"type": "string", "pattern": "^urn:uuid:[0-9a-f-]{36}$"},
        "type": {"const": "Annotation"},
        "motivation": {"enum": ["assessing", "commenting"]},
        "created": {"type": "string", "pattern": r"Z$|[+-]\d\d:\d\d$"},
        "modified": {"type": "string", "pattern": r"Z$|[+-]\d\d:\d\d$"},
        "body": {"type": "array", "items": {"oneOf": [TEXT_BODY, LINK_BODY]}},
        "target": {
            "type": "object",
            "required": ["source", "selector"],
            "properties": {
                "source": {"type": "string"},
                "selector": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "oneOf": [
                            {
                                "type": "object",
                                "required": ["type", "exact"],
                                "properties": {"type": {"const": "TextQuoteSelector"}},
                            },
                            {
                                "type": "object",
                                "required": ["type", "start", "end"],
                                "properties": {
                                    "type": {"const": "TextPositionSelector"},
                                    "start": {"type": "integer", "minimum": 0},
                                    "end": {"type": "integer", "minimum": 0},
                                },
                            },
                        ]
                    },
                },
            },
        },
    },
}
COLLECTION = {
    "type": "object",
    "required": ["@context", "id", "type", "total", "first"],
    "properties": {
        "type": {"const": "AnnotationCollection"},
        "first": {
            "type": "object",
            "required": ["id", "type", "items"],
            "properties": {
                "type": {"const": "AnnotationPage"},
                "items": {"type": "array", "items": ANNOTATION},
            },
        },
    },
}


def test_annotation_shape() -> None:
    ann = note_annotation(INFO, NOTES[0])
    jsonschema.validate(ann, ANNOTATION)
    assert ann["motivation"] == "assessing"
    assert ann["body"][0] == {"type": "TextualBody", "purpose": "assessing", "value": "misleading"}
    position = next(s for s in ann["target"]["selector"] if s["type"] == "TextPositionSelector")
    # Code points, not UTF-16 units: the emoji counts as one.
    assert position["end"] - position["start"] == len("unemployment fell by 40% 🎉")


def test_orphan_has_no_position_selector() -> None:
    ann = note_annotation(INFO, NOTES[2])
    assert [s["type"] for s in ann["target"]["selector"]] == ["TextQuoteSelector"]


def test_collection_shape_and_stable_id() -> None:
    coll = annotation_collection([(INFO, NOTES)])
    jsonschema.validate(coll, COLLECTION)
    assert coll["total"] == 3
    assert annotation_collection([(INFO, list(reversed(NOTES)))])["id"] == coll["id"]


@pytest.mark.parametrize("shape", ["single", "list", "collection", "page"])
def test_round_trip(shape: str) -> None:
    anns = [note_annotation(INFO, n) for n in NOTES]
    data = {
        "single": anns[0],
        "list": anns,
        "collection": annotation_collection([(INFO, NOTES)]),
        "page": annotation_collection([(INFO, NOTES)])["first"],
    }[shape]
    parsed = parse_annotations(json.loads(json.dumps(data)))
    expected = NOTES[:1] if shape == "single" else NOTES
    assert len(parsed) == len(expected)
    for got, want in zip(parsed, expected, strict=True):
        assert got.uuid == want.uuid
        assert got.url == INFO.url
        assert (got.quote, got.prefix, got.suffix) == (want.quote, want.prefix, want.suffix)
        assert got.position == (want.position if want.sentence is not None else None)
        assert (got.text, got.tags, got.verdict) == (want.text, want.tags, want.verdict)
        assert got.sources == want.sources
        assert (got.created, got.updated) == (want.created, want.updated)


def test_hypothesis_export_rows() -> None:
    rows = [
        {
            "id": "Xyz123",
            "created": "2025-11-02T09:00:00.000000+00:00",
            "updated": "2025-11-03T09:00:00.000000+00:00",
            "uri": "https://news.example.com/jobs",
            "text": "Check the [source](https://stats.example).",
            "tags": ["economy"],
            "target": [
                {
                    "source": "https://news.example.com/jobs",
                    "selector": [
                        {
                            "type": "RangeSelector",
                            "startContainer": "/div[1]/p[2]",
                            "startOffset": 0,
                            "endContainer": "/div[1]/p[2]",
                            "endOffset": 24,
                        },
                        {"type": "TextPositionSelector", "start": 1824, "end": 1848},
                        {
                            "type": "TextQuoteSelector",
                            "exact": "unemployment fell by 40%",
                            "prefix": "The minister said that ",
                            "suffix": ", the largest drop",
                        },
                    ],
                }
            ],
            "document": {"title": ["Jobs"]},
        },
        {  # a page note: no selector, nothing to place
            "id": "PageNote",
            "uri": "https://news.example.com/jobs",
            "text": "General remark",
            "tags": [],
            "target": [{"source": "https://news.example.com/jobs"}],
        },
    ]
    for data in (rows, {"total": 2, "rows": rows}):
        [got] = parse_annotations(data)
        assert got.id == "Xyz123" and got.uuid is None
        assert got.url == "https://news.example.com/jobs"
        assert got.quote == "unemployment fell by 40%"
        assert got.position == 1824
        assert got.tags == ("economy",)
        assert got.verdict is Verdict.NONE
        assert got.text.startswith("Check the")
        assert got.updated.startswith("2025-11-03")


def test_foreign_assessment_is_kept_as_text() -> None:
    ann = {
        "type": "Annotation",
        "motivation": "assessing",
        "body": [{"type": "TextualBody", "value": "Pants on fire"}, "https://ref.example/1"],
        "target": {
            "source": "https://x.example",
            "selector": {"type": "TextQuoteSelector", "exact": "q"},
        },
    }
    [got] = parse_annotations(ann)
    assert got.verdict is Verdict.NONE and got.text == "Pants on fire"
    assert got.sources == (Source("https://ref.example/1"),)


@pytest.mark.parametrize(
    "data",
    [
        42,
        "text",
        {"type": "Thing"},
        [1, 2],
        {"type": "AnnotationCollection", "first": "https://x/p1"},
    ],
)
def test_unreadable_input(data: object) -> None:
    with pytest.raises(AnnotationFormatError):
        parse_annotations(data)


def test_imported_annotation_places_on_the_article() -> None:
    blocks = (
        Block(
            BlockKind.PARAGRAPH,
            "Intro sentence here. The minister said that unemployment fell by 40% 🎉, "
            "the largest drop.",
        ),
        Block(BlockKind.PARAGRAPH, "Another paragraph."),
    )
    art = Article(Metadata(url=INFO.url), blocks, segment(blocks))
    [got] = parse_annotations(note_annotation(INFO, NOTES[0]))
    placed = reanchor(got.anchor, art)
    assert placed.sentence == 1
    assert make_anchor(art, 1).quote == placed.quote


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared/tools not available")
@pytest.mark.parametrize("shape", ["single", "list", "collection"])
def test_w3c_conformance_checker(tmp_path: Path, shape: str) -> None:
    data = {
        "single": note_annotation(INFO, NOTES[0]),
        "list": [note_annotation(INFO, n) for n in NOTES],
        "collection": annotation_collection(
            [(INFO, NOTES), (ArticleInfo(8, "No URL"), NOTES[1:2])]
        ),
    }[shape]
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # The checker needs jsonschema: run it with this interpreter, which has it.
    result = subprocess.run(
        [sys.executable, str(CHECKER), str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
