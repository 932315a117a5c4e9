"""The hand-written gold sentence sets in `tests/sentences_*_gold.txt`, read the same way
by the tests and by bench/sentences.py."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent
GOLD_FILES = ("sentences_news_gold.txt", "sentences_web_gold.txt", "sentences_mixed_gold.txt")


def gold_paragraphs(name: str) -> list[list[str]]:
    """One sentence a line, a blank line between paragraphs, "#" lines are comments."""
    paragraphs: list[list[str]] = [[]]
    for line in (FOLDER / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]
