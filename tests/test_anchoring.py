from __future__ import annotations

import time

import pytest

from reader.core.anchoring import (
    Anchor,
    Method,
    make_anchor,
    reanchor,
    reanchor_all,
    sentence_spans,
)
from reader.core.model import Article, Block, BlockKind, Metadata, Note, Sentence, Verdict
from reader.core.sentences import segment

PARAGRAPHS = [
    "The minister said that unemployment fell by 40% last year. Economists disagree.",
    "Official figures show a drop of 4% over the same period. The ministry did not reply.",
    'Opposition leaders called the claim "absurd". They want an inquiry into the numbers.',
    "Meanwhile, the central bank kept its rate at 3.5%. Inflation stayed close to target.",
]


def article(*paragraphs: str) -> Article:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return Article(Metadata(title="T"), blocks, segment(blocks))


def index_of(art: Article, text: str) -> int:
    [hit] = [s.index for s in art.sentences if s.text == text]
    return hit


def test_make_anchor_quote_context_and_position() -> None:
    art = article(*PARAGRAPHS)
    i = index_of(art, "Economists disagree.")
    a = make_anchor(art, i)
    assert a.quote == "Economists disagree."
    assert art.text[a.position : a.position + len(a.quote)] == a.quote
    assert a.prefix == art.text[a.position - 32 : a.position]
    assert a.suffix == art.text[a.position + len(a.quote) :][:32]
    assert a.sentence == i
    first = make_anchor(art, 0)
    assert first.prefix == "" and first.position == 0


def test_make_anchor_rejects_bad_index() -> None:
    with pytest.raises(IndexError):
        make_anchor(article("One sentence."), 3)


def test_unchanged_text_is_exact() -> None:
    art = article(*PARAGRAPHS)
    for i in range(len(art.sentences)):
        placed = reanchor(make_anchor(art, i), art)
        assert (placed.sentence, placed.method, placed.score) == (i, Method.EXACT, 1.0)


def test_typo_fix_in_the_noted_sentence_is_fuzzy() -> None:
    old = article(*PARAGRAPHS)
    anchor = make_anchor(old, index_of(old, "They want an inquiry into the numbers."))
    new = article(*PARAGRAPHS[:2], PARAGRAPHS[2].replace("inquiry", "enquiry"), PARAGRAPHS[3])
    placed = reanchor(anchor, new)
    assert placed.method is Method.FUZZY
    assert placed.quote == "They want an enquiry into the numbers."
    assert new.sentences[placed.sentence].text == placed.quote
    assert placed.anchor.position == new.text.index(placed.quote)


def test_inserted_paragraph_shifts_position_and_index() -> None:
    old = article(*PARAGRAPHS)
    anchor = make_anchor(old, index_of(old, "Inflation stayed close to target."))
    new = article(PARAGRAPHS[0], "A brand new paragraph. With two sentences.", *PARAGRAPHS[1:])
    placed = reanchor(anchor, new)
    assert placed.method is Method.EXACT
    assert placed.sentence == anchor.sentence + 2
    assert placed.position == new.text.index("Inflation stayed")


def test_deleted_paragraph_orphans_its_notes_and_keeps_the_quote() -> None:
    old = article(*PARAGRAPHS)
    gone = make_anchor(old, index_of(old, "The ministry did not reply."))
    kept = make_anchor(old, index_of(old, "Economists disagree."))
    new = article(PARAGRAPHS[0], *PARAGRAPHS[2:])
    placed_gone, placed_kept = reanchor_all([gone, kept], new)
    assert placed_gone.orphaned and placed_gone.method is Method.ORPHAN
    assert placed_gone.quote == gone.quote and placed_gone.prefix == gone.prefix
    assert placed_kept.sentence == index_of(new, "Economists disagree.")


def test_rewritten_sentence_is_orphaned_not_moved() -> None:
    old = article(*PARAGRAPHS)
    anchor = make_anchor(
        old, index_of(old, "Official figures show a drop of 4% over the same period.")
    )
    rewritten = PARAGRAPHS[1].replace(
        "Official figures show a drop of 4% over the same period.",
        "Official statistics were revised twice in March.",
    )
    new = article(PARAGRAPHS[0], rewritten, *PARAGRAPHS[2:])
    assert reanchor(anchor, new).orphaned


def test_changed_number_is_not_a_typo() -> None:
    old = article(*PARAGRAPHS)
    anchor = make_anchor(old, 0)
    new = article(PARAGRAPHS[0].replace("40%", "4%"), *PARAGRAPHS[1:])
    assert reanchor(anchor, new).orphaned


def test_curly_quotes_and_whitespace_are_exact() -> None:
    old = article(*PARAGRAPHS)
    anchor = make_anchor(old, index_of(old, 'Opposition leaders called the claim "absurd".'))
    curly = PARAGRAPHS[2].replace('"absurd"', "“absurd”").replace("leaders ", "leaders\u00a0 ")
    new = article(*PARAGRAPHS[:2], curly, PARAGRAPHS[3])
    placed = reanchor(anchor, new)
    assert placed.method is Method.EXACT
    assert placed.quote == "Opposition leaders\u00a0 called the claim “absurd”."


def test_new_splitter_merging_two_sentences() -> None:
    old = article(*PARAGRAPHS)
    anchor = make_anchor(old, index_of(old, "Economists disagree."))
    # A coarser splitter: each paragraph is one sentence now.
    blocks = old.blocks
    merged = tuple(Sentence(i, i, 0, len(b.text), b.text) for i, b in enumerate(blocks))
    new = Article(old.meta, blocks, merged)
    placed = reanchor(anchor, new)
    assert placed.sentence == 0
    assert placed.span == (old.text.index("Economists"), old.text.index("Economists") + 20)


def test_merged_paragraphs_keep_their_notes() -> None:
    old = article(*PARAGRAPHS)
    anchors = [make_anchor(old, i) for i in range(len(old.sentences))]
    new = article(f"{PARAGRAPHS[0]} {PARAGRAPHS[1]}", *PARAGRAPHS[2:])
    placements = reanchor_all(anchors, new)
    assert [new.sentences[p.sentence].text for p in placements] == [a.quote for a in anchors]


REPEATED = [
    "Read the full report here. It has all the details.",
    "The vaccine was tested on 30,000 volunteers.",
    "Read the full report here. It covers side effects.",
]


def test_repeated_sentence_context_picks_the_right_copy() -> None:
    old = article(*REPEATED)
    second = [s.index for s in old.sentences if s.text == "Read the full report here."][1]
    anchor = make_anchor(old, second)
    new = article("An editor's note was added at the top.", *REPEATED)
    placed = reanchor(anchor, new)
    assert placed.method is Method.HINT
    assert new.sentences[placed.sentence + 1].text == "It covers side effects."


FILLER = "A filler paragraph, long enough to fill the whole context window."
TWINS = ["An introduction of some length to start.", "Same sentence here."]
TWINS += [FILLER, "Same sentence here.", FILLER, "Same sentence here.", FILLER]


def test_repeated_sentence_same_context_uses_the_position_hint() -> None:
    old = article(*TWINS)
    copies = [s.index for s in old.sentences if s.text == "Same sentence here."]
    middle = make_anchor(old, copies[1])
    last = make_anchor(old, copies[2])
    assert (middle.prefix, middle.suffix) == (last.prefix, last.suffix)
    for anchor in (middle, last):
        placed = reanchor(anchor, old)
        assert (placed.sentence, placed.method) == (anchor.sentence, Method.HINT)
    # A typo fixed far above shifts positions by a character: still clearly the nearest.
    new = article(TWINS[0].replace("some", "soome"), *TWINS[1:])
    assert reanchor(middle, new).sentence == middle.sentence


def test_repeated_sentence_without_usable_hint_is_orphaned() -> None:
    old = article(*TWINS)
    copies = [s.index for s in old.sentences if s.text == "Same sentence here."]
    middle = make_anchor(old, copies[1])
    assert reanchor(Anchor(middle.quote, middle.prefix, middle.suffix, None), old).orphaned
    # A hint halfway between two copies is no hint.
    halfway = (middle.position + make_anchor(old, copies[2]).position) // 2
    assert reanchor(Anchor(middle.quote, middle.prefix, middle.suffix, halfway), old).orphaned
    # Neither is one that a long insertion above has made stale.
    new = article(TWINS[0], "Inserted. " * 30, *TWINS[1:])
    assert reanchor(middle, new).orphaned


def test_repeated_paragraph_edited_copy_is_not_confused_with_its_twin() -> None:
    para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit."
    old = article(para, "Between.", para, "After.")
    anchor = make_anchor(old, 2)  # the second copy
    new = article(para, "Between.", para.replace("ipsum", "ipsun"), "After.")
    placed = reanchor(anchor, new)
    # Either the edited copy or an orphan: never the untouched first copy.
    assert placed.sentence in (2, None)


def test_emoji_and_non_bmp_text_use_code_points() -> None:
    paras = ["Intro 🎉🎉 with emoji 𝔘𝔫𝔦𝔠𝔬𝔡𝔢. Second 😀 sentence.", "Third sentence 𐍈 here."]
    old = article(*paras)
    anchor = make_anchor(old, 2)
    assert old.text[anchor.position : anchor.position + len(anchor.quote)] == anchor.quote
    new = article("New 🚀🚀🚀 paragraph first.", *paras)
    placed = reanchor(anchor, new)
    assert placed.quote == "Third sentence 𐍈 here."
    assert new.text[placed.position : placed.position + len(placed.quote)] == placed.quote
    assert sentence_spans(new)[placed.sentence] == (
        placed.position,
        placed.position + len(placed.quote),
    )


def test_empty_new_article_orphans_everything() -> None:
    old = article(*PARAGRAPHS)
    anchors = [make_anchor(old, i) for i in range(len(old.sentences))]
    empty = Article(Metadata(), (), ())
    assert all(p.orphaned for p in reanchor_all(anchors, empty))
    assert reanchor(Anchor(""), old).orphaned


def test_anchor_from_note_round_trip() -> None:
    old = article(*PARAGRAPHS)
    a = make_anchor(old, 1)
    note = Note(
        "u1",
        1,
        a.sentence,
        a.quote,
        a.prefix,
        a.suffix,
        a.position,
        "",
        Verdict.NONE,
        (),
        (),
        "",
        "",
    )
    assert Anchor.from_note(note) == a


def test_book_length_article_stays_fast() -> None:
    paras = [
        f"Paragraph {i} opens with fact number {i * 7}. It continues with claim {i} about "
        f"topic {i % 13}. Finally it ends on note {i}."
        for i in range(6000)
    ]
    old = article(*paras)
    anchors = [make_anchor(old, i) for i in range(0, len(old.sentences), 900)]
    edited = [p.replace("continues", "contiinues") for p in paras]
    new = article(*edited)
    began = time.perf_counter()
    placements = reanchor_all(anchors, new)
    elapsed = time.perf_counter() - began
    assert [p.sentence for p in placements] == [a.sentence for a in anchors]
    assert elapsed < 10


# -- alignment with the old version of the article ----------------------------------------

COPY = "Read the full report here. It has all the details and the raw data."
CLAIM = "The vaccine was tested on 30,000 volunteers in four countries."
OTHER = "Side effects were mild and lasted two days in most volunteers."


def copies_of(art: Article, text: str) -> list[int]:
    return [s.index for s in art.sentences if s.text == text]


def test_alignment_picks_the_right_copy_after_an_insertion_before_it() -> None:
    old = article(COPY, CLAIM, COPY, OTHER, COPY)
    new = article("An editor's note was added at the top.", COPY, CLAIM, COPY, OTHER, COPY)
    anchors = [make_anchor(old, i) for i in copies_of(old, "Read the full report here.")]
    # Quote and context cannot tell the copies apart once everything has moved.
    assert [p.sentence for p in reanchor_all(anchors, new)] == [None, None, None]
    placed = reanchor_all(anchors, new, old=old)
    assert [p.sentence for p in placed] == copies_of(new, "Read the full report here.")
    assert {p.method for p in placed} == {Method.ALIGNED}


def test_alignment_picks_the_right_copy_after_a_deletion_between_copies() -> None:
    old = article(COPY, CLAIM, COPY, OTHER, COPY)
    new = article(COPY, COPY, OTHER, COPY)  # the claim between the first two copies went
    first, second, third = (make_anchor(old, i) for i in copies_of(old, COPY.split(". ")[0] + "."))
    placed = reanchor_all([first, second, third], new, old=old)
    assert [p.sentence for p in placed] == copies_of(new, "Read the full report here.")
    gone = make_anchor(old, index_of(old, CLAIM))
    assert reanchor(gone, new, old=old).orphaned


def test_alignment_follows_a_typo_fix_in_one_copy() -> None:
    old = article(COPY, CLAIM, COPY, OTHER)
    second = copies_of(old, "It has all the details and the raw data.")[1]
    edited = COPY.replace("details", "detials")
    new = article(COPY, CLAIM, edited, OTHER)
    placed = reanchor(make_anchor(old, second), new, old=old)
    assert (placed.sentence, placed.method) == (second, Method.ALIGNED)
    assert placed.quote == "It has all the detials and the raw data."
    assert placed.score < 1


def test_alignment_rewritten_sentence_is_still_orphaned() -> None:
    old = article(*PARAGRAPHS)
    i = index_of(old, "Official figures show a drop of 4% over the same period.")
    for rewrite in (
        "Official figures were revised twice in March and again in May.",
        "Official statistics were revised twice in March.",
    ):
        rewritten = PARAGRAPHS[1].replace(
            "Official figures show a drop of 4% over the same period.", rewrite
        )
        new = article(PARAGRAPHS[0], rewritten, *PARAGRAPHS[2:])
        assert reanchor(make_anchor(old, i), new, old=old).orphaned
    numbers = article(PARAGRAPHS[0].replace("40%", "4%"), *PARAGRAPHS[1:])
    assert reanchor(make_anchor(old, 0), numbers, old=old).orphaned


def test_alignment_deleted_copy_of_identical_paragraphs_orphans_rather_than_guesses() -> None:
    old = article(CLAIM, COPY, COPY, OTHER)
    new = article(CLAIM, COPY, OTHER)  # which copy went cannot be known
    anchors = [make_anchor(old, i) for i in copies_of(old, "Read the full report here.")]
    placed = reanchor_all(anchors, new, old=old)
    assert all(p.orphaned for p in placed)


def test_alignment_never_moves_a_deleted_sentence_onto_its_surviving_copy() -> None:
    old = article(COPY, CLAIM, OTHER, COPY)
    new = article(COPY, CLAIM, OTHER)  # the last copy was deleted: unambiguous
    last = make_anchor(old, copies_of(old, "Read the full report here.")[1])
    first = make_anchor(old, 0)
    gone, kept = reanchor_all([last, first], new, old=old)
    assert gone.orphaned
    assert (kept.sentence, kept.method) == (0, Method.ALIGNED)


def test_alignment_keeps_notes_on_a_heading_merged_into_its_paragraph() -> None:
    old = article("Test document title", PARAGRAPHS[0], PARAGRAPHS[1])
    new = article(f"Test document title {PARAGRAPHS[0]}", PARAGRAPHS[1])
    placed = reanchor(make_anchor(old, 0), new, old=old)
    assert placed.sentence == 0
    assert new.sentences[0].text.startswith("Test document title")


def test_alignment_ignores_anchors_not_made_on_the_old_article() -> None:
    old = article(COPY, CLAIM, COPY, OTHER)
    new = article("A new first paragraph.", COPY, CLAIM, COPY, OTHER)
    second = copies_of(old, "Read the full report here.")[1]
    a = make_anchor(old, second)
    stale = Anchor(a.quote, a.prefix, a.suffix, a.position + 1, a.sentence)
    assert reanchor(stale, new, old=old) == reanchor(stale, new)
    elsewhere = Anchor(a.quote, a.prefix, a.suffix, a.position, 0)  # index of another text
    assert reanchor(elsewhere, new, old=old) == reanchor(elsewhere, new)
    orphan = Anchor(a.quote, a.prefix, a.suffix, a.position, None)
    assert reanchor(orphan, new, old=old).method is not Method.ALIGNED


def test_without_old_nothing_is_aligned() -> None:
    old = article(COPY, CLAIM, COPY, OTHER, COPY)
    new = article("An editor's note.", COPY, CLAIM.replace("four", "five"), COPY, OTHER)
    anchors = [make_anchor(old, i) for i in range(len(old.sentences))]
    assert all(p.method is not Method.ALIGNED for p in reanchor_all(anchors, new))
    assert reanchor_all(anchors, new) == [reanchor(a, new) for a in anchors]


def test_alignment_on_a_book_length_article_stays_bounded() -> None:
    paras = [
        f"Paragraph {i} opens with fact number {i * 7}. It continues with claim {i} about "
        f"topic {i % 13}. Finally it ends on note {i}."
        for i in range(10_000)
    ]
    paras[::50] = [COPY] * len(paras[::50])  # a repeated paragraph throughout
    old = article(*paras)
    edited = [
        p.replace("continues", "contiinues") if i % 7 == 0 else p for i, p in enumerate(paras)
    ]
    edited.insert(5000, "An inserted paragraph. With two sentences.")
    del edited[100]
    new = article(*edited)
    step = len(old.sentences) // 40
    anchors = [make_anchor(old, i) for i in range(0, len(old.sentences), step)]
    # and the second sentence of some copies of the repeated paragraph
    anchors += [
        make_anchor(old, s.index + 1)
        for s in old.sentences
        if s.block in (50, 5050) and s.start == 0
    ]
    began = time.perf_counter()
    placements = reanchor_all(anchors, new, old=old)
    elapsed = time.perf_counter() - began
    assert elapsed < 20  # generous: about 0.3 s on a laptop
    # Where each old paragraph went: the insertion came first, then the deletion.
    moved = {p: p + (p >= 5000) - (p >= 100) for p in range(len(paras)) if p != 100}
    first_of: dict[tuple[bool, int], int] = {}
    for is_new, version in ((False, old), (True, new)):
        for s in version.sentences:
            first_of.setdefault((is_new, s.block), s.index)
    for a, p in zip(anchors, placements, strict=True):
        was = old.sentences[a.sentence]
        if was.block == 100:
            assert p.orphaned
            continue
        k = a.sentence - first_of[(False, was.block)]
        assert p.sentence == first_of[(True, moved[was.block])] + k
        assert p.method in (Method.ALIGNED, Method.EXACT)
    # Text rearranged throughout stops at the alignment's budget, not after minutes.
    shuffled = article(*sorted(paras))
    began = time.perf_counter()
    reanchor_all(anchors, shuffled, old=old)
    assert time.perf_counter() - began < 30


def test_alignment_follows_two_lines_joined_into_one_sentence() -> None:
    # A <br> cut a sentence in two; the new extractor keeps it whole (and fixes a typo).
    blocks = (
        Block(BlockKind.PARAGRAPH, CLAIM),
        Block(
            BlockKind.PARAGRAPH, "Duis aute irure dolor in reprehenderit\nin voluptate velit esse."
        ),
        Block(BlockKind.PARAGRAPH, OTHER),
    )
    old = Article(Metadata(title="T"), blocks, segment(blocks))
    assert [s.text for s in old.sentences][1:3] == [
        "Duis aute irure dolor in reprehenderit",
        "in voluptate velit esse.",
    ]
    new = article(CLAIM, "Duis aute irure dolor in reprehendrit in voluptate velit esse.", OTHER)
    placed = reanchor_all([make_anchor(old, 1), make_anchor(old, 2)], new, old=old)
    assert [(p.sentence, p.method) for p in placed] == [(1, Method.ALIGNED)] * 2


def test_alignment_keeps_a_deleted_line_off_the_sentence_that_held_its_words() -> None:
    tail = " Duis aute irure dolor in reprehenderit."
    head = "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris ex ea commodo"
    lines, whole = f"{head}\nconsequat.{tail}", f"{head} consequat.{tail}"
    blocks = tuple(Block(BlockKind.PARAGRAPH, t) for t in (CLAIM, lines, OTHER, whole))
    old = Article(Metadata(title="T"), blocks, segment(blocks))
    gone = make_anchor(old, index_of(old, "consequat."))
    new = article(CLAIM, OTHER, whole)  # the paragraph with the line break was deleted
    # Quote and context alone find the same words inside the other paragraph's sentence,
    # but there they no longer start a line: the same words laid out otherwise, far from
    # where the note was, are no evidence.
    assert reanchor(gone, new).orphaned
    assert reanchor(gone, new, old=old).orphaned


def test_alignment_a_sentence_joined_to_a_rewritten_neighbour_is_not_a_merge() -> None:
    para = "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut."
    blocks = tuple(Block(BlockKind.PARAGRAPH, t) for t in (CLAIM, para, "List of images", OTHER))
    old = Article(Metadata(title="T"), blocks, segment(blocks))
    listed = make_anchor(old, index_of(old, "List of images"))
    new = article(CLAIM, f"{para} List elit minim dolor.", OTHER)
    assert reanchor(listed, new, old=old).orphaned


LINK_LINES = ["Links", *["link"] * 8, "Images"]


def test_alignment_two_identical_lines_rewritten_in_place() -> None:
    old = article(CLAIM, *LINK_LINES, OTHER)
    lines = list(LINK_LINES)
    lines[1:3] = ["Aliqua nisi aute ipsum.", "Link nisi commodo culpa."]
    new = article(CLAIM, *lines, OTHER)
    anchors = [make_anchor(old, i) for i in copies_of(old, "link")]
    placed = reanchor_all(anchors, new, old=old)
    assert [p.sentence for p in placed] == [None, None, *copies_of(new, "link")]


def test_alignment_identical_lines_some_joined() -> None:
    old = article(CLAIM, *LINK_LINES, OTHER)
    lines = [*LINK_LINES[:5], "link link", "link link", LINK_LINES[-1]]
    new = article(CLAIM, *lines, OTHER)
    anchors = [make_anchor(old, i) for i in copies_of(old, "link")]
    placed = reanchor_all(anchors, new, old=old)
    singles, joined = copies_of(new, "link"), copies_of(new, "link link")
    assert [p.sentence for p in placed] == [*singles, joined[0], joined[0], joined[1], joined[1]]


# Anchors only: the same words laid out otherwise, or an edit with nothing around it that
# agrees, are no evidence of the noted sentence (a copy cut up by <br>s, a rewritten line).

LEAD = "The committee met on Tuesday to review the budget for the coming year."
UT = "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris ex ea commodo"
DUIS = "Duis aute irure dolor in reprehenderit in voluptate velit esse"
CILLUM = "cillum dolore eu fugiat nulla pariatur."


def test_exact_match_across_a_paragraph_break_is_orphaned() -> None:
    old = article(LEAD, f"{UT} consequat. {DUIS}.", OTHER)
    noted = make_anchor(old, index_of(old, f"{UT} consequat."))
    # The noted paragraph is gone; a copy that <br>s cut into two paragraphs remains.
    new = article(LEAD, UT, f"consequat. {DUIS}.", OTHER)
    assert reanchor(noted, new).orphaned


def test_words_inside_a_sentence_with_line_breaks_changed_on_both_sides_are_orphaned() -> None:
    old = article(LEAD, f"{UT} consequat. {DUIS}", f"{CILLUM} {OTHER}")
    noted = make_anchor(old, index_of(old, DUIS))
    # Another copy: a line break before the words, none after them.
    new = article(LEAD, UT, f"consequat. {DUIS} {CILLUM} {OTHER}")
    assert reanchor(noted, new).orphaned


def test_a_line_merged_into_a_sentence_far_from_its_place_is_orphaned() -> None:
    filler = " ".join([LEAD] * 4)
    old = article(filler, f"{UT} consequat. {DUIS}", f"{CILLUM} {OTHER}")
    noted = make_anchor(old, index_of(old, CILLUM))
    moved = article(f"{UT} consequat. {DUIS} {CILLUM} {OTHER}", filler)
    assert reanchor(noted, moved).orphaned
    # Merged in place (another extractor joining the two paragraphs) it stays.
    merged = article(filler, f"{UT} consequat. {DUIS} {CILLUM} {OTHER}")
    placed = reanchor(noted, merged)
    assert placed.sentence == index_of(merged, f"{DUIS} {CILLUM}")


def test_copies_laid_out_like_the_noted_sentence_win_over_the_others() -> None:
    old = article(LEAD, DUIS, f"{CILLUM} {OTHER}")
    noted = make_anchor(old, index_of(old, CILLUM))
    # A paragraph joining the same words now sits where the noted line was; the line
    # itself, still after its own line break, moved down.
    lead = LEAD[:-1] + "!!!"
    new = article(f"{lead} {DUIS} {CILLUM} {OTHER}", CLAIM, DUIS, f"{CILLUM} {OTHER}")
    assert new.text.index(CILLUM) == noted.position
    placed = reanchor(noted, new)
    assert (placed.sentence, placed.method) == (index_of(new, CILLUM), Method.HINT)


def test_fuzzy_match_with_context_changed_on_both_sides_is_orphaned() -> None:
    code = [
        'var req = new Request("/index.html");',
        'console.log(req.method); // "GET"',
        'console.log(req.url); // "http://example.com/index.html"',
    ]
    copy = [line.replace("req", "copy") for line in code]
    old = article(LEAD, *code, CLAIM, *copy, OTHER)
    noted = make_anchor(old, index_of(old, copy[2]))
    # The second snippet was rewritten; the first one reads like it but for a word.
    new = article(LEAD, *code, CLAIM, "var copy = req.clone();", OTHER)
    assert reanchor(noted, new).orphaned


def test_fuzzy_match_that_lost_its_end_needs_context_there() -> None:
    old = article(LEAD, f"{UT} consequat. {DUIS}.", OTHER)
    noted = make_anchor(old, index_of(old, f"{UT} consequat."))
    # The noted paragraph is gone; a copy with a typo was cut after "commodo" by a <br>,
    # and a heading-like line follows it.
    typo = UT.replace("veniam", "veneam")
    new = article(LEAD, typo, "Foo", f"{CILLUM}", OTHER)
    assert reanchor(noted, new).orphaned
    # A typo fix in place, context unchanged, still follows the sentence.
    fixed = article(LEAD, f"{typo} consequat. {DUIS}.", OTHER)
    assert reanchor(noted, fixed).sentence == index_of(fixed, f"{typo} consequat.")


def test_edited_copy_laid_out_otherwise_far_away_is_orphaned() -> None:
    filler = [" ".join([LEAD] * 3)] * 4
    noted_text = f"{DUIS} {CILLUM}"
    old = article(LEAD, UT, f"consequat. {noted_text}", OTHER, *filler)
    noted = make_anchor(old, index_of(old, noted_text))
    # The noted paragraph is gone; far down, a copy with a typo that no <br> cut up.
    typo = noted_text.replace("reprehenderit", "reprehenerit")
    new = article(LEAD, *filler, f"{UT} consequat. {typo}", OTHER)
    assert reanchor(noted, new).orphaned
    # The same typo fix in place still follows the sentence.
    fixed = article(LEAD, UT, f"consequat. {typo}", OTHER, *filler)
    assert reanchor(noted, fixed).sentence == index_of(fixed, typo)
