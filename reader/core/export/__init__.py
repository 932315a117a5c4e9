"""Notes out of (and back into) Gloss: pure functions from plain values to text or JSON.

- `markdown`: a readable report for Obsidian or GitHub.
- `w3c`: W3C Web Annotation JSON-LD, and a reader for it (and for Hypothesis exports).
- `claimreview`: schema.org ClaimReview JSON-LD for notes with a verdict.
- `backup`: the full-backup JSON document, with a strict reader.

Nothing here touches the library or the file system; the CLI wires these to files.
"""

from __future__ import annotations

from .common import ArticleInfo

__all__ = ["ArticleInfo"]
