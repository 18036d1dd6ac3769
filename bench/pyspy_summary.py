"""Summarise py-spy's raw (collapsed-stack) output: self and inclusive time per function.

py-spy record --format raw -o prof.txt -- .venv/bin/python bench/validator_throughput.py
.venv/bin/python bench/pyspy_summary.py prof.txt [--top 30]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def summarise_profiles(files: list[Path], top: int = 30, within: str = "") -> str:
    """Self and inclusive sample shares per function from py-spy's collapsed stacks.

    With ``within``, only stacks with a frame containing that text count, so the shares
    are of the time spent inside that function (e.g. ``validate (mijnduo``).
    """
    own: dict[str, int] = {}
    inclusive: dict[str, int] = {}
    total = 0
    for path in files:
        for line in path.read_text(errors="replace").splitlines():
            stack, _space, count_text = line.rpartition(" ")
            if not stack or not count_text.isdigit():
                continue
            count = int(count_text)
            frames = [re.sub(r":\d+\)$", ")", f) for f in stack.split(";")]
            if within and not any(within in f for f in frames):
                continue
            total += count
            own[frames[-1]] = own.get(frames[-1], 0) + count
            for frame in set(frames):
                inclusive[frame] = inclusive.get(frame, 0) + count
    if not total:
        return "no samples"
    scope = f" inside {within!r}" if within else ""
    lines = [f"{total} samples{scope}; self time (top {top}):"]
    for frame, n in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {100 * n / total:5.1f}%  {frame}")
    lines.append(f"inclusive time (top {top}):")
    for frame, n in sorted(inclusive.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {100 * n / total:5.1f}%  {frame}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--within", default="", help="only stacks through this function")
    args = parser.parse_args(argv)
    print(summarise_profiles(args.files, args.top, args.within))
    return 0


if __name__ == "__main__":
    sys.exit(main())
