"""The same claim elsewhere, in the core: when two sentences are the same claim
(`core/related.py`), and the library's index of noted sentences kept as notes and
articles change (`core/related_index.py`, migration m012)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core import related_index
from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Verdict
from reader.core.related import band_keys, claim_key, same_claim, similarity
from reader.core.spans import sentences_span

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "extraction"

CLAIM = "The government spent $6 billion on the new railway line in 2023, officials said."

SAME = [
    # quote marks, dashes, whitespace, case
    "The government spent “$6 billion” on the new railway line — in 2023 — officials said.",
    'the government spent "$6 billion" on the new railway line -- in 2023, officials said.',
    "The  government   spent $6 billion\non the new railway line in 2023, officials said!",
    "THE GOVERNMENT SPENT $6 BILLION ON THE NEW RAILWAY LINE IN 2023, OFFICIALS SAID.",
    # the same figure written otherwise
    "The government spent $6bn on the new railway line in 2023, officials said.",
    "The government spent US$6bn on the new railway line in 2023, officials said.",
    "The government spent 6 billion dollars on the new railway line in 2023, officials said.",
    "The government spent $6,000 million on the new railway line in 2023, officials said.",
    # a word added, dropped or changed in a long sentence
    "The government spent $6 billion on the new high-speed railway line in 2023, officials said.",
    "The government spent $6 billion on the railway line in 2023, officials said.",
    "The government spent $6 billion on the new railway line in 2023, officials confirmed.",
]
DIFFERENT = [
    "The government spent $6 million on the new railway line in 2023, officials said.",
    "The government spent $60 billion on the new railway line in 2023, officials said.",
    "The government spent €6 billion on the new railway line in 2023, officials said.",
    "The government spent $6 billion on the new railway line in 2022, officials said.",
    "The government spent $6 billion on the new railway line, officials said.",
    "The government did not spend $6 billion on the new railway line in 2023, officials said.",
    "The government never spent $6 billion on the new railway line in 2023, officials said.",
    # two words changed is more than a small edit for a sentence of this length
    "The council spent $6 billion on the old railway line in 2023, officials said.",
    "The government spent $6 billion on the new motorway in 2023, critics claimed.",
    "Officials said the government spent $6 billion on the new railway line in 2023.",
]


@pytest.mark.parametrize("other", SAME)
def test_the_same_claim_written_otherwise_matches(other: str) -> None:
    score = similarity(claim_key(CLAIM), claim_key(other))
    assert score is not None and 0.85 <= score <= 1.0
    # and the index would bring them together
    assert set(band_keys(claim_key(CLAIM))) & set(band_keys(claim_key(other)))


@pytest.mark.parametrize("other", DIFFERENT)
def test_a_near_miss_is_another_claim(other: str) -> None:
    assert similarity(claim_key(CLAIM), claim_key(other)) is None


def test_only_exact_words_and_markup_differences_score_one() -> None:
    assert similarity(claim_key(CLAIM), claim_key(SAME[0])) == 1.0
    edited = similarity(claim_key(CLAIM), claim_key(SAME[-1]))
    assert edited is not None and edited < 1.0


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "Unemployment rose to 12% in the northern region last year.",
            "Unemployment rose to 12 points in the northern region last year.",
            False,
        ),
        (
            "Unemployment rose to 12% in the northern region last year.",
            "Unemployment rose to 12 per cent in the northern region last year.",
            True,
        ),
        (
            "Unemployment rose to 12% in the northern region last year.",
            "Unemployment rose to 12 percent in the northern region last year.",
            True,
        ),
        (
            "The city hired 1,200 new teachers for its schools.",
            "The city hired 1200 new teachers for its schools.",
            True,
        ),
        (
            "The city hired 1,200 new teachers for its schools.",
            "The city hired 1,300 new teachers for its schools.",
            False,
        ),
        (
            "The city hired 1,200 new teachers for its schools.",
            "The city hired 12 new teachers for its schools.",
            False,
        ),
        (
            "Prices fell 2.5% in March across the whole euro area.",
            "Prices fell 25% in March across the whole euro area.",
            False,
        ),
        (
            "Exports to China grew by six billion euros that year.",
            "Exports to China grew by €6bn that year.",
            True,
        ),
        (
            "The bridge opened in 1998 after a decade of delays.",
            "The bridge opened in 1989 after a decade of delays.",
            False,
        ),
        (
            "The club finished 3rd in the national league table.",
            "The club finished 2nd in the national league table.",
            False,
        ),
        (
            "Temperatures fell to −5 degrees across the northern valleys.",
            "Temperatures fell to 5 degrees across the northern valleys.",
            False,
        ),
        (
            "Press reports say the U.S. president will visit the region next week.",
            "Press reports say the US president will visit the region next week.",
            True,
        ),
        (
            "The minister said the new railway line would open in March next year.",
            "The minister said the new railway line would open in June next year.",
            False,
        ),
        (
            "The talks were relaunched on Dec. 12 after the summit in Annapolis.",
            "The talks were relaunched on December 12 after the summit in Annapolis.",
            True,
        ),
        (
            "The council voted on Tuesday to close the old harbour bridge.",
            "The council voted on Thursday to close the old harbour bridge.",
            False,
        ),
        (
            "The mayor said the plan doesn’t raise local taxes at all.",
            "The mayor said the plan doesn't raise local taxes at all.",
            True,
        ),
        (
            "The mayor said the plan doesn't raise local taxes at all.",
            "The mayor said the plan does raise local taxes at all.",
            False,
        ),
    ],
)
def test_figures_and_negations(a: str, b: str, same: bool) -> None:
    assert same_claim(a, b) is same
    assert same_claim(b, a) is same


@pytest.mark.parametrize(
    "generic",
    ["Read more.", "That is false.", "Click here.", "He said that it was true.", "Yes, it is."],
)
def test_short_or_generic_sentences_never_match(generic: str) -> None:
    key = claim_key(generic)
    assert not key.eligible
    assert similarity(key, claim_key(generic)) is None


def test_short_sentences_need_the_exact_words() -> None:
    # Nine words: no edit allowed, whatever the words.
    assert same_claim(
        "Inflation rose to 9% in Britain last year.", "Inflation rose to 9% in Britain last year!"
    )
    assert not same_claim(
        "Inflation rose to 9% in Britain last year.", "Inflation rose to 9% in France last year."
    )


# -- pairs from the development corpus: the same wire story in two outlets -----------------

CORPUS_PAIRS = [
    # AP's West Bank story in two papers: "US" and "U.S.", "reopened" and "relaunched".
    (
        "l3s-dev/b89b4068-c3d3-4a86-990a-713721f7e034",
        "l3s-dev/b9141a79-c5dc-418d-b05e-23532baa6d9a",
        "settlement activities in the West Bank",
    ),
    (
        "l3s-dev/b9141a79-c5dc-418d-b05e-23532baa6d9a",
        "l3s-dev/b89b4068-c3d3-4a86-990a-713721f7e034",
        "peace talks on Dec. 12",
    ),
    # A rugby story: "Saracens" and "the Saracens".
    (
        "l3s-dev/70435bf4-7e87-402f-afe8-1e88ed6390f3",
        "l3s-dev/90808156-7b9e-4993-80aa-31e1a6ba6cff",
        "Heineken Cup competitions",
    ),
]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared is not next to the repository")
@pytest.mark.parametrize(("noted", "opened", "words"), CORPUS_PAIRS)
def test_the_same_sentence_in_two_imported_pages(
    library: Library, noted: str, opened: str, words: str
) -> None:
    a = library.add_article(load_file(CORPUS / noted / "source.html")).article_id
    b = library.add_article(load_file(CORPUS / opened / "source.html")).article_id
    index = next(s.index for s in library.article(a).sentences if words in s.text)
    library.add_note(a, index, "Checked.", Verdict.MISLEADING)
    found = [m for m in library.related(b) if m.article_id == a]
    assert [m.other_sentence for m in found] == [index]
    match = found[0]
    assert words in library.article(b).sentences[match.sentence].text
    assert match.verdicts == (Verdict.MISLEADING,)
    assert 0.85 <= match.similarity <= 1.0
    # A figure changed in the opened copy makes it another claim.
    sentence = library.article(b).sentences[match.sentence].text
    changed = _change_a_figure(sentence)
    assert changed != sentence and not same_claim(changed, found[0].other_text)


def _change_a_figure(text: str) -> str:
    import re

    if re.search(r"\d", text):
        return re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text, count=1)
    return text.replace(" the ", " the 3 ", 1)


# -- the library's index ---------------------------------------------------------------------


def _article(library: Library, folder: Path, name: str, title: str, *sentences: str) -> int:
    path = folder / f"{name}.txt"
    path.write_text(f"{title}\n\n" + " ".join(sentences) + "\n", encoding="utf-8")
    return library.add_article(load_file(path)).article_id


@pytest.fixture
def three(library: Library, tmp_path: Path) -> tuple[int, int, int]:
    a = _article(library, tmp_path, "a", "Rail budget", CLAIM, "Critics disagreed. Read more.")
    b = _article(
        library,
        tmp_path,
        "b",
        "Minister speaks",
        "The minister spoke for an hour.",
        SAME[0],
        "Read more.",
    )
    c = _article(library, tmp_path, "c", "Another paper", DIFFERENT[0], "Read more.")
    return a, b, c


def test_a_note_makes_the_sentence_found_from_other_articles(
    library: Library, three: tuple[int, int, int]
) -> None:
    a, b, c = three
    assert library.related(b) == []
    library.add_note(a, 0, "Wrong figure.", Verdict.FALSE)
    library.add_note(a, 0, "Context missing.", Verdict.MISLEADING)
    library.add_note(a, 2, "Boilerplate.", Verdict.TRUE)  # "Read more." matches nothing
    found = library.related(b)
    assert [(m.sentence, m.article_id, m.other_sentence) for m in found] == [(1, a, 0)]
    assert found[0].verdicts == (Verdict.FALSE, Verdict.MISLEADING)
    assert found[0].title == "Rail budget" and found[0].other_text == CLAIM
    assert related_index.summary(found) == "noted in 1 other article: False, Misleading"
    assert library.related(a) == []  # its own notes are not "elsewhere"
    assert library.related(c) == []  # $6 million is another claim


def test_verdicts_worst_first_and_no_verdict_only_alone(
    library: Library, three: tuple[int, int, int]
) -> None:
    a, b, _c = three
    note = library.add_note(a, 0, "Looking into it.")
    assert library.related(b)[0].verdicts == (Verdict.NONE,)
    library.add_note(a, 0, "Fine.", Verdict.TRUE)
    assert library.related(b)[0].verdicts == (Verdict.TRUE,)
    library.update_note(note.uuid, verdict=Verdict.MISLEADING)
    assert library.related(b)[0].verdicts == (Verdict.MISLEADING, Verdict.TRUE)


def test_several_articles_and_a_note_on_a_few_words(
    library: Library, three: tuple[int, int, int], tmp_path: Path
) -> None:
    a, b, _c = three
    d = _article(library, tmp_path, "d", "Wire copy", "Other news first.", SAME[4])
    article = library.article(a)
    span = sentences_span(article, 0, 0, "$6 billion")
    library.add_note(a, 0, "The figure.", Verdict.FALSE, span=span)
    library.add_note(d, 1, "Checked.", Verdict.TRUE)
    found = library.related(b)
    assert {(m.article_id, m.other_sentence) for m in found} == {(a, 0), (d, 1)}
    assert related_index.summary(found) == "noted in 2 other articles: False, True"


def test_the_index_follows_deletes_moves_and_the_trash(
    library: Library, three: tuple[int, int, int]
) -> None:
    a, b, _c = three
    note = library.add_note(a, 0, "Wrong.", Verdict.FALSE)
    assert library.related(b)
    library.reattach_note(note.uuid, 1)  # moved to "Critics disagreed."
    assert library.related(b) == []
    library.reattach_note(note.uuid, 0)
    assert library.related(b)
    library.trash_article(a)
    assert library.related(b) == []
    library.restore_article(a)
    assert library.related(b)
    library.delete_note(note.uuid)
    assert library.related(b) == []
    restored = library.restore_note(note)  # undo of the delete
    assert library.related(b) and restored.uuid == note.uuid
    library.delete_article(a)
    assert library.related(b) == []
    count = library.db.execute("SELECT COUNT(*) FROM related_keys WHERE article_id = ?", [a])
    assert count.fetchone()[0] == 0


def test_a_reimport_that_changes_the_figure_drops_the_match(
    library: Library, three: tuple[int, int, int], tmp_path: Path
) -> None:
    a, b, _c = three
    library.add_note(a, 0, "Wrong.", Verdict.FALSE)
    assert library.related(b)
    changed = CLAIM.replace("$6 billion", "$6 million")
    path = tmp_path / "a.txt"
    path.write_text(f"Rail budget\n\n{changed} Critics disagreed. Read more.\n", encoding="utf-8")
    library.replace_text(a, load_file(path))  # what importing the changed page does
    assert library.notes(a)[0].sentence == 0  # the note follows its sentence
    assert library.related(b) == []
    assert library.db.execute("SELECT COUNT(*) FROM related_stale").fetchone()[0] == 0


def test_every_write_leaves_the_index_fresh(library: Library, three: tuple[int, int, int]) -> None:
    a, _b, _c = three
    note = library.add_note(a, 0, "Wrong.", Verdict.FALSE)
    library.update_note(note.uuid, text="Still wrong.")
    stale = "SELECT COUNT(*) FROM related_stale"
    for write in (
        lambda: library.reattach_note(note.uuid, None),
        lambda: library.reattach_note(note.uuid, 0),
        lambda: library.delete_note(note.uuid),
        lambda: library.restore_note(note),
        lambda: library.restore_note(note),  # over itself: an upsert, its UPDATE fires too
        lambda: library.resegment(a),
    ):
        write()
        assert library.db.execute(stale).fetchone()[0] == 0
    rows = library.db.execute("SELECT COUNT(*) FROM related_keys WHERE article_id = ?", [a])
    assert rows.fetchone()[0] > 0


def test_a_write_that_skips_the_refresh_is_still_seen(
    library_path: Path, three: tuple[int, int, int]
) -> None:
    """A note written by a connection that knows nothing of the index (an older Gloss
    build's SQL, a script): the triggers mark its article, and the look-up reads that
    article's noted sentences directly until a refresh."""
    a, b, _c = three
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute(
            "INSERT INTO notes (uuid, article_id, sentence, last_sentence, quote, verdict, "
            "created, updated) VALUES ('u-1', ?, 0, 0, ?, 'false', 'now', 'now')",
            [a, CLAIM],
        )
    conn.close()
    with Library(library_path) as lib:
        found = lib.related(b)
        assert [(m.article_id, m.other_sentence, m.verdicts) for m in found] == [
            (a, 0, (Verdict.FALSE,))
        ]
        with lib.transaction():
            related_index.refresh_stale(lib.db.conn)
        assert lib.related(b) == found


def test_the_migration_fills_the_index_of_an_existing_library(
    library_path: Path, three: tuple[int, int, int]
) -> None:
    a, b, _c = three
    with Library(library_path) as lib:
        lib.add_note(a, 0, "Wrong.", Verdict.FALSE)
    # The library as the code before m012 left it.
    conn = sqlite3.connect(library_path)
    with conn:
        conn.executescript(
            "DROP TABLE related_keys; DROP TABLE related_stale; "
            "DROP TRIGGER related_notes_ai; DROP TRIGGER related_notes_au; "
            "DROP TRIGGER related_notes_ad; "
            "DELETE FROM _sqlite_migrations WHERE name = 'm012_related_claims';"
        )
    conn.close()
    with Library(library_path) as lib:
        assert len(lib.notes(a)) == 1  # notes kept
        assert [(m.article_id, m.other_sentence) for m in lib.related(b)] == [(a, 0)]
