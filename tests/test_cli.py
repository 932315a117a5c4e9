from __future__ import annotations

import json
import os
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
def lib(library_path: Path) -> list[str]:
    return ["--library", str(library_path)]


def test_import_prints_id_and_title(capsys, lib, pages: Path) -> None:
    code, out, err = run(capsys, *lib, "import", str(pages / "news.html"))
    assert code == 0, err
    assert out == "1\tBridge repairs will take two more years, council admits\n"


def test_import_goes_on_after_a_failure_and_exits_1(capsys, lib, pages, tmp_path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    png = tmp_path / "picture.html"
    png.write_bytes((pages / "complete_files" / "dot.png").read_bytes())
    code, out, err = run(capsys, *lib, "import", str(empty), str(pages / "news.html"), str(png))
    assert code == 1
    assert out.count("\n") == 1 and "Bridge repairs" in out
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert lines[0] == f"{empty}: the file is empty"
    assert lines[1] == f"{png}: not a web page or text: the file is a PNG image"
    assert lines[2] == "gloss import: 1 added, 0 updated, 0 unchanged, 2 failed"
    code, out, _ = run(capsys, *lib, "list")
    assert out.count("\n") == 1  # nothing of the failures was written


def test_import_a_folder_skips_resource_folders(capsys, lib, pages) -> None:
    code, out, err = run(capsys, *lib, "import", str(pages))
    assert code == 0, err
    titles = sorted(line.split("\t")[1] for line in out.splitlines())
    assert titles == [
        "A page saved complete",
        "Bridge repairs will take two more years, council admits",
        "Emoji everywhere",
        "Notes from the field",
    ]


def test_extract_text_is_the_body_without_title(capsys, pages) -> None:
    code, out, _ = run(capsys, "extract", str(pages / "news.html"))
    assert code == 0
    assert out.startswith("The old river bridge will stay closed")
    assert "Bridge repairs will take two more years" not in out
    assert "\n\nWhat happens now\n\n" in out
    for junk in (
        "Share on Facebook",
        "Advertisement",
        "cookies",
        "First!",
        "Most read",
        "newsletter",
        "All rights reserved",
    ):
        assert junk not in out


def test_extract_json_matches_what_the_library_stores(capsys, lib, pages) -> None:
    code, out, _ = run(capsys, "extract", "--format", "json", str(pages / "news.html"))
    assert code == 0
    data = json.loads(out)
    for key in ("path", "title", "byline", "published", "site", "lang", "url", "text", "blocks"):
        assert key in data
    assert data["byline"] == "Tom Ellery"
    assert data["published"].startswith("2025-10-14")
    assert data["site"] == "Riverside Herald"
    assert data["lang"] == "en-GB"
    assert data["url"] == "https://herald.example/news/bridge-repairs"
    assert data["blocks"][0]["kind"] == "paragraph"
    assert data["blocks"][0]["sentences"] == [
        "The old river bridge will stay closed to cars until 2027, the council said on Tuesday.",
        "Officials had promised in March that it would reopen this autumn.",
    ]
    run(capsys, *lib, "import", str(pages / "news.html"))
    code, out, _ = run(capsys, *lib, "show", "1", "--json")
    shown = json.loads(out)
    assert [s["text"] for s in shown["sentences"]] == [
        s for b in data["blocks"] for s in b["sentences"]
    ]


def test_sentences_reads_paragraphs_from_stdin(capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("One here. Two there.\n\nThree!\n"))
    code, out, _ = run(capsys, "sentences")
    assert code == 0
    assert out == "One here.\nTwo there.\n\nThree!\n\n"


def test_show_note_and_notes_round_trip(capsys, lib, pages) -> None:
    run(capsys, *lib, "import", str(pages / "news.html"))
    code, out, _ = run(capsys, *lib, "show", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Bridge repairs will take two more years, council admits"
    assert lines[1].startswith("1\tThe old river bridge")
    code, out, err = run(
        capsys,
        *lib,
        "note",
        "add",
        "1",
        "2",
        "--text",
        "It was April.",
        "--verdict",
        "misleading",
        "--source",
        "https://council.example/minutes",
    )
    assert code == 0, err
    note_uuid = out.strip()
    assert len(note_uuid) == 36
    code, out, _ = run(capsys, *lib, "notes", "1", "--json")
    notes = json.loads(out)
    assert notes == [
        {
            "uuid": note_uuid,
            "sentence": 1,
            "number": 2,
            "last_sentence": 1,
            "start": 87,
            "end": 152,
            "quote": "Officials had promised in March that it would reopen this autumn.",
            "original_quote": "Officials had promised in March that it would reopen this autumn.",
            "text_changed": False,
            "text": "It was April.",
            "verdict": "misleading",
            "sources": [
                {
                    "kind": "url",
                    "url": "https://council.example/minutes",
                    "title": "",
                    "quote": "",
                    "link": "https://council.example/minutes",
                    "plain_text": "https://council.example/minutes",
                }
            ],
            "tags": [],
            "created": notes[0]["created"],
            "updated": notes[0]["updated"],
            "claimant": "",
            "review_url": "",
        }
    ]
    code, out, _ = run(capsys, *lib, "list", "--json")
    assert json.loads(out)[0]["notes"] == 1


def test_bad_arguments_are_clear_errors(capsys, lib, pages) -> None:
    run(capsys, *lib, "import", str(pages / "news.html"))
    code, _, err = run(capsys, *lib, "note", "add", "1", "1", "--text", "x", "--verdict", "meh")
    assert code == 2 and "unknown verdict 'meh'" in err
    code, _, err = run(capsys, *lib, "show", "42")
    assert code == 2 and "no article 42" in err
    code, _, err = run(capsys, *lib, "notes", "42")
    assert code == 2 and "no article 42" in err
    code, _, err = run(capsys, *lib, "note", "add", "1", "999", "--text", "x")
    assert code == 2 and "no sentence 999" in err
    code, _, err = run(capsys, *lib, "note", "add", "1", "0", "--text", "x")
    assert code == 2 and "sentence numbers start at 1" in err


def test_library_from_environment_variable(capsys, tmp_path, pages, monkeypatch) -> None:
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("GLOSS_LIBRARY", str(target))
    code, _, _ = run(capsys, "import", str(pages / "plain.txt"))
    assert code == 0
    assert target.exists()


def test_installed_command_runs_without_qt(tmp_path, pages) -> None:
    """The console script works, and a CLI command never imports Qt."""
    script = (
        "import sys; from reader.cli import main; code = main(sys.argv[1:]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'; "
        "sys.exit(code)"
    )
    env = {**os.environ, "GLOSS_LIBRARY": str(tmp_path / "lib.db")}
    result = subprocess.run(
        [sys.executable, "-c", script, "import", str(pages / "plain.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1\tNotes from the field\n"


def test_files_named_without_a_command_are_opened_in_the_window(pages) -> None:
    from reader.cli import split_open_paths

    commands = {"import", "list"}
    page = str(pages / "news.html")
    assert split_open_paths([page], commands) == ([], [pages / "news.html"])
    assert split_open_paths(["--library", "x.db", page], commands) == (
        ["--library", "x.db"],
        [pages / "news.html"],
    )
    # An option's value is never a file to open, even when it exists.
    assert split_open_paths(["--library", page, "list"], commands) == (
        ["--library", page, "list"],
        [],
    )
    # After a command, paths belong to the command.
    assert split_open_paths(["import", page], commands) == (["import", page], [])
    assert split_open_paths(["no-such-file.html"], commands) == (["no-such-file.html"], [])
