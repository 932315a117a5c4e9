"""Build Gloss's installer for the OS this runs on, into dist/.

    uv run python packaging/build.py                 # the one command
    uv run python packaging/build.py --self-test     # ... then run the frozen app's self-test
    uv run python packaging/build.py --bundle-only   # the PyInstaller onedir, no installer

It re-runs itself under `uv run --group packaging` when the build tools (PyInstaller,
Pillow, and dmgbuild on macOS) are missing, so it installs nothing of its own.

What it makes (X = the version in pyproject.toml):
    every OS  dist/Gloss/             the onedir (on macOS also dist/Gloss.app)
    Linux     dist/Gloss-X-linux-<arch>.tar.gz
    Windows   dist/Gloss-X-setup.exe  (Inno Setup's iscc; preinstalled on GitHub's runners)
    macOS     dist/Gloss-X.dmg        (dmgbuild; signed when GLOSS_CODESIGN_IDENTITY is set)
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import appinfo  # noqa: E402

ROOT = appinfo.ROOT
DIST = ROOT / "dist"  # --dist
BUILD = ROOT / "build"  # --build: icons, generated files, PyInstaller's work folder
SPEC = HERE / "gloss.spec"
ISS = HERE / "windows" / "gloss.iss"
REEXEC_GUARD = "GLOSS_BUILD_REEXEC"

WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"
LINUX = sys.platform.startswith("linux")


def _tools_present() -> bool:
    needed = ["PyInstaller", "PIL"] + (["dmgbuild"] if MACOS else [])
    import importlib.util

    return all(importlib.util.find_spec(name) is not None for name in needed)


def _reexec_with_packaging_group() -> int:
    uv = shutil.which("uv")
    if uv is None or os.environ.get(REEXEC_GUARD):
        sys.exit(
            "build.py: PyInstaller/Pillow are missing; run "
            "`uv run --group packaging python packaging/build.py`"
        )
    env = {**os.environ, REEXEC_GUARD: "1"}
    cmd = [uv, "run", "--group", "packaging", "python", str(Path(__file__).resolve())]
    return subprocess.call([*cmd, *sys.argv[1:]], cwd=ROOT, env=env)


def frozen_executable(console: bool = False) -> Path:
    """The app in the bundle; with `console`, the program that prints to a terminal
    (on Windows the separate console build, elsewhere the app itself)."""
    if MACOS:
        return DIST / f"{appinfo.APP_NAME}.app" / "Contents" / "MacOS" / appinfo.EXE_NAME
    name = appinfo.CONSOLE_EXE_NAME if WINDOWS and console else appinfo.EXE_NAME
    return DIST / appinfo.APP_NAME / (name + (".exe" if WINDOWS else ""))


def bundle_size(path: Path) -> int:
    """Bytes in the onedir (or .app), counting symlinks as links, not as their targets."""
    total = 0
    for p in path.rglob("*"):
        if p.is_symlink():
            total += p.lstat().st_size
        elif p.is_file():
            total += p.stat().st_size
    return total


def step(message: str) -> None:
    print(f"\n== {message}", flush=True)


def make_icons() -> None:
    step("icons")
    import icons

    for path in icons.build(BUILD / "icons"):
        print(path)


def run_pyinstaller() -> Path:
    step(f"PyInstaller ({appinfo.version()})")
    for stale in (DIST / appinfo.APP_NAME, DIST / f"{appinfo.APP_NAME}.app"):
        if stale.exists():
            shutil.rmtree(stale)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={BUILD / 'pyinstaller'}",
        str(SPEC),
    ]
    env = {**os.environ, "GLOSS_BUILD_DIR": str(BUILD)}  # read by gloss.spec
    subprocess.run(cmd, cwd=ROOT, check=True, env=env)
    exe = frozen_executable()
    if not exe.exists():
        sys.exit(f"build.py: PyInstaller finished but {exe} is missing")
    folder = DIST / (f"{appinfo.APP_NAME}.app" if MACOS else appinfo.APP_NAME)
    print(f"{folder}: {bundle_size(folder) / 1e6:.1f} MB")
    return exe


def self_test(exe: Path) -> None:
    step("frozen self-test")
    log = BUILD / "selftest.log"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    code = subprocess.call([str(exe), "--self-test", f"--log={log}"], env=env)
    if code != 0:
        sys.exit(f"build.py: the frozen app's self-test failed (exit {code})")


def linux_tarball() -> Path:
    step("tar.gz")
    arch = platform.machine() or "x86_64"
    out = DIST / f"{appinfo.APP_NAME}-{appinfo.version()}-linux-{arch}.tar.gz"
    folder = DIST / appinfo.APP_NAME
    shutil.copy2(ROOT / "resources" / "icons" / "gloss.png", folder / "gloss.png")
    shutil.copy2(HERE / "linux" / "gloss.desktop", folder / "gloss.desktop")
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=appinfo.APP_NAME)  # symlinks stay symlinks
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")
    return out


def _find_iscc() -> str:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").exists():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    sys.exit("build.py: Inno Setup's iscc was not found (https://jrsoftware.org/isinfo.php)")


def iscc_defines(version: str, dist: Path, build: Path) -> dict[str, str]:
    """The preprocessor defines gloss.iss is compiled with (`iscc /DName=value`)."""
    windowed, console = appinfo.windows_executables()
    return {
        "AppVersion": version,
        "AppVersionQuad": ".".join(str(n) for n in appinfo.version_tuple(version)),
        "SourceDir": str(dist / appinfo.APP_NAME),
        "OutputDir": str(dist),
        "IconFile": str(build / "icons" / "gloss.ico"),
        "AppExe": windowed,
        "ConsoleExe": console,
    }


def windows_installer() -> Path:
    step("Inno Setup")
    version = appinfo.version()
    defines = iscc_defines(version, DIST, BUILD)
    cmd = [_find_iscc(), *(f"/D{k}={v}" for k, v in defines.items()), str(ISS)]
    subprocess.run(cmd, cwd=ROOT, check=True)
    out = DIST / f"{appinfo.APP_NAME}-{version}-setup.exe"
    if not out.exists():
        sys.exit(f"build.py: iscc finished but {out} is missing")
    return out


def macos_dmg() -> Path:
    step("dmg")
    app = DIST / f"{appinfo.APP_NAME}.app"
    out = DIST / f"{appinfo.APP_NAME}-{appinfo.version()}.dmg"
    out.unlink(missing_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "dmgbuild",
        "-s",
        str(HERE / "macos" / "dmg_settings.py"),
        "-D",
        f"app={app}",
        "-D",
        f"icon={BUILD / 'icons' / 'gloss.icns'}",
        appinfo.APP_NAME,
        str(out),
    ]
    subprocess.run(cmd, cwd=ROOT, check=True)
    identity = os.environ.get("GLOSS_CODESIGN_IDENTITY")
    if identity:
        subprocess.run(["codesign", "--sign", identity, "--timestamp", str(out)], check=True)
    return out


def main(argv: list[str]) -> int:
    global DIST, BUILD
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--self-test", action="store_true", help="run the frozen self-test")
    parser.add_argument("--bundle-only", action="store_true", help="skip the installer")
    parser.add_argument("--dist", type=Path, help=f"output folder (default {DIST})")
    parser.add_argument("--build", type=Path, help=f"work folder (default {BUILD})")
    args = parser.parse_args(argv)
    DIST = (args.dist or DIST).resolve()
    BUILD = (args.build or BUILD).resolve()
    if not _tools_present():
        return _reexec_with_packaging_group()

    started = time.monotonic()
    make_icons()
    exe = run_pyinstaller()
    if args.self_test:
        self_test(frozen_executable(console=True))
    artifact: Path | None = None
    if not args.bundle_only:
        if LINUX:
            artifact = linux_tarball()
        elif WINDOWS:
            artifact = windows_installer()
        elif MACOS:
            artifact = macos_dmg()
    step(f"done in {time.monotonic() - started:.0f} s")
    print(f"app: {exe}")
    if artifact is not None:
        print(f"installer: {artifact}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
