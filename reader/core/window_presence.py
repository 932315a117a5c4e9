"""Where the Gloss window on a library listens, and whether one is open now.

The window side (`reader/ui/single_instance.py`) listens on a local socket named after
the library's resolved path and the user; commands that must not run under an open window
(`gloss restore`, which renames the file under every connection) ask here first. Qt-free,
so a command asks without loading Qt.
"""

from __future__ import annotations

import getpass
import hashlib
import sys
import tempfile
from multiprocessing.connection import Client
from pathlib import Path

WINDOWS = sys.platform == "win32"


def server_name(library_path: Path | str) -> str:
    """The name for a library's window: the same for every spelling of its path."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    resolved = str(Path(library_path).expanduser().resolve())
    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:24]
    return f"gloss-{digest}"


def address(name: str) -> str:
    """Where the window with that name listens."""
    if WINDOWS:
        return rf"\\.\pipe\{name}"
    return str(Path(tempfile.gettempdir()) / f"{name}.sock")


def window_is_open(library_path: Path | str) -> bool:
    """A Gloss window has this library open (it accepts a connection on its socket).

    The probe connects and hangs up without a message, which the window ignores: nothing
    is handed over and the window does not come to the front. A crashed window's leftover
    socket file refuses the connection and counts as closed.
    """
    try:
        conn = Client(address(server_name(library_path)), "AF_PIPE" if WINDOWS else "AF_UNIX")
    except OSError:
        return False
    conn.close()
    return True
