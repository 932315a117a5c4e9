"""`gloss --self-test` from the source tree, in a subprocess as a user would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "GLOSS_SELFTEST_RESOURCES"}
    full_env.update({"QT_QPA_PLATFORM": "offscreen", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "reader", "--self-test", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = _run("--timing", env={"HOME": str(home), "XDG_CONFIG_HOME": str(home / "cfg")})
    assert result.returncode == 0, result.stdout + result.stderr
    for check in ("resources", "qt", "import", "window", "render", "note", "single window"):
        assert f"ok   {check}:" in result.stdout
    assert "self-test passed" in result.stdout
    assert "timing: first-window" in result.stdout
    # The temporary library and the window's settings stay out of the user's folders.
    assert not (home / "cfg" / "Gloss").exists()
    assert not (home / ".local" / "share" / "Gloss").exists()


def test_self_test_fails_clearly_on_empty_resources(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _run(env={"GLOSS_SELFTEST_RESOURCES": str(empty)})
    assert result.returncode == 1
    assert f"FAIL resources: missing from the resources folder {empty}" in result.stderr
    assert "sample/welcome.html" in result.stderr
    assert "self-test failed" in result.stderr
    assert "Traceback" not in result.stderr  # a verdict, not a crash


def test_self_test_resources_option(tmp_path: Path) -> None:
    # The same check through the option, with a folder that lacks only the icon.
    partial = tmp_path / "partial"
    (partial / "sample").mkdir(parents=True)
    (partial / "sample" / "welcome.html").write_text("<p>Hi.</p>", encoding="utf-8")
    result = _run(f"--resources={partial}")
    assert result.returncode == 1
    assert "sample/welcome_files/gauges.png, icons/gloss.png" in result.stderr


def test_self_test_is_in_help() -> None:
    from reader.cli import build_parser

    assert "--self-test" in build_parser().format_help()


def test_self_test_writes_a_log(tmp_path: Path) -> None:
    log = tmp_path / "selftest.log"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _run(f"--log={log}", f"--resources={empty}")
    assert result.returncode == 1
    text = log.read_text(encoding="utf-8")
    assert "FAIL resources:" in text
    assert text.rstrip().endswith("self-test failed")
