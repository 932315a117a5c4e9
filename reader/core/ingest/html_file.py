"""An `.html` file on disk: "HTML only", "Web Page, Complete" or a SingleFile page."""

from __future__ import annotations

from pathlib import Path

from .local_images import folder_image_loader, resource_folder
from .page import SavedPage
from .singlefile import read_singlefile, singlefile_url


def read_html_file(path: Path, data: bytes) -> SavedPage:
    url = singlefile_url(data)
    if url is not None:
        return read_singlefile(data, url)
    folder = resource_folder(path, data)
    if folder is not None:
        return SavedPage(data, None, None, folder_image_loader(folder), "html-complete")
    return SavedPage(data, None, None, None, "html")
