"""Notes as W3C Web Annotations (JSON-LD), and annotations back into neutral values.

Export: one note is one `Annotation`; several are an `AnnotationCollection` whose first
page holds them all. The target is the article's URL (for a page without one,
`urn:x-gloss:article:sha256:HASH`, naming its text; see `ArticleInfo.iri`) with a
TextQuoteSelector (the quote and 32 characters of context) and, for notes that are
placed, a TextPositionSelector whose offsets count Unicode code points of the article's
plain text, as the model requires. Bodies carry the parts of the note by
purpose: "assessing" (the verdict), "commenting" (the text, as Markdown), "tagging" (one
per tag) and "linking" (one per source). The selectors cover exactly the note's span (a
few words, a sentence or several); when the page changed under the note since it was
written, a "describing" body keeps the words it was written against, and import reads
it back as such.

Import: `parse_annotations` reads a single annotation, a list, an AnnotationCollection or
AnnotationPage, and Hypothesis's export JSON (rows with `uri`, `text`, `tags`, `target`,
`created`, `updated`, `id`), into `ImportedAnnotation` values. It does not decide where
they go: match the URL to an article and place the quote with `anchoring.reanchor`.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..anchoring import Anchor
from ..model import Note, Source, Verdict
from ..sources import link_target, parse_doi, what_it_is
from .common import ArticleInfo, iso_datetime

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MARKDOWN = "text/markdown"
_ID_NAMESPACE = uuidlib.UUID("6f1c1f55-4a43-4d55-9a39-3e6f0c1b7a10")


class AnnotationFormatError(ValueError):
    """The input is not W3C annotation or Hypothesis JSON that can be read."""


# -- export ------------------------------------------------------------------------------


def note_annotation(info: ArticleInfo, note: Note, with_context: bool = True) -> dict[str, Any]:
    """One note as one Web Annotation."""
    ann: dict[str, Any] = {}
    if with_context:
        ann["@context"] = CONTEXT
    ann["id"] = f"urn:uuid:{note.uuid}"
    ann["type"] = "Annotation"
    ann["motivation"] = "assessing" if note.verdict is not Verdict.NONE else "commenting"
    if created := iso_datetime(note.created):
        ann["created"] = created
    if modified := iso_datetime(note.updated):
        ann["modified"] = modified
    body = _bodies(note)
    if body:
        ann["body"] = body
    ann["target"] = {"source": info.iri, "selector": _selectors(note)}
    return ann


def annotation_collection(
    items: Iterable[tuple[ArticleInfo, Iterable[Note]]],
    label: str = "Gloss notes",
    collection_id: str | None = None,
) -> dict[str, Any]:
    """Notes of one or more articles as an AnnotationCollection (one page, all items)."""
    annotations = [
        note_annotation(info, note, with_context=False) for info, notes in items for note in notes
    ]
    if collection_id is None:
        # Same notes, same id: exporting twice gives the same document.
        key = "\n".join(sorted(a["id"] for a in annotations))
        collection_id = f"urn:uuid:{uuidlib.uuid5(_ID_NAMESPACE, key)}"
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(annotations),
        "first": {
            "id": f"urn:uuid:{uuidlib.uuid5(_ID_NAMESPACE, collection_id + '#page-1')}",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": annotations,
        },
    }


def _bodies(note: Note) -> list[dict[str, Any]]:
    body: list[dict[str, Any]] = []
    if note.verdict is not Verdict.NONE:
        body.append({"type": "TextualBody", "purpose": "assessing", "value": note.verdict.value})
    if note.text:
        body.append(
            {"type": "TextualBody", "purpose": "commenting", "value": note.text, "format": MARKDOWN}
        )
    body += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in note.tags]
    if note.words_differ:
        body.append({"type": "TextualBody", "purpose": "describing", "value": note.original_quote})
    body += [_source_body(source) for source in note.sources]
    return body


def _source_body(source: Source) -> dict[str, Any]:
    """A link kind as a linked resource (a citation: the cited article's URL with a text
    fragment); anything else, plain text included, as a textual body that links nothing."""
    target = link_target(source)
    if not target:
        words: dict[str, Any] = {
            "type": "TextualBody",
            "purpose": "linking",
            "value": what_it_is(source),
            "format": "text/plain",
        }
        if source.title:
            words["title"] = source.title
        if source.quote:
            words["selector"] = {"type": "TextQuoteSelector", "exact": source.quote}
        return words
    link: dict[str, Any] = {"type": "SpecificResource", "purpose": "linking", "source": target}
    if source.title or source.quote:
        # The source's title and the passage cited from it travel as a selector on the
        # linked resource, which keeps the body a plain SpecificResource.
        link["source"] = {"id": target}
        if source.title:
            link["source"]["title"] = source.title
        if source.quote:
            link["selector"] = {"type": "TextQuoteSelector", "exact": source.quote}
    return link


def _selectors(note: Note) -> list[dict[str, Any]]:
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": note.quote}
    if note.prefix:
        quote["prefix"] = note.prefix
    if note.suffix:
        quote["suffix"] = note.suffix
    selectors = [quote]
    # An orphan's old position points at text that is no longer there.
    if note.position is not None and note.sentence is not None:
        selectors.append(
            {
                "type": "TextPositionSelector",
                "start": note.position,
                "end": note.position + len(note.quote),
            }
        )
    return selectors


# -- import ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportedAnnotation:
    """An annotation read from a file, before it is matched to an article."""

    id: str
    url: str
    quote: str
    prefix: str
    suffix: str
    position: int | None
    text: str
    tags: tuple[str, ...]
    verdict: Verdict
    sources: tuple[Source, ...]
    created: str
    updated: str
    original_quote: str = ""  # the words the note was written against, when they differ

    @property
    def uuid(self) -> str | None:
        """The note UUID when the id is a `urn:uuid:` (as Gloss writes them)."""
        if self.id.lower().startswith("urn:uuid:"):
            return self.id[len("urn:uuid:") :]
        return None

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.quote, self.prefix, self.suffix, self.position)


def parse_annotations(data: Any) -> list[ImportedAnnotation]:
    """Annotations from decoded JSON; see the module docstring for the accepted shapes.

    Annotations without a text quote (page notes, replies) are skipped: there is nothing
    to attach them to.
    """
    out = []
    for raw in _items(data):
        found = _annotation(raw)
        if found is not None:
            out.append(found)
    return out


def _items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [_need_object(x) for x in data]
    if not isinstance(data, dict):
        raise AnnotationFormatError("expected a JSON object or list of annotations")
    if isinstance(data.get("rows"), list):  # Hypothesis API search result shape
        return [_need_object(x) for x in data["rows"]]
    kind = _types(data)
    if "AnnotationCollection" in kind:
        first = data.get("first")
        if isinstance(first, dict):
            return _items(first)
        if isinstance(data.get("items"), list):
            return [_need_object(x) for x in data["items"]]
        raise AnnotationFormatError(
            "the collection's annotations are not embedded (its first page is only a link)"
        )
    if "AnnotationPage" in kind:
        items = data.get("items")
        if not isinstance(items, list):
            raise AnnotationFormatError("an AnnotationPage without items")
        return [_need_object(x) for x in items]
    if "Annotation" in kind or "target" in data:
        return [data]
    raise AnnotationFormatError("no annotations found (not an Annotation, collection or list)")


def _need_object(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise AnnotationFormatError(f"expected an annotation object, found {type(item).__name__}")
    return item


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("type", obj.get("@type", []))
    values = value if isinstance(value, list) else [value]
    # Compacted with another context, types may keep a prefix ("oa:Annotation").
    return {str(v).split(":")[-1] for v in values}


def _annotation(raw: dict[str, Any]) -> ImportedAnnotation | None:
    target = _first_target(raw.get("target"))
    url = str(raw.get("uri") or "")
    selectors: list[dict[str, Any]] = []
    if isinstance(target, dict):
        url = str(target.get("source") or target.get("id") or url)
        selectors = _as_list(target.get("selector"))
    elif isinstance(target, str):
        url = url or target
    quote = next((s for s in selectors if "TextQuoteSelector" in _types(s)), None)
    if quote is None or not quote.get("exact"):
        return None
    position_sel = next((s for s in selectors if "TextPositionSelector" in _types(s)), None)
    position = None
    if position_sel is not None and isinstance(position_sel.get("start"), int):
        position = position_sel["start"]

    texts: list[str] = []
    tags: list[str] = [str(t) for t in _as_list(raw.get("tags"))]  # Hypothesis
    verdict = Verdict.NONE
    sources: list[Source] = []
    original = ""
    if isinstance(raw.get("text"), str) and raw["text"]:  # Hypothesis
        texts.append(raw["text"])
    if isinstance(raw.get("bodyValue"), str):
        texts.append(raw["bodyValue"])
    motivation = _as_list(raw.get("motivation"))
    default_purpose = str(motivation[0]) if len(motivation) == 1 else "commenting"
    for body in _as_list(raw.get("body")):
        if isinstance(body, str):  # a bare IRI: a linked resource
            sources.append(Source(url=body))
            continue
        if not isinstance(body, dict):
            continue
        purposes = [str(p).split(":")[-1] for p in _as_list(body.get("purpose"))]
        purpose = purposes[0] if purposes else default_purpose.split(":")[-1]
        value = body.get("value")
        if purpose == "linking" or (value is None and ("source" in body or "id" in body)):
            source = _source(body)
            if source is not None:
                sources.append(source)
        elif not isinstance(value, str):
            continue
        elif purpose == "tagging":
            tags.append(value)
        elif purpose == "describing" and not original:
            original = value
        elif purpose == "assessing" and verdict is Verdict.NONE:
            try:
                verdict = Verdict.parse(value)
            except ValueError:
                # Someone else's rating scale: keep the words rather than lose them.
                texts.append(value)
        else:
            texts.append(value)

    return ImportedAnnotation(
        id=str(raw.get("id") or raw.get("@id") or ""),
        url=url,
        quote=str(quote["exact"]),
        prefix=str(quote.get("prefix") or ""),
        suffix=str(quote.get("suffix") or ""),
        position=position,
        text="\n\n".join(texts),
        tags=tuple(tags),
        verdict=verdict,
        sources=tuple(sources),
        created=str(raw.get("created") or ""),
        updated=str(raw.get("modified") or raw.get("updated") or raw.get("created") or ""),
        original_quote=original,
    )


def _first_target(value: Any) -> Any:
    targets = _as_list(value)
    # Prefer a target that carries selectors (Hypothesis lists one per document URL).
    for t in targets:
        if isinstance(t, dict) and t.get("selector"):
            return t
    return targets[0] if targets else None


def _source(body: dict[str, Any]) -> Source | None:
    inner = body.get("source", body.get("id"))
    title = str(body.get("title") or "")
    if isinstance(inner, dict):
        title = title or str(inner.get("title") or "")
        inner = inner.get("id") or inner.get("@id")
    if inner is None and isinstance(body.get("value"), str):
        inner = body["value"]  # a source that is words, not a link
    if not isinstance(inner, str) or not inner:
        return None
    quote = ""
    for sel in _as_list(body.get("selector")):
        if isinstance(sel, dict) and "TextQuoteSelector" in _types(sel):
            quote = str(sel.get("exact") or "")
    doi = parse_doi(inner)
    if doi is not None:
        return Source(doi=doi, title=title, quote=quote)
    return Source(url=inner, title=title, quote=quote)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
