"""Safari `.webarchive`: a binary property list with a main resource and subresources.

Subresources are looked up in memory by their WebResourceURL; nothing is read from or
written to disk, so a URL such as `file:///etc/passwd` or `../../x` leads nowhere.
"""

from __future__ import annotations

import plistlib
import struct
from typing import Any
from urllib.parse import urldefrag
from xml.parsers.expat import ExpatError

from .errors import ImportFailed
from .images import url_map_loader
from .page import SavedPage

MAGIC = b"bplist00"


def read_webarchive(data: bytes) -> SavedPage:
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ExpatError, ValueError, OverflowError, TypeError) as exc:
        raise ImportFailed(f"not a readable Safari web archive ({_first_line(exc)})") from None
    except RecursionError:
        raise ImportFailed("not a readable Safari web archive (nested too deeply)") from None
    except (KeyError, IndexError, AttributeError, struct.error) as exc:
        # What plistlib's readers raise on damaged input they do not check for.
        raise ImportFailed(
            f"not a readable Safari web archive (damaged: {type(exc).__name__})"
        ) from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        raise ImportFailed("the web archive has no main page")
    mime = str(main.get("WebResourceMIMEType") or "text/html")
    if "html" not in mime and "xml" not in mime:
        raise ImportFailed(f"the web archive's main resource is not a page ({mime})")
    url = _string(main.get("WebResourceURL"))
    resources: dict[str, bytes] = {}
    subresources = archive.get("WebSubresources")
    for sub in subresources if isinstance(subresources, list) else ():
        if isinstance(sub, dict) and isinstance(sub.get("WebResourceData"), bytes):
            sub_url = _string(sub.get("WebResourceURL"))
            if sub_url:
                resources[urldefrag(sub_url)[0]] = sub["WebResourceData"]
    return SavedPage(
        html=main["WebResourceData"],
        url=url or None,
        charset=_string(main.get("WebResourceTextEncodingName")) or None,
        load_image=url_map_loader(resources, url),
        source_format="webarchive",
    )


def _string(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _first_line(exc: Exception) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0]
