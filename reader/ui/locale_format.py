"""Dates and numbers as the reader's locale writes them (30.11.26 and 1.234 in German).

The core stores ISO dates ("2026-11-30" or a full timestamp) and plain numbers; only the
window turns them into text, through `QLocale()` (the system's, or whatever a test or the
user set as default), so every figure in the window follows one convention.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def short_date(iso: str) -> str:
    """An ISO date or timestamp as the locale's short date; text that is not one, as is."""
    head = iso[:10]
    date = QDate.fromString(head, "yyyy-MM-dd")
    if not date.isValid():
        return head
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        # No locale configured (LANG unset, LANG=C): Qt's C short date is "2 03 2026",
        # which reads as no country's; ISO is what such a system shows everywhere else.
        return head
    return locale.toString(date, QLocale.FormatType.ShortFormat)


def number(value: int) -> str:
    return QLocale().toString(value)


def percent(fraction: float) -> str:
    """0.42 -> "42%" ("42 %" in French): the locale places the sign."""
    whole = QLocale().toString(round(fraction * 100))
    return QCoreApplication.translate("locale_format", "{0}%").format(whole)


def claim_summary(count: int, checked: int) -> str:
    """ "7 claims · 3 checked", or '' when there are none (the window's wording of
    `claim_store.claim_summary`, which the CLI keeps in English)."""
    if not count:
        return ""
    tr = QCoreApplication.translate
    # Two English sources, so that English needs no .qm for its plural; a translation
    # gives both the same plural forms (%Ln: the count written the locale's way).
    claims = (
        tr("locale_format", "%Ln claim", "", count)
        if count == 1
        else tr("locale_format", "%Ln claims", "", count)
    )
    done = tr("locale_format", "{0} checked").format(number(checked))
    return f"{claims} · {done}"
