"""Where a request's time goes: the API's endpoints called in-process, without HTTP.

Calls the production WSGI application (``mijnduo.conf.wsgi``, DEBUG off) directly with
WSGI environ dicts, so neither gunicorn nor a load generator nor the network is
involved, in one process pinned to one CPU. For each endpoint it reports the median
time per request and the SQL statements one request runs; then the parts of a request
on their own: the validator, the API-key lookup, the registry lookup (``held_lookup``)
and the submit service. Figures are per request, median of ``--repeats`` batches.

    .venv/bin/python bench/request_cost.py [--db sqlite|postgres] [--requests 300]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_load import base_env, database
from corpus import build_corpus


def per_call_ms(
    work: Callable[[int], object], calls: int, repeats: int
) -> list[tuple[float, float]]:
    """(wall, CPU) milliseconds per call, one pair per batch of ``calls`` calls."""
    figures: list[tuple[float, float]] = []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        for i in range(calls):
            work(i)
        wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        figures.append((wall / calls * 1000, cpu / calls * 1000))
    return figures


def report(
    label: str, figures: Iterable[tuple[float, float]], reference: float | None = None
) -> float:
    """Print the median wall and CPU time per call; return the median wall time."""
    values = list(figures)
    wall = statistics.median(w for w, _c in values)
    cpu = statistics.median(c for _w, c in values)
    extra = f"  ({wall / reference:4.1f} times /health)" if reference else ""
    print(
        f"  {label:<46} wall {wall:7.3f} ms (min {min(w for w, _c in values):7.3f})"
        f"  CPU {cpu:7.3f} ms{extra}"
    )
    return wall


def profile(label: str, work: Callable[[int], object], calls: int) -> None:
    """cProfile ``calls`` requests; print the functions with the most cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(calls):
        work(i)
    profiler.disable()
    print(f"cProfile of {calls} x {label} (times inflated by the profiler):")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(
        r"mijnduo|rest_framework/views|psycopg/cursor|sqlite3/base|db/models/(query|sql/compiler)",
        40,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--requests", type=int, default=300, help="calls per batch")
    parser.add_argument("--repeats", type=int, default=5, help="batches per figure")
    parser.add_argument("--cpu", type=int, default=0)
    parser.add_argument(
        "--profile", action="store_true", help="also cProfile each API endpoint (top functions)"
    )
    parser.add_argument(
        "--what-if",
        action="store_true",
        help="also time the API endpoints without the registry / API-key queries",
    )
    args = parser.parse_args(argv)
    os.sched_setaffinity(0, {args.cpu})

    with (
        tempfile.TemporaryDirectory(prefix="mijnduo-cost-") as tmp,
        database(args.db, Path(tmp)) as url,
    ):
        os.environ.update(base_env(url, Path(tmp)))
        os.environ["DJANGO_SETTINGS_MODULE"] = "mijnduo.conf.settings"
        return measure(args, url)


def measure(args: argparse.Namespace, url: str) -> int:
    import logging

    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    logging.getLogger("django.request").setLevel(logging.ERROR)
    call_command("migrate", verbosity=0)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mijnduo.aanvraag.validator import validate
    from mijnduo.applications.constants import Channel
    from mijnduo.applications.services import application_submit
    from mijnduo.audit.actors import Actor, ActorKind
    from mijnduo.identity.models import ApiClient
    from mijnduo.identity.services import api_client_create
    from mijnduo.identity.tokens import hash_key
    from mijnduo.registry.selectors import held_beheerautorisaties

    client, key = api_client_create(actor=Actor(ActorKind.SYSTEM, "bench"), name="bench")
    docs = build_corpus(200)
    bodies = [json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode() for d in docs]
    results = [validate(d) for d in docs]

    def call(method: str, path: str, body: bytes = b"", auth: bool = True) -> int:
        environ: dict[str, Any] = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        if body:
            environ["CONTENT_LENGTH"] = str(len(body))
            environ["CONTENT_TYPE"] = "application/json"
        if auth:
            environ["HTTP_AUTHORIZATION"] = f"Token {key}"
        status: list[str] = []

        def start_response(
            s: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], object]:
            status.append(s)
            return lambda data: None

        b"".join(application(environ, start_response))
        return int(status[0].split()[0])

    endpoints: list[tuple[str, Callable[[int], int], int]] = [
        ("GET /health", lambda i: call("GET", "/health", auth=False), 200),
        (
            "POST /api/v1/aanvragen/valideer",
            lambda i: call("POST", "/api/v1/aanvragen/valideer", bodies[i % len(bodies)]),
            200,
        ),
        (
            "POST /api/v1/aanvragen",
            lambda i: call("POST", "/api/v1/aanvragen", bodies[i % len(bodies)]),
            201,
        ),
    ]
    print(f"database {url.split(':')[0]}; {connection.vendor}; pinned to CPU {args.cpu}")
    for label, work, expected in endpoints:
        for i in range(len(bodies)):  # check and warm up
            status = work(i)
            if status != expected:
                print(f"{label} answered {status}, expected {expected}")
                return 2
        with CaptureQueriesContext(connection) as queries:
            work(0)
        print(f"{label}: {len(queries.captured_queries)} SQL statements per request")
        for query in queries.captured_queries:
            print(f"    {query['sql'][:150]}")

    print(f"time per request, in-process (batches of {args.requests}):")
    health = report("GET /health", per_call_ms(endpoints[0][1], args.requests, args.repeats))
    for label, work, _expected in endpoints[1:]:
        report(label, per_call_ms(work, args.requests, args.repeats), health)

    if args.profile:
        for label, work, _expected in endpoints[1:]:
            profile(label, work, args.requests)

    print("parts, on their own:")
    report(
        "validate(doc) (held_lookup: none)",
        per_call_ms(lambda i: validate(docs[i % len(docs)]), args.requests, args.repeats),
        health,
    )
    report(
        "validate(doc, held_lookup=registry query)",
        per_call_ms(
            lambda i: validate(docs[i % len(docs)], held_lookup=held_beheerautorisaties),
            args.requests,
            args.repeats,
        ),
        health,
    )
    report(
        "held_beheerautorisaties(...) (registry query)",
        per_call_ms(
            lambda i: held_beheerautorisaties(
                results[i % len(results)].document["organisatie"],
                results[i % len(results)].document["beheerder"]["email"],
            ),
            args.requests,
            args.repeats,
        ),
        health,
    )
    report(
        "API key lookup (ApiClient query)",
        per_call_ms(
            lambda i: ApiClient.objects.filter(
                key_hash=hash_key(key), revoked_at__isnull=True
            ).first(),
            args.requests,
            args.repeats,
        ),
        health,
    )
    actor = Actor(ActorKind.API_CLIENT, str(client.pk))

    def submit(i: int) -> object:
        return application_submit(
            actor=actor,
            submitted=docs[i % len(docs)],
            result=results[i % len(results)],
            channel=Channel.API,
            api_client=client,
        )

    with CaptureQueriesContext(connection) as queries:
        submit(0)
    print(f"  application_submit: {len(queries.captured_queries)} SQL statements")
    report(
        "application_submit(...) (service, incl. commit)",
        per_call_ms(submit, args.requests, args.repeats),
        health,
    )
    if args.what_if:
        what_if(endpoints[1:], args, health)
    return 0


def what_if(
    endpoints: list[tuple[str, Callable[[int], int], int]], args: argparse.Namespace, health: float
) -> None:
    """Re-time the API endpoints with one or both per-request lookups taken out.

    Not a proposal for the code: an estimate of what each lookup costs inside a whole
    request. The registry lookup is replaced by ``no_registry`` (the benchmark's registry
    is empty, so answers do not change); the API-key lookup is answered from a dict
    after the first request of each key.
    """
    from mijnduo.aanvraag.validator import no_registry
    from mijnduo.identity.authentication import ApiTokenAuthentication

    real = ApiTokenAuthentication.authenticate
    remembered: dict[bytes, Any] = {}

    def remembering(self: ApiTokenAuthentication, request: Any) -> Any:
        header = request.META.get("HTTP_AUTHORIZATION", "").encode()
        if header not in remembered:
            remembered[header] = real(self, request)
        return remembered[header]

    print("what if (in-process, same batches):")
    registry = mock.patch("mijnduo.applications.api.views.held_beheerautorisaties", no_registry)
    key_cache = mock.patch.object(ApiTokenAuthentication, "authenticate", remembering)
    variants: list[tuple[str, list[Any]]] = [
        ("no registry query", [registry]),
        ("API key remembered", [key_cache]),
        ("both", [registry, key_cache]),
    ]
    for variant, patches in variants:
        with contextlib.ExitStack() as stack:
            for patch in patches:
                stack.enter_context(patch)
            for label, work, _expected in endpoints:
                figures = per_call_ms(work, args.requests, args.repeats)
                report(f"{label} [{variant}]", figures, health)


if __name__ == "__main__":
    sys.exit(main())
