"""`gloss note add --source/--cite` and the sources in `gloss notes`, through a real
`gloss` process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from library_files import gloss

from reader.cli import main


@pytest.fixture
def lib(library_path: Path, pages: Path) -> Path:
    done = gloss(library_path, "import", str(pages / "news.html"), str(pages / "plain.txt"))
    assert done.returncode == 0, done.stderr
    return library_path


def test_every_source_form_and_a_citation(lib: Path) -> None:
    added = gloss(
        lib,
        "note", "add", "1", "2", "--text", "Not what the field notes say.", "--verdict", "false",
        "--source", "https://council.example/minutes Minutes > reopen this autumn",
        "--source", "doi:10.1000/182 Handbook",
        "--source", "https://doi.org/10.5555/12345678",
        "--source", "Phone interview with the council, 3 Feb 2025",
        "--source", "mailto:press@council.example",
        "--cite", "2:2",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    notes = json.loads(gloss(lib, "notes", "1", "--json").stdout)
    sources = notes[0]["sources"]
    assert [s["kind"] for s in sources] == ["url", "doi", "doi", "text", "url", "citation"]
    assert sources[0]["quote"] == "reopen this autumn"
    assert sources[1]["link"] == "https://doi.org/10.1000/182"
    assert sources[2]["doi"] == "10.5555/12345678"
    assert sources[3]["text"] == "Phone interview with the council, 3 Feb 2025"
    assert sources[3]["link"] == ""
    cited = sources[5]
    assert cited["quote"] == "Nobody on Mill Street was hurt."
    assert cited["title"] == "Notes from the field"
    assert cited["citation"]["article"] == 2 and cited["citation"]["number"] == 2
    text = gloss(lib, "notes", "1").stdout.splitlines()
    assert text[1:] == [
        "\tsource\turl\tMinutes — “reopen this autumn” — https://council.example/minutes",
        "\tsource\tdoi\tHandbook — doi:10.1000/182",
        "\tsource\tdoi\tdoi:10.5555/12345678",
        "\tsource\ttext\tPhone interview with the council, 3 Feb 2025",
        "\tsource\turl\tmailto:press@council.example",
        "\tsource\tcitation\tNotes from the field — “Nobody on Mill Street was hurt.” — "
        "saved article",
    ]


def test_a_bad_cite_is_an_error_and_writes_nothing(
    lib: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for spec, message in [
        ("9:1", "no article 9"),
        ("2:99", "no sentence 99"),
        ("2:0", "sentence numbers start at 1"),
        ("2", "expected ARTICLE:N"),
        ("two:1", "expected ARTICLE:N"),
        ("1:1", "cannot cite its own article"),
    ]:
        code = main(["--library", str(lib), "note", "add", "1", "2", "--text", "x", "--cite", spec])
        assert code == 2
        assert message in capsys.readouterr().err
    assert main(["--library", str(lib), "notes", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
