"""Rule-based sentence splitting: block text in, exact `[start, end)` spans out.

Spans index the text as given (code points), so no character is lost or altered; the
whitespace between sentences belongs to no sentence. Hard line breaks inside a block are
boundaries (poems, addresses, bylines).

How it works: one regular expression finds every place a sentence *could* end (terminal
punctuation with its closing quotes, brackets and citation marks, or a line break). Each
candidate is then judged from two cheap looks: the word before the punctuation (is it a
known abbreviation, an initial, a list number, a dotted acronym?) and the word after it
(capitalised, a digit, lower case, a common sentence opener?). Two boundaries carry no
punctuation and come from a cheap look at the start of the paragraph: an e-mail greeting
("Hi Tom, Thanks ...") and the items of an inline list that the paragraph opens
("1. ... 2. ...", "a) ... b) ...", "• ... • ..."). Nothing walks the text character by
character in Python, and every look around a candidate is bounded, so time stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Block, BlockKind, Sentence

# Bump when a change can move a boundary: stored articles record the version that cut
# them, and a different one triggers a re-split and re-anchoring of their notes.
SPLITTER_VERSION = "2"


# ----------------------------------------------------------------------------- word lists
def _words(spec: str) -> list[str]:
    return spec.split()


# What a word before a period is, by exact spelling first, then lower-cased. Each class
# has its own rule in `_period_boundary`.
_NEVER = 1  # only ever written before something: titles, "v.", "e.g."
_POST = 2  # written after a name and may end a sentence: "Inc.", "Jr.", "etc."
_NUMERIC = 3  # introduces a number: "No. 3", "p. 55", "Jan. 5"
_STATE = 4  # postal-era state names: end a sentence only before a common opener
_STREET_OR_TITLE = 5  # "St."/"Dr.": Saint/Doctor before a name, Street/Drive after one

_TITLES = "mr mrs ms mssrs messrs mmes mme mlle prof mt"
# Titles only when capitalised: "Rep. Diaz" but "a sales rep. She ...", "next gen. The ...".
_CASED_TITLES = (
    "Gov Govs Sen Sens Rep Reps Gen Gens Col Lt Sgt Capt Cmdr Cdr Adm Maj Brig Cpl Pvt Rev Hon "
    "Pres Supt Det Insp Fr Msgr Ft Atty Amb Sra Srta"
)
# Never the last word of a sentence in edited prose, whatever follows.
_MID_ONLY = "v vs viz cf approx ca incl esp resp ref refs"
_POSTPOSITIVE = "inc corp co cos ltd llc plc jr sr bros esq etc al ed eds"
_BEFORE_NUMBER = (
    "no nos nr vol vols p pp fig figs ch chap sec secs art arts para pt pts apt ste rte hwy op "
    "tel ext n°"
)
# Case matters for these: "Mar." is March, "mar." a verb; "Ill." a state, "ill." a word.
_MONTHS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
_STATES = (
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss "
    "Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo"
)

_ABBR_ANY_CASE: dict[str, int] = {
    **dict.fromkeys(_TITLES.split(), _NEVER),
    **dict.fromkeys(_MID_ONLY.split(), _NEVER),
    **dict.fromkeys(_POSTPOSITIVE.split(), _POST),
    **dict.fromkeys(_BEFORE_NUMBER.split(), _NUMERIC),
    "st": _STREET_OR_TITLE,
    "dr": _STREET_OR_TITLE,
}
_ABBR_EXACT: dict[str, int] = {
    **dict.fromkeys(_CASED_TITLES.split(), _NEVER),
    **dict.fromkeys(_MONTHS.split(), _NUMERIC),
    **dict.fromkeys(_STATES.split(), _STATE),
}
# Lower-case words that end in a period mid-sentence often enough (units, clippings) that
# a lower-case word after them is no evidence of a new sentence.
_CLIPPED = frozenset(
    _words(
        "mins secs hrs yrs mos wks lbs kgs ozs misc govt dept depts intl natl assn univ excl "
        "cont orig approx incl corp abbr repr sq ft oz lb mi km cm mm kg mg ml hr yr mo wk min "
        "max sec avg est tsp tbsp cal ibid"
    )
)

# Capitalised words that usually open a sentence: after an ambiguous abbreviation ("U.S.",
# "Ill.", a single capital) only one of these is taken as evidence of a new sentence, since
# a name ("U.S. Treasury", "Albert I. Jones") is the likelier reading.
_STARTERS = frozenset(
    _words(
        """
        A An The This That These Those There Here It Its He She They We I You His Her Their Our
        My Your Its What When Where Why How Who Which Whose Whether If As But And Or Nor So Yet
        For In On At By To From With Without After Before During Since Until While Although
        Though Because However Meanwhile Still Also Then Now Today Yesterday Tomorrow Instead
        Even Just Only Many Most Some Several Few Both Each Every All Any No Not None One Other
        Others Such Much More Less Last Next Did Do Does Is Are Was Were Can Could Will Would
        Should Shall May Might Must Has Have Had Let Please Despite According Under Over Among
        Once Perhaps Indeed Thus Therefore Otherwise Later Earlier Another Neither Either
        Nobody Everyone Everybody Someone Somebody Anyone Anybody Nothing Everything Something
        """
    )
)
# Words that number a step or a part: "Step 1. Preheat the oven."
_LABELS = frozenset(
    _words(
        "Step Chapter Part Section Figure Fig Table Question Exercise Rule Day Phase Stage "
        "Round Lesson Item Option Tip Problem Example Note"
    )
)
# After "a.m."/"p.m." a capital word usually starts a sentence, except these.
_TIME_FOLLOWERS = frozenset(
    _words(
        """
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur
        Thurs Fri Sat Sun January February March April May June July August September October
        November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ET EST EDT CT CST
        CDT MT MST MDT PT PST PDT GMT UTC BST CET CEST AEST IST Eastern Central Mountain Pacific
        local
        """
    )
)
# A fronted time phrase ("At 5 a.m. Mr. Smith left.") is not a sentence of its own.
_FRONTING = frozenset(
    _words(
        "at by until till before after from around about since shortly starting beginning on near"
    )
)
_SPEECH_VERBS = (
    "said|says|asked|asks|told|tells|added|adds|wrote|writes|replied|replies|recalled|"
    "explained|continued|shouted|exclaimed|tweeted|noted|insisted|countered|wondered|"
    "remarked|declared|answered|cried|whispered|laughed|joked"
)

# Characters that may open a sentence before its first word, and list bullets.
_OPENERS = "\"'“‘«([{¿¡"
_BULLETS = "•‣⁃◦▪●○■□►▸"
_LEAD = _OPENERS + _BULLETS + " \t"
# Characters that cannot open a sentence: closing marks, operators, more punctuation.
_NO_START = ",;:)]}»”’%+=<>|/\\~^.!?"

# ----------------------------------------------------------------------------- patterns
# A candidate boundary. Either a line break, or: terminal punctuation (a spaced ellipsis
# ". . ." counts as one run), then closing quotes/brackets and citation marks, then
# whitespace, the end of the text, or (glued, "world.Today") a capitalised word.
# A run is only tried from its first mark and never given back (possessive quantifiers):
# otherwise 100k dots followed by a letter would be retried from every dot, in O(n²).
_CANDIDATE = re.compile(
    r"""
    # Every branch starts with one of these: checking it first lets the engine skip plain
    # text several times faster than trying each branch at every position.
    (?=[\n.!?…‽。！？])
    (?:
    (?P<nl>\n\s*)
    | (?P<cjk>[。！？]++[」』”’）)]*+)\s*
    | (?<![.!?…‽])(?<![.!?…‽][ \t])
      (?P<punct>\.(?:[ \t]\.){2,}+|[.!?…‽]++)
      (?P<close>["'”’»)\]}]*+(?:[ ]?\[(?:\d{1,3}(?:[,–-]\d{1,3})*|[a-z])\])*+)
      (?:(?P<ws>\s+)|\Z|(?=[A-Z][a-z]))
    )
    """,
    re.VERBOSE,
)
# The word after a candidate: opening quotes/brackets, then the word itself.
_NEXT_WORD = re.compile(r"([\"'“‘«(\[{¿¡]*)(\w[\w&-]*)?")
# "iPhone", "eBay", "iOS": lower-case first letter, but capitalised like a name.
_BRAND = re.compile(r"[a-z]{1,4}[A-Z]")
# "U.S", "E.U", "a.m", "J.R", "Ph.D": single letters with inner periods (the last one
# excluded), not domain names such as "bbc.co.uk".
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z][a-z]\.[A-Z]")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_SPEECH_AFTER = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+){1,3}(?:" + _SPEECH_VERBS + r")\b",
)
# A paragraph that opens with a list marker: optional bullet, then "1.", "1)", "1.)", "a.".
_LIST_HEAD = re.compile(
    r"(?P<bullet>[" + _BULLETS + r"]\s*)?(?P<label>\d{1,2}|[a-z])(?P<style>\.\)|\)|\.)\s"
)

# Looks around a candidate stop this far away: longer tokens are never abbreviations, and
# the bound keeps pathological input (no spaces for a megabyte) linear.
_MAX_TOKEN = 64

# "Hi Tom, Thanks for ...": a salutation is a sentence of its own.
_GREETING = re.compile(
    r"(?:Hi|Hello|Hey|Dear|Greetings|Good (?:morning|afternoon|evening))\b[^,.!?:;\n]{0,60},"
    r"[ \t]+(?=[A-Z])"
)

# Kinds of the word after a candidate.
_UPPER, _DIGIT, _LOWER, _OTHER, _NONE = range(5)


# ----------------------------------------------------------------------------- public API
def split_spans(text: str) -> list[tuple[int, int]]:
    """Exact, ordered, non-overlapping spans of the sentences in one block of text."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = n - len(text.lstrip())
    if start == n:
        return spans
    list_cuts = _structural_cuts(text, start)
    for m in _CANDIDATE.finditer(text, start):
        if list_cuts and list_cuts[-1] < m.start():
            start = _flush_list_cuts(text, start, m.start(), list_cuts, spans)
        branch = m.lastgroup
        if branch == "nl":
            end, nxt = _trim_end(text, start, m.start()), m.end()
        elif branch == "cjk":
            # Chinese and Japanese full stops end a sentence with no space after them.
            end, nxt = m.end("cjk"), m.end()
        else:
            cut = _judge(text, start, m)
            if cut is None:
                continue
            end, nxt = cut
        if end > start:
            spans.append((start, end))
        start = nxt
    if list_cuts:
        start = _flush_list_cuts(text, start, n, list_cuts, spans)
    end = _trim_end(text, start, n)
    if end > start:
        spans.append((start, end))
    return spans


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


def segment(blocks: Iterable[Block]) -> tuple[Sentence, ...]:
    """Cut every block into sentences, numbering them through the whole article."""
    out: list[Sentence] = []
    for block_index, block in enumerate(blocks):
        if not block.text.strip():
            continue
        if block.kind in (BlockKind.CODE, BlockKind.TABLE):
            spans = _line_spans(block.text)
        else:
            spans = split_spans(block.text)
        for s, e in spans:
            out.append(Sentence(len(out), block_index, s, e, block.text[s:e]))
    return tuple(out)


# ----------------------------------------------------------------------------- judging
def _judge(text: str, start: int, m: re.Match[str]) -> tuple[int, int] | None:
    """Decide one punctuation candidate: `(sentence end, next sentence start)` or None."""
    nxt = m.end()
    if nxt >= len(text):
        return None  # the end of the text closes the last sentence anyway
    punct, close, ws = m.group("punct", "close", "ws")
    p0 = m.start()
    end = p0 + len(punct) + len(close)
    if ws is None and not _glued_ok(text, p0, punct, nxt):
        return None
    if ws is not None and "\n" in ws:
        return end, nxt  # a hard line break always separates
    kind, word, opened = _next_word(text, nxt)
    if kind == _NONE:
        return None
    if close and kind == _LOWER:
        return None  # '"This is great." she said' goes on after the quotation
    if punct[0] != "." or len(punct) > 2:
        if close and close[0] in "\"'”’»" and _said_after(text, nxt, kind, word):
            return None  # '"Is it over?" Smith asked.' ('"It is." Smith said ...' is two)
        return _judge_run(text, start, p0, punct, end, nxt, kind, word, opened)
    tok_start, core = _word_before(text, start, p0)
    if _period_boundary(text, start, tok_start, core, kind, word, opened):
        return end, nxt
    return None


def _judge_run(
    text: str,
    start: int,
    p0: int,
    punct: str,
    end: int,
    nxt: int,
    kind: int,
    word: str,
    opened: bool,
) -> tuple[int, int] | None:
    """ "!", "?", mixed runs and ellipses."""
    if "!" in punct or "?" in punct or "‽" in punct:
        if kind == _LOWER:
            # "Any ideas? my laptop ..." starts anew in web prose, but "Yahoo! in" does not.
            tok_start, core = _word_before(text, start, p0)
            return (end, nxt) if _lower_start_ok(text, start, tok_start, core, word) else None
        # "won't you? (it was ..." goes on.
        return None if kind == _OTHER and word[:1].islower() else (end, nxt)
    if p0 > 0 and text[p0 - 1] in "[(":
        return None  # "[...]" marks an omission inside a quotation
    dots = punct.count(".") + 3 * punct.count("…")
    if kind != _UPPER and not (opened and kind == _DIGIT):
        return None
    if dots >= 4:
        if " " in punct and p0 > 0 and not text[p0 - 1].isspace():
            # "compounds. . . . The": the word's own period ends the sentence and the
            # spaced ellipsis opens the next one.
            return p0 + 1, p0 + 2
        return end, nxt
    # A spaced ". . ." is the formal mark of an omission inside a quotation, and "I" is
    # capitalised anywhere, so ". . . I" is no evidence of a new sentence.
    return None if word == "I" and " " in punct else (end, nxt)


def _period_boundary(
    text: str, start: int, tok_start: int, core: str, kind: int, word: str, opened: bool
) -> bool:
    """Does a single period after `core` end the sentence, given the next word's kind?"""
    cls = (_ABBR_EXACT.get(core) or _ABBR_ANY_CASE.get(core.lower())) if len(core) < 7 else None
    if cls == _STREET_OR_TITLE:
        cls = _POST if _after_name(text, start, tok_start) else _NEVER
    if cls == _NEVER:
        return False
    if cls == _POST:
        return kind == _UPPER and not (len(word) > 1 and word.isupper())
    if cls == _STATE:
        return _opens_sentence(kind, word, opened)
    if kind == _DIGIT and (cls == _NUMERIC or core in _CLIPPED):
        return False  # "No. 3", "Jan. 5", "2 hrs. 41 min."
    if "." in core and _DOTTED.fullmatch(core):
        return _dotted_boundary(text, start, tok_start, core, kind, word, opened)
    if len(core) == 1 and core.isalpha() and not _is_unit(text, start, tok_start, core):
        # An initial ("Jonas E. Smith", "J. Smith", "200 N. Spring St.") unless a common
        # opener follows a lower-case word: "you and I. Did you ...", "vitamin D. The ...".
        if tok_start == start or not _opens_sentence(kind, word, opened):
            return False
        return not _after_name(text, start, tok_start)
    if kind == _LOWER:
        return _lower_start_ok(text, start, tok_start, core, word)
    # Capitalised, a digit or a symbol follows: a boundary unless "1." opens a list item.
    return not _is_list_number(text, start, tok_start, core)


def _dotted_boundary(
    text: str, start: int, tok_start: int, core: str, kind: int, word: str, opened: bool
) -> bool:
    low = core.lower()
    if low in ("e.g", "i.e"):
        return False
    if low in ("a.m", "p.m"):
        if kind != _UPPER or word in _TIME_FOLLOWERS:
            return False
        head = text[start:tok_start].split() if tok_start - start < 40 else ()
        return not (len(head) <= 3 and head and head[0].lower() in _FRONTING)
    return _opens_sentence(kind, word, opened)


def _is_unit(text: str, start: int, tok_start: int, core: str) -> bool:
    """A temperature scale after a number ("40 C.") is judged like any other word."""
    return core in "CFK" and _prev_word(text, start, tok_start)[-1:].isdigit()


def _opens_sentence(kind: int, word: str, opened: bool) -> bool:
    return kind == _UPPER and (opened or word in _STARTERS)


def _is_list_number(text: str, start: int, tok_start: int, core: str) -> bool:
    """ "1." or "12." as the first token of a sentence is a list marker, not an ending;
    so is "Step 1." or "Chapter 12." when the label is all the sentence holds so far."""
    if len(core) > 2 or not core.isdigit():
        return False
    if _at_start(text, start, tok_start):
        return True
    label = _prev_word(text, start, tok_start)
    return label in _LABELS and _at_start(text, start, tok_start - len(label) - 1)


def _lower_start_ok(text: str, start: int, tok_start: int, core: str, word: str) -> bool:
    """Web prose starts sentences in lower case too ("great food. i will return").

    Trusted only after a plain lower-case word that is no known clipping and no unit
    after a number ("5 ft. tall")."""
    return (
        core.isalpha()
        and core.islower()
        and word.isalpha()
        and core not in _CLIPPED
        and core not in _ABBR_ANY_CASE
        and (len(core) > 3 or not _prev_word(text, start, tok_start)[-1:].isdigit())
    )


def _said_after(text: str, nxt: int, kind: int, word: str) -> bool:
    """'"Is it over?" Smith asked.': a quote followed by its attribution."""
    return kind == _UPPER and word not in _STARTERS and _SPEECH_AFTER.match(text, nxt) is not None


def _glued_ok(text: str, p0: int, punct: str, nxt: int) -> bool:
    """A period glued to a capitalised word ("world.Today") ends a sentence, unless the
    pair is part of an address, a file name or an identifier ("Jane.Doe@example.com")."""
    if len(punct) > 1 or p0 == 0 or not (text[p0 - 1].islower() or text[p0 - 1].isdigit()):
        return False
    space = text.find(" ", nxt, nxt + _MAX_TOKEN)
    if space < 0 and nxt + _MAX_TOKEN < len(text):
        return False  # a very long token: an address or an identifier
    after = text[nxt : space if space >= 0 else len(text)]
    if "@" in after or "/" in after or "." in after.rstrip(".!?\"'”’)"):
        return False
    lo = max(0, p0 - _MAX_TOKEN)
    before_start = text.rfind(" ", lo, p0) + 1
    if before_start == 0 and lo > 0:
        return False  # a very long token again
    before = text[before_start:p0]
    return not any(mark in before for mark in "@/.")


# ----------------------------------------------------------------------------- looking around
def _next_word(text: str, pos: int) -> tuple[int, str, bool]:
    """Classify what follows a candidate: (kind, word, opened by a quote or bracket)."""
    m = _NEXT_WORD.match(text, pos)
    openers, word = m.groups()
    opened = bool(openers)
    if word is None:
        at = pos + len(openers)
        ch = text[at : at + 1]
        if opened or not ch or ch not in _NO_START:
            return _OTHER, "", opened
        return _NONE, "", opened
    first = word[0]
    if first.isupper():
        return _UPPER, word, opened
    if first.isdigit():
        return _DIGIT, word, opened
    if first.isalpha() and _BRAND.match(word):
        return _UPPER, word, opened
    # 'Smith (1996). "the title"': an opening quote after a period starts something new.
    return (_OTHER if opened else _LOWER), word, opened


def _word_before(text: str, start: int, p0: int) -> tuple[int, str]:
    """The token that the punctuation at `p0` closes, without its opening quotes/bullets."""
    lo = max(start, p0 - _MAX_TOKEN)
    tok = text[text.rfind(" ", lo, p0) + 1 or lo : p0]
    if not tok.isprintable():  # another kind of space (tab, no-break space) inside
        tail = tok.split()
        tok = tail[-1] if tail else ""
    core = tok.lstrip(_LEAD)
    return p0 - len(core), core


def _at_start(text: str, start: int, tok_start: int) -> bool:
    if tok_start - start > 8:  # bounded, so a long sentence is never rescanned
        return False
    return not text[start:tok_start].strip(_LEAD)


def _after_name(text: str, start: int, tok_start: int) -> bool:
    """Is the word before `tok_start` capitalised ("Main St.", "Albert I.") or an ordinal
    ("5th St.")? Such a word makes the abbreviation part of a name."""
    prev = _prev_word(text, start, tok_start)
    if not prev:
        return False
    if prev[0].isupper():
        # "Main St.", "Albert I.", "Evans, N."; but not "In Dr. Shadlen's words".
        return prev[-1] in ".," or (prev[-1].isalpha() and prev not in _STARTERS)
    return _ORDINAL.fullmatch(prev) is not None


def _prev_word(text: str, start: int, tok_start: int) -> str:
    """The word before the token at `tok_start`, within the current sentence."""
    if _at_start(text, start, tok_start):
        return ""
    prev_end = _trim_end(text, start, tok_start)
    return text[_token_start(text, start, prev_end) : prev_end]


def _token_start(text: str, start: int, end: int) -> int:
    """Start of the space-delimited token ending at `end`, looking back at most
    `_MAX_TOKEN` characters and never before `start`."""
    lo = max(start, end - _MAX_TOKEN)
    return text.rfind(" ", lo, end) + 1 or lo


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ----------------------------------------------------------------------------- lists
def _structural_cuts(text: str, start: int) -> list[int]:
    """Sentence starts that no punctuation marks: after the greeting of an e-mail
    ("Hi Tom, Thanks for ..."), and the items of an inline list when the paragraph opens
    with a marker ("1) first 2) second", "a. one b. two", "• one • two"). Empty for
    ordinary prose. Last cut first, so that the caller takes them off the end in O(1)."""
    greeting = _GREETING.match(text, start)
    cuts = _list_cuts(text, start)
    if greeting is not None:
        cuts.append(greeting.end())
    return cuts


def _list_cuts(text: str, start: int) -> list[int]:
    head = _LIST_HEAD.match(text, start)
    if head is None:
        return []
    bullet = head.group("bullet")
    if bullet:
        mark = bullet[0]
        return [i for i in _positions(text, mark, start + 1) if text[i - 1].isspace()][::-1]
    label, style = head.group("label"), head.group("style")
    cuts: list[int] = []
    pos = head.end()
    while True:
        label = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        found = text.find(f" {label}{style} ", pos)
        if found < 0:
            return cuts[::-1]
        cuts.append(found + 1)
        pos = found + len(label) + len(style) + 1


def _positions(text: str, ch: str, pos: int) -> list[int]:
    out = []
    pos = text.find(ch, pos)
    while pos >= 0:
        out.append(pos)
        pos = text.find(ch, pos + 1)
    return out


def _flush_list_cuts(
    text: str, start: int, before: int, cuts: list[int], spans: list[tuple[int, int]]
) -> int:
    """Emit the sentences ended by list-item starts before `before`; return the new start."""
    while cuts and cuts[-1] < before:
        cut = cuts.pop()
        if cut <= start:
            continue
        end = _trim_end(text, start, cut)
        if end > start:
            spans.append((start, end))
        start = cut
    return start


# ----------------------------------------------------------------------------- lines
_LINE = re.compile(r"[^\n]+")


def _line_spans(text: str) -> list[tuple[int, int]]:
    """One span per non-blank line, trimmed: how code and table blocks are cut."""
    out = []
    for m in _LINE.finditer(text):
        a, b = m.span()
        line = m.group()
        a += len(line) - len(line.lstrip())
        b -= len(line) - len(line.rstrip())
        if a < b:
            out.append((a, b))
    return out
