"""URL text fragments that point at a passage of a saved page."""

from __future__ import annotations

from urllib.parse import unquote

from reader.core.text_fragment import text_directive, with_text_fragment


def test_short_passage_is_named_whole_and_encoded() -> None:
    url = with_text_fragment(
        "https://example.org/a", "Costs rose by $6 billion, a 12-fold rise & more."
    )
    assert url.startswith("https://example.org/a#:~:text=")
    value = url.split("#:~:text=", 1)[1]
    # The directive's own syntax characters never appear raw inside a term.
    assert "," not in value and "-" not in value and "&" not in value and " " not in value
    assert unquote(value) == "Costs rose by $6 billion, a 12-fold rise & more."


def test_long_passage_is_named_by_its_first_and_last_words() -> None:
    passage = " ".join(f"w{i}" for i in range(30))
    directive = text_directive(passage)
    start, end = directive.removeprefix("text=").split(",")
    assert unquote(start) == "w0 w1 w2 w3 w4"
    assert unquote(end) == "w25 w26 w27 w28 w29"


def test_whitespace_is_collapsed() -> None:
    assert text_directive("  two\n\twords ") == "text=two%20words"


def test_existing_fragment_is_kept_and_old_directive_replaced() -> None:
    assert with_text_fragment("https://x.org/p#sec", "hi") == "https://x.org/p#sec:~:text=hi"
    assert (
        with_text_fragment("https://x.org/p#sec:~:text=old", "new")
        == "https://x.org/p#sec:~:text=new"
    )


def test_non_web_addresses_and_empty_passages_are_left_alone() -> None:
    assert with_text_fragment("urn:gloss:article:abc", "words") == "urn:gloss:article:abc"
    assert with_text_fragment("https://x.org/", "   ") == "https://x.org/"
