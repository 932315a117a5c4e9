"""Claim spotting: which sentences state a check-worthy fact, how sure, and why.

A linear model over words, word pairs and hand-made evidence features (figures, money,
percentages, dates, comparisons, rankings, attributions, causes), scored in plain Python
from a small JSON file shipped in the resources folder (`resources/claims/model.json.gz`,
made by `bench/train_claims.py` from the ClaimBuster and NewsClaims development data).
No Qt and no numerical library: a sentence costs a regex pass and a few dict look-ups.

The kinds reported for a sentence are the evidence found in it, whatever the model says;
`claim` is the model's decision at the threshold stored with the weights.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise, repeat
from pathlib import Path

# Bump when the features change: stored results of another version are recomputed.
FEATURES_VERSION = "1"

KIND_LABELS = {
    "number": "figure",
    "money": "money",
    "percent": "percent",
    "date": "date",
    "comparison": "comparison",
    "ranking": "ranking/record",
    "attribution": "attribution",
    "causal": "cause",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Evidence is looked up in the sentence's words and word pairs (sets), not by regular
# expressions: one tokenising pass serves both the evidence and the model's features,
# which keeps spotting above 20,000 sentences a second in plain Python.
_NUMBER_WORDS = _words(
    "hundred thousand million billion trillion dozen dozens hundreds thousands millions "
    "billions half twice double doubled triple tripled quadrupled two three four five six "
    "seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy "
    "eighty ninety"
)
_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_CURRENCY = _words("$ € £ ¥")
_MONEY = _words(
    "dollar dollars euro euros pounds yen yuan cent cents usd eur budget deficit debt tax "
    "taxes spending revenue revenues salary wage wages cost costs funding valuation"
)
_PERCENT = _words("% percent percentage percentages pct")
_DATE_PAIRS = _words(
    "last_year next_year this_year last_month next_month this_month last_week next_week "
    "last_decade years_ago year_ago months_ago decades_ago"
)
_COMPARISON = _words(
    "more less fewer higher lower greater larger smaller bigger faster slower cheaper better "
    "worse than most least biggest largest highest lowest smallest fastest best worst "
    "increase increased increases decrease decreased decreases rose risen fell fallen "
    "dropped grew grown decline declined doubled tripled outnumber outpaced"
)
_COMPARISON_PAIRS = _words("up_from down_from compared_to compared_with as_many as_much")
_RANKING = _words(
    "first second third fourth fifth sixth tenth top record records rank ranked ranking "
    "ranks leading largest biggest most only unprecedented all-time ever dethroned st nd rd "
    "th highest lowest"
)
_RANKING_PAIRS = _words("number_one no_<num> the_first the_only the_most")
_ATTRIBUTION = _words(
    "said says say told reported reports announced stated claimed claims estimated "
    "estimates found finds show shows showed survey study studies poll data report "
    'statistics figures " “ ” according'
)
_CAUSAL = _words(
    "because cause caused causes causing therefore thanks blame blamed responsible linked "
    "resulted resulting consequence"
)
_CAUSAL_PAIRS = _words(
    "due_to led_to leads_to lead_to result_in results_in resulted_in as_a contributed_to "
    "contributes_to so_that"
)
# Words and pairs that mark opinion, promise or question rather than a checkable statement.
_NOT_FACT = _words("should must ought maybe perhaps hope hopefully")
_NOT_FACT_PAIRS = _words(
    "i_think i_believe i_feel i_will we_will we_must we_should we_need i_want i'm_going "
    "we're_going would_like let_me thank_you going_to"
)
# A superlative or an order with its scope ("the most downloaded app in the US", "the
# third-most valuable company in the world", "a record"): a ranking someone can look up.
_RECORD = re.compile(
    r"\b(?:most|least|\w+est|first|second|third|largest|biggest|only)\b[^.;,]{0,40}?"
    r"\b(?:in the (?:world|country|nation|us|u\.s\.|united states|history|state|region|"
    r"europe|market)|ever|on record|of all time|since \d{4}|in \d{4}|in (?:\w+ )?(?:years|"
    r"decades))\b|\bdethron|\brecord[- ]"
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*|[$€£¥%?\"“”]")
_DIGITS = re.compile(r"\d")


def _classed(token: str) -> str:
    if "0" <= token[0] <= "9":
        if len(token) == 4 and token[:2] in ("18", "19", "20"):
            return "<year>"
        return "<num>"
    return token


def _analyse(text: str) -> tuple[list[str], list[str], list[str]]:
    """A sentence's tokens (lower case, numbers classed), word pairs and evidence kinds."""
    lower = text.lower()
    tokens = _TOKEN.findall(lower)
    if _DIGITS.search(text):
        tokens = [_classed(t) for t in tokens]
    pairs = [f"{a}_{b}" for a, b in pairwise(tokens)]
    words = set(tokens)
    pair_set = set(pairs)
    kinds = []
    has_num = "<num>" in words or "<year>" in words
    if has_num or (
        not words.isdisjoint(_NUMBER_WORDS)
        and any(a in _NUMBER_WORDS and b[0] != "<" and b != "of" for a, b in pairwise(tokens))
    ):
        kinds.append("number")
    if (has_num and not words.isdisjoint(_CURRENCY)) or not words.isdisjoint(_MONEY):
        kinds.append("money")
    if not words.isdisjoint(_PERCENT) or "per_cent" in pair_set:
        kinds.append("percent")
    if (
        "<year>" in words
        or not pair_set.isdisjoint(_DATE_PAIRS)
        or (
            has_num
            and not words.isdisjoint(_MONTHS)
            and any(
                (a in _MONTHS and b == "<num>") or (a == "<num>" and b in _MONTHS)
                for a, b in pairwise(tokens)
            )
        )
    ):
        kinds.append("date")
    if not words.isdisjoint(_COMPARISON) or not pair_set.isdisjoint(_COMPARISON_PAIRS):
        kinds.append("comparison")
    if (
        not words.isdisjoint(_RANKING)
        or not pair_set.isdisjoint(_RANKING_PAIRS)
        or "-most " in lower  # "the third-most valuable"
    ):
        kinds.append("ranking")
        if _RECORD.search(lower):
            kinds.append("record")  # a feature of its own; reported as ranking
    if not words.isdisjoint(_ATTRIBUTION):
        kinds.append("attribution")
    if not words.isdisjoint(_CAUSAL) or not pair_set.isdisjoint(_CAUSAL_PAIRS):
        kinds.append("causal")
    if not words.isdisjoint(_NOT_FACT) or not pair_set.isdisjoint(_NOT_FACT_PAIRS):
        kinds.append("opinion")  # not a kind of evidence: a feature, and a rule against
    if tokens and tokens[-1] == "?":
        kinds.append("question")
    return tokens, pairs, kinds


def evidence(text: str) -> list[str]:
    """The kinds of checkable evidence a sentence carries, in `KIND_LABELS` order."""
    return [k for k in _analyse(text)[2] if k in KIND_LABELS]


def _features(tokens: list[str], pairs: list[str], kinds: list[str]) -> list[str]:
    out = tokens + pairs
    if tokens:
        out.append("^" + tokens[0])
        out.append(tokens[-1] + "$")
    out.extend("k:" + k for k in kinds)
    n = len(tokens)
    out.append("len:" + ("1" if n < 6 else "2" if n < 12 else "3" if n < 25 else "4"))
    return out


def features(text: str) -> list[str]:
    """The names of a sentence's features; the model gives each a weight."""
    return _features(*_analyse(text))


def rule_score(text: str) -> float:
    """The rules alone, in 0..1: evidence kinds count for, opinion and questions against.
    A baseline for the bench."""
    tokens, _, kinds = _analyse(text)
    strong = sum(k in kinds for k in ("number", "money", "percent", "date", "ranking"))
    weak = sum(k in kinds for k in ("comparison", "attribution", "causal"))
    value = 0.3 * strong + 0.12 * weak
    if "opinion" in kinds or "question" in kinds:
        value -= 0.3
    if len(tokens) < 6:
        value -= 0.2
    return max(0.0, min(1.0, value))


@dataclass(frozen=True, slots=True)
class Spot:
    claim: bool
    score: float
    kinds: tuple[str, ...]

    def to_json(self, text: str) -> dict[str, object]:
        return {
            "text": text,
            "claim": self.claim,
            "score": round(self.score, 4),
            "kinds": list(self.kinds),
        }


@dataclass(frozen=True)
class ClaimModel:
    version: str
    bias: float
    threshold: float
    weights: dict[str, float] = field(repr=False)
    digest: str = ""  # of the file: any retrained model re-spots stored articles

    @classmethod
    def load(cls, path: Path) -> ClaimModel:
        raw = path.read_bytes()
        data = json.loads(gzip.decompress(raw).decode("utf-8"))
        if data.get("features") != FEATURES_VERSION:
            raise ValueError(f"{path} was made for features {data.get('features')!r}")
        return cls(
            str(data["version"]),
            float(data["bias"]),
            float(data["threshold"]),
            # Grouped by weight in the file: {"0.42": [feature, ...]}.
            {str(name): float(w) for w, names in data["weights"].items() for name in names},
            f"{zlib.crc32(raw):08x}",
        )

    def spot(self, text: str) -> Spot:
        tokens, pairs, kinds = _analyse(text)
        z = self.bias + sum(map(self.weights.get, _features(tokens, pairs, kinds), _ZEROS))
        score = 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))
        return Spot(score >= self.threshold, score, tuple(k for k in kinds if k in KIND_LABELS))


_ZEROS = repeat(0.0)


def model_path() -> Path:
    from ..paths import resources_dir

    return resources_dir() / "claims" / "model.json.gz"


@cache
def default_model() -> ClaimModel:
    return ClaimModel.load(model_path())


def spotter_version() -> str:
    """Stored with each article's results; another version means they are recomputed."""
    model = default_model()
    return f"{FEATURES_VERSION}.{model.version}.{model.digest}"


def spot(text: str) -> Spot:
    return default_model().spot(text)


def spot_all(texts: Iterable[str]) -> list[Spot]:
    model = default_model()
    return [model.spot(t) for t in texts]


# -- language -----------------------------------------------------------------------------

_EN_STOPWORDS = frozenset(
    "the of and to in a is that for it as was with be by on not he i this are or his from "
    "at which but have an they you were her she there been has their we will would".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def handles_language(lang: str, sample: str) -> bool:
    """Whether the spotter, trained on English, should judge this text.

    The article's declared language wins (`en`, `en-GB`...); without one, a cheap look at
    the words decides: enough common English words, mostly Latin letters."""
    lang = (lang or "").strip().lower()
    if lang:
        return lang == "en" or lang.startswith(("en-", "en_"))
    sample = sample[:5000]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 10:
        return True  # too little to tell; the sentences speak for themselves
    if sum(c.isascii() for c in letters) < 0.8 * len(letters):
        return False
    words = _WORD.findall(sample)
    common = sum(w.lower() in _EN_STOPWORDS for w in words)
    return common >= 0.15 * len(words)
