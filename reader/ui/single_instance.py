"""One window per library.

The first window on a library listens on a local socket (`QLocalServer`: a Unix socket,
or a named pipe on Windows) named after the library's resolved path and the user. A
later `gloss` or `gloss FILE…` on the same library connects, hands over the files (none:
just come to the front) and exits with status 0; the window imports them in the
background and raises itself. Another library has another name, so another window.

A window that crashed leaves its socket file behind on Unix: when nobody answers on it,
it is removed and taken over. A lock file around "is anyone there? / listen" keeps two
copies started at the same moment from both becoming the window.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

CONNECT_MS = 1000
ANSWER_MS = 10000  # a busy window still answers between two events
ACK = b"ok\n"


class WindowBusy(RuntimeError):
    """A window on this library accepted the connection but never answered."""


def server_name(library_path: Path | str) -> str:
    """The socket name for a library: the same for every spelling of its path."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    resolved = str(Path(library_path).expanduser().resolve())
    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:24]
    return f"gloss-{digest}"


class SingleInstance(QObject):
    pathsReceived = Signal(list)  # list[Path] handed over by a later `gloss FILE…`

    def __init__(self, library_path: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(library_path)
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def claim(self, paths: Sequence[Path] = ()) -> bool:
        """Become the library's window (True), or hand `paths` to the window that
        already is one (False). Raises WindowBusy if that window does not answer."""
        lock = QLockFile(str(Path(QDir.tempPath()) / f"{self.name}.lock"))
        lock.setStaleLockTime(5000)
        lock.lock()
        try:
            if hand_over(self.name, paths):
                return False
            QLocalServer.removeServer(self.name)  # a crashed window's socket file
            server = QLocalServer(self)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            if not server.listen(self.name):
                raise OSError(f"cannot listen on {self.name}: {server.errorString()}")
            server.newConnection.connect(self._accept)
            self.server = server
            return True
        finally:
            lock.unlock()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line)
            paths = [Path(p) for p in message.get("paths", []) if isinstance(p, str)]
        except (ValueError, AttributeError):
            socket.disconnectFromServer()
            return
        socket.write(ACK)
        socket.flush()
        self.pathsReceived.emit(paths)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def hand_over(name: str, paths: Sequence[Path]) -> bool:
    """Give `paths` to the window listening on `name`; False if none listens."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = {"paths": [str(Path(p).resolve()) for p in paths]}
    socket.write(json.dumps(message).encode() + b"\n")
    socket.flush()
    answer = b""
    while ACK not in answer:
        if not socket.waitForReadyRead(ANSWER_MS):
            socket.abort()
            raise WindowBusy("Gloss is already open on this library but does not answer")
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return True


def bring_to_front(window: QWidget) -> None:
    """Show the window above the others (window managers may only flash it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
