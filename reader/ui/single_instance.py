"""One window per library.

The first window on a library listens on a local socket named after the library's
resolved path and the user (a Unix domain socket in the temporary folder, a named pipe
on Windows). A later `gloss` or `gloss FILE…` on the same library connects, hands over
the files (none: just come to the front), waits for the window's answer and exits with
status 0; the window imports them in the background and raises itself. Another library
has another name, so another window.

The transport is the standard library's `multiprocessing.connection` (raw bytes, never
pickles) rather than Qt's QLocalServer: QtNetwork and the Kerberos libraries it links
would add 4.9 MB to the installed app, which is over its size goal, for one message.
A window that crashed leaves its socket file behind on Unix: when nobody answers on it,
it is removed and taken over. A lock file around "is anyone there? / listen" keeps two
copies started at the same moment from both becoming the window.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Sequence
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtWidgets import QWidget

from ..core.window_presence import WINDOWS as _WINDOWS
from ..core.window_presence import address, server_name

ANSWER_S = 10.0  # a busy window still answers between two events
MAX_MESSAGE = 1 << 20
ACK = b"ok"


class WindowBusy(RuntimeError):
    """A window on this library accepted the connection but never answered."""


class SingleInstance(QObject):
    pathsReceived = Signal(list)  # list[Path] handed over by a later `gloss FILE…`
    _arrived = Signal(list)  # from the listening thread, queued to the GUI thread

    def __init__(self, library_path: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(library_path)
        self.address = address(self.name)
        self.listener: Listener | None = None
        self._thread: threading.Thread | None = None
        self._closing = threading.Event()
        # A bound method of an object on the GUI thread: the signal is queued there.
        self._arrived.connect(self._deliver)

    def claim(self, paths: Sequence[Path] = ()) -> bool:
        """Become the library's window (True), or hand `paths` to the window that
        already is one (False). Raises WindowBusy if that window does not answer."""
        lock = QLockFile(str(Path(tempfile.gettempdir()) / f"{self.name}.lock"))
        lock.setStaleLockTime(5000)
        lock.lock()
        try:
            if hand_over(self.address, paths):
                return False
            self.listener = self._listen()
        finally:
            lock.unlock()
        self._thread = threading.Thread(target=self._serve, name="gloss-single-instance")
        self._thread.daemon = True
        self._thread.start()
        return True

    def listening(self) -> bool:
        return self.listener is not None

    def _listen(self) -> Listener:
        if _WINDOWS:
            return Listener(self.address, "AF_PIPE")
        try:
            listener = Listener(self.address, "AF_UNIX")
        except OSError:
            # Nobody answered on it (hand_over said so): a crashed window's socket file.
            Path(self.address).unlink(missing_ok=True)
            listener = Listener(self.address, "AF_UNIX")
        os.chmod(self.address, 0o600)
        return listener

    def close(self) -> None:
        """Stop listening (the window is closing)."""
        listener, self.listener = self.listener, None
        if listener is None:
            return
        self._closing.set()
        try:  # wake the thread out of accept()
            with Client(self.address, "AF_PIPE" if _WINDOWS else "AF_UNIX") as wake:
                wake.send_bytes(b"{}")
        except OSError:
            pass
        if self._thread is not None:
            self._thread.join(2.0)
        listener.close()

    def _serve(self) -> None:
        listener = self.listener
        assert listener is not None
        while not self._closing.is_set():
            try:
                conn = listener.accept()
            except OSError:
                return
            with conn:
                self._answer(conn)

    def _answer(self, conn: Connection) -> None:
        try:
            if not conn.poll(ANSWER_S):
                return
            message = json.loads(conn.recv_bytes(MAX_MESSAGE))
            paths = message.get("paths", []) if isinstance(message, dict) else []
            if self._closing.is_set():
                return
            self._arrived.emit([Path(p) for p in paths if isinstance(p, str)])
            conn.send_bytes(ACK)
        except (OSError, EOFError, ValueError):
            return  # a client that went away or sent garbage changes nothing

    def _deliver(self, paths: list[Path]) -> None:
        self.pathsReceived.emit(paths)


def hand_over(where: str, paths: Sequence[Path]) -> bool:
    """Give `paths` to the window listening at `where`; False if none listens."""
    try:
        conn = Client(where, "AF_PIPE" if _WINDOWS else "AF_UNIX")
    except OSError:  # no such socket or pipe, or a dead window's file
        return False
    with conn:
        message = {"paths": [str(Path(p).resolve()) for p in paths]}
        try:
            conn.send_bytes(json.dumps(message).encode())
            if conn.poll(ANSWER_S) and conn.recv_bytes(MAX_MESSAGE) == ACK:
                return True
        except (OSError, EOFError):
            pass
    raise WindowBusy("Gloss is already open on this library but does not answer")


def bring_to_front(window: QWidget) -> None:
    """Show the window above the others (window managers may only flash it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
