"""Notes out of (and back into) Gloss: pure functions from plain values to text or JSON.

- `markdown`: a readable report for Obsidian or GitHub.
- `w3c`: W3C Web Annotation JSON-LD, and a reader for it (and for Hypothesis exports).
- `claimreview`: schema.org ClaimReview JSON-LD for notes with a verdict.
- `backup`: the full-backup JSON document, with a strict reader.

Nothing here touches the library or the file system; the CLI wires these to files.
"""

from __future__ import annotations

from .backup import Backup, BackupArticle, BackupError, dump_backup, parse_backup
from .claimreview import ReviewBatch, Reviewer, claim_review, claim_reviews
from .common import ArticleInfo
from .markdown import article_markdown, library_markdown
from .w3c import (
    AnnotationFormatError,
    ImportedAnnotation,
    annotation_collection,
    note_annotation,
    parse_annotations,
)

__all__ = [
    "AnnotationFormatError",
    "ArticleInfo",
    "Backup",
    "BackupArticle",
    "BackupError",
    "ImportedAnnotation",
    "ReviewBatch",
    "Reviewer",
    "annotation_collection",
    "article_markdown",
    "claim_review",
    "claim_reviews",
    "dump_backup",
    "library_markdown",
    "note_annotation",
    "parse_annotations",
    "parse_backup",
]
