"""HTTP load benchmark of the applicant portal's form pages under gunicorn (issue 4).

    .venv/bin/python bench/portal_load.py [--rounds 3] [--duration 10] [--pages all]
                                          [--applicants 32] [--client wrk|loadgen]
    .venv/bin/python bench/portal_load.py --in-process [--what-if] [--cprofile]

Issue 4: "Form pages for a logged-in applicant at 32 concurrent: p99 under 50 ms, at
least 500 requests/s on 2 gunicorn workers with PostgreSQL." (The issue's PDF target
is bench/pdf_render.py.)

Reuses bench/api_load.py: a fresh PostgreSQL database ``mijnduo_bench_<pid>`` (dropped
afterwards), migrated; ``gunicorn mijnduo.conf.wsgi`` with 2 sync workers on a free
loopback port, with the same environment (DEBUG off); wrk (default) or loadgen.py pinned
to ``--client-cpu``; a bounded wait for an idle machine before each pair of runs; CPU
attribution per run; gunicorn always stopped again.

The logged-in applicants are made with the same settings and environment as gunicorn,
in a child process (this script with ``--setup-state``). Each one (``--applicants``,
default 32: one per connection) is a Django user; a database session as the eHerkenning
login leaves it (Django's auth keys with the EherkenningBackend, and the eHerkenning data
under ``SESSION_KEY``: KvK-nummer, RSIN, level EH3, vestigingsnummer); and a draft made
as the portal makes it: ``draft_create`` from ``document_for_new_draft``, then every form
page's answers from tests/portal/answers.py applied with ``questions.apply_answers`` and
saved with ``draft_save``, so the draft is complete (the check page finds nothing to fix)
and has an applicant e-mail. Requests carry ``Cookie: sessionid=…; csrftoken=…`` (as a
browser that has been on the site; the session cookie's Secure flag does not matter to a
load generator) and go to each applicant's own draft in turn.

Every page of every applicant is checked before the load to answer 200 with the draft's
reference in it (not a redirect to the login page: wrk counts 3xx answers as successes),
and again after the measured runs. Each round measures ``GET /health`` (no cookie: the
same middleware, no session, no database) and then one page, for every page in turn,
each at ``--connections`` (32) for ``--duration`` seconds; the ratio page/health is taken
within each pair. Every page request loads the session and the user, and the session is
written again whenever the product renews it (before commit a578d9b on every request,
SESSION_SAVE_EVERY_REQUEST; since then when the last renewal is a minute old,
src/mijnduo/identity/sessions.py): that is part of the measured cost. For information
(no target), each round starts with ``GET /health`` *with* the applicants' cookies: the
same trivial view plus the session's own cost, an upper bound for any logged-in page.

gunicorn is the one beside the interpreter that runs this script (its virtual
environment's ``bin``), and the header names that Python. A plain source build of CPython
(pyenv's default: no profile-guided or link-time optimisation, libpython shared) costs a
page about 15% more CPU here than Debian's ``/usr/bin/python3.11``; docs/performance.md
reports both (a virtual environment for the latter: ``/usr/bin/python3.11 -m venv DIR``,
then ``DIR/bin/pip install -e '.[test]'``).

Targets per page (median over the rounds): p99 < 50 ms and >= 500 requests/s. Exit
status 1 when a target is missed, 2 when the set-up failed. ``--profile DIR`` adds one
run per page with py-spy attached to the workers (not used for the targets).

``--in-process`` measures instead where a page's time goes, without HTTP or gunicorn:
each page through the production WSGI application in this process, pinned to ``--cpu``,
on a fresh PostgreSQL database, with the SQL statements of one request, the median wall
and CPU time per request (batches of every variant in turn), ``--what-if`` variants
(without the template; with ``{% url %}`` remembered) and ``--cprofile``.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import http.client
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_load import (
    HEALTH_PATH,
    HOST,
    Gunicorn,
    Run,
    SetupError,
    Target,
    backend_pids,
    base_env,
    database,
    gunicorn,
    manage,
    measure,
    print_header,
    profiled_run,
    wait_for_quiet,
)
from machine_info import cpu_model, tree

ROOT = Path(__file__).resolve().parent.parent

P99_MS = 50.0
MIN_RPS = 500.0
KVK = "41002315"  # the KvK-nummer of the eHerkenning login (as in tests/portal)

# label -> path below /aanvragen/<reference>
PAGES = {
    "organisatie": "/stap/organisatie",
    "beheerder": "/stap/beheerder",
    "autorisaties": "/stap/autorisaties",
    "ondertekening": "/stap/ondertekening",
    "controleren": "/controleren",
}


# For information (no target): GET /health with the session cookie. The same trivial view,
# plus what every logged-in request costs: the session loaded (and written again when
# it is renewed). An upper bound for any page of a logged-in applicant.
FLOOR = "health+sessie"


# --- the applicant's state (runs in a child process, with gunicorn's environment) ---------


def setup_state(count: int) -> list[dict[str, str]]:
    """``count`` applicants, each a user with an eHerkenning session and a complete draft.

    Returns each one's draft reference and the cookies of their browser.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mijnduo.conf.settings")
    import django

    django.setup()
    sys.path.insert(0, str(ROOT))  # for tests/portal/answers.py
    return [_applicant(i) for i in range(count)]


def _applicant(i: int) -> dict[str, str]:
    """One applicant (see setup_state); Django is set up."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.http import QueryDict
    from django.middleware.csrf import _get_new_csrf_string
    from tests.portal.answers import PAGES as ANSWERS

    from mijnduo.applications import drafts, signing
    from mijnduo.audit.actors import Actor, ActorKind
    from mijnduo.identity.eherkenning import constants as eh
    from mijnduo.identity.sessions import SessionStore  # SESSION_ENGINE
    from mijnduo.portal import questions as Q
    from mijnduo.portal.prefill import document_for_new_draft

    user = get_user_model().objects.create_user(username=f"eh-bench-{i:03d}")
    actor = Actor(ActorKind.APPLICANT, str(user.pk))
    application = drafts.draft_create(
        actor=actor,
        applicant=user,
        organisation_kvk=KVK,
        language="nl",
        document=document_for_new_draft(KVK, ""),
    )
    document = dict(application.submitted_document)
    for step in Q.STEPS:  # what posting every page with "volgende" does
        posted = QueryDict(mutable=True)
        for name, value in ANSWERS[step.slug].items():
            posted.setlist(name, value if isinstance(value, list) else [value])
        document = Q.apply_answers(document, step, posted, KVK)
        email = posted.get(Q.APPLICANT_EMAIL.path) if step is Q.ONDERTEKENING_STEP else None
        application = drafts.draft_save(
            actor=actor,
            application=application,
            document=document,
            applicant_email=email,
            step=step.slug,
        )
    problems = signing.validate_for_signing(application.submitted_document).problems
    if problems or not application.applicant_email:
        raise SystemExit(f"the draft is not complete: {problems}")

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "mijnduo.identity.eherkenning.backend.EherkenningBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[eh.SESSION_KEY] = {
        "kvk_nummer": KVK,
        "rsin": "",
        "level": eh.AssuranceLevel.EH3.value,
        "vestigingsnummer": "",
    }
    session.save()
    return {
        "reference": application.reference,
        "cookie": (
            f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
            f"{settings.CSRF_COOKIE_NAME}={_get_new_csrf_string()}"
        ),
    }


def make_state(env: dict[str, str], workdir: Path, count: int) -> list[dict[str, str]]:
    done = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--setup-state",
            "--applicants",
            str(count),
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": "mijnduo.conf.settings"},
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("STATE ")), None)
    if done.returncode or line is None:
        raise SetupError(f"setting up the applicant failed:\n{done.stdout}\n{done.stderr[-3000:]}")
    return list(json.loads(line.removeprefix("STATE ")))


# --- in-process: where a page's time goes, without HTTP ---------------------------------


def wsgi_caller(application: Any, cookie: str) -> Callable[..., int]:
    """``call(path, with_cookie=True)``: one GET through the WSGI application; its status."""

    def call(path: str, with_cookie: bool = True) -> int:
        environ: dict[str, Any] = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": HOST,
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": HOST,
            "REMOTE_ADDR": HOST,
            "wsgi.input": io.BytesIO(b""),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        if with_cookie:
            environ["HTTP_COOKIE"] = cookie
        status: list[str] = []

        def start_response(s: str, headers: Any, exc_info: Any = None) -> Any:
            status.append(s)
            return lambda data: None

        b"".join(application(environ, start_response))
        return int(status[0].split()[0])

    return call


def in_process(args: argparse.Namespace) -> int:
    """Each page through the production WSGI application, in this process (one CPU).

    Like bench/request_cost.py: median wall and CPU time per request over batches,
    the SQL statements of one request, and optionally a cProfile per page.
    """
    import pstats

    from request_cost import per_call_ms, report

    os.sched_setaffinity(0, {args.cpu})
    with (
        tempfile.TemporaryDirectory(prefix="mijnduo-cost-") as tmp,
        database(args.db, Path(tmp)) as url,
    ):
        env = base_env(url, Path(tmp))
        manage(env, "migrate", "--noinput")
        os.environ.update(env)
        os.environ["DJANGO_SETTINGS_MODULE"] = "mijnduo.conf.settings"
        import logging

        from django.core.wsgi import get_wsgi_application

        application = get_wsgi_application()
        logging.getLogger("django.request").setLevel(logging.ERROR)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        state = setup_state(1)[0]
        reference, cookie = state["reference"], state["cookie"]

        call = wsgi_caller(application, cookie)

        works: dict[str, Callable[[int], int]] = {
            "GET /health": lambda i: call(HEALTH_PATH, with_cookie=False),
            "GET /health with the session cookie": lambda i: call(HEALTH_PATH),
        }
        for page in pages_of(args):
            path = f"/aanvragen/{reference}{PAGES[page]}"
            works[f"GET {page}"] = lambda i, path=path: call(path)
        if args.what_if:
            for variant, patches in what_if_patches().items():
                for page in pages_of(args):
                    path = f"/aanvragen/{reference}{PAGES[page]}"

                    def patched(i: int, path: str = path, patches: list[Any] = patches) -> int:
                        with contextlib.ExitStack() as stack:
                            for patch in patches:
                                stack.enter_context(patch)
                            return call(path)

                    works[f"GET {page} [{variant}]"] = patched
        print(
            f"{cpu_model()}, Python {platform.python_version()}, {tree()}; database "
            f"{connection.vendor}; pinned to CPU {args.cpu}; draft {reference}"
        )
        for label, work in works.items():
            for i in range(20):  # check and warm up
                if (status := work(i)) != 200:
                    raise SetupError(f"{label} answered {status}")
            with CaptureQueriesContext(connection) as queries:
                work(0)
            print(f"{label}: {len(queries.captured_queries)} SQL statements per request")
            for query in queries.captured_queries:
                print(f"    {query['sql'][:150]}")
        print(
            f"time per request, in-process: median of {args.repeats} batches of "
            f"{args.requests}, every variant's batch in turn (the host's speed drifts)"
        )
        labels = list(works)
        figures: dict[str, list[tuple[float, float]]] = {label: [] for label in labels}
        for _ in range(args.repeats):
            for label in labels:
                figures[label] += per_call_ms(works[label], args.requests, 1)
        health = report(labels[0], figures[labels[0]])
        for label in labels[1:]:
            report(label, figures[label], health)
        if args.cprofile:
            for label in labels[2 : 2 + len(pages_of(args))]:
                profiler = cProfile.Profile()
                profiler.runcall(lambda work=works[label]: [work(i) for i in range(args.requests)])
                print(f"cProfile of {args.requests} x {label} (times inflated by the profiler):")
                stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
                stats.sort_stats("cumulative").print_stats(45)
                stats.sort_stats("tottime").print_stats(25)
    return 0


def what_if_patches() -> dict[str, list[Any]]:
    """Estimates of what parts of a page cost, not proposals for the code.

    no template: the view's ``render`` answers an empty page (the view, its queries,
    the session and the middleware remain). renewing: every request renews its session
    (as the first request after a minute does), so the difference to the plain page is
    what one renewal costs. (A third variant, "url memoised", patched ``reverse()`` as
    Django's ``{% url %}`` called it; the pages no longer call it: ADR 9.)
    """
    from unittest import mock

    from django.http import HttpResponse

    def no_template(*_args: Any, status: int = 200, **_kwargs: Any) -> HttpResponse:
        return HttpResponse(b"", status=status)

    return {
        "no template": [mock.patch("mijnduo.portal.application_views.render", no_template)],
        "renewing": [mock.patch("mijnduo.identity.sessions.RENEWAL_INTERVAL_SECONDS", 0)],
    }


# --- checks ------------------------------------------------------------------------------


def check_page(server: Gunicorn, path: str, headers: dict[str, str], marker: str) -> int:
    """GET without following redirects: 200 with ``marker`` in the page, else SetupError."""
    connection = http.client.HTTPConnection(HOST, server.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        body = answer.read().decode("utf-8", errors="replace")
    finally:
        connection.close()
    if answer.status != 200 or marker not in body:
        where = answer.getheader("Location") or body[:300]
        raise SetupError(f"GET {path} answered {answer.status} ({where!r}), not the form page")
    return len(body)


def pages_of(args: argparse.Namespace) -> list[str]:
    pages = list(PAGES) if args.pages == "all" else args.pages.split(",")
    unknown = set(pages) - set(PAGES)
    if unknown:
        raise SetupError(f"unknown pages {sorted(unknown)}; choose from {list(PAGES)}")
    return pages


# --- the scenario ------------------------------------------------------------------------


@dataclass(slots=True)
class Pair:
    page: str
    health: Run
    run: Run

    @property
    def ratio(self) -> float:
        return self.run.rps / self.health.rps if self.health.rps else float("nan")


def summarise(pairs: list[Pair], pages: list[str], logged: list[str]) -> bool:
    """Print the medians per page; True when every page met both targets, without errors."""
    met_all = True
    errors = sum(p.run.errors + p.health.errors for p in pairs)
    health = [p.health for p in pairs]
    print("  summary (median over the rounds; range in brackets):")
    print(
        f"    health       {statistics.median(r.rps for r in health):7.1f} req/s "
        f"({min(r.rps for r in health):.1f}-{max(r.rps for r in health):.1f}), p99 "
        f"{statistics.median(r.p99_ms for r in health):.2f} ms, gunicorn CPU per answer "
        f"{statistics.median(r.server_cpu_ms for r in health):.2f} ms"
    )
    floor = [p for p in pairs if p.page == FLOOR]
    if floor:
        runs = [p.run for p in floor]
        print(
            f"    {FLOOR} {statistics.median(r.rps for r in runs):7.1f} req/s "
            f"({min(r.rps for r in runs):.1f}-{max(r.rps for r in runs):.1f}), p99 "
            f"{statistics.median(r.p99_ms for r in runs):.2f} ms, ratio to /health "
            f"{statistics.median(p.ratio for p in floor):.3f}, gunicorn CPU per answer "
            f"{statistics.median(r.server_cpu_ms for r in runs):.2f} ms, postgres "
            f"{statistics.median(r.cpu.get('postgres', 0.0) for r in runs):.2f} cores "
            "(for information, no target: the session's own cost)"
        )
    for page in pages:
        mine = [p for p in pairs if p.page == page]
        runs = [p.run for p in mine]
        rps = statistics.median(r.rps for r in runs)
        p99 = statistics.median(r.p99_ms for r in runs)
        rps_ok, p99_ok = rps >= MIN_RPS, p99 < P99_MS
        met_all &= rps_ok and p99_ok
        print(
            f"    {page:<12} {rps:7.1f} req/s ({min(r.rps for r in runs):.1f}-"
            f"{max(r.rps for r in runs):.1f}) >= {MIN_RPS:.0f}: {'MET' if rps_ok else 'MISSED'}; "
            f"p50 {statistics.median(r.p50_ms for r in runs):.2f} ms; p99 {p99:.2f} ms "
            f"({min(r.p99_ms for r in runs):.2f}-{max(r.p99_ms for r in runs):.2f}) "
            f"< {P99_MS:.0f}: {'MET' if p99_ok else 'MISSED'}"
        )
        print(
            f"                 ratio to /health {statistics.median(p.ratio for p in mine):.3f} "
            f"({min(p.ratio for p in mine):.3f}-{max(p.ratio for p in mine):.3f}); gunicorn CPU "
            f"per answer {statistics.median(r.server_cpu_ms for r in runs):.2f} ms; postgres "
            f"{statistics.median(r.cpu.get('postgres', 0.0) for r in runs):.2f} cores"
        )
    print(f"    errors {errors} (target 0); problems in gunicorn's log: {len(logged)}")
    for line in logged[:10]:
        print(f"      {line}")
    return met_all and errors == 0 and not logged


def scenario(args: argparse.Namespace) -> bool:
    client = args.client
    pages = pages_of(args)
    with tempfile.TemporaryDirectory(prefix="mijnduo-bench-") as tmp:
        workdir = Path(tmp)
        with database(args.db, workdir) as url:
            env = base_env(url, workdir)
            manage(env, "migrate", "--noinput")
            applicants = make_state(env, workdir, args.applicants)

            def target(suffix: str | None) -> Target:
                """GET a page of each applicant's own draft in turn, with their cookies."""
                variants = [
                    (
                        HEALTH_PATH if suffix is None else f"/aanvragen/{a['reference']}{suffix}",
                        {"Cookie": a["cookie"]},
                    )
                    for a in applicants
                ]
                return Target(variants[0][0], "GET", {}, [], 200, variants)

            targets = {page: target(suffix) for page, suffix in PAGES.items()}
            health = Target(HEALTH_PATH, "GET", {}, [], 200)
            measured = pages
            if not args.no_floor:
                targets[FLOOR] = target(None)
                measured = [FLOOR, *pages]

            def check_all() -> list[int]:
                """Every page of every applicant answers 200 with their draft in it."""
                return [
                    check_page(server, path, headers, path.split("/")[2])
                    for page in pages
                    for path, headers in targets[page].variants
                ]

            with gunicorn(env, workdir, args.server_cpus, args.workers) as server:
                print_header("portal form pages", args, server, url.split("/")[0] + "…", client)
                print(
                    f"   {len(applicants)} applicant(s), each a user with an eHerkenning session "
                    f"and a complete draft ({applicants[0]['reference']}, …), requested in turn"
                )
                sizes = check_all()
                print(
                    f"   checked: {len(sizes)} pages (every page of every applicant) answer 200 "
                    f"with the draft's reference, {min(sizes):,}-{max(sizes):,} characters"
                )
                measure(server, health, "warm-h", args, args.warmup, workdir, client)
                for page in pages:
                    measure(
                        server, targets[page], f"warm-{page}", args, args.warmup, workdir, client
                    )
                server.pg_pids = backend_pids(url)
                pairs: list[Pair] = []
                for i in range(args.rounds):
                    for page in measured:
                        print(f"  machine before the pair: {wait_for_quiet(args.quiet_wait)}")
                        h = measure(
                            server, health, f"health{i + 1}", args, args.duration, workdir, client
                        )
                        p = measure(
                            server, targets[page], f"{page[:8]}{i + 1}", args, args.duration,
                            workdir, client,
                        )  # fmt: skip
                        pairs.append(Pair(page, h, p))
                        print(f"  {h.line()}")
                        print(f"  {p.line()}")
                        print(f"  round {i + 1} {page}: ratio to /health {p.rps / h.rps:.3f}")
                check_all()  # the sessions still work: no answer was a redirect to log in
                print("  checked again after the runs: every page still answers 200")
                if args.profile:
                    for page in pages:
                        profiled_run(server, targets[page], page, args, workdir, client)
                logged = server.problems_logged()
    return summarise(pairs, pages, logged)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="HTTP load benchmark of the portal's form pages (see the module docstring)."
    )
    parser.add_argument("--setup-state", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=3, help="health/page pairs per page")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measured run")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of warm-up per target")
    parser.add_argument("--pages", default="all", help=f"comma-separated from {', '.join(PAGES)}")
    parser.add_argument(
        "--no-floor", action="store_true", help=f"skip the informational {FLOOR} runs"
    )
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--applicants",
        type=int,
        default=32,
        help="logged-in applicants (own user, session and draft), requested in turn",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--client", choices=("wrk", "loadgen"), default="wrk")
    parser.add_argument("--client-cpu", default="1", help="CPU list for the generator, or none")
    parser.add_argument("--server-cpus", default="0,1", help="CPU list for gunicorn, or ''")
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="postgres")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=30.0,
        help="before each health/page pair, wait up to this many seconds for an idle machine",
    )
    parser.add_argument("--profile", metavar="DIR", help="also run each page under py-spy")
    where = parser.add_argument_group("in-process timing (no HTTP, no gunicorn)")
    where.add_argument(
        "--in-process",
        action="store_true",
        help="time each page through the WSGI application in this process instead",
    )
    where.add_argument("--cpu", type=int, default=0, help="the CPU to pin to")
    where.add_argument("--requests", type=int, default=200, help="calls per batch")
    where.add_argument("--repeats", type=int, default=5, help="batches per figure")
    where.add_argument("--cprofile", action="store_true", help="also cProfile each page")
    where.add_argument(
        "--what-if",
        action="store_true",
        help="also time each page in the what-if variants (no template, renewing)",
    )
    args = parser.parse_args(argv)
    if args.setup_state:
        print("STATE " + json.dumps(setup_state(args.applicants)))
        return 0
    if args.in_process:
        try:
            return in_process(args)
        except SetupError as error:
            print(f"set-up failed: {error}")
            return 2
    if (
        not 1 <= args.duration <= 120
        or not 0 < args.warmup <= 30
        or min(args.rounds, args.applicants) < 1
    ):
        parser.error("--duration must be 1-120 s, --warmup 0-30 s, --rounds and --applicants >= 1")
    if args.client == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install -y wrk), or use --client loadgen")
    if args.client_cpu != "none":
        os.sched_setaffinity(0, {int(c) for c in args.client_cpu.split(",")})

    try:
        met = scenario(args)
    except SetupError as error:
        print(f"set-up failed: {error}")
        return 2
    except KeyboardInterrupt:
        print("interrupted: gunicorn stopped, temporary database removed")
        return 130
    print(f"== targets (p99 < {P99_MS:.0f} ms, >= {MIN_RPS:.0f} req/s, every page): "
          f"{'MET' if met else 'MISSED'}")  # fmt: skip
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
