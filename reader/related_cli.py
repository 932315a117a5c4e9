"""`gloss related ID [--json]`: the sentences of an article that repeat a sentence noted
in another article, with that article, its sentence and verdicts (reader/cli.py hands
it over; the matching is `core/related.py`)."""

from __future__ import annotations

import argparse
import json
from itertools import groupby
from typing import Any, TextIO

from .core.library import Library
from .core.numbering import sentence_number
from .core.related_index import Elsewhere, summary


def add_related_command(sub: Any) -> None:
    p = sub.add_parser("related", help="sentences of an article that were noted in other articles")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")


def run_related(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    article = library.article(args.id)  # NotFound (a LibraryError) for an unknown id
    texts = {s.index: s.text for s in article.sentences}
    matches = library.related(args.id)
    if args.json:
        json.dump(
            [_json(m, texts.get(m.sentence, "")) for m in matches],
            out,
            ensure_ascii=False,
            indent=2,
        )
        print(file=out)
        return 0
    if not matches:
        print("No sentence of this article was noted in another article.", file=out)
        return 0
    for index, group in groupby(matches, key=lambda m: m.sentence):
        found = list(group)
        print(f"{sentence_number(index)}\t{texts.get(index, '')}", file=out)
        print(f"\t{summary(found)}", file=out)
        for m in found:
            verdicts = ", ".join(v.label for v in m.verdicts)
            where = f"{m.title} ({m.site})" if m.site else m.title
            print(
                f"\t- article {m.article_id}, sentence {sentence_number(m.other_sentence)}: "
                f"{where} · {verdicts} · similarity {m.similarity:.2f}",
                file=out,
            )
            print(f"\t  {m.other_text}", file=out)
    return 0


def _json(m: Elsewhere, text: str) -> dict[str, object]:
    return {
        "sentence": m.sentence,
        "number": sentence_number(m.sentence),
        "text": text,
        # The article's id, as "article" is in every other JSON output of Gloss.
        "article": m.article_id,
        "title": m.title,
        "site": m.site,
        "other_sentence": m.other_sentence,
        "other_number": sentence_number(m.other_sentence),
        "other_text": m.other_text,
        "verdicts": [v.value for v in m.verdicts],
        "similarity": m.similarity,
    }
