"""Can a window open here? Checked before Qt is imported, so that a missing display or a
missing system library gets a sentence that names it instead of Qt's abort (exit 134,
"could not load the Qt platform plugin xcb ... xcb-cursor0 is needed", whatever was
actually missing).

Linux only: Windows and macOS always have their platform's libraries and a display.
No Qt import here: a missing library would make importing Qt itself fail.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

# The Debian/Ubuntu package for each library Qt loads, as the README lists them.
# Every platform that draws (xcb, wayland, offscreen) needs these:
GUI_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
}
# ... and the X11 plugin these (Qt 6.5 on needs xcb-cursor):
XCB_LIBRARIES = {
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
# Platforms that need neither a display nor the X11 libraries.
HEADLESS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"}


def platform_wanted(qt_args: Sequence[str], env: Mapping[str, str]) -> str:
    """The Qt platform plugin the app will ask for: `-platform X`, else QT_QPA_PLATFORM
    (its first choice), else what Qt picks on Linux (wayland in a Wayland session, xcb)."""
    args = list(qt_args)
    for i, arg in enumerate(args):
        if arg in ("-platform", "--platform") and i + 1 < len(args):
            return _first(args[i + 1])
        if arg.startswith(("-platform=", "--platform=")):
            return _first(arg.split("=", 1)[1])
    if env.get("QT_QPA_PLATFORM"):
        return _first(env["QT_QPA_PLATFORM"])
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def _first(spec: str) -> str:
    # "wayland;xcb" is a list of fallbacks; "xcb:option" carries plugin options.
    return spec.split(";")[0].split(":")[0].strip().lower()


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        # A frozen bundle may carry the library beside Qt, found through its rpath.
        bundle = getattr(sys, "_MEIPASS", None)
        return bundle is not None and any(Path(bundle).rglob(soname))
    return True


def missing_libraries(
    libraries: Mapping[str, str], loads: Callable[[str], bool] = _loads
) -> dict[str, str]:
    """The libraries (soname: package) that cannot be loaded."""
    return {name: package for name, package in libraries.items() if not loads(name)}


def display_problem(
    qt_args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    loads: Callable[[str], bool] = _loads,
    system: str = sys.platform,
) -> str | None:
    """Why no window can open, in words for the user; None when nothing is known to stop it."""
    if not system.startswith("linux"):
        return None
    env = os.environ if env is None else env
    platform = platform_wanted(qt_args, env)
    if platform in HEADLESS:
        return None
    if platform == "xcb" and not env.get("DISPLAY"):
        return (
            "no display: DISPLAY is not set, so there is no X server to open the window on.\n"
            "Start Gloss from a desktop session (or set DISPLAY). The commands work without "
            "one: see `gloss --help`."
        )
    if platform == "wayland" and not env.get("WAYLAND_DISPLAY"):
        return (
            "no display: WAYLAND_DISPLAY is not set, so there is no Wayland compositor to "
            "open the window on.\nStart Gloss from a desktop session, or set "
            "QT_QPA_PLATFORM=xcb with DISPLAY. The commands work without one: see "
            "`gloss --help`."
        )
    wanted = dict(GUI_LIBRARIES)
    if platform == "xcb":
        wanted.update(XCB_LIBRARIES)
    missing = missing_libraries(wanted, loads)
    if not missing:
        return None
    packages = " ".join(sorted(set(missing.values())))
    return (
        f"system libraries that Qt needs are missing: {', '.join(missing)}.\n"
        f"On Debian or Ubuntu install them with:\n    sudo apt-get install {packages}\n"
        '(the README\'s "Linux system libraries" lists all of them).'
    )


def check(qt_args: Sequence[str] = ()) -> int | None:
    """Print why no window can open and return the exit status; None when it can."""
    problem = display_problem(qt_args)
    if problem is None:
        return None
    print(f"gloss: cannot open the window: {problem}", file=sys.stderr)
    return EXIT_NO_DISPLAY


EXIT_NO_DISPLAY = 3
