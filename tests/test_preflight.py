"""Before the window: a missing display or Qt system library is named, not Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ui.preflight import (
    EXIT_NO_DISPLAY,
    XCB_LIBRARIES,
    display_problem,
    platform_wanted,
)

ROOT = Path(__file__).resolve().parent.parent


def without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return {**env, **extra}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is a Linux matter")
def test_no_display_is_said_before_qt_aborts(tmp_path: Path) -> None:
    library = tmp_path / "library.db"
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library)],
        env=without_display(QT_QPA_PLATFORM="xcb"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == EXIT_NO_DISPLAY, result.stderr
    assert "cannot open the window: no display: DISPLAY is not set" in result.stderr
    assert "xcb-cursor" not in result.stderr  # not Qt's misleading guess
    assert not library.exists()  # nothing was started


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is a Linux matter")
def test_commands_still_run_without_display(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(tmp_path / "l.db"), "list"],
        env=without_display(QT_QPA_PLATFORM="xcb"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_missing_libraries_name_their_packages() -> None:
    problem = display_problem(
        env={"DISPLAY": ":5", "QT_QPA_PLATFORM": "xcb"},
        loads=lambda soname: soname not in ("libxcb-cursor.so.0", "libEGL.so.1"),
        system="linux",
    )
    assert problem is not None
    assert "libxcb-cursor.so.0, libEGL.so.1" in problem or "libEGL.so.1, libxcb-cursor" in problem
    assert "sudo apt-get install libegl1 libxcb-cursor0" in problem


def test_what_each_platform_needs() -> None:
    def missing_xcb(soname: str) -> bool:
        return soname not in XCB_LIBRARIES

    # Offscreen needs neither a display nor X11's libraries.
    assert display_problem(env={"QT_QPA_PLATFORM": "offscreen"}, system="linux") is None
    assert display_problem(["-platform", "offscreen"], env={}, system="linux") is None
    # Wayland does not need X11's libraries, but needs its compositor.
    wayland = {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert display_problem(env=wayland, loads=missing_xcb, system="linux") is None
    no_compositor = display_problem(env={"QT_QPA_PLATFORM": "wayland"}, system="linux")
    assert no_compositor and "WAYLAND_DISPLAY is not set" in no_compositor
    # Not a Linux question elsewhere.
    assert display_problem(env={}, system="win32") is None
    assert display_problem(env={}, system="darwin") is None


def test_platform_wanted() -> None:
    assert platform_wanted([], {}) == "xcb"
    assert platform_wanted([], {"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    assert platform_wanted([], {"QT_QPA_PLATFORM": "xcb:nograb"}) == "xcb"
    assert platform_wanted(["-platform", "offscreen"], {"QT_QPA_PLATFORM": "xcb"}) == "offscreen"
    session = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert platform_wanted([], session) == "wayland"
