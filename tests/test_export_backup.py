from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from reader.core.export import BackupArticle, BackupError, dump_backup, parse_backup
from reader.core.export.backup import VERSION, backup_document, note_from_json
from reader.core.model import Block, BlockKind, Mark, Metadata, Note, Source, Verdict

BLOCKS = (
    Block(BlockKind.HEADING, "Jobs", level=2),
    Block(BlockKind.PARAGRAPH, "Unemployment fell by 40% 🎉.", marks=(Mark(0, 12, "em"),)),
    Block(BlockKind.LIST_ITEM, "First", level=1, ordered=True, number=1),
    Block(BlockKind.FIGURE, "Caption", image="img1.png", alt="A chart"),
    Block(BlockKind.TABLE, "a b", rows=(("a", "b"),)),
)
NOTES = (
    Note(
        "u-1",
        7,
        1,
        "Unemployment fell by 40% 🎉.",
        "Jobs\n\n",
        "\n\nFirst",
        6,
        "It was 4%.",
        Verdict.FALSE,
        (Source("https://s.example", "S", "4%"), Source("https://t.example")),
        ("economy",),
        "2026-03-02T10:15:00Z",
        "2026-03-02T11:00:00Z",
    ),
    Note(
        "u-2",
        7,
        None,
        "A deleted sentence.",
        "",
        "",
        None,
        "",
        Verdict.NONE,
        (),
        (),
        "2026-03-02T10:15:00Z",
        "2026-03-02T10:15:00Z",
    ),
)
ARTICLES = [
    BackupArticle(
        7,
        Metadata("Jobs", "A. Writer", "2026-03-01", "News", "en", "https://x.example/jobs", "Ex"),
        BLOCKS,
        NOTES,
        "html",
        "1",
        "2",
        "2026-03-02T09:00:00Z",
    ),
    BackupArticle(8, Metadata(title="Empty"), (), ()),
]

NOTE_SCHEMA = {
    "type": "object",
    "required": ["uuid", "article", "sentence", "quote", "position", "verdict", "sources", "tags"],
    "properties": {
        "uuid": {"type": "string"},
        "article": {"type": "integer"},
        "sentence": {"type": ["integer", "null"]},
        "position": {"type": ["integer", "null"]},
        "verdict": {"enum": [v.value for v in Verdict]},
        "sources": {"type": "array", "items": {"type": "object", "required": ["url"]}},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}
BACKUP_SCHEMA = {
    "type": "object",
    "required": ["format", "version", "exported", "articles"],
    "properties": {
        "format": {"const": "gloss-backup"},
        "version": {"const": VERSION},
        "articles": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "title", "url", "blocks", "notes"],
                "properties": {
                    "blocks": {
                        "type": "array",
                        "items": {"type": "object", "required": ["kind", "text"]},
                    },
                    "notes": {"type": "array", "items": NOTE_SCHEMA},
                },
            },
        },
    },
}


def test_document_matches_schema() -> None:
    jsonschema.validate(json.loads(dump_backup(ARTICLES, "2026-03-03T00:00:00Z")), BACKUP_SCHEMA)


def test_round_trip() -> None:
    backup = parse_backup(dump_backup(ARTICLES, "2026-03-03T00:00:00Z"))
    assert backup.version == VERSION and backup.exported == "2026-03-03T00:00:00Z"
    assert list(backup.articles) == ARTICLES


def test_note_from_json_is_the_inverse_of_to_json() -> None:
    for note in NOTES:
        assert note_from_json(note.to_json()) == note


def good() -> dict:
    return backup_document(ARTICLES, "2026-03-03T00:00:00Z")


def broken(change) -> dict:
    doc = copy.deepcopy(good())
    change(doc)
    return doc


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("{not json", "not JSON"),
        ([], "document: expected an object"),
        ({"format": "other"}, "not a Gloss backup"),
        (broken(lambda d: d.update(version=VERSION + 1)), "newer Gloss"),
        (broken(lambda d: d.update(version="1")), "version: expected an integer"),
        (broken(lambda d: d.pop("articles")), "articles: missing"),
        (broken(lambda d: d["articles"].append(3)), "articles[2]: expected an object"),
        (broken(lambda d: d["articles"][0].pop("id")), "articles[0].id: missing"),
        (
            broken(lambda d: d["articles"][0]["blocks"][1].update(kind="poem")),
            "articles[0].blocks[1].kind: unknown block kind 'poem'",
        ),
        (
            broken(lambda d: d["articles"][0]["blocks"][1].update(marks=[[0, 1]])),
            "articles[0].blocks[1]: malformed block",
        ),
        (
            broken(lambda d: d["articles"][0]["notes"][0].update(verdict="pants on fire")),
            "articles[0].notes[0].verdict: unknown verdict",
        ),
        (
            broken(lambda d: d["articles"][0]["notes"][0].update(sentence="3")),
            "articles[0].notes[0].sentence: expected an integer, found a string",
        ),
        (
            broken(lambda d: d["articles"][0]["notes"][0].update(tags=[1])),
            "articles[0].notes[0].tags[0]: expected a string",
        ),
        (
            broken(lambda d: d["articles"][0]["notes"][0]["sources"].append({"title": "x"})),
            "articles[0].notes[0].sources[2].url: missing",
        ),
        (
            broken(lambda d: d["articles"][0]["notes"][1].update(uuid="u-1")),
            "articles[0].notes[1].uuid: duplicate 'u-1'",
        ),
        (
            broken(lambda d: d["articles"][0]["notes"][0].update(article=8)),
            "articles[0].notes[0].article: 8 but the article is 7",
        ),
    ],
)
def test_malformed_files_raise_a_clear_error(doc, message: str) -> None:
    with pytest.raises(BackupError) as info:
        parse_backup(doc)
    assert message in str(info.value)
