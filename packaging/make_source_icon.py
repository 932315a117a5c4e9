"""Draw Gloss's app icon, resources/icons/gloss.png (1024 x 1024), with Pillow.

The picture: a page of text on a deep blue tile, one line marked with a highlighter (the
sentence you are checking) and a round green badge with a tick. Drawn at 4x and scaled
down for smooth edges. Run it again only to change the design:

    uv run --group packaging python packaging/make_source_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

SIZE = 1024
SCALE = 4
OUT = Path(__file__).resolve().parent.parent / "resources" / "icons" / "gloss.png"

TILE_TOP = (34, 72, 128)
TILE_BOTTOM = (22, 44, 86)
PAGE = (250, 248, 242)
INK = (120, 128, 140)
HIGHLIGHT = (255, 196, 61)
BADGE = (46, 160, 103)
WHITE = (255, 255, 255)


def _s(v: float) -> int:
    return round(v * SCALE)


def _box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
    return (_s(x0), _s(y0), _s(x1), _s(y1))


def draw() -> Image.Image:
    big = SIZE * SCALE
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))

    # The tile: a rounded square (macOS-style margins) filled with a vertical gradient.
    margin, radius = 100, 185
    gradient = Image.new("RGBA", (1, big))
    for y in range(big):
        t = y / (big - 1)
        rgb = [round(a + (b - a) * t) for a, b in zip(TILE_TOP, TILE_BOTTOM, strict=True)]
        gradient.putpixel((0, y), (*rgb, 255))
    gradient = gradient.resize((big, big))
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        _box(margin, margin, SIZE - margin, SIZE - margin), _s(radius), fill=255
    )
    img.paste(gradient, (0, 0), mask)

    # A soft shadow under the page.
    shadow = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    ImageDraw.Draw(shadow).rounded_rectangle(_box(262, 222, 778, 862), _s(36), fill=(0, 0, 0, 110))
    shadow = shadow.filter(ImageFilter.GaussianBlur(_s(18)))
    img.alpha_composite(shadow)

    d = ImageDraw.Draw(img)
    d.rounded_rectangle(_box(250, 200, 766, 840), _s(36), fill=PAGE)

    # Lines of text; the fourth one is the highlighted sentence.
    left, right, top, gap, thick = 318, 698, 288, 78, 26
    widths = [1.0, 0.92, 0.97, 0.80, 0.94, 0.62, 0.88]
    for i, w in enumerate(widths):
        y = top + i * gap
        x1 = left + (right - left) * w
        if i == 3:
            d.rounded_rectangle(
                _box(left - 22, y - 22, x1 + 22, y + thick + 22), _s(14), fill=HIGHLIGHT
            )
            d.rounded_rectangle(_box(left, y, x1, y + thick), _s(thick / 2), fill=(92, 70, 20))
        else:
            d.rounded_rectangle(_box(left, y, x1, y + thick), _s(thick / 2), fill=INK)

    # The badge with a tick, overlapping the page's lower right corner.
    cx, cy, r = 716, 760, 128
    d.ellipse(_box(cx - r - 14, cy - r - 14, cx + r + 14, cy + r + 14), fill=PAGE)
    d.ellipse(_box(cx - r, cy - r, cx + r, cy + r), fill=BADGE)
    tick = [(cx - 62, cy + 4), (cx - 18, cy + 50), (cx + 66, cy - 48)]
    d.line([(_s(x), _s(y)) for x, y in tick], fill=WHITE, width=_s(34), joint="curve")
    for x, y in (tick[0], tick[-1]):
        d.ellipse(_box(x - 17, y - 17, x + 17, y + 17), fill=WHITE)

    return img.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    draw().save(out, optimize=True)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
