"""Time and peak memory of importing hostile files: huge, deep, giant inline pictures.

    uv run python bench/hostile_input.py [--only NAME] [--scale 1.0]

Each case is generated into a temporary folder, then read by `load_file` (what
`gloss import` and `gloss extract` do for each file, short of writing to a library) in a
fresh process, so that its peak resident memory is its own (VmHWM). A case
prints its size, the time `load_file` took, the peak memory of the whole process
(Python and lxml included, ~60 MB at rest) and what came out: the number of blocks and
sentences and whether the article's closing paragraph survived, or the one-line reason
it was refused. The goal from issue 12: every case under 30 s and 1 GB.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLOSING = "The closing paragraph of the article is still here."
MB = 1024 * 1024
WORDS = (
    "the tide moon shore water rises falls every day people watch boats harbour sailors "
    "wind storm lamp keeper letter winter spring light rock wave"
).split()


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."


def _prose(rng: random.Random, size: int, para: Callable[[str], str]) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        piece = para(" ".join(_sentence(rng) for _ in range(6)))
        parts.append(piece)
        total += len(piece)
    return "".join(parts)


def markdown_table(size: int) -> tuple[str, bytes]:
    rows = []
    total = i = 0
    while total < size:
        row = f"| {i} | row {i} | value {i % 97} |\n"
        rows.append(row)
        total += len(row)
        i += 1
    text = (
        f"# A table\n\nIntro.\n\n| id | name | value |\n|---|---|---|\n{''.join(rows)}\n{CLOSING}\n"
    )
    return ".md", text.encode()


def markdown_prose(size: int) -> tuple[str, bytes]:
    rng = random.Random(1)
    body = _prose(
        rng, size, lambda p: f"{p} Some *emphasis* and a [link](https://example.org/x).\n\n"
    )
    return ".md", f"# Prose\n\n{body}{CLOSING}\n".encode()


def markdown_links(size: int) -> tuple[str, bytes]:
    """Prose where every few words are a link, emphasis or code: the most tokens per MB."""
    rng = random.Random(6)
    marked = ["*wind*", "**storm**", "`code`", "[link](https://example.org/a)", *WORDS]
    parts = ["# Links\n\n"]
    total = 0
    while total < size:
        para = " ".join(rng.choice(marked) for _ in range(90)) + ".\n\n"
        parts.append(para)
        total += len(para)
    return ".md", ("".join(parts) + f"{CLOSING}\n").encode()


def markdown_brackets(size: int) -> tuple[str, bytes]:
    """One paragraph of unclosed image links: markdown-it's slowest inline input."""
    return ".md", ("# Brackets\n\n" + "![a](" * (size // 5) + f"\n\n{CLOSING}\n").encode()


def html_table(size: int) -> tuple[str, bytes]:
    rows = []
    total = i = 0
    while total < size:
        row = f"<tr><td>{i}</td><td>row {i}</td><td>{i % 97}</td></tr>\n"
        rows.append(row)
        total += len(row)
        i += 1
    page = (
        "<html><head><title>A table</title></head><body><article><p>Intro paragraph.</p>"
        f"<table>{''.join(rows)}</table><p>{CLOSING}</p></article></body></html>"
    )
    return ".html", page.encode()


def html_prose(size: int) -> tuple[str, bytes]:
    rng = random.Random(2)
    body = _prose(
        rng, size, lambda p: f"<p>{p} With <em>emphasis</em> and <a href='/x'>a link</a>.</p>\n"
    )
    page = (
        "<html><head><title>Prose</title></head><body><article>"
        f"{body}<p>{CLOSING}</p></article></body></html>"
    )
    return ".html", page.encode()


def _png(width: int, height: int) -> bytes:
    """A real PNG of random pixels (so it does not compress), stored without zlib effort."""
    rng = random.Random(3)
    raw = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 0))
        + chunk(b"IEND", b"")
    )


def html_data_uri(size: int) -> tuple[str, bytes]:
    side = int((size * 3 / 4 / 3) ** 0.5)  # base64 of side*side*3 bytes is about `size`
    uri = "data:image/png;base64," + base64.b64encode(_png(side, side)).decode()
    page = (
        "<html><head><title>A picture</title></head><body><article>"
        "<p>The opening paragraph, before a picture inlined in the page.</p>"
        f'<figure><img src="{uri}"><figcaption>The picture.</figcaption></figure>'
        f"<p>{CLOSING}</p></article></body></html>"
    )
    return ".html", page.encode()


def html_nested(depth: int) -> tuple[str, bytes]:
    page = (
        "<html><body>"
        + "<div>" * depth
        + "x"
        + "</div>" * depth
        + f"<p>{CLOSING}</p></body></html>"
    )
    return ".html", page.encode()


def text_prose(size: int) -> tuple[str, bytes]:
    rng = random.Random(4)
    return ".txt", (_prose(rng, size, lambda p: p + "\n\n") + CLOSING + "\n").encode()


def text_one_line(size: int) -> tuple[str, bytes]:
    rng = random.Random(5)
    words = []
    total = 0
    while total < size:
        word = rng.choice(WORDS)
        words.append(word)
        total += len(word) + 1
    return ".txt", (" ".join(words) + "\n\n" + CLOSING + "\n").encode()


def mhtml_page(size: int) -> tuple[str, bytes]:
    _, html = html_prose(size)
    encoded = base64.encodebytes(html).decode()
    message = (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="b"; type="text/html"\r\n'
        "Snapshot-Content-Location: https://example.org/prose\r\n\r\n"
        "--b\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        f"Content-Location: https://example.org/prose\r\n\r\n{encoded}\r\n--b--\r\n"
    )
    return ".mhtml", message.encode()


CASES: dict[str, Callable[[float], tuple[str, bytes]]] = {
    "markdown-table": lambda s: markdown_table(int(30 * MB * s)),
    "markdown-prose": lambda s: markdown_prose(int(30 * MB * s)),
    "markdown-links": lambda s: markdown_links(int(30 * MB * s)),
    "markdown-brackets": lambda s: markdown_brackets(int(30 * MB * s)),
    "html-table": lambda s: html_table(int(30 * MB * s)),
    "html-prose": lambda s: html_prose(int(30 * MB * s)),
    "html-data-uri": lambda s: html_data_uri(int(12 * MB * s)),
    "html-nested-divs": lambda s: html_nested(int(100_000 * s)),
    "text-prose": lambda s: text_prose(int(30 * MB * s)),
    "text-one-line": lambda s: text_one_line(int(30 * MB * s)),
    "mhtml-prose": lambda s: mhtml_page(int(30 * MB * s)),
}


def measure(path: Path) -> dict[str, object]:
    """In the child process: load one file and describe the outcome."""
    sys.path.insert(0, str(ROOT))
    from reader.core.ingest import ImportFailed, load_file

    start = time.perf_counter()
    try:
        article = load_file(path)
    except ImportFailed as exc:
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "peak_mb": _peak_mb(), "result": f"refused: {exc}"}
    seconds = time.perf_counter() - start
    closing = any(CLOSING in b.text for b in article.blocks[-3:])
    return {
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "result": f"{len(article.blocks)} blocks, {len(article.sentences)} sentences, "
        f"{len(article.images)} images, closing paragraph {'kept' if closing else 'LOST'}",
    }


def _peak_mb() -> float:
    # VmHWM is this process image's own peak: getrusage/wait4 would also count the
    # parent's memory, which a forked child carries until it execs.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(name: str, scale: float, folder: Path) -> None:
    suffix, data = CASES[name](scale)
    path = folder / f"{name}{suffix}"
    path.write_bytes(data)
    del data
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--measure", str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    out, _ = proc.communicate()
    size_mb = path.stat().st_size / MB
    path.unlink()
    if proc.returncode != 0:
        print(f"{name:<17} {size_mb:7.1f} MB  crashed with status {proc.returncode}")
        return
    found = json.loads(out)
    print(
        f"{name:<17} {size_mb:7.1f} MB  {found['seconds']:6.2f} s  "
        f"{found['peak_mb']:7.0f} MB peak  "
        f"{found['result']}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(CASES), metavar="NAME")
    parser.add_argument("--scale", type=float, default=1.0, help="size factor (1.0: ~30 MB)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    print(f"{'case':<17} {'file':>10}  {'load_file':>8}  {'memory':>12}  outcome")
    with tempfile.TemporaryDirectory(prefix="gloss-hostile-") as tmp:
        for name in args.only or CASES:
            run_case(name, args.scale, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
