"""Time to first window, frozen against from source, and the frozen bundle's size.

    uv run python packaging/build.py --bundle-only      # once, makes dist/Gloss
    uv run python bench/startup.py [--runs 7] [--dist dist]

Each run starts `gloss --self-test --timing` offscreen with GLOSS_LAUNCHED_AT set to the
moment just before the process is spawned; the app prints how long it took from then until
its main window was shown (Python or the frozen bootloader starting, imports, Qt, opening a
fresh library with the sample article in it, building the window). The median of the runs
is reported, with the whole self-test's wall time next to it.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMING = re.compile(r"timing: first-window ([0-9.]+) s since launch")


def bundle_bytes(folder: Path) -> int:
    total = 0
    for p in folder.rglob("*"):
        if p.is_symlink():
            total += p.lstat().st_size
        elif p.is_file():
            total += p.stat().st_size
    return total


def frozen_exe(dist: Path) -> Path:
    if sys.platform == "darwin":
        return dist / "Gloss.app" / "Contents" / "MacOS" / "gloss"
    return dist / "Gloss" / ("gloss.exe" if sys.platform == "win32" else "gloss")


def measure(cmd: list[str], runs: int) -> tuple[list[float], list[float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("GLOSS_SELFTEST_RESOURCES", None)
    firsts, totals = [], []
    for _ in range(runs):
        env["GLOSS_LAUNCHED_AT"] = repr(time.time())
        started = time.perf_counter()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
        totals.append(time.perf_counter() - started)
        match = TIMING.search(out.stdout)
        if out.returncode != 0 or not match:
            sys.exit(f"{' '.join(cmd)} failed:\n{out.stdout}{out.stderr}")
        firsts.append(float(match.group(1)))
    return firsts, totals


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)

    exe = frozen_exe(args.dist)
    if not exe.exists():
        sys.exit(f"{exe} is missing; build it first: uv run python packaging/build.py")
    bundle = exe.parent if sys.platform != "darwin" else args.dist / "Gloss.app"

    rows = []
    for label, cmd in (
        ("frozen", [str(exe), "--self-test", "--timing"]),
        ("source", [sys.executable, "-m", "reader", "--self-test", "--timing"]),
    ):
        measure(cmd, 1)  # warm the disk cache; not counted
        firsts, totals = measure(cmd, args.runs)
        rows.append((label, statistics.median(firsts), min(firsts), statistics.median(totals)))

    size = bundle_bytes(bundle)
    print(f"Gloss startup, {args.runs} runs each, offscreen ({sys.platform})")
    print(f"{'':8} {'first window (median)':>22} {'(best)':>8} {'whole self-test':>16}")
    for label, median, best, total in rows:
        print(f"{label:8} {median * 1000:19.0f} ms {best * 1000:5.0f} ms {total * 1000:13.0f} ms")
    print(f"bundle   {bundle}: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
