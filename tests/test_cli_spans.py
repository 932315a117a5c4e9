"""`gloss note add ID NUMBER [--to NUMBER2] [--quote WORDS]` and spans on the command line
(sentence numbers from 1, as `gloss show` prints them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lib(library_path: Path, pages: Path, capsys) -> list[str]:
    args = ["--library", str(library_path)]
    assert run(capsys, *args, "import", str(pages / "news.html"))[0] == 0
    return args


def notes_json(capsys, lib: list[str]) -> list[dict]:
    code, out, err = run(capsys, *lib, "notes", "1", "--json")
    assert code == 0, err
    return json.loads(out)


def test_quote_notes_only_the_words_and_to_notes_a_run(capsys, lib) -> None:
    code, _, err = run(
        capsys, *lib, "note", "add", "1", "3", "--quote", "all four", "--text", "Two."
    )
    assert code == 0, err
    code, _, err = run(capsys, *lib, "note", "add", "1", "1", "--to", "2", "--text", "Both.")
    assert code == 0, err
    words, run_ = sorted(notes_json(capsys, lib), key=lambda n: -n["sentence"])
    assert words["quote"] == "all four"
    assert (words["sentence"], words["last_sentence"]) == (2, 2)
    assert words["end"] - words["start"] == len("all four")
    assert run_["quote"] == (
        "The old river bridge will stay closed to cars until 2027, the council said on "
        "Tuesday. Officials had promised in March that it would reopen this autumn."
    )
    assert (run_["sentence"], run_["last_sentence"]) == (0, 1)
    _, out, _ = run(capsys, *lib, "notes", "1")
    assert "\t1-2\t" in out


def test_words_not_in_the_sentences_are_an_error_and_nothing_is_saved(capsys, lib) -> None:
    code, _, err = run(
        capsys, *lib, "note", "add", "1", "3", "--quote", "six cables", "--text", "x"
    )
    assert code == 2 and "'six cables' is not in sentence 3" in err
    code, _, err = run(capsys, *lib, "note", "add", "1", "4", "--to", "2", "--text", "x")
    assert code == 2 and "comes before" in err
    assert notes_json(capsys, lib) == []


def test_reimport_reports_notes_to_review(capsys, lib, pages: Path, tmp_path: Path) -> None:
    assert run(capsys, *lib, "note", "add", "1", "7", "--quote", "a third", "--text", "x")[0] == 0
    changed = tmp_path / "news.html"
    changed.write_text(
        (pages / "news.html").read_text(encoding="utf-8").replace("a third", "a half"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", *lib, "import", str(changed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "1 note(s) now cover changed words and are marked for review" in result.stderr
    (note,) = notes_json(capsys, lib)
    assert (note["quote"], note["original_quote"], note["text_changed"]) == (
        "a half",
        "a third",
        True,
    )
