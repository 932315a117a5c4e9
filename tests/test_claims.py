"""Claim spotting: the spotter, its stored results, and `gloss claims`."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import claim_store
from reader.core.claims import default_model, evidence, handles_language, spot
from reader.core.library import Library
from reader.core.listing import ListQuery, Show
from reader.core.model import Article, Block, BlockKind, Metadata
from reader.core.sentences import SPLITTER_VERSION, segment

SEED = [
    "DeepSeek said its model was trained using $6 billion less than its rivals.",
    "Nvidia could lose up to $600 billion in market valuation.",
    "It was the third-most valuable company in the world.",
    "The app dethroned ChatGPT as the most downloaded free AI app in the US.",
]
NOT_CLAIMS = [
    "Thank you very much.",
    "I think we should all be proud of what we have done together.",
    "What will you do about it?",
]


def make_article(paragraphs: list[str], lang: str = "en", url: str = "") -> Article:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)
    meta = Metadata(title="Test", lang=lang, url=url)
    return Article(meta, blocks, segment(blocks), splitter_version=SPLITTER_VERSION)


def test_seed_sentences_are_claims_and_small_talk_is_not() -> None:
    for text in SEED:
        assert spot(text).claim, text
    for text in NOT_CLAIMS:
        assert not spot(text).claim, text
    for text in SEED + NOT_CLAIMS:
        assert 0.0 <= spot(text).score <= 1.0


def test_kinds_name_the_evidence() -> None:
    assert evidence("Prices rose 12% in 2023.") == ["number", "percent", "date", "comparison"]
    assert "money" in evidence("They spent $6 billion.")
    assert "ranking" in evidence("It was the third-most valuable company.")
    assert "ranking" in evidence("A new world record.")
    assert "attribution" in evidence("According to the agency, the river is clean.")
    assert "causal" in evidence("The bridge closed because of the flood.")
    assert "date" in evidence("It opened on March 3 and closed in 1999.")
    assert evidence("one of them") == []  # "one of" is not a figure
    assert evidence("Hello there.") == []


def test_language_check() -> None:
    assert handles_language("en-GB", "")
    assert not handles_language("fr", "The text does not matter when a language is declared.")
    assert handles_language("", "The council said that the gauge was on the roof of the library.")
    assert not handles_language("", "Le conseil a dit que la jauge était sur le toit de la mairie.")
    assert not handles_language("", "市议会说雨量计在图书馆的屋顶上，这是一个问题。")


def test_model_file_is_small_and_shipped_with_resources() -> None:
    from reader.core.claims import model_path

    path = model_path()
    assert path.is_file() and path.stat().st_size < 5_000_000
    assert "resources" in path.parts
    assert default_model().weights


def test_claims_are_stored_with_the_article_and_checked_by_notes(library: Library) -> None:
    article = make_article([" ".join(SEED), " ".join(NOT_CLAIMS)])
    article_id = library.add_article(article).article_id
    claims = claim_store.claims(library.db, article_id)
    assert [c.index for c in claims] == [0, 1, 2, 3]
    assert all(not c.checked for c in claims)
    assert claims[1].kinds[:2] == ("number", "money")
    library.add_note(article_id, 1, "Checked against the filing.")
    assert [c.checked for c in claim_store.claims(library.db, article_id)] == [
        False,
        True,
        False,
        False,
    ]
    assert claim_store.counts(library.db, article_id) == (4, 1)
    summary = library.summary(article_id)
    assert (summary.claim_count, summary.claims_checked) == (4, 1)
    assert claim_store.claim_summary(4, 1) == "4 claims · 1 checked"
    unchecked = ListQuery(show=Show.UNCHECKED)
    assert [s.id for s in library.list_articles(unchecked)] == [article_id]
    for index in (0, 2, 3):
        library.add_note(article_id, index, "ok")
    assert library.list_articles(unchecked) == []
    assert library.count_articles(unchecked) == 0


def test_non_english_articles_get_no_claims(library: Library) -> None:
    article_id = library.add_article(make_article([" ".join(SEED)], lang="de")).article_id
    assert claim_store.claims(library.db, article_id) == []
    assert not claim_store.language_handled(library.db, article_id)
    assert not claim_store.is_stale(library.db, article_id)


def test_a_new_text_is_spotted_again(library: Library) -> None:
    url = "https://example.com/a"
    article_id = library.add_article(make_article(NOT_CLAIMS, url=url)).article_id
    assert claim_store.claims(library.db, article_id) == []
    library.add_article(make_article([*NOT_CLAIMS, SEED[1]], url=url))
    assert [c.text for c in claim_store.claims(library.db, article_id)] == [SEED[1]]


def test_articles_stored_before_claims_are_spotted_lazily(library_path: Path) -> None:
    with Library(library_path) as library:
        article_id = library.add_article(make_article([" ".join(SEED)])).article_id
    # As a library written before m008 (or by another spotter) looks after migrating.
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute("DELETE FROM claims")
        conn.execute("UPDATE articles SET claims_version = ''")
    conn.close()
    with Library(library_path) as library:
        assert claim_store.stale_article_ids(library.db) == [article_id]
        assert claim_store.claims(library.db, article_id) == []
        assert claim_store.ensure_all(library) == [article_id]
        assert len(claim_store.claims(library.db, article_id)) == 4
        assert claim_store.stale_article_ids(library.db) == []
        assert not claim_store.ensure_claims(library, article_id)


def test_migration_adds_claims_to_an_older_library(library_path: Path) -> None:
    from reader.core.schema import migrations

    with Library(library_path) as library:
        library.add_article(make_article([SEED[0]]))
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute("DROP TABLE claims")
        conn.execute("ALTER TABLE articles DROP COLUMN claims_version")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_claims'")
    conn.close()
    with Library(library_path) as library:
        assert not migrations.pending(library.db)
        assert claim_store.stale_article_ids(library.db) == [1]
        assert claim_store.ensure_claims(library, 1)
        assert [c.index for c in claim_store.claims(library.db, 1)] == [0]


# -- CLI -----------------------------------------------------------------------------------


def test_cli_claims_lists_an_article(capsys, library_path: Path) -> None:
    with Library(library_path) as library:
        article_id = library.add_article(make_article([" ".join(SEED + NOT_CLAIMS)])).article_id
        library.add_note(article_id, 0, "Checked.")
    lib = ["--library", str(library_path)]
    assert main([*lib, "claims", str(article_id), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["index"], r["checked"]) for r in rows] == [
        (0, True),
        (1, False),
        (2, False),
        (3, False),
    ]
    assert rows[1]["text"] == SEED[1] and "money" in rows[1]["kinds"]
    assert 0 < rows[1]["score"] <= 1
    assert main([*lib, "claims", str(article_id)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "4 claims · 1 checked"
    assert lines[1].startswith("1\t") and lines[1].endswith(SEED[0])  # numbered from 1
    assert "\tchecked\t" in lines[1] and "\tunchecked\t" in lines[2]


def test_cli_claims_of_a_foreign_article_says_so(capsys, library_path: Path) -> None:
    with Library(library_path) as library:
        library.add_article(make_article([" ".join(SEED)], lang="fr"))
    assert main(["--library", str(library_path), "claims", "1", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == []
    assert "not in English" in err


def test_cli_claims_of_an_unknown_article_fails(capsys, library_path: Path) -> None:
    assert main(["--library", str(library_path), "claims", "7"]) == 2
    assert "no article 7" in capsys.readouterr().err


def test_cli_spots_sentences_from_standard_input(tmp_path: Path) -> None:
    lines = [SEED[1], NOT_CLAIMS[0], "", "Café prices rose 5%."]
    done = subprocess.run(
        [sys.executable, "-m", "reader.cli", "claims", "--sentences"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["text"] for r in rows] == lines
    assert [r["claim"] for r in rows] == [True, False, False, True]
    assert set(rows[0]) == {"text", "claim", "score", "kinds"}
    assert rows[3]["kinds"][:2] == ["number", "percent"]


def test_cli_spots_sentences_from_a_file(capsys, tmp_path: Path) -> None:
    source = tmp_path / "s.txt"
    source.write_text(f"{SEED[2]}\n{NOT_CLAIMS[1]}\n", encoding="utf-8")
    assert main(["claims", "--sentences", str(source)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["claim"] for r in rows] == [True, False]


@pytest.mark.parametrize("argv", [["claims"], ["claims", "abc"]])
def test_cli_claims_needs_an_id(capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    assert "article ID" in capsys.readouterr().err


def test_spotting_keeps_the_article_unchanged(library: Library) -> None:
    article = make_article(SEED)
    article_id = library.add_article(article).article_id
    stored = library.article(article_id)
    assert replace(stored, images=()).sentences == article.sentences
