"""Tables too long to read: the first rows are kept and the article says how many were.

A data dump saved as a page (a million-row table) is not an article anyone reads row by
row, and keeping all of it costs minutes and gigabytes (the Markdown parser alone makes
a dozen objects per cell). The first `MAX_TABLE_ROWS` rows are kept, followed by a line
that says the table was shortened, so nothing is dropped without the reader knowing.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from .markdown_chunks import markdown_lines

MAX_TABLE_ROWS = 2000

# A GFM delimiter row: | --- | :---: | ---: |, the outer pipes optional.
_DELIMITER_ROW = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def cut_notice(kept: int, total: int) -> str:
    return f"Gloss kept the first {kept:,} of this table's {total:,} rows."


def cap_markdown_tables(text: str, limit: int = MAX_TABLE_ROWS) -> str:
    """`text` with every table's body cut to `limit` rows and a notice after it.

    A line scan, not a parse: a table is a line with a pipe, a delimiter row, then rows
    up to a blank line or a line without a pipe. Tables inside fenced code are left alone.
    """
    if text.count("\n") <= limit:
        return text  # no table can be that long: the common case costs one count
    lines = markdown_lines(text)
    out: list[str] = []
    fence = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        marker = _FENCE.match(line)
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = ""
            continue
        if marker:
            fence = marker.group(1)
            continue
        if "|" not in line or i >= len(lines) or not _DELIMITER_ROW.match(lines[i]):
            continue
        out.append(lines[i])  # the delimiter row
        i += 1
        start = i
        while i < len(lines) and lines[i].strip(" \t\n") and "|" in lines[i]:
            i += 1
        total = i - start
        if total > limit:
            out.extend(lines[start : start + limit])
            out.append(f"\n*{cut_notice(limit, total)}*\n\n")
        else:
            out.extend(lines[start:i])
    return "".join(out)


# Set on a <table> whose rows were cut in the parsed page: how many it had.
ROWS_ATTRIBUTE = "data-gloss-rows"


def cap_html_tables(doc: lxml_html.HtmlElement, limit: int = MAX_TABLE_ROWS) -> None:
    """Cut every table in the parsed page to `limit` rows, right after parsing, so that
    cleaning and extraction never walk a million rows; the table keeps its row count in
    `ROWS_ATTRIBUTE` for the notice."""
    for table in doc.iter("table"):
        sections = [table, *(s for s in table if s.tag in ("thead", "tbody", "tfoot"))]
        counts = [sum(1 for row in section if row.tag == "tr") for section in sections]
        total = sum(counts)
        if total <= limit:
            table.attrib.pop(ROWS_ATTRIBUTE, None)  # only we may say rows were cut
            continue
        room = limit
        for section, count in zip(sections, counts, strict=True):
            if count <= room:
                room -= count
                continue
            rows = [row for row in section if row.tag == "tr"]
            for row in rows[room:]:
                section.remove(row)
            room = 0
        table.set(ROWS_ATTRIBUTE, str(total))
