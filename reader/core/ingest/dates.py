"""Publication dates: whatever a page writes, to ISO 8601 (a date, or a date and time)."""

from __future__ import annotations

import re
from datetime import datetime

from lxml import html as lxml_html

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            "jan january janv janvier januar enero gennaio januari",
            "feb february fevr fevrier février februar febrero febbraio februari",
            "mar march mars märz marz marzo maart",
            "apr april avr avril abril aprile",
            "may mai mayo maggio mei",
            "jun june juin juni junio giugno",
            "jul july juil juillet juli julio luglio",
            "aug august aout août agosto augustus",
            "sep sept september septembre settembre septiembre",
            "oct october octobre oktober octubre ottobre",
            "nov november novembre noviembre",
            "dec december decembre décembre dezember diciembre dicembre",
        ),
        start=1,
    )
    for name in names.split()
}
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_MONTH_FIRST = re.compile(r"\b([A-Za-zéû]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})\.? ([A-Za-zéûä]{3,9})\.?,? (\d{4})\b")
# Where pages print their date for readers, when no markup says it.
_DATE_BOXES = (
    "//*[contains(@class,'date') or contains(@class,'publish') or contains(@class,'time')"
    " or contains(@id,'date')]"
)


def iso_date(value: str) -> str:
    """`value` as ISO 8601 when it holds a recognisable date, else ""."""
    value = value.strip()
    if not value:
        return ""
    m = _ISO.match(value)
    if m:
        year, month, day, hour, minute, second, _frac, zone = m.groups()
        if not _valid(int(year), int(month), int(day)):
            return ""
        if hour is None:
            return f"{year}-{month}-{day}"
        out = f"{year}-{month}-{day}T{hour}:{minute}"
        if second:
            out += f":{second}"
        if zone:
            out += "Z" if zone == "Z" else (zone if ":" in zone else f"{zone[:3]}:{zone[3:]}")
        return out
    return _date_in(value)


def _date_in(text: str) -> str:
    m = _NUMERIC.search(text)
    if m and _valid(int(m[1]), int(m[2]), int(m[3])):
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    for pattern, month_at, day_at in ((_MONTH_FIRST, 1, 2), (_DAY_FIRST, 2, 1)):
        for m in pattern.finditer(text):
            month = _MONTHS.get(m[month_at].lower().rstrip("."))
            year, day = int(m[3]), int(m[day_at])
            if month and _valid(year, month, day):
                return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return 1990 <= year <= 2100


def find_date_in_text(doc: lxml_html.HtmlElement) -> str:
    """A date printed in a box named for dates (`class="post-date"`), as a last resort."""
    for el in doc.xpath(_DATE_BOXES)[:20]:
        text = " ".join(el.text_content().split())
        if len(text) < 80:
            found = _date_in(text)
            if found:
                return found
    return ""
