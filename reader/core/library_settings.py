"""Settings that belong to the library file, not to the machine: who publishes the fact
checks written in it. They travel with the notes (a library copied to another computer,
or opened by `gloss` and by the window, says the same thing), so they live in the
library's `settings` table rather than in QSettings.

Known keys, all optional text ("" means unset):

- `reviewer.organisation`: the organisation that publishes the reviews (ClaimReview's
  `author`);
- `reviewer.organisation_url`: its web site, an absolute http(s) URL;
- `reviewer.name`: the checker's own name (the Markdown export signs notes with it; the
  ClaimReview author when no organisation is set).

`set_value` checks a value before writing and raises `SettingError` (a ValueError, so the
CLI reports it as one line) without writing anything when the key is unknown or the
value is not valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .export.claimreview import Reviewer
from .library import Library

ORGANISATION = "reviewer.organisation"
ORGANISATION_URL = "reviewer.organisation_url"
REVIEWER_NAME = "reviewer.name"
# Longer than any organisation or person name; keeps a pasted document out of the field.
MAX_LENGTH = 300


class SettingError(ValueError):
    """An unknown key or a value the key does not accept; nothing was written."""


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    label: str  # what the CLI listing and the Preferences form call it
    help: str
    check: Callable[[str], str | None]  # the reason a value is refused, or None


def _any_text(value: str) -> str | None:
    if "\n" in value or "\r" in value:
        return "must be one line"
    if len(value) > MAX_LENGTH:
        return f"is longer than {MAX_LENGTH} characters"
    return None


def _web_address(value: str) -> str | None:
    if reason := _any_text(value):
        return reason
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in value:
        return "must be an absolute http(s) address, such as https://factcheck.example.org"
    if "." not in (parts.hostname or "") and parts.hostname != "localhost":
        return "must name a web host, such as https://factcheck.example.org"
    return None


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec(
            ORGANISATION,
            "Organisation",
            "the organisation that publishes your fact checks",
            _any_text,
        ),
        SettingSpec(
            ORGANISATION_URL,
            "Organisation web site",
            "its web site, an absolute http(s) address",
            _web_address,
        ),
        SettingSpec(REVIEWER_NAME, "Your name", "the checker's name", _any_text),
    )
}
KEYS = tuple(SPECS)
# Object names of the Preferences fields (and a stable handle for tests).
NAMES = {
    ORGANISATION: "reviewerOrganisation",
    ORGANISATION_URL: "reviewerOrganisationUrl",
    REVIEWER_NAME: "reviewerName",
}


def spec(key: str) -> SettingSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise SettingError(f"unknown setting {key!r} (one of: {', '.join(KEYS)})") from None


def normalized(key: str, value: str) -> str:
    """`value` as it would be stored for `key` (trimmed); SettingError when refused."""
    value = value.strip()
    if value and (reason := spec(key).check(value)):
        raise SettingError(f"{key} {reason} (got {value!r}); nothing was changed")
    return value


def value(library: Library, key: str) -> str:
    """The stored value of a known key; "" when unset."""
    spec(key)
    return library.setting(key) or ""


def values(library: Library) -> dict[str, str]:
    return {key: value(library, key) for key in KEYS}


def set_value(library: Library, key: str, new: str) -> str:
    """Store `new` for `key` (an empty value clears it); returns what was stored."""
    new = normalized(key, new)
    if new:
        library.set_setting(key, new)
    else:
        library.clear_setting(key)
    return new


def set_values(library: Library, changes: dict[str, str]) -> None:
    """Several settings at once: all are checked first, then written in one transaction,
    so a bad value writes none of them."""
    checked = {key: normalized(key, v) for key, v in changes.items()}
    with library.transaction():
        for key, new in checked.items():
            if new:
                library.set_setting(key, new)
            else:
                library.clear_setting(key)


def reviewer(library: Library) -> Reviewer:
    """The three settings together, as the exports need them."""
    found = values(library)
    return Reviewer(found[ORGANISATION], found[ORGANISATION_URL], found[REVIEWER_NAME])
