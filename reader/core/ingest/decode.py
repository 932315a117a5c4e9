"""Bytes to text: BOM first, then UTF-16 by its zero bytes, the declared charset, sniffing.

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
# Characters no XML tree can hold (lxml refuses them in any string it is given): C0
# controls other than tab and line breaks, the non-characters U+FFFE/U+FFFF and lone
# surrogates. They never carry meaning in an article; a stray one must not cost the page.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# What is looked for first, one `in` (a memchr) each: four times faster than searching
# with the regex above, and pages almost never hold any. NUL is left to the regex: libxml2
# already reads it as U+FFFD, and in UTF-16 text every other byte is zero, which makes
# looking for it slow. Lone surrogates cannot come out of decoding (errors="replace").
_NOT_XML_CHARS = "".join(map(chr, [*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]))


def xml_safe(text: str) -> str:
    """`text` without the characters lxml refuses; a form feed (HTML whitespace) becomes
    a space."""
    if "\f" in text:
        text = text.replace("\f", " ")
    if any(ch in text for ch in _NOT_XML_CHARS):
        text = _NOT_XML.sub("", text)
    return text


def clean_field(text: str) -> str:
    """A short string from the page's data (JSON-LD can spell lone surrogates as
    `\\ud800`, which no database or file can store) made safe; for metadata fields."""
    return " ".join(_NOT_XML.sub("", text).split()) if _NOT_XML.search(text) else text


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when `data` looks like UTF-16 text that lacks a byte-order
    mark, else None. Such text has a zero byte in every other position wherever it is
    ASCII (all of HTML's markup), and almost never a zero in the other half."""
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 2 or b"\x00" not in head:
        return None
    even = head[0 : pairs * 2 : 2].count(0)
    odd = head[1 : pairs * 2 : 2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.02:
        return "utf-16-le"
    if even >= pairs * 0.3 and odd <= pairs * 0.02:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def decode_html(data: bytes, container_charset: str | None = None) -> str:
    """`container_charset` is what an archive (MHTML part, webarchive) says the page is;
    it is a declaration like the page's own <meta> and is checked the same way."""
    return _decode(data, container_charset or declared_charset(data))


def decode_text(data: bytes) -> str:
    return xml_safe(_decode(data, None)).replace("\x00", "")


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
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
