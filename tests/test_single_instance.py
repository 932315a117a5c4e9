"""One window per library: `gloss FILE…` hands its files to the window already open."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ui.app import serve
from reader.ui.main_window import MainWindow
from reader.ui.single_instance import SingleInstance, address, hand_over, server_name


def start_gloss(library: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "--library", str(library), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_one_name_per_library_whatever_its_spelling(tmp_path: Path) -> None:
    a = tmp_path / "a" / "library.db"
    assert server_name(a) == server_name(tmp_path / "a" / ".." / "a" / "library.db")
    assert server_name(a) != server_name(tmp_path / "b" / "library.db")


@pytest.mark.slow
def test_gloss_file_hands_the_file_to_the_open_window_and_exits_0(
    qtbot, shown_window: MainWindow, library_path: Path, pages: Path
) -> None:
    instance = SingleInstance(library_path)
    assert instance.claim()
    serve(shown_window, instance)
    before = shown_window.library.article_count()
    # Named relative to another working directory: the window gets an absolute path.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "--library", str(library_path), "news.html"],
        cwd=pages,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    with qtbot.waitSignal(shown_window.importFinished, timeout=30000):
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=30000)
    _, err = process.communicate()
    assert process.returncode == 0, err
    assert shown_window.library.article_count() == before + 1
    assert shown_window.reader.article is not None
    assert shown_window.reader.article.title.startswith("Bridge repairs")
    instance.close()


@pytest.mark.slow
def test_another_library_gets_its_own_window(
    qtbot, shown_window: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    instance = SingleInstance(library_path)
    assert instance.claim()
    serve(shown_window, instance)
    other = tmp_path / "other" / "library.db"
    process = start_gloss(other)
    try:
        # The second library's window answers on its own name; this one hears nothing.
        qtbot.waitUntil(lambda: _answers(address(server_name(other))), timeout=30000)
        qtbot.waitUntil(other.exists, timeout=30000)  # it opens its library after
        assert process.poll() is None
    finally:
        process.terminate()  # closes the window as the end of a session does
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        Path(address(server_name(other))).unlink(missing_ok=True)
        instance.close()


def _answers(where: str) -> bool:
    try:
        return hand_over(where, [])
    except RuntimeError:
        return False


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_crashed_windows_socket_is_taken_over(tmp_path: Path) -> None:
    library = tmp_path / "library.db"
    path = Path(address(server_name(library)))
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))  # as a killed window leaves it: a file nobody listens on
    stale.close()
    assert path.exists()
    instance = SingleInstance(library)
    try:
        assert instance.claim()
        assert instance.listening()
        assert hand_over(instance.address, []) is True  # answered from its own thread
    finally:
        instance.close()
