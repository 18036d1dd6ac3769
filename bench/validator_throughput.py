"""In-process throughput of the validator (issue 2: at least 10,000 valid documents/s, one core).

Builds a corpus of distinct valid documents (see corpus.py), checks that every one is
valid, pins the process to one CPU and times validating the whole corpus several times.
As a machine-speed reference it times ``json.loads(json.dumps(doc))`` over the same corpus
in the same run. Exits 1 when the median throughput is below the target.

    .venv/bin/python bench/validator_throughput.py [--docs 5000] [--repeats 7] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus

TARGET_DOCS_PER_SECOND = 10_000


def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "mijnduo.conf.settings"
    os.environ.setdefault("MIJNDUO_DEBUG", "1")
    import django

    django.setup()


def time_passes(
    work: Callable[[dict[str, Any]], object], corpus: list[dict[str, Any]], repeats: int
) -> list[float]:
    """Seconds per pass over the whole corpus, one figure per repeat."""
    seconds: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        for doc in corpus:
            work(doc)
        seconds.append(time.perf_counter() - start)
    return seconds


def json_round_trip(doc: dict[str, Any]) -> object:
    return json.loads(json.dumps(doc))


def machine_description() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=5000, help="distinct documents in the corpus")
    parser.add_argument("--repeats", type=int, default=7, help="timed passes over the corpus")
    parser.add_argument("--cpu", type=int, default=0, help="the CPU to pin the process to")
    parser.add_argument("--seed", type=int, default=20260115)
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of one (untimed) pass"
    )
    args = parser.parse_args(argv)

    os.sched_setaffinity(0, {args.cpu})
    setup_django()
    from mijnduo.aanvraag.validator import validate

    corpus = build_corpus(args.docs, seed=args.seed)
    distinct = len({json.dumps(doc, sort_keys=True) for doc in corpus})
    invalid = [(i, r.problems) for i, doc in enumerate(corpus) if not (r := validate(doc)).is_valid]
    if distinct != len(corpus) or invalid:
        print(f"corpus broken: {distinct} distinct of {len(corpus)}, {len(invalid)} invalid")
        for i, problems in invalid[:5]:
            print(i, json.dumps(corpus[i], ensure_ascii=False))
            print("  ", [(p.name, p.code, str(p.reason)) for p in problems])
        return 2
    kinds: dict[str, int] = {}
    for doc in corpus:
        kind = str(doc["organisatie"]["type"])
        if doc.get("intrekking", {}).get("intrekken"):
            kind += "+intrekking"
        kinds[kind] = kinds.get(kind, 0) + 1

    print(f"machine: {machine_description()}; pinned to CPU {sorted(os.sched_getaffinity(0))}")
    print(f"corpus: {len(corpus)} distinct documents, all valid; {kinds}")

    # Warm up caches (gemeenten list, phonenumbers metadata, lazy translations) untimed.
    time_passes(validate, corpus[:500], 1)
    gc.collect()
    validator_s = time_passes(validate, corpus, args.repeats)
    baseline_s = time_passes(json_round_trip, corpus, args.repeats)

    n = len(corpus)
    rates = [n / s for s in validator_s]
    base_rates = [n / s for s in baseline_s]
    median, worst = statistics.median(rates), min(rates)
    base_median = statistics.median(base_rates)
    print(f"validate(): per pass docs/s = {', '.join(f'{r:,.0f}' for r in rates)}")
    print(f"validate(): median {median:,.0f} docs/s, min {worst:,.0f} docs/s")
    print(f"            median {1e6 / median:.1f} µs per document")
    print(
        f"baseline json.loads(json.dumps(doc)): median {base_median:,.0f} docs/s "
        f"({1e6 / base_median:.1f} µs per document)"
    )
    print(f"validate() costs {base_median / median:.1f} times the JSON round trip")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for doc in corpus:
            validate(doc)
        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)

    met = median >= TARGET_DOCS_PER_SECOND
    verdict = "MET" if met else "MISSED"
    print(
        f"target >= {TARGET_DOCS_PER_SECOND:,} docs/s on one core: {verdict} "
        f"(median {median:,.0f} docs/s)"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
