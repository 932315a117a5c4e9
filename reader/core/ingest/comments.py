"""Readers' comments recognised by their structure, whatever their classes are called.

A comment thread is a run of sibling boxes cut from one pattern (same tag, same leading
class) where each box is a short text signed by someone at some time: "Posted by Ann at
1:56 PM", "Bob says:", "3 hours ago", "Reply". A run like that after the article's own
prose is the thread; it goes, with the heading that announces it ("20 Comments"). Before
any article prose the same pattern is more likely the article itself (a forum's first
post, a list of dated entries), so it stays.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from .clean import remove, text_of

# Who and when: a time of day, "... ago", or a signing word. A bare date is not enough (a
# timeline's dated entries have one), nor is "said" (every news story has it): "says:" is.
_SIGNED = re.compile(
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\b)?|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|"
    r"years?)\s+ago\b|\b(?:says|said|wrote|writes)\s*[:,]|\b(?:posted by|reply|report abuse|"
    r"permalink)\b",
    re.I,
)
_HEADINGS = ("h1", "h2", "h3")
_MIN_RUN = 2
# A comment is short; a post in a blog's list of posts is longer and has a title.
_MAX_UNIT_CHARS = 4000
_MIN_PROSE_BEFORE = 250
# "20 Comments", "Responses to ...", "Leave a comment", "Discussion": what announces a thread.
_THREAD_LABEL = re.compile(
    r"comment|response|repl(?:y|ies)|discussion|reactions?|trackback|pingback|"
    r"leave a|join the|have your say|what do you think",
    re.I,
)


def _signature(el: lxml_html.HtmlElement) -> tuple[str, str]:
    first = (el.get("class") or "").split()[:1]
    return el.tag, re.sub(r"\d+", "", first[0]) if first else ""


def _looks_signed(el: lxml_html.HtmlElement, text: str) -> bool:
    if not 15 <= len(text) <= _MAX_UNIT_CHARS:
        return False
    if any(True for _ in el.iter(*_HEADINGS)):
        return False
    # The signature sits at the start or the end of a comment, never deep in its prose.
    return bool(_SIGNED.search(text[:160]) or _SIGNED.search(text[-160:]))


def comment_runs(body: lxml_html.HtmlElement) -> list[list[lxml_html.HtmlElement]]:
    """Runs of signed sibling boxes, outermost first; nested runs are not listed again."""
    runs: list[list[lxml_html.HtmlElement]] = []
    inside: set[lxml_html.HtmlElement] = set()
    for parent in body.iter():
        if parent in inside or len(parent) < _MIN_RUN:
            continue
        groups: dict[tuple[str, str], list[lxml_html.HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in ("p", "br", "span", "a"):
                groups.setdefault(_signature(child), []).append(child)
        for members in groups.values():
            if len(members) < _MIN_RUN:
                continue
            signed = [m for m in members if _looks_signed(m, text_of(m))]
            if len(signed) >= _MIN_RUN and len(signed) >= 0.6 * len(members):
                runs.append(members)
                for m in members:
                    inside.update(m.iter())
    return runs


def _prose_before(body: lxml_html.HtmlElement, first: lxml_html.HtmlElement) -> int:
    """How much paragraph text comes before `first` in reading order."""
    total = 0
    for el in body.iter():
        if el is first:
            break
        if el.tag in ("p", "pre", "blockquote") and not any(
            a.tag in ("p", "blockquote") for a in el.iterancestors()
        ):
            total += len(text_of(el))
            if total >= _MIN_PROSE_BEFORE:
                break
    return total


_MAX_SIGNATURE_CHARS = 200
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def signed_line_threads(body: lxml_html.HtmlElement) -> list[list[lxml_html.HtmlElement]]:
    """Flat threads: each comment's paragraphs, then a signature line ("Posted by: Ann |
    Mar 22, 2007 12:56 AM"), all siblings under a "Comments" heading. Returned as the
    siblings from that heading to the last signature."""
    threads = []
    for parent in body.iter():
        if len(parent) < 4:
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        groups: dict[tuple[str, str], list[int]] = {}
        for i, child in enumerate(children):
            if child.get("class"):
                groups.setdefault(_signature(child), []).append(i)
        for indexes in groups.values():
            if len(indexes) < _MIN_RUN + 1:
                continue
            lines = [text_of(children[i]) for i in indexes]
            if not all(len(t) <= _MAX_SIGNATURE_CHARS and _SIGNED.search(t) for t in lines):
                continue
            # The thread starts at the last heading that announces comments ("Comments",
            # "12 Responses") before the last signature; the post's own signature line
            # above it stays with the post.
            label = next(
                (
                    i
                    for i in range(indexes[-1], -1, -1)
                    if children[i].tag in _HEADING_TAGS
                    and _THREAD_LABEL.search(text_of(children[i]))
                ),
                None,
            )
            if label is None:
                continue
            signed_after = [i for i in indexes if i > label]
            if len(signed_after) < _MIN_RUN or signed_after[0] == label + 1:
                continue  # a signature right under the heading signs no comment above it
            threads.append(children[label : indexes[-1] + 1])
    return threads


_MAX_LABEL_CHARS = 60
_MAX_LABEL_CHILDREN = 3


def labelled_threads(body: lxml_html.HtmlElement) -> list[list[lxml_html.HtmlElement]]:
    """Comments written as plain paragraphs, cut from the same pattern as the article's
    own, under a short line that announces them ("Comments", "Have your say"): the
    siblings after that line, through the last signed one, when most of them are signed.
    Returned as the label followed by those siblings."""
    threads = []
    for parent in body.iter():
        if len(parent) < _MIN_RUN + 1:
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        for i, label in enumerate(children[:-_MIN_RUN]):
            if len(label) > _MAX_LABEL_CHILDREN:
                continue  # a line of a few words, not a box (measuring every box is slow)
            raw = label.text_content()
            if len(raw) > 4 * _MAX_LABEL_CHARS or not _THREAD_LABEL.search(raw):
                continue
            announced = " ".join(raw.split())
            if len(announced) > _MAX_LABEL_CHARS or any(True for _ in label.iter("a")):
                continue  # a link to the comments elsewhere announces nothing here
            after = []
            for c in children[i + 1 :]:
                if c.tag in _HEADING_TAGS:
                    break
                if text_of(c):
                    after.append(c)
            signed = [c for c in after if _looks_signed(c, text_of(c))]
            if len(signed) < _MIN_RUN or len(signed) < 0.6 * len(after):
                continue
            threads.append([label, *after[: after.index(signed[-1]) + 1]])
            break
    return threads


def drop_comment_threads(body: lxml_html.HtmlElement) -> None:
    for thread in labelled_threads(body):
        if _prose_before(body, thread[0]) >= _MIN_PROSE_BEFORE:
            for el in thread:
                remove(el)
    for thread in signed_line_threads(body):
        if _prose_before(body, thread[0]) >= _MIN_PROSE_BEFORE:
            for el in thread:
                remove(el)
    for run in comment_runs(body):
        first = run[0]  # siblings, listed in document order
        if _prose_before(body, first) < _MIN_PROSE_BEFORE:
            continue
        label = first.getprevious()
        for el in run:
            remove(el)
        # The heading or line that announced the thread ("20 Comments").
        announced = text_of(label) if label is not None else ""
        if label is not None and len(announced) <= 80 and _THREAD_LABEL.search(announced):
            remove(label)
