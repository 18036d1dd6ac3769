"""HTTP load benchmark of the service desk's queue and application page (issue 5).

    .venv/bin/python bench/review_load.py [--rounds 3] [--duration 10] [--connections 8,32]
                                          [--pages all] [--explain [--cprofile PAGES]]
                                          [--what-if-sql SQL ...] [--profile DIR]
    .venv/bin/python bench/review_load.py --explain-only [--what-if-sql SQL ...]

Issue 5: "With 100,000 applications and 50,000 audit records in PostgreSQL: the queue
(any filter, page 1 and page 500) p99 under 100 ms; a constant number of queries per
page (asserted); the application page p99 under 100 ms." (The constant number of
queries is asserted in tests/review/test_pages.py, not here.)

Reuses bench/api_load.py and bench/portal_load.py: a fresh PostgreSQL database
``mijnduo_bench_<pid>`` (dropped afterwards), migrated; ``gunicorn mijnduo.conf.wsgi``
with 2 sync workers on a free loopback port, DEBUG off; wrk pinned to ``--client-cpu``;
a bounded wait for an idle machine before each pair of runs; CPU attribution per run;
every page checked before and after the load; gunicorn always stopped again.

The data is made by this script in a child process with gunicorn's environment
(``--setup-state``): ``--applications`` (100,000) applications, bulk-inserted, of all
queue statuses (and 1% drafts the queue leaves out), three kinds, five organisation
types and about 8,000 organisations (names, BRIN codes, bestuursnummers and gemeenten
from the DUO and CBS files that bench/corpus.py reads; KvK-nummers drawn), submitted
over the last two years (open ones mostly in the last two months), the ones being
handled assigned to staff members, decided ones with ``decided_at``; every document
valid (each organisation and each type/kind template is validated once, documents are
put together from them); their status history; and ``--audit-records`` (50,000) audit
records appended in one pass as a valid hash chain (``mijnduo auditverify`` is run at
the end, over those and every record the load added). Rows are inserted in creation
order, as a table grows. Then each ``--what-if-sql`` statement (e.g. a proposed index,
on this database only) and VACUUM ANALYZE, as autovacuum would have done on a database
of that age.

As many staff members as the largest concurrency, plus 4 who only have applications
assigned, each have a verified session (Django's auth keys with ModelBackend and
django-otp's device id); every page is requested by each of them in turn (their own
"assigned to me"). The application page rotates over ``--detail-pages`` (100)
applications whose checks ran once before the load, so the measured GET is the steady
state: the page, its audit record ("application.viewed") and no new check run.

Each round measures, for every page in turn, ``GET /health`` and then the page, each
for ``--duration`` seconds at each concurrency of ``--connections`` (8 and 32). The
target (p99 < 100 ms) is judged at the first concurrency listed; the others are for
information. Latency percentiles come from wrk (p50, p95, p99). ``--explain`` also
prints, from the child process, each page's SQL statements with their times and
EXPLAIN (ANALYZE, BUFFERS) of the slow ones, and with ``--cprofile`` a cProfile of
those pages; ``--explain-only`` stops there (no gunicorn). Exit status 1 when a page
misses the target, 2 when the set-up failed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import math
import os
import pstats
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_load import (
    HEALTH_PATH,
    CpuMeter,
    Gunicorn,
    Run,
    SetupError,
    Target,
    backend_pids,
    base_env,
    database,
    gunicorn,
    lua_script,
    manage,
    print_header,
    profiled_run,
    wait_for_quiet,
)
from portal_load import check_page
from review_seed import (
    HISTORY,
    OPEN,
    search_terms,
    seed_applications,
    seed_audit,
    staff_sessions,
)

P99_MS = 100.0
QUEUE = "/servicedesk/"
PAGE_SIZE = 25

# label -> the queue's query string; "{...}" is filled in from the seeded data.
QUEUE_PAGES = {
    "default": "",
    "page-500": "status=alle&pagina=500",
    "status": "status=in_behandeling",
    "soort": "soort=wijziging",
    "type": "type=gemeente",
    "age-over": "leeftijd=over",
    "mine": "toegewezen=mij",
    "nobody": "toegewezen=niemand",
    "q-name": "zoek={word}",
    "q-kvk": "zoek={kvk}",
    "q-brin": "zoek={brin}",
    "q-bestuur": "zoek={bestuursnummer}",
    "q-ref": "zoek={reference}",
    "sort-org": "sorteer=organisatie",
}
DETAIL = "application"
PAGES = [*QUEUE_PAGES, DETAIL]


# --- the state (runs in the child process, Django set up) ---------------------------------


def _first_reference(query: str, user: Any) -> str:
    """The first reference the queue shows for this query string and staff member."""
    from django.core.paginator import Paginator
    from django.test import RequestFactory

    from mijnduo.review.selectors import queue
    from mijnduo.review.views.queue import PAGE_SIZE as VIEW_PAGE_SIZE
    from mijnduo.review.views.queue import read_filter

    request = RequestFactory().get(QUEUE + "?" + query)
    page = Paginator(queue(read_filter(request), user), VIEW_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    if VIEW_PAGE_SIZE != PAGE_SIZE or not page.object_list:
        raise SetupError(f"the queue ?{query} shows no applications (or not {PAGE_SIZE} a page)")
    return str(page.object_list[0].reference)


def setup_state(args: argparse.Namespace) -> dict[str, Any]:
    """The data, the staff sessions, the pages to request with their expected content."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mijnduo.conf.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection

    from mijnduo.identity.staff.selectors import staff_actor
    from mijnduo.review.checks.runner import checks_run
    from mijnduo.review.constants import CheckTrigger

    rng = random.Random(args.seed)
    timings: dict[str, Any] = {}
    started = time.perf_counter()
    staff = staff_sessions(max(args.connections))
    applications = seed_applications(rng, args.applications, [s["id"] for s in staff])
    timings["applications and history"] = time.perf_counter() - started
    seed_audit(rng, args.audit_records, applications)
    timings["audit records"] = time.perf_counter() - started - sum(timings.values())
    with connection.cursor() as cursor:
        for statement in args.what_if_sql:  # a proposed index, tried on this database only
            cursor.execute(statement)
        cursor.execute("VACUUM ANALYZE")
    timings["vacuum analyze"] = time.perf_counter() - started - sum(timings.values())
    terms = search_terms(rng, applications)
    users = {user.pk: user for user in User.objects.filter(pk__in=[s["id"] for s in staff])}
    pages = {}
    for label, query in QUEUE_PAGES.items():
        query = query.format(**terms)
        pages[label] = {
            "path": f"{QUEUE}?{query}" if query else QUEUE,
            "markers": [_first_reference(query, users[s["id"]]) for s in staff],
        }
    queued = [a for a in applications if HISTORY[a.status]]
    opened = rng.sample([a for a in queued if a.status in OPEN], args.detail_pages * 7 // 10)
    opened += rng.sample(
        [a for a in queued if a.status not in OPEN], args.detail_pages - len(opened)
    )
    runs = []
    for application in opened:  # what the first visit does; later GETs are the steady state
        run_started = time.perf_counter()
        checks_run(actor=staff_actor(users[staff[0]["id"]]), application=application,
                   trigger=CheckTrigger.STAFF)  # fmt: skip
        runs.append(time.perf_counter() - run_started)
    timings["expected pages and check runs"] = time.perf_counter() - started - sum(timings.values())
    timings = {name: round(seconds, 1) for name, seconds in timings.items()}
    timings["one check run (first/median/max)"] = (
        f"{runs[0]:.3f}/{statistics.median(runs):.3f}/{max(runs):.3f}"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM applications_application), "
            "(SELECT count(*) FROM applications_statuschange), "
            "(SELECT count(*) FROM audit_auditrecord), "
            "pg_size_pretty(pg_total_relation_size('applications_application'))"
        )
        counts = cursor.fetchone()
    return {
        "staff": staff,
        "pages": pages,
        "details": [a.reference for a in opened],
        "terms": terms,
        "counts": dict(zip(("applications", "history", "audit", "size"), counts, strict=True)),
        "timings": timings,
    }


def explain(state: dict[str, Any], slow_ms: float, cprofile: list[str]) -> None:
    """Each page in this process: its statements, their time, and the slow ones' plans."""
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies.load(state["staff"][0]["cookie"])
    paths = {label: page["path"] for label, page in state["pages"].items()}
    paths[DETAIL] = f"/servicedesk/aanvragen/{state['details'][0]}/"
    timed: list[tuple[str, float]] = []

    def timer(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:  # the statement as sent (client-side binding), and its time
            cursor = context["cursor"].cursor
            timed.append((connection.ops.last_executed_query(cursor, sql, params) or sql,
                          (time.perf_counter() - started) * 1000))  # fmt: skip

    print(f"EXPLAIN: each page in-process (Django test client, staff member 1); plans of the "
          f"SELECTs over {slow_ms:g} ms, from EXPLAIN (ANALYZE, BUFFERS)")  # fmt: skip
    for label, path in paths.items():
        walls = []
        for _ in range(7):
            started = time.perf_counter()
            if (status := client.get(path).status_code) != 200:
                raise SetupError(f"{path} answered {status} in-process")
            walls.append((time.perf_counter() - started) * 1000)
        timed.clear()
        with connection.execute_wrapper(timer):
            client.get(path)
        in_sql = sum(ms for _sql, ms in timed)
        print(f"\n== {label} {path}: median wall {statistics.median(walls[2:]):.1f} ms; "
              f"{len(timed)} statements, {in_sql:.1f} ms in SQL")  # fmt: skip
        for sql, ms in timed:
            print(f"   {ms:7.2f} ms  {sql[:150]}")
        for sql, ms in list(timed):
            if ms >= slow_ms and sql.lstrip().upper().startswith("SELECT"):
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    plan = "\n      ".join(row[0] for row in cursor.fetchall())
                print(f"   plan of the {ms:.2f} ms statement:\n      {plan}")
    for label in cprofile:  # where the Python time of a page goes
        profiler = cProfile.Profile()
        for _ in range(20):
            profiler.runcall(client.get, paths[label])
        print(f"\n== cProfile of 20 x {label} (times inflated by the profiler):")
        stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(20)


def make_state(env: dict[str, str], workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    """setup_state (and --explain) in a child process with gunicorn's environment."""
    command = [
        sys.executable, str(Path(__file__).resolve()), "--setup-state",
        "--applications", str(args.applications), "--audit-records", str(args.audit_records),
        "--detail-pages", str(args.detail_pages), "--connections", args.connections_text,
        "--seed", str(args.seed), "--explain-ms", str(args.explain_ms),
        *(["--explain"] if args.explain or args.explain_only else []),
        *(f"--what-if-sql={statement}" for statement in args.what_if_sql),
        f"--cprofile={args.cprofile}",
    ]  # fmt: skip
    done = subprocess.run(
        command,
        env={**env, "DJANGO_SETTINGS_MODULE": "mijnduo.conf.settings"},
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    lines = done.stdout.splitlines()
    state = next((ln for ln in lines if ln.startswith("STATE ")), None)
    if done.returncode or state is None:
        raise SetupError(
            f"setting up the data failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    for line in lines:  # the --explain output
        if not line.startswith("STATE "):
            print(f"   {line}")
    return dict(json.loads(state.removeprefix("STATE ")))


# --- measuring: wrk with p95 --------------------------------------------------------------


@dataclass(slots=True)
class Run95(Run):
    """A Run with wrk's 95th percentile as well."""

    p95_ms: float = math.nan

    def line(self) -> str:
        return Run.line(self).replace("  p99", f"  p95 {self.p95_ms:6.2f} ms  p99", 1)


def run_wrk(server: Gunicorn, target: Target, label: str, args: argparse.Namespace,
            duration_s: float, workdir: Path) -> Run95:  # fmt: skip
    """As api_load.run_wrk, with the script's summary line extended by the p95."""
    script = lua_script(target, workdir, label)
    text = script.read_text()
    for old, new in (
        ('"p99_us":%.0f,', '"p99_us":%.0f,"p95_us":%.0f,'),
        ("latency:percentile(99),", "latency:percentile(99), latency:percentile(95),"),
    ):
        if text.count(old) != 1:
            raise SetupError("api_load's wrk script changed: cannot add the 95th percentile")
        text = text.replace(old, new)
    script.write_text(text)
    command = [
        "taskset", "-c", args.client_cpu, "wrk", "-t1", f"-c{args.connections}",
        f"-d{duration_s:g}s", "--timeout", "5s", "-s", str(script), server.url + target.path,
    ]  # fmt: skip
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=duration_s + 60, check=False
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if done.returncode or line is None:
        raise SetupError(f"wrk failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    return Run95(
        label=label,
        requests=int(data["requests"]),
        duration_s=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p90_ms=data["p90_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        ok=int(data["requests"] - data["status"]),
        bad_status=int(data["status"]),
        socket_errors=int(data["connect"] + data["read"] + data["write"] + data["timeout"]),
        p95_ms=data["p95_us"] / 1000,
    )


def measure(server: Gunicorn, target: Target, label: str, args: argparse.Namespace,
            duration_s: float, workdir: Path) -> Run95:  # fmt: skip
    meter = CpuMeter(server.process.pid, server.pg_pids)
    run = run_wrk(server, target, label, args, duration_s, workdir)
    run.cpu = meter.stop()
    return run


@dataclass(slots=True)
class Pair:
    page: str
    connections: int
    health: Run95
    run: Run95

    @property
    def ratio(self) -> float:
        return self.run.rps / self.health.rps if self.health.rps else math.nan


# --- the scenario --------------------------------------------------------------------------


def targets_for(state: dict[str, Any], pages: list[str]) -> dict[str, Target]:
    """Each page requested by every staff member in turn, with their own cookie."""
    targets = {}
    for page in pages:
        if page == DETAIL:  # rotating over the applications, and over the staff
            staff = state["staff"]
            variants = [
                (
                    f"/servicedesk/aanvragen/{reference}/",
                    {"Cookie": staff[i % len(staff)]["cookie"]},
                )
                for i, reference in enumerate(state["details"])
            ]
        else:
            path = state["pages"][page]["path"]
            variants = [(path, {"Cookie": s["cookie"]}) for s in state["staff"]]
        targets[page] = Target(variants[0][0], "GET", {}, [], 200, variants)
    return targets


def check_all(server: Gunicorn, state: dict[str, Any], targets: dict[str, Target]) -> int:
    """Every request of every page answers 200 with the expected first reference in it."""
    checked = 0
    for page, target in targets.items():
        for i, (path, headers) in enumerate(target.variants):
            marker = path.split("/")[3] if page == DETAIL else state["pages"][page]["markers"][i]
            check_page(server, path, headers, marker)
            checked += 1
    return checked


def summarise(pairs: list[Pair], pages: list[str], levels: list[int], logged: list[str]) -> bool:
    """Medians over the rounds per page and concurrency; True when every page met the
    target at the first concurrency, without errors."""
    met_all = True
    print("  summary (median over the rounds; range in brackets; ms):")
    for level in levels:
        mine = [p for p in pairs if p.connections == level]
        health = [p.health for p in mine]
        judged = level == levels[0]
        print(
            f"   {level} connections{'' if judged else ' (for information)'}: /health "
            f"{statistics.median(r.rps for r in health):.1f} req/s "
            f"({min(r.rps for r in health):.1f}-{max(r.rps for r in health):.1f}), p99 "
            f"{statistics.median(r.p99_ms for r in health):.2f}"
        )
        print(f"    {'page':<12} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99 (range)':>21}  "
              "p99<100  ratio  gunicorn-ms/answer  postgres-cores")  # fmt: skip
        for page in pages:
            these = [p for p in mine if p.page == page]
            runs = [p.run for p in these]
            p99 = statistics.median(r.p99_ms for r in runs)
            ok = p99 < P99_MS
            met_all &= ok or not judged
            print(
                f"    {page:<12} {statistics.median(r.rps for r in runs):7.1f} "
                f"{statistics.median(r.p50_ms for r in runs):7.2f} "
                f"{statistics.median(r.p95_ms for r in runs):7.2f} {p99:7.2f} "
                f"({min(r.p99_ms for r in runs):6.1f}-{max(r.p99_ms for r in runs):6.1f})  "
                f"{'MET   ' if ok else 'MISSED'}  {statistics.median(p.ratio for p in these):.3f}"
                f"  {statistics.median(r.server_cpu_ms for r in runs):8.2f}"
                f"  {statistics.median(r.cpu.get('postgres', 0.0) for r in runs):14.2f}"
            )
    errors = sum(p.run.errors + p.health.errors for p in pairs)
    print(f"    errors {errors} (target 0); problems in gunicorn's log: {len(logged)}")
    for line in logged[:10]:
        print(f"      {line}")
    return met_all and errors == 0 and not logged


def scenario(args: argparse.Namespace) -> bool:
    pages = PAGES if args.pages == "all" else args.pages.split(",")
    if unknown := set(pages) - set(PAGES):
        raise SetupError(f"unknown pages {sorted(unknown)}; choose from {PAGES}")
    with tempfile.TemporaryDirectory(prefix="mijnduo-bench-") as tmp:
        workdir = Path(tmp)
        with database("postgres", workdir) as url:
            env = base_env(url, workdir)
            manage(env, "migrate", "--noinput")
            manage(env, "createcachetable")  # the default cache is the database's
            print(f"== seeding (child process): {time.strftime('%H:%M:%S', time.gmtime())} UTC")
            state = make_state(env, workdir, args)
            print(f"   rows {state['counts']}; seconds {state['timings']}")
            print(f"   search terms {state['terms']}")
            if args.explain_only:
                print(
                    f"  mijnduo auditverify: {' / '.join(manage(env, 'auditverify').splitlines())}"
                )
                return True
            targets = targets_for(state, pages)
            health = Target(HEALTH_PATH, "GET", {}, [], 200)
            with gunicorn(env, workdir, args.server_cpus, args.workers) as server:
                args.connections = args.levels[0]
                print_header("service desk", args, server, "postgres…", "wrk")
                print(
                    f"   concurrencies {args.levels}; {len(state['staff'])} staff sessions in "
                    f"turn; application page over {len(state['details'])} applications"
                )
                checked = check_all(server, state, targets)
                print(
                    f"   checked: {checked} requests answer 200 with the expected first "
                    "reference (queue) or the reference (application)"
                )
                for page in ["health", *pages]:
                    target = health if page == "health" else targets[page]
                    measure(server, target, f"warm-{page}", args, args.warmup, workdir)
                server.pg_pids = backend_pids(url)
                pairs: list[Pair] = []
                for level in args.levels:
                    args.connections = level
                    for i in range(args.rounds):
                        for page in pages:
                            print(f"  machine before the pair: {wait_for_quiet(args.quiet_wait)}")
                            # Django closes a connection after CONN_MAX_AGE (600 s): a worker's
                            # backend changes during a long benchmark.
                            server.pg_pids = backend_pids(url)
                            h = measure(
                                server, health, f"health{i + 1}", args, args.duration, workdir
                            )
                            p = measure(server, targets[page], f"{page[:8]}{i + 1}", args,
                                        args.duration, workdir)  # fmt: skip
                            pairs.append(Pair(page, level, h, p))
                            print(f"  {h.line()}")
                            print(f"  {p.line()}")
                            print(f"  {level} conns, round {i + 1}, {page}: ratio to /health "
                                  f"{p.rps / h.rps:.3f}")  # fmt: skip
                check_all(server, state, targets)
                print("  checked again after the runs: every request still answers as before")
                if args.profile:
                    args.connections = args.levels[0]
                    for page in pages:
                        profiled_run(server, targets[page], page, args, workdir, "wrk")
                logged = server.problems_logged()
            print(f"  mijnduo auditverify: {' / '.join(manage(env, 'auditverify').splitlines())}")
    return summarise(pairs, pages, args.levels, logged)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="HTTP load benchmark of the service desk (see the module docstring)."
    )
    parser.add_argument("--setup-state", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--explain", action="store_true", help="print each page's SQL and plans")
    parser.add_argument(
        "--explain-only", action="store_true", help="seed and --explain, without the load"
    )
    parser.add_argument(
        "--cprofile", default="", help="with --explain: also cProfile these pages (comma-separated)"
    )
    parser.add_argument("--explain-ms", type=float, default=3.0, help="plans of SELECTs over this")
    parser.add_argument("--rounds", type=int, default=3, help="health/page pairs per page")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measured run")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of warm-up per page")
    parser.add_argument("--pages", default="all", help=f"comma-separated from {', '.join(PAGES)}")
    parser.add_argument(
        "--connections", dest="connections_text", default="8,32",
        help="concurrencies, comma-separated; the target is judged at the first",
    )  # fmt: skip
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--audit-records", type=int, default=50_000)
    parser.add_argument("--detail-pages", type=int, default=100, help="applications opened")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument(
        "--what-if-sql",
        action="append",
        default=[],
        metavar="SQL",
        help="run this statement on the benchmark database after seeding (a proposed index)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--client-cpu", default="1", help="CPU list for wrk")
    parser.add_argument("--server-cpus", default="0,1", help="CPU list for gunicorn, or ''")
    parser.add_argument("--quiet-wait", type=float, default=30.0, help="idle wait before a pair")
    parser.add_argument("--profile", metavar="DIR", help="also run each page under py-spy")
    args = parser.parse_args(argv)
    args.levels = [int(c) for c in args.connections_text.split(",")]
    args.connections = args.levels
    if args.setup_state:
        state = setup_state(args)
        if args.explain:
            explain(state, args.explain_ms, [p for p in args.cprofile.split(",") if p])
        print("STATE " + json.dumps(state))
        return 0
    if not 1 <= args.duration <= 120 or not 0 < args.warmup <= 30 or args.rounds < 1:
        parser.error("--duration must be 1-120 s, --warmup 0-30 s, --rounds >= 1")
    if not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install -y wrk)")
    os.sched_setaffinity(0, {int(c) for c in args.client_cpu.split(",")})

    def on_term(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt  # also while seeding: the child is ended, the database dropped

    signal.signal(signal.SIGTERM, on_term)
    try:
        met = scenario(args)
    except SetupError as error:
        print(f"set-up failed: {error}")
        return 2
    except KeyboardInterrupt:
        print("interrupted: gunicorn stopped, temporary database removed")
        return 130
    if args.explain_only:
        print("== --explain-only: nothing measured under load, no target judged")
        return 0
    print(f"== target (p99 < {P99_MS:.0f} ms at {args.levels[0]} connections, every page): "
          f"{'MET' if met else 'MISSED'}")  # fmt: skip
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
