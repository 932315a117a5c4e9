"""gloss.iss held against what the build makes, since Inno Setup cannot run here (its
compiler is a 32-bit Windows program): the spec is executed as PyInstaller would on
Windows, with recording stand-ins for its build classes, and build.py's iscc defines
are checked against the ones the script uses."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path, PureWindowsPath
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "gloss.iss"
sys.path.insert(0, str(PACKAGING))
import appinfo  # noqa: E402
import build  # noqa: E402


class Recorder:
    """Stands in for one of PyInstaller's spec classes and keeps what it was given."""

    made: dict[str, list[SimpleNamespace]]

    def __init__(self, made: dict[str, list[SimpleNamespace]], kind: str) -> None:
        self.made, self.kind = made, kind

    def __call__(self, *args: object, **kwargs: object) -> SimpleNamespace:
        obj = SimpleNamespace(args=args, kwargs=kwargs, binaries=[], datas=[], pure=[])
        obj.scripts = []
        self.made.setdefault(self.kind, []).append(obj)
        return obj


def run_spec(system: str, build_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    made: dict[str, list[SimpleNamespace]] = {}
    scope = {k: Recorder(made, k) for k in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    scope["SPECPATH"] = str(PACKAGING)
    scope["__file__"] = str(PACKAGING / "gloss.spec")
    monkeypatch.setattr(sys, "platform", system)
    monkeypatch.setenv("GLOSS_BUILD_DIR", str(build_dir))
    exec(
        compile((PACKAGING / "gloss.spec").read_text(encoding="utf-8"), "gloss.spec", "exec"), scope
    )
    monkeypatch.undo()
    return made


def iss_defines() -> tuple[dict[str, str], set[str], set[str]]:
    """The script's own string defines (defaults included), the ones it requires from the
    command line (#error when missing), and every define it uses."""
    text = ISS.read_text(encoding="utf-8")
    values = {
        m.group(1): m.group(2)
        for m in re.finditer(r'^\s*#define\s+(\w+)\s+"([^"]*)"\s*$', text, re.MULTILINE)
    }
    required = set(re.findall(r"#ifndef\s+(\w+)\s*\n\s*#error", text))
    used = set(re.findall(r"\{#(\w+)\}", text)) | set(re.findall(r"#ifndef\s+(\w+)", text))
    return values, required, used


def iss_entries(section: str) -> list[dict[str, str]]:
    text = ISS.read_text(encoding="utf-8")
    body = text.split(f"[{section}]", 1)[1]
    body = re.split(r"^\[\w+\]", body, maxsplit=1, flags=re.MULTILINE)[0]
    entries = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        fields = {}
        for part in re.split(r";\s(?=\w+:)", line):
            key, value = part.split(":", 1)
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1].replace('""', '"')  # Inno's quoting
            fields[key.strip()] = value
        entries.append(fields)
    return entries


def expand(value: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)


@pytest.fixture(scope="module")
def passed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("winbuild")
    return build.iscc_defines("1.2.3rc1", base / "dist", base / "build")


def test_build_passes_exactly_the_defines_the_script_needs(passed: dict[str, str]) -> None:
    values, required, used = iss_defines()
    assert required <= set(passed), f"iscc would stop at #error: {required - set(passed)}"
    assert set(passed) <= used, f"passed but never used: {set(passed) - used}"
    assert used <= set(passed) | set(values) | {"AppVersionQuad"}, used - set(passed) - set(values)
    assert passed["AppVersionQuad"] == "1.2.3.0"
    # The script's defaults for a hand-run iscc point where build.py writes by default.
    here = PureWindowsPath(ISS.relative_to(ROOT).parent)
    for name, default in (("SourceDir", build.DIST / appinfo.APP_NAME), ("IconFile", None)):
        resolved = Path(ROOT, *(here / values[name]).parts)
        target = default or build.BUILD / "icons" / "gloss.ico"
        assert resolved.resolve() == target.resolve(), name


def test_script_names_the_programs_the_spec_builds(
    passed: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = run_spec("win32", tmp_path, monkeypatch)
    exes = {e.kwargs["name"] + ".exe": e.kwargs["console"] for e in made["EXE"]}
    assert exes == {"gloss.exe": False, "gloss-cli.exe": True}
    [collect] = made["COLLECT"]
    assert collect.kwargs["name"] == appinfo.APP_NAME
    assert len([a for a in collect.args if a in made["EXE"]]) == 2  # both in the bundle
    # The onedir PyInstaller writes (--distpath=DIST, COLLECT name) is the Source folder.
    source_dir = Path(passed["SourceDir"])
    assert source_dir == Path(passed["OutputDir"]) / collect.kwargs["name"]

    values, _required, _used = iss_defines()
    defines = {**values, **passed}
    assert defines["AppExe"] == "gloss.exe" and defines["ConsoleExe"] == "gloss-cli.exe"
    layout = {*exes, "_internal"}  # the top of the onedir
    sources = [expand(entry["Source"], defines) for entry in iss_entries("Files")]
    assert sources
    for source in sources:
        folder, _, name = source.rpartition("\\")
        assert folder == passed["SourceDir"], source
        assert name == "*" or name in layout, source
    # Every program a shortcut, association, the [Run] step or the uninstall entry names.
    named = []
    for section in ("Icons", "Registry", "Run"):
        for entry in iss_entries(section):
            for field in ("Filename", "ValueData", "Parameters", "IconFilename"):
                named += re.findall(r"\{app\}\\([^\"\s,]+)", expand(entry.get(field, ""), defines))
    text = ISS.read_text(encoding="utf-8")
    named += re.findall(r"UninstallDisplayIcon=\{app\}\\(\S+)", expand(text, defines))
    assert named and set(named) <= set(exes), set(named) - set(exes)
    assert "gloss-cli.exe" in named and "gloss.exe" in named
    # The windowed program opens files; the console one is for terminals.
    open_commands = [
        expand(e["ValueData"], defines)
        for e in iss_entries("Registry")
        if e.get("Subkey", "").endswith("open\\command")
    ]
    assert open_commands and all('{app}\\gloss.exe" "%1"' in c for c in open_commands)
    # Both programs carry the app icon and their own version resource.
    for exe in made["EXE"]:
        assert Path(exe.kwargs["icon"]).name == "gloss.ico"
        resource = Path(exe.kwargs["version"]).read_text(encoding="utf-8")
        assert f"'OriginalFilename', '{exe.kwargs['name']}.exe'" in resource


def test_the_icon_the_script_names_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_packaging import packaging_group

    cmd = packaging_group()
    defines = build.iscc_defines("1.0.0", tmp_path / "dist", tmp_path / "build")
    icon = Path(defines["IconFile"])
    subprocess.run([*cmd, str(PACKAGING / "icons.py"), str(icon.parent)], cwd=ROOT, check=True)
    assert icon.is_file() and icon.read_bytes()[:4] == b"\0\0\1\0"
    made = run_spec("win32", tmp_path / "build", monkeypatch)
    assert {Path(e.kwargs["icon"]) for e in made["EXE"]} == {icon}


def test_other_systems_build_one_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for system in ("linux", "darwin"):
        made = run_spec(system, tmp_path, monkeypatch)
        assert [(e.kwargs["name"], e.kwargs["console"]) for e in made["EXE"]] == [
            ("gloss", system == "linux")
        ]
