from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.batch import import_files
from reader.core.library import Library


def test_progress_names_each_file_and_ends_complete(library: Library, pages: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    outcomes = list(import_files(library, [pages], lambda *a: calls.append(a)))
    assert len(outcomes) == 4 and all(o.ok for o in outcomes)
    assert [c[0] for c in calls] == [0, 1, 2, 3, 4]
    assert {c[1] for c in calls} == {4}
    assert calls[0][2] == outcomes[0].path.name and calls[-1][2] == ""


def test_cancel_stops_before_the_next_file(library: Library, pages: Path) -> None:
    seen: list[Path] = []

    def cancelled() -> bool:
        return len(seen) >= 2

    for outcome in import_files(library, [pages], cancelled=cancelled):
        seen.append(outcome.path)
    assert len(seen) == 2
    assert library.article_count() == 2


def test_a_bug_in_one_file_is_reported_and_the_batch_goes_on(
    library: Library, pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = library.add_article

    def flaky(article, source_path=""):
        if "Emoji" in article.title:
            raise RuntimeError("boom")
        return real(article, source_path=source_path)

    monkeypatch.setattr(library, "add_article", flaky)
    outcomes = list(import_files(library, [pages]))
    failed = [o for o in outcomes if not o.ok]
    assert [o.path.name for o in failed] == ["emoji.html"]
    assert failed[0].reason == "unexpected error (boom)"
    assert "RuntimeError: boom" in failed[0].trace
    assert sum(o.ok for o in outcomes) == 3
