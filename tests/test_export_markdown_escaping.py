"""One escaping policy for the Markdown export: titles, quotes, notes and sources get the
escapes a renderer needs, and no others ("$6 billion" reads `$6 billion` in the file)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.core.export import ArticleInfo, article_markdown
from reader.core.export.escaping import could_be_math, escape, escape_line_start
from reader.core.export.safe_markdown import note_markdown
from reader.core.model import Note, Source, Verdict

VIEWER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# What a math-rendering viewer (GitHub, Obsidian) takes as inline math: `$x…y$`, the
# opener followed and the closer preceded by a non-space, the closer not before a digit.
MATH = re.compile(r"(?<!\\)\$(?=\S)(?:[^$\\]|\\.)*?(?<=[^\s\\])\$(?!\d)")

MONEY = "Spending hit $6 billion, up from $5 billion"


def note(text: str = "", quote: str = MONEY + ".", **changes) -> Note:
    fields = dict(
        uuid="n1",
        article_id=1,
        sentence=0,
        quote=quote,
        prefix="",
        suffix="",
        position=0,
        text=text,
        verdict=Verdict.FALSE,
        sources=(Source("https://stats.example/t", "The $6 billion table"),),
        tags=(),
        created="2026-03-02T10:00:00Z",
        updated="2026-03-02T18:00:00Z",
    )
    fields.update(changes)
    return Note(**fields)


def rendered_text(markdown: str) -> str:
    """The words a viewer shows for one paragraph of Markdown."""
    out = []
    for token in VIEWER.parse(markdown):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append("\n")
            elif child.type not in ("text",):
                out.append(f"<{child.type}>")
    return "".join(out)


def test_money_reads_as_written_in_title_quote_note_and_source() -> None:
    info = ArticleInfo(1, MONEY, "https://news.example/a", "A. Writer", "News $ Co")
    md = article_markdown(info, [note(f"{MONEY}: the report says $6 million.")])
    assert "\\$" not in md
    assert f"# {MONEY}\n" in md
    assert f"> {MONEY}.\n" in md
    assert f"\n{MONEY}: the report says $6 million.\n" in md
    assert "[The $6 billion table](<https://stats.example/t>)" in md
    assert not MATH.search(md)


def test_dollars_that_could_pair_into_math_are_escaped_everywhere() -> None:
    pair = "priced between $5 and 6$ a unit"
    info = ArticleInfo(1, pair, "https://news.example/a")
    md = article_markdown(info, [note(f"Not **{pair}**.", quote=pair)])
    assert not MATH.search(md), md
    assert md.count(r"between \$5 and 6\$") == 3  # title, quote and the note
    assert "Not **priced between \\$5 and 6\\$ a unit**." in md  # the note's Markdown stays
    assert could_be_math("$x$") and could_be_math("$$") and not could_be_math(MONEY)


def test_text_that_cannot_be_markup_is_left_alone() -> None:
    for text in (
        "AT&T",
        "5 * 3 = 15",
        "snake_case_name",
        "a < b > c",
        "ranked #1",
        "~5 million",
        r"C:\Users",
        "40% of 1 == 1",
        "[sic]",
        "x | y",
        "-5% and +3",
    ):
        assert escape_line_start(escape(text)) == text, text


def test_text_that_could_be_markup_is_escaped() -> None:
    assert escape("**bold** and _em_") == r"\*\*bold\*\* and \_em\_"
    assert escape("[a](https://x.example)") == r"\[a](https://x.example)"
    assert escape("<b>hi</b> &amp;") == r"\<b>hi\</b> \&amp;"
    assert escape("#tag ~~gone~~ `code`") == r"\#tag \~\~gone\~\~ \`code\`"
    assert escape("==hi== %%c%%") == r"\=\=hi\=\= \%\%c\%\%"
    assert escape_line_start("# heading") == r"\# heading"
    assert escape_line_start("> quote") == r"\> quote"
    assert escape_line_start("1. item") == r"1\. item"
    assert escape_line_start("---") == r"\---"


SPECIALS = st.sampled_from(
    [*"$*_~`<>&#[]()!\\|=%-+.: 1aZ", "$6", "6$", "&amp;", "<b>", "](", "[[", "==", "%%", "**"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(SPECIALS, min_size=1, max_size=30).map("".join))
def test_any_escaped_text_renders_as_itself(text: str) -> None:
    text = " ".join(text.split())
    if not text:
        return
    shown = rendered_text(escape_line_start(escape(text)))
    assert shown == text
    assert not MATH.search(escape(text))


def test_a_note_with_math_pairs_is_rewritten_with_dollars_escaped() -> None:
    assert note_markdown("Costs $5 and 6$.") == r"Costs \$5 and 6\$."
    assert note_markdown("Costs $5, not `$6$`.") == "Costs $5, not `$6$`."  # code is code
    assert note_markdown(f"{MONEY}.") == f"{MONEY}."


def test_each_note_carries_its_dates_and_the_checkers_name() -> None:
    info = ArticleInfo(1, "T", "https://news.example/a")
    same_day = article_markdown(info, [note("x")], checker="Jane Doe")
    assert "\n*2026-03-02 · checked by Jane Doe*\n" in same_day
    later = note("x", updated="2026-03-04T09:00:00Z")
    md = article_markdown(info, [later], checker="")
    assert "\n*2026-03-02, updated 2026-03-04*\n" in md
    assert "checked by" not in md
    assert "checked by J\\*ane\\*" in article_markdown(info, [note("x")], checker="J*ane*")


def test_sources_of_every_kind_read_as_links_or_words() -> None:
    sources = (
        Source(doi="10.1234/abc.5", title="The $6 study"),
        Source(text="Phone interview with the lab, 3 Feb 2025"),
    )
    md = article_markdown(ArticleInfo(1, "T"), [note("x", sources=sources)])
    assert (
        "Sources: [The $6 study](<https://doi.org/10.1234/abc.5>), "
        "Phone interview with the lab, 3 Feb 2025\n"
    ) in md


def test_a_source_stays_on_its_line_and_its_link_whole() -> None:
    from markdown_it import MarkdownIt

    viewer = MarkdownIt("commonmark")
    for url in ("]([\n", "http://e.org`]("):  # found by the safety properties
        md = article_markdown(
            ArticleInfo(1, "T", "https://e.org/" + url), [note("x", sources=(Source(url, url),))]
        )
        line = next(x for x in md.splitlines() if x.startswith("Sources: "))
        inline = next(t for t in viewer.parse(line) if t.type == "inline")
        hrefs = [c.attrs["href"] for c in inline.children or [] if c.type == "link_open"]
        assert all(h.startswith("http://e.org") for h in hrefs), (line, hrefs)
        assert "code_inline" not in [c.type for c in inline.children or []]
