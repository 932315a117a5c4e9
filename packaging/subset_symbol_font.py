"""Make `resources/fonts/Symbola-subset.ttf`, the monochrome fallback for emoji and symbols.

Run by hand when the font changes, not at build or run time (fontTools is not a dependency):

    uv run --with 'fonttools>=4.40' python packaging/subset_symbol_font.py \
        /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf

The source is Symbola 2.60 by George Douros (Debian's `fonts-symbola`), whose licence reads
"Fonts are free for any use; they may be opened, edited, modified, regenerated, packaged and
redistributed." Only the symbol and emoji blocks are kept, without hinting (the glyphs are
drawn at text size where hinting matters little): 3.2 MB becomes 1.3 MB.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts" / "Symbola-subset.ttf"

# Blocks where emoji and pictographic symbols live; letters stay with the reading font.
RANGES = (
    (0x2190, 0x23FF),  # arrows, mathematical operators, miscellaneous technical
    (0x2460, 0x27BF),  # enclosed alphanumerics, box drawing, shapes, symbols, dingbats
    (0x2900, 0x2BFF),  # supplemental arrows, miscellaneous symbols and arrows
    (0x1F000, 0x1FAFF),  # mahjong, cards, enclosed, pictographs, emoticons, transport...
)


def main(source: str) -> None:
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep copyright and licence strings in the file
    options.notdef_outline = True
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[cp for lo, hi in RANGES for cp in range(lo, hi + 1)])
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(OUT), options)
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
