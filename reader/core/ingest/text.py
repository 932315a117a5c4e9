"""Plain text and Markdown files to blocks."""

from __future__ import annotations

import re

from ..model import Block, BlockKind, Metadata

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+•]|(\d+)[.)])\s+(.*)$")


def text_blocks(text: str, markdown: bool, fallback_title: str) -> tuple[Metadata, list[Block]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    blocks: list[Block] = []
    for para in paragraphs:
        lines = para.split("\n")
        heading = _HEADING.match(lines[0]) if markdown else None
        if heading and len(lines) == 1:
            blocks.append(Block(BlockKind.HEADING, heading.group(2), level=len(heading.group(1))))
        elif all(_LIST.match(line) for line in lines):
            for line in lines:
                m = _LIST.match(line)
                assert m is not None
                number = int(m.group(1)) if m.group(1) else None
                blocks.append(
                    Block(
                        BlockKind.LIST_ITEM,
                        m.group(2).strip(),
                        level=1,
                        ordered=number is not None,
                        number=number,
                    )
                )
        elif markdown and all(line.startswith(">") for line in lines):
            body = " ".join(line.lstrip(">").strip() for line in lines)
            blocks.append(Block(BlockKind.QUOTE, body))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(line.strip() for line in lines)))
    title = fallback_title
    if blocks and blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1:
        title = blocks.pop(0).text
    elif (
        blocks
        and not markdown
        and len(blocks[0].text) < 120
        and len(blocks) > 1
        and not (blocks[0].text.endswith((".", "!", "?")))
    ):
        title = blocks.pop(0).text  # a short first line without a full stop reads as a title
    return Metadata(title=title), blocks
