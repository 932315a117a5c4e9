"""The one error an import raises: its message is the one-line reason shown to the user."""


class ImportFailed(Exception):
    """The file could not be imported; nothing was written."""
