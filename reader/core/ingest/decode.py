"""Bytes to text: BOM first, then the declared charset, then sniffing.

Declared charsets lie (a page that says gb2312 and is UTF-8), so a declaration is only
trusted when the bytes decode cleanly with it.
"""

from __future__ import annotations

import codecs
import re

from .errors import ImportFailed

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def decode_html(data: bytes, container_charset: str | None = None) -> str:
    """`container_charset` is what an archive (MHTML part, webarchive) says the page is;
    it is a declaration like the page's own <meta> and is checked the same way."""
    return _decode(data, container_charset or declared_charset(data))


def decode_text(data: bytes) -> str:
    return _decode(data, None)


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    # UTF-8 is by far the most common encoding and has no false positives worth
    # worrying about on real text, so it wins over any declaration it satisfies.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(_normalise(declared.lower()))
        except (LookupError, UnicodeDecodeError):
            pass
    # Imported here: BeautifulSoup costs ~0.1 s to import and only undeclared, non-UTF-8
    # pages need it, so the window does not pay for it at start-up.
    from bs4.dammit import UnicodeDammit

    dammit = UnicodeDammit(data, ["windows-1252"], is_html=True)
    if dammit.unicode_markup is None:
        raise ImportFailed("cannot determine the text encoding")
    return dammit.unicode_markup


def _normalise(name: str) -> str:
    # Browsers decode these labels as their supersets (WHATWG Encoding Standard).
    return {
        "gb2312": "gb18030",
        "gbk": "gb18030",
        "iso-8859-1": "windows-1252",
        "latin1": "windows-1252",
        "ascii": "windows-1252",
        "us-ascii": "windows-1252",
    }.get(name, name)
