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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus
from machine_info import cpu_model, tree

TARGET_DOCS_PER_SECOND = 10_000
T = TypeVar("T")


def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "mijnduo.conf.settings"
    os.environ.setdefault("MIJNDUO_DEBUG", "1")
    import django

    django.setup()


def time_passes(work: Callable[[T], object], corpus: Sequence[T], repeats: int) -> list[float]:
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


def print_breakdown(corpus: list[dict[str, Any]], total_us: float) -> None:
    """µs per document spent in each R5 normaliser, timed alone over the corpus's values."""
    from mijnduo.aanvraag.formats import IDENTIFIER_NORMALISERS, parse_signing_date
    from mijnduo.aanvraag.validator import today_in_amsterdam

    n = len(corpus)
    print(
        "breakdown, µs per document, each normaliser timed alone (a lower bound: in situ "
        f"it costs more, see --profile); best validate() pass {total_us:.1f} µs:"
    )
    parts: list[tuple[str, Callable[[str], object], list[str]]] = []
    for path, normaliser in IDENTIFIER_NORMALISERS.items():
        section, _dot, key = path.partition(".")
        values = [str(d.get(section, {}).get(key)) for d in corpus if d.get(section, {}).get(key)]
        parts.append((path, normaliser, values))
    today = today_in_amsterdam()
    dates = [str(d["ondertekening"]["datum"]) for d in corpus]
    parts.append(("ondertekening.datum", lambda v: parse_signing_date(v, today), dates))
    parts.append(("today_in_amsterdam()", lambda v: today_in_amsterdam(), ["x"] * n))
    accounted = 0.0
    for name, work, values in parts:
        best = min(time_passes(work, values, 3))
        per_doc = best / n * 1e6
        accounted += per_doc
        print(f"  {name:<40} {per_doc:7.1f} µs/doc  ({len(values)} values)")
    print(f"  {'sum of the parts above':<40} {accounted:7.1f} µs/doc")
    print(f"  {'the rest (structure, R1-R15 checks)':<40} {total_us - accounted:7.1f} µs/doc")


def machine_description() -> str:
    return f"{os.cpu_count()} CPUs, {cpu_model()}, Python {platform.python_version()}, {tree()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=5000, help="distinct documents in the corpus")
    parser.add_argument("--repeats", type=int, default=7, help="timed passes over the corpus")
    parser.add_argument("--cpu", type=int, default=0, help="the CPU to pin the process to")
    parser.add_argument("--seed", type=int, default=20260115)
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also time each identifier normaliser on its own over the corpus's values",
    )
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
    # Alternate validator and baseline passes, so that each validator pass has a baseline
    # pass right next to it: the machine's speed drifts on a shared host.
    validator_s: list[float] = []
    baseline_s: list[float] = []
    for _ in range(args.repeats):
        validator_s += time_passes(validate, corpus, 1)
        baseline_s += time_passes(json_round_trip, corpus, 1)

    n = len(corpus)
    rates = [n / s for s in validator_s]
    base_rates = [n / s for s in baseline_s]
    costs = [v / b for v, b in zip(validator_s, baseline_s, strict=True)]
    median, worst = statistics.median(rates), min(rates)
    base_median = statistics.median(base_rates)
    print(f"validate(): per pass docs/s = {', '.join(f'{r:,.0f}' for r in rates)}")
    print(
        f"validate(): median {median:,.0f} docs/s, min {worst:,.0f} docs/s, max {max(rates):,.0f}"
    )
    print(f"            median {1e6 / median:.1f} µs per document")
    shown = ", ".join(f"{r:,.0f}" for r in base_rates)
    print(f"baseline json.loads(json.dumps(doc)): per pass docs/s = {shown}")
    print(f"baseline: median {base_median:,.0f} docs/s ({1e6 / base_median:.1f} µs per document)")
    print(
        f"validate() costs {statistics.median(costs):.2f} times the JSON round trip "
        f"(median of adjacent pass pairs; range {min(costs):.2f}-{max(costs):.2f}); "
        f"10,000 docs/s needs at most {base_median / TARGET_DOCS_PER_SECOND:.2f} times "
        "at this run's baseline speed"
    )

    if args.breakdown:
        print_breakdown(corpus, 1e6 / max(rates))

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
