"""Gloss: read saved web articles offline and check them sentence by sentence."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gloss")
except PackageNotFoundError:  # running from a source tree without an install (PyInstaller)
    __version__ = "0.1.0"

APP_NAME = "Gloss"
