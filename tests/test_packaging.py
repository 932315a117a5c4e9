"""Packaging: version source, icons, installer scripts, the release workflow, and (slow) a
real frozen build of the Linux onedir with its --self-test.

Tools of the `packaging` dependency group (Pillow, PyInstaller, check-jsonschema) run in a
subprocess through `uv run --group packaging`, so the plain dev environment can run this
file; those tests skip, saying why, only when the group cannot be installed.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import plistlib
import shutil
import struct
import subprocess
import sys
import time
import tomllib
import warnings
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
sys.path.insert(0, str(PACKAGING))
import appinfo  # noqa: E402

# Issue 16 brought PDFium (7.1 MB stripped) and OpenSSL for HTTPS (5.8 MB with _ssl, _hashlib
# and certifi's CA bundle): 129.9 -> 143.2 MB on Linux. Slimming Qt's ICU data to what QtCore
# uses (packaging/icu_data.py, 32 -> 4.5 MB) brought it to 115.7 MB.
SIZE_GOAL_MB = 130


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


@cache
def packaging_group() -> list[str]:
    """The command prefix that runs Python with the packaging group, or skip."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH, so the packaging dependency group cannot be installed")
    cmd = [uv, "run", "--group", "packaging", "python"]
    probe = subprocess.run(
        [*cmd, "-c", "import PIL, PyInstaller, check_jsonschema"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if probe.returncode != 0:
        pytest.skip(f"the packaging group could not be installed: {probe.stderr.strip()[-500:]}")
    return cmd


# -- version ---------------------------------------------------------------------------------


def test_version_has_one_source() -> None:
    version = pyproject_version()
    assert appinfo.version() == version
    assert importlib.metadata.version("gloss") == version
    assert appinfo.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert appinfo.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert appinfo.version_tuple("2026.11") == (2026, 11, 0, 0)
    assert appinfo.short_version("1.2.3.4") == "1.2.3"


def test_dist_info_gives_the_frozen_app_its_version(tmp_path: Path) -> None:
    info = appinfo.write_dist_info(tmp_path, "9.8.7")
    assert info.name == "gloss-9.8.7.dist-info"
    found = importlib.metadata.distributions(path=[str(tmp_path)])
    assert [(d.metadata["Name"], d.version) for d in found] == [("gloss", "9.8.7")]


def test_windows_version_file_is_valid() -> None:
    text = appinfo.windows_version_file("1.2.3rc1")

    # Evaluate it the way PyInstaller does, with recording stand-ins for its classes.
    def record(kind: str):
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    info = eval(text, {n: record(n) for n in names})
    assert info[0] == "VSVersionInfo"
    ffi = info[2]["ffi"]
    assert ffi[2]["filevers"] == ffi[2]["prodvers"] == (1, 2, 3, 0)
    strings = dict(s[1] for s in info[2]["kids"][0][1][0][0][1][1])
    assert strings["ProductVersion"] == "1.2.3rc1"
    assert strings["OriginalFilename"] == "gloss.exe"
    assert strings["ProductName"] == "Gloss"


# -- icons -----------------------------------------------------------------------------------


def ico_sizes(path: Path) -> set[int]:
    data = path.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), "not an icon file"
    sizes = set()
    for i in range(count):
        width, height = struct.unpack_from("<BB", data, 6 + 16 * i)
        assert width == height
        sizes.add(width or 256)  # 0 means 256
    return sizes


def icns_members(path: Path) -> set[str]:
    data = path.read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    members, offset = set(), 8
    while offset < len(data):
        kind, length = struct.unpack_from(">4sI", data, offset)
        members.add(kind.decode("ascii"))
        offset += length
    return members


def test_source_icon_is_a_1024_px_png() -> None:
    data = (ROOT / "resources" / "icons" / "gloss.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (width, height) == (1024, 1024)
    assert colour == 6  # RGBA: the corners are transparent


def test_icons_cover_every_size(tmp_path: Path) -> None:
    cmd = packaging_group()
    subprocess.run([*cmd, str(PACKAGING / "icons.py"), str(tmp_path)], cwd=ROOT, check=True)
    sizes = ico_sizes(tmp_path / "gloss.ico")
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes
    assert min(sizes) == 16 and max(sizes) == 256
    # icns member types: 128, 256, 512 px and their @2x versions (ic13/ic14 = 256@2x, 512@2x)
    members = icns_members(tmp_path / "gloss.icns")
    assert {"ic07", "ic08", "ic09", "ic10", "ic11", "ic12", "ic13", "ic14"} <= members


# -- installer scripts -----------------------------------------------------------------------


def test_info_plist() -> None:
    plist = appinfo.info_plist("1.4.0")
    plistlib.loads(plistlib.dumps(plist))  # serialisable as a real Info.plist
    assert plist["CFBundleIdentifier"] == "org.gloss.Gloss"
    assert plist["CFBundleShortVersionString"] == "1.4.0"
    assert plist["CFBundleVersion"] == "1.4.0.0"
    assert plist["NSHighResolutionCapable"] is True
    assert plist["NSRequiresAquaSystemAppearance"] is False
    types = {t for d in plist["CFBundleDocumentTypes"] for t in d["LSItemContentTypes"]}
    assert types == {"public.html", "org.ietf.mhtml", "com.apple.webarchive"}
    assert all(d["LSHandlerRank"] == "Alternate" for d in plist["CFBundleDocumentTypes"])
    declared = {d["UTTypeIdentifier"]: d for d in plist["UTImportedTypeDeclarations"]}
    tags = declared["org.ietf.mhtml"]["UTTypeTagSpecification"]["public.filename-extension"]
    assert set(tags) == {"mhtml", "mht"}


def test_inno_setup_script() -> None:
    iss = (PACKAGING / "windows" / "gloss.iss").read_text(encoding="utf-8")
    lines = {line.strip() for line in iss.splitlines()}
    assert "PrivilegesRequired=lowest" in lines
    assert "PrivilegesRequiredOverridesAllowed=dialog" in lines
    assert "VersionInfoVersion={#AppVersionQuad}" in lines
    assert "ChangesAssociations=yes" in lines
    assert 'Name: "{autoprograms}\\{#AppName}"' in iss
    assert "Tasks: desktopicon" in iss
    for ext in (".html", ".htm", ".mhtml", ".mht"):
        assert f'Subkey: "Software\\Classes\\{ext}\\OpenWithProgids"' in iss
    # Never the default handler: no value is written on the extension keys themselves.
    assert 'Subkey: "Software\\Classes\\.html"' not in iss
    assert "Root: HKLM" not in iss and "Root: HKCR" not in iss
    assert "procedure CurUninstallStepChanged" in iss
    assert "{userappdata}\\{#AppName}" in iss
    assert "MB_DEFBUTTON2" in iss  # "keep my library" is the default answer


def test_dmg_settings() -> None:
    scope = {"defines": {"app": "dist/Gloss.app", "icon": "build/icons/gloss.icns"}}
    exec((PACKAGING / "macos" / "dmg_settings.py").read_text(encoding="utf-8"), scope)
    assert scope["files"] == ["dist/Gloss.app"]
    assert scope["symlinks"] == {"Applications": "/Applications"}
    assert set(scope["icon_locations"]) == {"Gloss.app", "Applications"}


def test_dmgbuild_only_on_macos() -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        group = tomllib.load(f)["dependency-groups"]["packaging"]
    pins = {g.split("==")[0].strip(): g for g in group}
    assert set(pins) == {"pyinstaller", "pillow", "check-jsonschema", "dmgbuild"}
    assert all("==" in g for g in group)
    assert pins["dmgbuild"].endswith("sys_platform == 'darwin'")


# -- release workflow ------------------------------------------------------------------------


def test_release_workflow_is_valid() -> None:
    cmd = packaging_group()
    result = subprocess.run(
        [
            *cmd,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_release_workflow_does_the_job() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    for needle in (
        'tags: ["v*"]',
        "workflow_dispatch:",
        "os: [windows-latest, macos-latest, ubuntu-latest]",
        "uses: astral-sh/setup-uv@v",
        "uses: actions/checkout@v",
        "uses: actions/upload-artifact@v",
        "pytest",
        "packaging/build.py --self-test",
        "xcrun notarytool submit",
        "env.HAVE_MACOS_SIGNING == 'true'",
    ):
        assert needle in text, needle
    for line in text.splitlines():
        if "uses:" in line:  # every action pinned to a major version or a commit
            ref = line.split("@", 1)[1].strip()
            assert ref.startswith("v") or len(ref) == 40, line


def workflow_step(text: str, name: str) -> str:
    """The text of one step of the release workflow, from its name to the next step."""
    start = text.index(f"- name: {name}")
    end = text.find("\n      - name:", start)
    return text[start : end if end >= 0 else len(text)]


def test_release_workflow_installs_and_uninstalls_on_windows() -> None:
    step = workflow_step(
        WORKFLOW.read_text(encoding="utf-8"), "Install, self-test and uninstall the setup"
    )
    assert "if: runner.os == 'Windows'" in step
    assert "'/VERYSILENT', '/CURRENTUSER'" in step
    # The installed console program, not the one in dist/, runs the self-test.
    assert "& (Join-Path $app 'gloss-cli.exe') --self-test" in step
    assert "$app = Join-Path $env:LOCALAPPDATA 'Programs\\Gloss'" in step  # {autopf}, per user
    assert "unins000.exe') -Wait" in step and "'/VERYSILENT', '/SUPPRESSMSGBOXES'" in step
    assert 'throw "the program folder $app is still there' in step
    assert 'throw "the silent uninstall deleted the library' in step
    assert "$library = Join-Path $env:APPDATA 'Gloss'" in step  # where gloss.iss keeps it
    iss = (PACKAGING / "windows" / "gloss.iss").read_text(encoding="utf-8")
    assert "DefaultDirName={autopf}\\{#AppName}" in iss
    assert "{userappdata}\\{#AppName}" in iss
    assert f"'{appinfo.CONSOLE_EXE_NAME}.exe'" in step


def test_release_workflow_runs_the_app_from_the_dmg() -> None:
    step = workflow_step(
        WORKFLOW.read_text(encoding="utf-8"), "Mount the dmg and self-test the app copied"
    )
    assert "if: runner.os == 'macOS'" in step
    assert 'hdiutil attach "$dmg"' in step and 'hdiutil detach "$mountpoint"' in step
    assert 'ditto "$mountpoint/Gloss.app" "$RUNNER_TEMP/Applications/Gloss.app"' in step
    assert '"$RUNNER_TEMP/Applications/Gloss.app/Contents/MacOS/gloss" --self-test' in step


# -- ICU data (Linux) ------------------------------------------------------------------------

ICU_PROBE = r"""
import ctypes, sys
folder, version = sys.argv[1], sys.argv[2]
uc = ctypes.CDLL(f"{folder}/libicuuc.so.{version}")
i18n = ctypes.CDLL(f"{folder}/libicui18n.so.{version}")
status = ctypes.c_int(0)

def call(lib, name, restype, *args):
    func = getattr(lib, f"{name}_{version}")
    func.restype = restype
    status.value = 0
    result = func(*args, ctypes.byref(status))
    return result, status.value

def converter(label):
    handle, code = call(uc, "ucnv_open", ctypes.c_void_p, label.encode())
    return "ok" if code <= 0 and handle else f"error {code}"

collator, code = call(i18n, "ucol_open", ctypes.c_void_p, b"sv_SE")
strcoll = getattr(i18n, f"ucol_strcoll_{version}")
strcoll.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ctypes.c_char_p,
                    ctypes.c_int32]
# Swedish sorts o-umlaut after z (the root order puts it beside o): the tailoring is there.
o_umlaut, z = "\u00f6".encode("utf-16-le"), b"z\0"  # UChar strings, one unit each
order = strcoll(collator, o_umlaut, 1, z, 1) if code <= 0 else None
print({"collator": code, "sv": order,
       "windows-1252": converter("windows-1252"), "shift_jis": converter("shift_jis"),
       "gbk": converter("gbk"), "euc-kr": converter("euc-kr"),
       "ebcdic": converter("ibm-37")})
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux wheels carry ICU")
def test_slim_icu_data_keeps_collation_and_web_charsets(tmp_path: Path) -> None:
    import icu_data
    import PySide6

    lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    (full,) = lib.glob("libicudata.so.*")
    version = full.name.rsplit(".", 1)[1]
    slim = icu_data.slim_library(full, tmp_path / "build")
    if slim is None:
        pytest.skip("binutils (as, ld) is not installed")
    assert slim.stat().st_size < full.stat().st_size / 5
    # libicuuc finds libicudata beside itself ($ORIGIN): load ICU from a folder with the slim one.
    for name in (f"libicuuc.so.{version}", f"libicui18n.so.{version}"):
        shutil.copy2(lib / name, tmp_path / name)
    shutil.copy2(slim, tmp_path / slim.name)
    out = subprocess.run(
        [sys.executable, "-c", ICU_PROBE, str(tmp_path), version],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    found = eval(out.stdout)  # a dict literal printed by the probe
    assert found["collator"] <= 0 and found["sv"] == 1
    for charset in ("windows-1252", "shift_jis", "gbk", "euc-kr"):
        assert found[charset] == "ok", charset
    assert found["ebcdic"] != "ok"  # dropped: no web page is in EBCDIC


# -- the real thing --------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checks the Linux onedir")
def test_frozen_linux_build_passes_its_self_test(tmp_path: Path) -> None:
    cmd = packaging_group()
    dist, build = tmp_path / "dist", tmp_path / "build"
    started = time.monotonic()
    subprocess.run(
        [
            *cmd,
            str(PACKAGING / "build.py"),
            "--bundle-only",
            "--self-test",
            f"--dist={dist}",
            f"--build={build}",
        ],
        cwd=ROOT,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=900,
    )
    took = time.monotonic() - started
    print(f"frozen build + self-test: {took:.0f} s")
    bundle = dist / "Gloss"
    exe = bundle / "gloss"
    assert exe.is_file() and os.access(exe, os.X_OK)
    assert "self-test passed" in (build / "selftest.log").read_text(encoding="utf-8")

    # The version comes from pyproject.toml, through the bundled dist-info.
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"Gloss {pyproject_version()}"

    # Lean: no Qt translations, no unused Qt modules or plugins, under the size goal.
    internal = bundle / "_internal"
    qt = internal / "PySide6" / "Qt"
    assert not list(qt.glob("translations/*.qm"))
    libs = {p.name.split(".")[0] for p in (qt / "lib").iterdir()}
    assert {"libQt6Core", "libQt6Gui", "libQt6Widgets"} <= libs
    assert not libs & {"libQt6Network", "libQt6Qml", "libQt6Quick", "libQt6Pdf"}
    plugins = {f"{p.parent.name}/{p.name}" for p in (qt / "plugins").glob("*/*.so")}
    for needed in (
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "imageformats/libqjpeg.so",
        "imageformats/libqgif.so",
        "imageformats/libqwebp.so",
        "imageformats/libqsvg.so",
    ):
        assert needed in plugins
    assert "platformthemes/libqgtk3.so" not in plugins
    if shutil.which("ld") is not None:
        (icu,) = (qt / "lib").glob("libicudata.so.*")
        assert icu.stat().st_size < 8e6, "the full ICU data is in the bundle"
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() or p.is_symlink())
    print(json.dumps({"bundle_mb": round(size / 1e6, 1)}))
    if shutil.which("strip") is None:
        # Unstripped Qt libraries add ~25 MB and the full ICU data (binutils' as and ld link
        # the slim one) ~28 MB; say so rather than fail a machine without binutils.
        warnings.warn(
            f"binutils is missing: the bundle is {size / 1e6:.1f} MB unstripped, "
            f"the {SIZE_GOAL_MB} MB goal was not checked",
            stacklevel=1,
        )
    else:
        assert size <= SIZE_GOAL_MB * 1e6, f"bundle is {size / 1e6:.1f} MB"

    # A real X server, when there is one: the bundled xcb plugin and its libraries load.
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return
    display = f":{90 + os.getpid() % 9}"
    server = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        result = subprocess.run(
            [str(exe), "--self-test"], env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "platform xcb" in result.stdout
    finally:
        server.terminate()
        server.wait(10)
