"""dmgbuild settings for Gloss's disk image: the app and a link to /Applications.

build.py runs:
    python -m dmgbuild -s packaging/macos/dmg_settings.py \\
        -D app=dist/Gloss.app -D icon=build/icons/gloss.icns Gloss dist/Gloss-X.dmg

dmgbuild executes this file with `defines` (the -D values) in scope.
"""

# ruff: noqa: F821  (`defines` is provided by dmgbuild)
import os.path

application = defines.get("app", "dist/Gloss.app")
app_name = os.path.basename(application)

# A compressed, read-only image (zlib: opens on every supported macOS).
format = defines.get("format", "UDZO")
filesystem = "HFS+"
size = None  # dmgbuild works it out from the contents

files = [application]
symlinks = {"Applications": "/Applications"}
if defines.get("icon"):
    icon = defines["icon"]

# The Finder window: the app on the left, an arrow, Applications on the right.
background = "builtin-arrow"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
window_rect = ((200, 120), (640, 300))
default_view = "icon-view"
icon_size = 128
text_size = 13
icon_locations = {app_name: (160, 130), "Applications": (480, 130)}
