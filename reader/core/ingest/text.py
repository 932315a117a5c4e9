"""Plain text files to blocks: paragraphs at blank lines, simple bullet lists."""

from __future__ import annotations

import re

from ..model import Block, BlockKind, Metadata

_LIST = re.compile(r"^\s*(?:[-*+•]|(\d+)[.)])\s+(.*)$")


def text_blocks(text: str, fallback_title: str) -> tuple[Metadata, list[Block]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    blocks: list[Block] = []
    for para in paragraphs:
        lines = para.split("\n")
        items = [_LIST.match(line) for line in lines]
        if all(items):
            for m in items:
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
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(line.strip() for line in lines)))
    title = fallback_title
    if (
        len(blocks) > 1
        and blocks[0].kind is BlockKind.PARAGRAPH
        and len(blocks[0].text) < 120
        and not blocks[0].text.endswith((".", "!", "?", ":", ";", ","))
    ):
        title = blocks.pop(0).text  # a short first line without a full stop reads as a title
    return Metadata(title=title), blocks
