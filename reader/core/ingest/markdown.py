"""Markdown files to blocks, through markdown-it-py's token stream (CommonMark + tables).

Tokens map straight onto blocks, so nothing is rendered to HTML and extracted again.
A large file is parsed in pieces (markdown_chunks.py) so that memory stays flat.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..model import Block, BlockKind, Mark, Metadata
from .long_tables import cap_markdown_tables
from .markdown_chunks import CHUNK_CHARS, MAX_INLINE_CHARS, chunks

_MARKS = {"em": "em", "strong": "strong", "s": "em"}


def markdown_blocks(
    text: str, fallback_title: str, chunk_chars: int = CHUNK_CHARS
) -> tuple[Metadata, list[Block]]:
    md = MarkdownIt("commonmark").enable("table")
    md.core.ruler.at("inline", _bounded_inline)
    text = cap_markdown_tables(text)
    env: dict[str, Any] = {}
    if len(text) > chunk_chars:
        # A [label]: url definition applies to every piece. markdown-it's own block pass
        # finds them (not inside code, never interrupting a paragraph) into `env`; with
        # the inline rule off it keeps no per-word tokens.
        definitions = MarkdownIt("commonmark").enable("table").disable("inline")
        for piece in chunks(text, chunk_chars):
            definitions.parse(piece, env)
    blocks: list[Block] = []
    for piece in chunks(text, chunk_chars):
        blocks.extend(_token_blocks(md.parse(piece, env)))
    title = fallback_title
    if blocks and blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1:
        title = blocks.pop(0).text or fallback_title  # "# " alone is an empty heading
    return Metadata(title=title), blocks


def _bounded_inline(state: StateCore) -> None:
    """markdown-it's own inline rule, except that a paragraph too long to parse in
    reasonable time is kept as typed."""
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if len(token.content) > MAX_INLINE_CHARS:
            text = Token("text", "", 0)
            text.content = token.content
            token.children.append(text)
        else:
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _token_blocks(tokens: list[Token]) -> list[Block]:
    blocks: list[Block] = []
    lists: list[list[int | bool]] = []  # per open list: [ordered, next number]
    quote_depth = 0
    in_item = 0
    item_started = False
    row: list[str] = []
    rows: list[tuple[str, ...]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            text, marks = _inline(tokens[i + 1])
            blocks.append(Block(BlockKind.HEADING, text, level=int(tok.tag[1]), marks=marks))
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = tok.attrGet("start")
            lists.append([kind == "ordered_list_open", int(start) if start else 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            in_item += 1
            item_started = False
        elif kind == "list_item_close":
            in_item -= 1
            lists[-1][1] = int(lists[-1][1]) + 1
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "paragraph_open":
            text, marks = _inline(tokens[i + 1])
            if lists and in_item and not item_started:
                ordered, number = bool(lists[-1][0]), int(lists[-1][1])
                blocks.append(
                    Block(
                        BlockKind.LIST_ITEM,
                        text,
                        level=len(lists),
                        ordered=ordered,
                        number=number if ordered else None,
                        marks=marks,
                    )
                )
                item_started = True
            else:
                kind_ = BlockKind.QUOTE if quote_depth else BlockKind.PARAGRAPH
                blocks.append(Block(kind_, text, marks=marks))
            i += 3
            continue
        elif kind in ("fence", "code_block"):
            blocks.append(Block(BlockKind.CODE, tok.content.rstrip("\n")))
        elif kind == "tr_open":
            row = []
        elif kind == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            row.append(_inline(tok)[0])
        elif kind == "tr_close":
            rows.append(tuple(row))
        elif kind == "table_close":
            text = "\n".join(" | ".join(r) for r in rows)
            blocks.append(Block(BlockKind.TABLE, text, rows=tuple(rows)))
            rows = []
        elif kind == "html_block":
            # Raw HTML in a Markdown file: keep what it says, not its tags.
            text = _html_text(tok.content)
            if text:
                blocks.append(Block(BlockKind.PARAGRAPH, text))
        i += 1
    return blocks


def _html_text(markup: str) -> str:
    if not markup.strip() or markup.lstrip().startswith("<!--"):
        return ""
    try:
        fragment = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for el in fragment.iter("script", "style"):
        el.drop_tree()
    return " ".join(fragment.text_content().split())


def _inline(token: Token) -> tuple[str, tuple[Mark, ...]]:
    """The text of an inline token and the marks (emphasis, code, links) over it."""
    parts: list[str] = []
    marks: list[Mark] = []
    open_at: list[tuple[str, int, str | None]] = []
    length = 0
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "html_inline"):
            piece = child.content
        elif kind == "code_inline":
            marks.append(Mark(length, length + len(child.content), "code"))
            piece = child.content
        elif kind in ("softbreak", "hardbreak"):
            piece = " "
        elif kind == "image":
            piece = child.content  # the alt text stands in for a picture we do not have
        elif kind.endswith("_open"):
            name = kind[: -len("_open")]
            href = child.attrGet("href") if name == "link" else None
            open_at.append((name, length, str(href) if href is not None else None))
            continue
        elif kind.endswith("_close") and open_at:
            name, start, href = open_at.pop()
            mark = "link" if name == "link" else _MARKS.get(name)
            if mark and length > start:
                marks.append(Mark(start, length, mark, href))
            continue
        else:
            continue
        parts.append(piece)
        length += len(piece)
    return "".join(parts), tuple(marks)
