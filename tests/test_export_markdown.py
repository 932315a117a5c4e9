from __future__ import annotations

from reader.core.export import ArticleInfo, article_markdown, library_markdown
from reader.core.export.markdown import blockquote, escape, link
from reader.core.model import Note, Source, Verdict

INFO = ArticleInfo(
    7,
    "Jobs *report* [draft]",
    "https://news.example.com/jobs",
    "A. Writer",
    "News",
    "2026-03-01T08:00:00Z",
)


def note(uuid: str, sentence: int | None, quote: str, **changes) -> Note:
    fields = dict(
        uuid=uuid,
        article_id=7,
        sentence=sentence,
        quote=quote,
        prefix="",
        suffix="",
        position=None if sentence is None else 10 * sentence,
        text="",
        verdict=Verdict.NONE,
        sources=(),
        tags=(),
        created="2026-03-02T10:00:00Z",
        updated="2026-03-02T10:00:00Z",
    )
    fields.update(changes)
    return Note(**fields)


TRICKY = "He wrote > 3 *stars* and [links](x)\n- not a list\n1. not a list either\n# no heading"


def test_header_lines() -> None:
    md = article_markdown(INFO, [])
    lines = md.splitlines()
    assert lines[0] == r"# Jobs \*report\* [draft]"  # "[draft]" alone cannot be a link
    assert lines[2] == "By A. Writer · News · 2026-03-01  "
    assert lines[3] == "<https://news.example.com/jobs>"
    assert "*No notes.*" in md


def test_tricky_quote_is_escaped_and_stays_one_block_quote() -> None:
    md = blockquote(TRICKY)
    lines = md.splitlines()
    assert len(lines) == 4 and all(line.startswith("> ") for line in lines)
    assert lines[0] == r"> He wrote > 3 \*stars\* and \[links](x)"
    assert lines[1] == r"> \- not a list"
    assert lines[2] == r"> 1\. not a list either"
    assert lines[3] == r"> \# no heading"


def test_blank_lines_inside_a_quote_do_not_end_it() -> None:
    assert blockquote("one\n\ntwo") == "> one\n>\n> two"


def test_obsidian_specials() -> None:
    assert escape("costs $5 and ==highlight== %%c%% a|b ~~s~~") == (
        r"costs $5 and \=\=highlight\=\= \%\%c\%\% a|b \~\~s\~\~"
    )
    assert escape("40% = forty") == "40% = forty"  # single ones are left readable


def test_links_survive_spaces_and_parentheses() -> None:
    assert link("https://x.example/a b(c)", "T [1]") == r"[T \[1\]](<https://x.example/a b(c)>)"
    assert link("https://x.example/<x>") == r"[https://x.example/\<x>](<https://x.example/%3Cx%3E>)"


def test_notes_grouped_under_their_sentence_in_reading_order() -> None:
    notes = [
        note("b", 5, "Second sentence.", text="Later note.", verdict=Verdict.TRUE),
        note(
            "a",
            2,
            TRICKY,
            text="The figure is **for 2019**.",
            verdict=Verdict.MISLEADING,
            sources=(Source("https://stats.example/t", "Stats table"), Source("https://b.example")),
            tags=("economy", "jobs report"),
        ),
        note("c", 2, TRICKY, text="A second note on the same sentence."),
        note("d", None, "A sentence that was deleted.", text="Orphan text."),
    ]
    md = article_markdown(INFO, notes)
    assert md.count("> He wrote") == 1  # one quote for both notes on sentence 2
    assert md.index("He wrote") < md.index("A second note") < md.index("Second sentence.")
    assert "**Misleading** · #economy, *jobs report*" in md
    assert "The figure is **for 2019**." in md  # the note's own Markdown is kept
    assert "Sources: [Stats table](<https://stats.example/t>), " in md
    assert "[https://b.example](<https://b.example>)" in md
    orphans = md.index("## Notes no longer found in the article")
    assert orphans < md.index("> A sentence that was deleted.") < md.index("Orphan text.")
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_library_has_a_top_heading_and_article_subheadings() -> None:
    other = ArticleInfo(8, "Second article")
    md = library_markdown([(INFO, [note("a", 1, "Q.")]), (other, [])], title="My notes")
    assert md.startswith("# My notes\n")
    assert "\n## Jobs \\*report\\* [draft]\n" in md
    assert "\n## Second article\n" in md
    assert "\n# " not in md[1:]
