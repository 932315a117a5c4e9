"""PDF documents with a text layer to blocks, through PDFium (`pypdfium2`).

PDFium gives characters with their boxes and font sizes, in content order, and marks line
breaks. From those, lines; from lines, the page's reading order (two columns are read left
then right, between full-width lines such as a title); from that, paragraphs (a new one at
a wider gap, an indent, a change of size, or a short line that ends a sentence). Lines that
repeat at the top or bottom of several pages (running headers, footers) and lone page
numbers there are dropped. A paragraph that runs over a column or page break is rejoined,
and a word hyphenated at a line end is made whole again. Text set larger than the body is
a heading. Each block records on which page each of its parts starts, so a sentence can be
cited by page.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ..model import Block, BlockKind, Metadata
from .errors import ImportFailed

MAX_PAGES = 3000  # a long report is a few hundred pages; bounds the time one import takes

# PDFium is not thread-safe: one document at a time in this process.
_LOCK = threading.Lock()

_TERMINAL = (".", "!", "?", ":", '"', "”", "’", ")", "]")
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|seite|pág\.?)?\s*[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|von|de)\s*\d{1,4})?$",
    re.I,
)
_SOFT_HYPHEN = str.maketrans("", "", "\ufffe\u00ad\x02")
_USELESS_TITLES = re.compile(
    r"^(untitled|document\d*|microsoft word\b.*|.*\.(docx?|pdf|indd|tex))$", re.I
)


@dataclass
class _Line:
    page: int  # 1-based page number
    x0: float
    x1: float
    base: float  # baseline (PDF coordinates: y grows upwards)
    size: float
    text: str


@dataclass
class _Para:
    lines: list[_Line] = field(default_factory=list)


def pdf_blocks(data: bytes) -> tuple[Metadata, list[Block]]:
    """The document's title/author and its body as blocks; raises `ImportFailed`."""
    import pypdfium2 as pdfium  # ~20 ms and a native library: only PDF imports pay for it

    with _LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise ImportFailed("the PDF is encrypted (password-protected)") from None
            raise ImportFailed("the PDF is damaged or truncated") from None
        try:
            count = len(doc)
            if count == 0:
                raise ImportFailed("the PDF has no pages")
            if count > MAX_PAGES:
                raise ImportFailed(
                    f"the PDF has too many pages ({count}; the limit is {MAX_PAGES})"
                )
            meta = doc.get_metadata_dict()
            pages = [_page_lines(doc, i) for i in range(count)]
            sizes = [doc.get_page_size(i) for i in range(count)]
        finally:
            doc.close()
    if not any(pages):
        raise ImportFailed("the PDF has no text layer (a scanned document?); it needs OCR first")
    return _layout(pages, sizes, meta)


def _page_lines(doc, index: int) -> list[_Line]:  # doc: a pypdfium2 PdfDocument
    import ctypes

    import pypdfium2.raw as raw

    page = doc[index]
    text = page.get_textpage()
    try:
        handle = text.raw
        n = raw.FPDFText_CountChars(handle)
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        ox, oy = ctypes.c_double(), ctypes.c_double()
        lines: list[_Line] = []
        chars: list[str] = []
        boxes: list[tuple[float, float, float, float]] = []

        def flush() -> None:
            if boxes:
                line_text = "".join(chars).strip()
                if line_text.translate(_SOFT_HYPHEN).strip():
                    sizes = Counter(round(b[3], 1) for b in boxes)
                    lines.append(
                        _Line(
                            index + 1,
                            min(b[0] for b in boxes),
                            max(b[1] for b in boxes),
                            Counter(round(b[2], 1) for b in boxes).most_common(1)[0][0],
                            sizes.most_common(1)[0][0],
                            " ".join(line_text.split()),
                        )
                    )
            chars.clear()
            boxes.clear()

        for i in range(n):
            code = raw.FPDFText_GetUnicode(handle, i)
            ch = chr(code) if code else ""
            if ch in ("\r", "\n"):
                if raw.FPDFText_IsGenerated(handle, i) or ch == "\n":
                    flush()
                continue
            if not ch or ch.isspace():
                chars.append(" ")
                continue
            raw.FPDFText_GetCharBox(handle, i, left, right, bottom, top)
            raw.FPDFText_GetCharOrigin(handle, i, ox, oy)
            size = raw.FPDFText_GetFontSize(handle, i)
            if boxes:
                last = boxes[-1]
                # A big jump left or down, or a wide gap, starts a new line even when
                # PDFium did not mark one (text placed out of order, side-by-side columns).
                if (
                    abs(oy.value - last[2]) > max(size, last[3]) * 0.6
                    or left.value - last[1] > 2.5 * size
                ):
                    flush()
            chars.append(ch)
            boxes.append((left.value, right.value, oy.value, size))
        flush()
        return lines
    finally:
        text.close()
        page.close()


def _layout(
    pages: list[list[_Line]], sizes: list[tuple[float, float]], meta: dict[str, str]
) -> tuple[Metadata, list[Block]]:
    body_size = _body_size(pages)
    _drop_furniture(pages, [h for _, h in sizes], body_size)
    paras: list[_Para] = []
    for lines, (width, _) in zip(pages, sizes, strict=True):
        for column in _reading_order(lines, width):
            _add_column(paras, column, body_size)
    title = (meta.get("Title") or "").strip()
    if _USELESS_TITLES.match(title) or len(title) > 300:
        title = ""
    blocks = _blocks(paras, body_size)
    # The title set on the first page is the document's title: shown once, from metadata.
    for i, block in enumerate(blocks[:3]):
        if block.kind is BlockKind.HEADING and (not title or _norm(block.text) == _norm(title)):
            title = title or block.text
            del blocks[i]
            break
    levels = [b.level for b in blocks if b.kind is BlockKind.HEADING]
    if levels and min(levels) > 2:  # the largest size was the title's: the rest move up
        shift = min(levels) - 2
        blocks = [
            replace(b, level=b.level - shift) if b.kind is BlockKind.HEADING else b for b in blocks
        ]
    author = (meta.get("Author") or "").strip()
    return Metadata(title=title, byline=author if len(author) < 200 else ""), blocks


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _drop_furniture(pages: list[list[_Line]], heights: list[float], body_size: float) -> None:
    """Remove running headers, footers and page numbers: the two lines nearest the top and
    the bottom of a page that repeat on other pages (digits aside), that are only a page
    number, or that are set smaller than the body and stand apart from it."""
    edges: list[set[int]] = []
    seen: Counter[str] = Counter()
    for lines in pages:
        order = sorted(range(len(lines)), key=lambda i: -lines[i].base)
        near = set(order[:2] + order[-2:])
        edges.append(near)
        for key in {_furniture_key(lines[i]) for i in near}:
            seen[key] += 1
    repeat = 2 if len(pages) < 4 else max(2, len(pages) // 4)
    for lines, near, height in zip(pages, edges, heights, strict=True):
        drop = {
            i
            for i in near
            if _PAGE_NUMBER.match(lines[i].text)
            or seen[_furniture_key(lines[i])] >= repeat
            or _stands_apart(lines, i, body_size, height)
        }
        lines[:] = [line for i, line in enumerate(lines) if i not in drop]


def _stands_apart(lines: list[_Line], i: int, body_size: float, height: float) -> bool:
    """A short line in small type, or in the page's top or bottom margin, at the very top
    or bottom, far from every other line: a header or footer even on a page whose
    neighbours cannot confirm it."""
    line = lines[i]
    in_margin = line.base > height * 0.93 or line.base < height * 0.07
    if len(line.text) > 100 or (line.size >= body_size * 0.95 and not in_margin):
        return False
    others = [o.base for j, o in enumerate(lines) if j != i]
    if not others:
        return False
    if line.base > max(others):
        return line.base - max(others) > 2.5 * body_size
    if line.base < min(others):
        return min(others) - line.base > 2.5 * body_size
    return False


def _furniture_key(line: _Line) -> tuple[str, int]:
    """Running headers repeat the same words (digits aside) at the same height."""
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split())), round(line.base / 3)


def _body_size(pages: list[list[_Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _reading_order(lines: list[_Line], width: float) -> list[list[_Line]]:
    """The page's lines as runs read top to bottom: one run per column of each band
    between full-width lines, left column first."""
    lines = sorted(lines, key=lambda ln: (-round(ln.base), ln.x0))
    mid = width / 2
    left = [ln for ln in lines if ln.x1 <= mid + 2]
    right = [ln for ln in lines if ln.x0 >= mid - 2]
    if len(left) < 3 or len(right) < 3:
        return [lines]
    runs: list[list[_Line]] = []
    band_l: list[_Line] = []
    band_r: list[_Line] = []
    for line in lines:
        full = runs[-1][-1] if runs and not band_l and not band_r else None
        if (
            full is not None
            and abs(full.size - line.size) < 0.5
            and full.base - line.base < line.size * 2
        ):
            runs[-1].append(line)  # the short last line of a full-width title
        elif line.x1 <= mid + 2:
            band_l.append(line)
        elif line.x0 >= mid - 2:
            band_r.append(line)
        else:  # spans both columns: ends the band above it
            runs.extend(r for r in (band_l, band_r) if r)
            band_l, band_r = [], []
            runs.append([line])
    runs.extend(r for r in (band_l, band_r) if r)
    return runs


def _add_column(paras: list[_Para], column: list[_Line], body_size: float) -> None:
    # Line pitch as a multiple of the font size, so larger headings get a larger pitch.
    ratios = [
        (a.base - b.base) / a.size
        for a, b in pairwise(column)
        if abs(a.size - b.size) < 0.5 and 0 < a.base - b.base < a.size * 3
    ]
    ratio = sorted(ratios)[len(ratios) // 2] if ratios else 1.25
    col_x0 = min(ln.x0 for ln in column)
    col_x1 = max(ln.x1 for ln in column)
    # In justified text a line that stops short ends its paragraph; ragged-right text has
    # short lines everywhere, so there only gaps and indents count.
    justified = sum(ln.x1 > col_x1 - ln.size for ln in column) >= 0.6 * len(column)
    prev: _Line | None = None
    for line in column:
        if prev is None:
            new = not _continues(paras, line, body_size)
        else:
            gap = prev.base - line.base
            new = (
                abs(line.size - prev.size) > 0.5
                or gap > ratio * line.size * 1.3
                or gap < 0
                or line.x0 > col_x0 + line.size * 1.2  # an indented first line
                or (
                    justified and prev.x1 < col_x1 - prev.size * 2 and prev.text.endswith(_TERMINAL)
                )
            )
        if new:
            paras.append(_Para())
        paras[-1].lines.append(line)
        prev = line


def _continues(paras: list[_Para], line: _Line, body_size: float) -> bool:
    """Whether the first line of a column carries on the paragraph before the break."""
    if not paras:
        return False
    last = paras[-1].lines[-1]
    return (
        abs(last.size - line.size) < 0.5
        and abs(line.size - body_size) < 0.5
        and not last.text.endswith(_TERMINAL)
    )


def _blocks(paras: list[_Para], body_size: float) -> list[Block]:
    heading_sizes = sorted(
        {p.lines[0].size for p in paras if _is_heading(p, body_size)}, reverse=True
    )
    blocks: list[Block] = []
    for para in paras:
        text, pages = _join(para.lines)
        if not text:
            continue
        if _is_heading(para, body_size):
            level = min(2 + heading_sizes.index(para.lines[0].size), 6)
            blocks.append(Block(BlockKind.HEADING, text, level=level, pages=pages[:1]))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, text, pages=pages))
    return blocks


def _is_heading(para: _Para, body_size: float) -> bool:
    size = para.lines[0].size
    return size >= body_size * 1.15 and len(para.lines) <= 4


def _join(lines: list[_Line]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The lines as one paragraph, and where each page's part of it starts."""
    text = ""
    soft = False  # the previous line ended in a hyphen PDFium marked as a soft one
    pages: list[tuple[int, int]] = []
    for line in lines:
        raw = line.text.strip()
        part = raw.rstrip("\ufffe\u00ad\x02").translate(_SOFT_HYPHEN)
        if not part:
            continue
        if text and not soft:
            if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[0].islower():
                text = text[:-1]  # a word hyphenated at the line end
            else:
                text += " "
        if not pages or pages[-1][1] != line.page:
            pages.append((len(text), line.page))
        text += part
        soft = part != raw
    return text, tuple(pages)
