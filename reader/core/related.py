"""Is this sentence the same claim as that one?  The matching behind "noted elsewhere".

Two sentences are the same claim when their words agree up to quote marks (straight or
curly), dashes (hyphen, en, em, minus), whitespace, letter case and small edits (one word
added, dropped or changed per ten words: only long sentences get any), and when their
figures agree exactly. Figures are read with their scale and unit: "$6bn" is "$6
billion" is "6 billion dollars", "1,200" is "1200", but "$6 million", "12 points" for
"12%", another year, month or weekday are other claims. A "not" added or dropped is
never a small edit. Short or generic sentences ("Read more.", "That is false.") never
match: a sentence needs `MIN_CONTENT_WORDS` words that are not function words, and
`MIN_ELEMENTS` words and figures together.

`ClaimKey` holds what the comparison needs; `band_keys` gives the integers the library
indexes (`related_index`) so that a look-up reads only likely matches: MinHash bands over
the content words and figures, each salted with the figures, so that sentences with
different figures never even meet.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

MIN_CONTENT_WORDS = 3
MIN_ELEMENTS = 4
# One small edit allowed per this many words (of the longer sentence).
WORDS_PER_EDIT = 10
BANDS = 8
ROWS_PER_BAND = 3

_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just let me more most my myself now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves says said say saying according also read click
    here more may might must shall us via yet still even ever""".split()
)
# Negations change the claim whatever the sentence's length: never a "small edit".
_NEGATIONS = frozenset(
    """not no never none nobody nothing neither nor cannot cant dont doesnt didnt isnt
    arent wasnt werent wont wouldnt shouldnt couldnt hasnt havent hadnt aint mustnt
    neednt without""".split()
)
_SCALES = {
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "billions": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "hundred": Decimal(100),
}
# Scales that are one only after a currency ("$6m"); alone "6 m" is more often metres.
_CURRENCY_SCALES = {"m": Decimal(10) ** 6, "b": Decimal(10) ** 9}
_CURRENCY_SYMBOLS = {"$": "$", "€": "€", "£": "£", "¥": "¥", "₹": "₹"}
_CURRENCY_WORDS = {
    "dollar": "$",
    "dollars": "$",
    "usd": "$",
    "euro": "€",
    "euros": "€",
    "eur": "€",
    "pound": "£",
    "pounds": "£",
    "gbp": "£",
    "sterling": "£",
    "yen": "¥",
    "rupees": "₹",
}
_PERCENT_WORDS = {"percent", "pct"}
_POINT_WORDS = {"point", "points", "pts", "pt", "pp"}
_ORDINALS = {"st", "nd", "rd", "th"}
# Dates are figures too: "in March" is not "in June". Words that are also common words
# ("may", "mar", "sat", "sun", "wed") are left out.
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATE_WORDS = {m: m for m in _MONTHS if m != "may"} | {
    m[:3]: m for m in _MONTHS if m[:3] not in ("may", "mar")
} | {"sept": "september"} | {
    d: d for d in "monday tuesday wednesday thursday friday saturday sunday".split()
}  # fmt: skip
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90}  # fmt: skip
# Apostrophes inside a word are dropped ("don’t" = "don't" = "dont").
_APOSTROPHE = re.compile(r"(?<=\w)['’‘ʼ`´](?=\w)")
# A hyphen between letters joins a compound ("high-speed" is one word); en and em dashes
# stand between words, spaced or not ("claim—which" is "claim – which").
_COMPOUND = re.compile(r"(?<=[^\W\d_])[-‐‑](?=[^\W\d_])")
# Dotted initialisms are one word: "U.S." is "US", "U.K." is "UK".
_INITIALISM = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}")
# A minus sign, or a hyphen standing before a number, makes it negative; any other dash
# separates words like a space does.
_TOKEN = re.compile(
    r"(?P<num>(?:(?<![\w.,])[-−])?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    r"|(?:(?<![\w.,])[-−])?\d+(?:\.\d+)?)"
    r"|(?P<sym>[$€£¥₹%])"
    r"|(?P<word>[^\W\d_]+)"
)


@dataclass(frozen=True, slots=True)
class ClaimKey:
    """A sentence read for comparison: its words and figures in order (figures as
    canonical tokens such as `$6000000000`, `%12`, `pt12`, `2024`), the figures sorted,
    the negations, and the content words and figures that make it a claim."""

    tokens: tuple[str, ...]
    figures: tuple[str, ...]
    negations: tuple[str, ...]
    elements: frozenset[str]
    content_words: int

    @property
    def eligible(self) -> bool:
        """Enough content to be a claim worth matching across articles."""
        return self.content_words >= MIN_CONTENT_WORDS and len(self.elements) >= MIN_ELEMENTS


def claim_key(sentence: str) -> ClaimKey:
    text = unicodedata.normalize("NFKC", sentence).casefold()
    text = _COMPOUND.sub("", _APOSTROPHE.sub("", text))
    text = _INITIALISM.sub(lambda m: m.group().replace(".", "") + " ", text)
    raw = [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(text)]
    tokens: list[str] = []
    figures: list[str] = []
    i = 0
    while i < len(raw):
        kind, value = raw[i]
        figure, used = _figure_at(raw, i)
        if figure is not None:
            tokens.append(figure)
            figures.append(figure)
            i += used
            continue
        if kind == "word" and value in _DATE_WORDS:
            tokens.append(f"@{_DATE_WORDS[value]}")
            figures.append(tokens[-1])
        elif kind == "word" and not (value == "us" and raw[i + 1 : i + 2] == [("sym", "$")]):
            tokens.append("not" if value in _NEGATIONS else value)
        i += 1
    negations = tuple(t for t in tokens if t == "not")
    words = [t for t in tokens if t not in figures and t != "not"]
    content = {w for w in words if len(w) > 1 and w not in _STOPWORDS}
    return ClaimKey(
        tokens=tuple(tokens),
        figures=tuple(sorted(figures)),
        negations=negations,
        elements=frozenset(content | set(figures)),
        content_words=len(content),
    )


def _figure_at(raw: list[tuple[str, str]], i: int) -> tuple[str | None, int]:
    """The figure starting at token `i` (currency, number, scale, unit) and how many
    tokens it takes, or (None, 0)."""
    j = i
    unit = ""
    if raw[j][0] == "sym" and raw[j][1] in _CURRENCY_SYMBOLS:
        unit = _CURRENCY_SYMBOLS[raw[j][1]]
        j += 1
        if j >= len(raw):
            return None, 0
    kind, value = raw[j]
    if kind == "num":
        number = _number(value)
    elif kind == "word" and value in _NUMBER_WORDS:
        number = Decimal(_NUMBER_WORDS[value])
        # "one" is a figure only with a scale or a unit ("one million"); alone it is
        # mostly a pronoun ("one of the largest").
        nxt = raw[j + 1][1] if j + 1 < len(raw) else ""
        if value == "one" and nxt not in _SCALES and nxt not in _PERCENT_WORDS:
            return None, 0
    else:
        return None, 0
    if number is None:
        return None, 0
    j += 1
    suffix = ""

    def peek(offset: int = 0) -> tuple[str, str]:
        return raw[j + offset] if j + offset < len(raw) else ("", "")

    k, v = peek()
    for _ in range(2):  # "1.2 thousand million" takes two
        scale = _SCALES.get(v) if k == "word" else None
        if scale is None and k == "word" and unit:
            scale = _CURRENCY_SCALES.get(v)
        if scale is None:
            break
        number *= scale
        j += 1
        k, v = peek()
    if (k == "sym" and v == "%") or (k == "word" and v in _PERCENT_WORDS):
        suffix = "%"
        j += 1
    elif k == "word" and v == "per" and peek(1)[1] == "cent":
        suffix = "%"
        j += 2
    elif k == "word" and v == "percentage" and peek(1)[1] in _POINT_WORDS:
        suffix = "pt"
        j += 2
    elif k == "word" and v in _POINT_WORDS:
        suffix = "pt"
        j += 1
    elif k == "word" and v in _CURRENCY_WORDS and not unit:
        unit = _CURRENCY_WORDS[v]
        j += 1
    elif k == "word" and v in _ORDINALS and kind == "num":
        suffix = "#"
        j += 1
    text = format(number.normalize(), "f") if number != 0 else "0"
    return f"{unit}{suffix}{text}", j - i


def _number(value: str) -> Decimal | None:
    value = value.replace("−", "-").replace(",", "")
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def similarity(a: ClaimKey, b: ClaimKey) -> float | None:
    """How alike two sentences are (0..1) when they are the same claim; None when they
    are not (different figures or negations, too many edits, or too little content)."""
    if not (a.eligible and b.eligible):
        return None
    if a.figures != b.figures or a.negations != b.negations:
        return None
    longest = max(len(a.tokens), len(b.tokens))
    allowed = longest // WORDS_PER_EDIT
    distance = _edit_distance(a.tokens, b.tokens, allowed)
    if distance is None:
        return None
    return 1.0 - distance / longest


def same_claim(a: str, b: str) -> bool:
    return similarity(claim_key(a), claim_key(b)) is not None


def _edit_distance(a: tuple[str, ...], b: tuple[str, ...], limit: int) -> int | None:
    """Word-level Levenshtein distance if it is at most `limit`, else None (only the
    diagonal band of width `limit` is computed)."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return None
    if limit == 0:
        return 0 if a == b else None
    big = limit + 1
    previous = [j if j <= limit else big for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [big] * (len(b) + 1)
        if i <= limit:
            current[0] = i
        low, high = max(1, i - limit), min(len(b), i + limit)
        for j in range(low, high + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if min(current[max(0, low - 1) : high + 1]) > limit:
            return None
        previous = current
    return previous[-1] if previous[-1] <= limit else None


# -- index keys --------------------------------------------------------------------------

_PRIME = (1 << 61) - 1
_SALTS = [
    (int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest()) % _PRIME | 1,
     int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest()) % _PRIME)
    for i in range(BANDS)
]  # fmt: skip


@lru_cache(maxsize=65536)
def _element_hash(element: str) -> int:
    return int.from_bytes(hashlib.blake2b(element.encode(), digest_size=8).digest())


def band_keys(key: ClaimKey) -> list[int]:
    """The index keys of an eligible sentence: for each band, a hash of its figures and of
    the `ROWS_PER_BAND` elements that come first under that band's permutation. Two
    sentences whose element sets overlap by a share J meet in a band with a chance of
    about J**ROWS_PER_BAND, so one word changed in ten almost always meets somewhere and
    unrelated sentences rarely do."""
    hashes = [_element_hash(e) for e in key.elements]
    figures = "\x1f".join(key.figures)
    keys = []
    for band, (mul, add) in enumerate(_SALTS):
        chosen = sorted(hashes, key=lambda h: (h * mul + add) % _PRIME)[:ROWS_PER_BAND]
        digest = hashlib.blake2b(
            f"{band}\x1e{figures}\x1e{sorted(chosen)}".encode(), digest_size=8
        ).digest()
        keys.append(int.from_bytes(digest, signed=True))
    return keys
