"""Does the whole machine stop now and then? A wake-up probe to run beside a load test.

    taskset -c 0 .venv/bin/python bench/wakeup_probe.py --seconds 100 [--top 15]

Sleeps 2 ms at a time, for ``--seconds``, and prints the longest gaps between two
wake-ups with the wall-clock time each ended, and the steal ticks /proc/stat counted.
A process that mostly sleeps is woken promptly by Linux's scheduler even when the CPUs
are busy, so a gap far above 2 ms means the machine (or the probe's CPU) did not run at
all for that long: the hypervisor took it, or something held it. Used in
docs/performance.md (runs AS-AU) to ask whether the load tests' single-round latency
tails were such stops; not a benchmark and no target.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SLEEP_S = 0.002


def steal_ticks() -> int:
    """The machine's steal time so far, in clock ticks (the 8th number of the cpu line)."""
    return int(Path("/proc/stat").read_text().split("\n", 1)[0].split()[8])


def probe(seconds: float) -> tuple[list[tuple[float, float]], int]:
    """(gap in seconds, wall-clock time it ended) for every wake-up; steal ticks meanwhile."""
    gaps: list[tuple[float, float]] = []
    steal_before = steal_ticks()
    end = time.perf_counter() + seconds
    last = time.perf_counter()
    while last < end:
        time.sleep(SLEEP_S)
        now = time.perf_counter()
        gaps.append((now - last, time.time()))
        last = now
    return gaps, steal_ticks() - steal_before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--top", type=int, default=15, help="how many of the longest gaps")
    args = parser.parse_args()
    gaps, steal = probe(args.seconds)
    print(f"{len(gaps)} wake-ups in {args.seconds:g} s, sleeping {SLEEP_S * 1000:g} ms each")
    print(f"steal ticks meanwhile: {steal}")
    print("longest gaps (ms, at UTC):")
    for gap, at in sorted(gaps, reverse=True)[: args.top]:
        stamp = time.strftime("%H:%M:%S", time.gmtime(at)) + f"{at % 1:.2f}"[1:]
        print(f"  {gap * 1000:6.1f}  {stamp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
