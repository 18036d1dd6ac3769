"""Time to render the filled-in form as a tagged PDF (target: p95 under 500 ms per PDF).

Builds distinct valid documents (see corpus.py), normalises them with the validator
(a third of them as a wijziging, so the change lists are drawn too), renders one PDF
untimed as a warm-up (WeasyPrint's font configuration and the stylesheet are built
then, once per thread), then times ``render_application_pdf`` for each of ``--pdfs``
documents in turn. As a same-run baseline it times rendering the same documents'
HTML only (the Django template, no WeasyPrint). ``--fresh`` also times PDFs with a new
font configuration and stylesheet for every call, to show what reusing them saves.

    .venv/bin/python bench/pdf_render.py [--pdfs 50] [--cpu 0] [--fresh] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import logging
import os
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus
from machine_info import cpu_model, tree

TARGET_P95_MS = 500.0


def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "mijnduo.conf.settings"
    os.environ.setdefault("MIJNDUO_DEBUG", "1")
    # WeasyPrint logs seven progress lines per PDF at INFO; keep them out of the output.
    os.environ.setdefault("MIJNDUO_LOG_LEVEL", "WARNING")
    import django

    django.setup()
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value with at least p% of values at or below."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def summary(name: str, ms: list[float]) -> str:
    return (
        f"{name}: n={len(ms)} p50 {percentile(ms, 50):.1f} ms, p95 {percentile(ms, 95):.1f} ms, "
        f"max {max(ms):.1f} ms, mean {statistics.fmean(ms):.1f} ms"
    )


def time_each(work: Callable[[dict[str, Any]], object], jobs: list[dict[str, Any]]) -> list[float]:
    ms: list[float] = []
    for job in jobs:
        start = time.perf_counter()
        work(job)
        ms.append((time.perf_counter() - start) * 1000)
    return ms


def build_jobs(n: int, seed: int) -> list[dict[str, Any]]:
    """Keyword arguments for render_application_pdf, one set per distinct document."""
    from mijnduo.aanvraag.validator import validate
    from mijnduo.documents.pdf import SignatureRecord

    jobs: list[dict[str, Any]] = []
    for i, raw in enumerate(build_corpus(n, seed=seed)):
        held = frozenset({"vo", "bop"}) if i % 3 == 1 else frozenset()
        result = validate(raw, held_lookup=lambda org, email, held=held: held)
        if not result.is_valid or result.kind is None:
            raise SystemExit(f"corpus document {i} is not valid: {result.problems}")
        changes = result.change_set
        ondertekening = result.document["ondertekening"]
        submitted_at = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
        jobs.append(
            {
                "document": result.document,
                "reference": f"MDZ-{i:04d}-BNCH",
                "kind": result.kind.value,
                "submitted_at": submitted_at,
                "signature": SignatureRecord(
                    naam=ondertekening["naam"],
                    functie=ondertekening["functie"],
                    signed_at=submitted_at,
                    level="eHerkenning niveau 3 (EH3)",
                ),
                "added": list(changes.added) if changes else [],
                "removed": list(changes.removed) if changes else [],
            }
        )
    return jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pdfs", type=int, default=50, help="timed PDFs (distinct documents)")
    parser.add_argument("--cpu", type=int, default=None, help="pin the process to this CPU")
    parser.add_argument("--seed", type=int, default=20260115)
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="also time PDFs with a new FontConfiguration and stylesheet per call",
    )
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of 10 (untimed) PDFs"
    )
    args = parser.parse_args(argv)

    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    setup_django()
    from mijnduo.documents import pdf as pdf_module
    from mijnduo.documents.pdf import render_application_html, render_application_pdf

    jobs = build_jobs(args.pdfs, args.seed)
    kinds: dict[str, int] = {}
    for job in jobs:
        kinds[job["kind"]] = kinds.get(job["kind"], 0) + 1
    pinned = sorted(os.sched_getaffinity(0))
    print(
        f"machine: {os.cpu_count()} CPUs, {cpu_model()}, Python {platform.python_version()}, "
        f"{tree()}; runs on CPUs {pinned}"
    )
    print(f"documents: {len(jobs)} distinct, all valid; {kinds}")

    start = time.perf_counter()
    first = render_application_pdf(**jobs[0])
    cold_ms = (time.perf_counter() - start) * 1000
    print(
        f"warm-up: first PDF {cold_ms:.0f} ms (imports WeasyPrint, builds the font "
        f"configuration and parses the stylesheet), {len(first):,} bytes"
    )
    render_application_html(**jobs[0])
    gc.collect()

    pdf_ms = time_each(lambda job: render_application_pdf(**job), jobs)
    html_ms = time_each(lambda job: render_application_html(**job), jobs)
    sizes = [len(render_application_pdf(**job)) for job in jobs[:5]]

    print(summary("render_application_pdf  ", pdf_ms))
    print(summary("baseline: template only ", html_ms))
    print(
        f"the template is {statistics.median(html_ms) / statistics.median(pdf_ms):.1%} of a "
        f"PDF's median time; PDFs are {min(sizes):,}-{max(sizes):,} bytes"
    )

    if args.fresh:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        def fresh(job: dict[str, Any]) -> bytes:
            # Forget this thread's font configuration and stylesheet: what every call
            # would cost without reusing them.
            pdf_module._state.font_config = None
            return render_application_pdf(**job)

        # Alternate the two, so each pair ran under the same machine load.
        reuse_ms: list[float] = []
        fresh_ms: list[float] = []
        for job in jobs:
            reuse_ms += time_each(lambda job: render_application_pdf(**job), [job])
            fresh_ms += time_each(fresh, [job])
        print(summary("with reuse, alternated  ", reuse_ms))
        print(summary("without reuse (fresh)   ", fresh_ms))
        saved = [f - r for f, r in zip(fresh_ms, reuse_ms, strict=True)]
        print(f"reusing them saves {statistics.median(saved):.1f} ms per PDF (median of pairs)")
        css_text = pdf_module.STYLESHEET.read_text(encoding="utf-8")
        font_config_ms, css_ms = [], []
        for _ in range(20):
            start = time.perf_counter()
            font_config = FontConfiguration()
            font_config_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            CSS(string=css_text, font_config=font_config)
            css_ms.append((time.perf_counter() - start) * 1000)
        print(
            f"alone: FontConfiguration() p50 {statistics.median(font_config_ms):.1f} ms, "
            f"parsing the stylesheet p50 {statistics.median(css_ms):.1f} ms"
        )

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for job in jobs[:10]:
            render_application_pdf(**job)
        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(20)

    p95 = percentile(pdf_ms, 95)
    met = p95 < TARGET_P95_MS
    print(
        f"target p95 < {TARGET_P95_MS:.0f} ms per PDF: {'MET' if met else 'MISSED'} "
        f"(p95 {p95:.1f} ms)"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
