"""Make the Windows .ico and the macOS .icns from the one source image.

    uv run --group packaging python packaging/icons.py [OUT_DIR]   # default build/icons

The source is resources/icons/gloss.png (1024 x 1024, drawn by make_source_icon.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "gloss.png"
DEFAULT_OUT = ROOT / "build" / "icons"

# Windows picks the nearest of these for title bars, the taskbar, Explorer and shortcuts.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
# Pillow writes the standard icns members (16 to 512 px at 1x and 2x) from one big image.
ICNS_MIN_SOURCE = 1024


def load_source(source: Path = SOURCE) -> Image.Image:
    image = Image.open(source)
    image.load()
    if image.size != (ICNS_MIN_SOURCE, ICNS_MIN_SOURCE):
        raise SystemExit(f"{source} is {image.size}, expected 1024 x 1024")
    return image.convert("RGBA")


def make_ico(image: Image.Image, out: Path) -> Path:
    path = out / "gloss.ico"
    image.save(path, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    return path


def make_icns(image: Image.Image, out: Path) -> Path:
    path = out / "gloss.icns"
    image.save(path, format="ICNS")
    return path


def build(out: Path = DEFAULT_OUT, source: Path = SOURCE) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    image = load_source(source)
    return make_ico(image, out), make_icns(image, out)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    for path in build(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
