from __future__ import annotations

import pytest

from reader.core.model import Block, BlockKind, Mark, Verdict, block_offsets, plain_text


def test_block_json_round_trip_keeps_every_field() -> None:
    block = Block(
        BlockKind.LIST_ITEM,
        "Read the statement online.",
        level=2,
        ordered=True,
        number=3,
        marks=(Mark(9, 18, "link", "https://example.org/s"), Mark(0, 4, "em")),
        image=None,
        alt="",
    )
    assert Block.from_json(block.to_json()) == block
    table = Block(BlockKind.TABLE, "a | b\nc | d", rows=(("a", "b"), ("c", "d")))
    assert Block.from_json(table.to_json()) == table


def test_plain_text_and_block_offsets_agree() -> None:
    blocks = [
        Block(BlockKind.HEADING, "Title"),
        Block(BlockKind.FIGURE, "", image="x.png"),
        Block(BlockKind.PARAGRAPH, "One. Two."),
    ]
    text = plain_text(blocks)
    offsets = block_offsets(blocks)
    assert offsets == [0, None, 7]
    assert text[7:16] == "One. Two."


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("false", Verdict.FALSE),
        ("Mostly True", Verdict.MOSTLY_TRUE),
        ("mostly_true", Verdict.MOSTLY_TRUE),
        ("", Verdict.NONE),
        (None, Verdict.NONE),
    ],
)
def test_verdict_parse(raw: str | None, verdict: Verdict) -> None:
    assert Verdict.parse(raw) is verdict


def test_unknown_verdict_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown verdict 'sorta'"):
        Verdict.parse("sorta")


def test_worst_verdict_orders_false_first() -> None:
    ranked = sorted(Verdict, key=lambda v: v.severity)
    assert ranked[0] is Verdict.FALSE
    assert ranked.index(Verdict.MISLEADING) < ranked.index(Verdict.TRUE)
