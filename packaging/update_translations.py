"""Regenerate the translation template and build the translations.

    uv run python packaging/update_translations.py          # gloss.ts + every gloss_*.qm
    uv run python packaging/update_translations.py --ts OUT # only write the template to OUT

`pyside6-lupdate` (shipped with PySide6-Essentials) reads every `tr()` and
`QCoreApplication.translate()` call under `reader/ui` into `resources/translations/gloss.ts`,
the template a translator copies to `gloss_<lang>.ts`. Each `gloss_<lang>.ts` is first
updated with the current strings (new ones marked unfinished, old ones kept as obsolete) and
then compiled by `pyside6-lrelease` into the `gloss_<lang>.qm` the app loads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "reader" / "ui"
FOLDER = ROOT / "resources" / "translations"
TEMPLATE = FOLDER / "gloss.ts"


def tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python, else from PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found; run this with the project's environment")
    return found


def source_files() -> list[str]:
    return sorted(str(p) for p in SOURCES.glob("*.py"))


def lupdate(target: Path, *, keep_obsolete: bool) -> None:
    args = [tool("lupdate"), "-locations", "none", "-no-ui-lines", *source_files()]
    if not keep_obsolete:
        args.append("-no-obsolete")
    subprocess.run([*args, "-ts", str(target)], check=True, capture_output=True, cwd=ROOT)


def write_template(target: Path) -> None:
    """The template holds only today's strings; it is remade, never merged."""
    target.unlink(missing_ok=True)
    lupdate(target, keep_obsolete=False)


def build(folder: Path = FOLDER) -> list[Path]:
    built = []
    for ts in sorted(folder.glob("gloss_*.ts")):
        lupdate(ts, keep_obsolete=True)
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, help="write only the template, to this file")
    args = parser.parse_args(argv)
    if args.ts is not None:
        write_template(args.ts)
        return 0
    write_template(TEMPLATE)
    for qm in build():
        print(f"built {qm.relative_to(ROOT)}")
    print(f"wrote {TEMPLATE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
