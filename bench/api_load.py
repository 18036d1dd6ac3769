"""HTTP load benchmark of the JSON API under gunicorn (issue 2's targets).

    .venv/bin/python bench/api_load.py valideer [--pairs 3] [--duration 10]
    .venv/bin/python bench/api_load.py submit   [--runs 3]  [--duration 15]
    .venv/bin/python bench/api_load.py all

Each scenario builds its own fresh database (SQLite in a temporary directory, or a new
PostgreSQL database ``mijnduo_bench_<pid>`` that is dropped afterwards), migrates it,
creates an API key, starts ``gunicorn mijnduo.conf.wsgi`` with 2 sync workers on a free
loopback port, warms up, measures, and always stops gunicorn again.

valideer: ``GET /health`` (a plain Django view through the same middleware) and
``POST /api/v1/aanvragen/valideer`` alternately, ``--pairs`` times, with wrk (default)
or this directory's loadgen.py. Target: p99 < 25 ms and valideer throughput at least
half of /health's, measured in the same run.

submit: ``POST /api/v1/aanvragen`` on PostgreSQL with loadgen.py, which drains the
requests in flight at the deadline, so that every stored application can be matched to
an answer. Target: >= 300 submissions/s, p99 < 100 ms, zero errors, and exactly one new
row in ``applications_application`` per 201 answer.

The load generator runs on ``--client-cpu`` (default CPU 1, with taskset / sched_setaffinity)
and gunicorn's workers on ``--server-cpus`` (default 0,1): on a 2-core machine they share a
core, which this prints with the results. Because the machine is shared, each pair/run
first waits (at most ``--quiet-wait`` seconds) for an idle machine, and every run prints
where the CPU went while it ran (gunicorn, this database's PostgreSQL backends, the
generator, interrupts, other processes, steal) and gunicorn's CPU time per answer.
``--profile DIR`` adds one run with py-spy attached to the workers (PY_SPY=path if
py-spy is not on PATH). Exit status 1 when a target is missed, 2 when the set-up failed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parent))

import loadgen
from corpus import build_corpus
from machine_info import cpu_model, tree
from pyspy_summary import summarise_profiles

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")

VALIDATE_PATH = "/api/v1/aanvragen/valideer"
SUBMIT_PATH = "/api/v1/aanvragen"
HEALTH_PATH = "/health"

VALIDATE_P99_MS = 25.0
VALIDATE_RATIO = 0.5
SUBMIT_RPS = 300.0
SUBMIT_P99_MS = 100.0


class SetupError(RuntimeError):
    pass


# --- measurements -------------------------------------------------------------------


@dataclass(slots=True)
class Run:
    """One measured load run, whichever generator made it."""

    label: str
    requests: int
    duration_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    ok: int  # answers with the expected status
    bad_status: int  # answers with another status
    socket_errors: int
    statuses: dict[int, int] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # cores used per group, see CpuMeter

    @property
    def rps(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0

    @property
    def errors(self) -> int:
        return self.bad_status + self.socket_errors

    @property
    def server_cpu_ms(self) -> float:
        """gunicorn's CPU time per answer (master and workers), in milliseconds."""
        if not self.requests or "gunicorn" not in self.cpu:
            return float("nan")
        return self.cpu["gunicorn"] * self.duration_s / self.requests * 1000

    def line(self) -> str:
        return (
            f"{self.label:<9} {self.rps:8.1f} req/s  p50 {self.p50_ms:6.2f} ms  "
            f"p90 {self.p90_ms:6.2f} ms  p99 {self.p99_ms:6.2f} ms  max {self.max_ms:7.2f} ms  "
            f"answers {self.requests}  errors {self.errors} "
            f"(status {self.bad_status}, socket {self.socket_errors})\n            cpu (cores): "
            + ", ".join(f"{k} {v:.2f}" for k, v in self.cpu.items())
            + f"; gunicorn CPU per answer {self.server_cpu_ms:.2f} ms"
        )


@dataclass(frozen=True, slots=True)
class Target:
    path: str
    method: str
    headers: dict[str, str]
    bodies: list[bytes]
    expected_status: int
    # Requests without a body that differ in path and headers (e.g. one session cookie
    # per simulated user, bench/portal_load.py): (path, headers added to ``headers``),
    # cycled in this order instead of the bodies.
    variants: list[tuple[str, dict[str, str]]] = field(default_factory=list)


# --- environment ----------------------------------------------------------------------


def machine() -> dict[str, str]:
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "revision": tree(),
        "loadavg": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def base_env(database_url: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIJNDUO_")}
    env.update(
        MIJNDUO_DEBUG="0",
        MIJNDUO_SECRET_KEY="bench",
        MIJNDUO_ALLOWED_HOSTS="127.0.0.1,localhost",
        MIJNDUO_DATA_DIR=str(data_dir),
        DATABASE_URL=database_url,
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(VENV_BIN / "mijnduo"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode:
        raise SetupError(f"mijnduo {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


@contextmanager
def database(kind: str, workdir: Path) -> Iterator[str]:
    """A fresh, empty database URL; a PostgreSQL database is dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    name = f"mijnduo_bench_{os.getpid()}"
    base = PG_URL.rstrip("/")
    subprocess.run(
        ["psql", "-q", "-d", base + "/postgres", "-c", f'DROP DATABASE IF EXISTS "{name}"'],
        capture_output=True,
        check=False,
    )
    created = subprocess.run(
        ["psql", "-d", base + "/postgres", "-c", f'CREATE DATABASE "{name}"'],
        capture_output=True,
        text=True,
        check=False,
    )
    if created.returncode:
        raise SetupError(f"could not create database {name}: {created.stderr}")
    try:
        yield f"{base}/{name}"
    finally:
        subprocess.run(
            [
                "psql",
                "-q",
                "-d",
                base + "/postgres",
                "-c",
                f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            ],
            check=False,
        )


def count_rows(database_url: str, table: str) -> int:
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    done = subprocess.run(
        ["psql", "-d", database_url, "-tAc", f"SELECT count(*) FROM {table}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip())


def backend_pids(database_url: str) -> frozenset[int]:
    """The PostgreSQL backends connected to this database (the workers' connections)."""
    if not database_url.startswith("postgres"):
        return frozenset()
    name = database_url.rsplit("/", 1)[1]
    done = subprocess.run(
        [
            "psql",
            "-d",
            database_url,
            "-tAc",
            f"SELECT pid FROM pg_stat_activity WHERE datname = '{name}' "
            "AND pid <> pg_backend_pid()",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return frozenset(int(pid) for pid in done.stdout.split())


class Gunicorn:
    """gunicorn mijnduo.conf.wsgi, 2 sync workers, on a free loopback port."""

    def __init__(self, env: dict[str, str], workdir: Path, cpus: str | None, workers: int) -> None:
        self.port = free_port()
        self.log = workdir / "gunicorn.log"
        command = [
            str(VENV_BIN / "gunicorn"),
            "mijnduo.conf.wsgi",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--bind",
            f"{HOST}:{self.port}",
        ]
        # Always set the CPU list: the benchmark process itself may be pinned elsewhere.
        cpus = cpus or f"0-{(os.cpu_count() or 1) - 1}"
        command = ["taskset", "-c", cpus, *command]
        self.command = command
        self.pg_pids: frozenset[int] = frozenset()  # this database's backends, once known
        with self.log.open("wb") as log:
            # Its own session, so that stop() can end exactly this process group.
            self.process = subprocess.Popen(
                command,
                env=env,
                cwd=workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def wait_ready(self, timeout_s: float = 60.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SetupError(f"gunicorn exited:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url + HEALTH_PATH, timeout=2) as answer:
                    if answer.status == 200 and len(self.worker_pids()) >= 1:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        raise SetupError("gunicorn did not answer /health in time")

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def problems_logged(self) -> list[str]:
        text = self.log.read_text(errors="replace")
        return [
            line
            for line in text.splitlines()
            if re.search(r"Traceback|\[ERROR\]|\[CRITICAL\]|WORKER TIMEOUT|Internal Server", line)
        ]


@contextmanager
def gunicorn(
    env: dict[str, str], workdir: Path, cpus: str | None, workers: int
) -> Iterator[Gunicorn]:
    server = Gunicorn(env, workdir, cpus, workers)
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)


def wait_for_quiet(max_wait_s: float, threshold: float = 0.3) -> str:
    """Wait (bounded) until the machine is nearly idle; describe what was found."""
    deadline = time.monotonic() + max_wait_s
    while True:
        before = _system_times()
        time.sleep(1.0)
        delta = [b - a for a, b in zip(before, _system_times(), strict=True)]
        total = sum(delta) or 1
        busy = (total - delta[3] - delta[4] - delta[7]) / total * (os.cpu_count() or 1)
        steal = delta[7] / total * (os.cpu_count() or 1)
        if busy + steal < threshold:
            return f"quiet (busy {busy:.2f} + steal {steal:.2f} cores)"
        if time.monotonic() >= deadline:
            return f"NOT quiet after {max_wait_s:g} s (busy {busy:.2f} + steal {steal:.2f} cores)"


# --- load generators ------------------------------------------------------------------

_LUA = """-- generated by bench/api_load.py
local bodies = {{
{bodies}
}}
local method = "{method}"
local headers = {{ {headers} }}
local variants = {{
{variants}
}}
local requests = {{}}
local n = 0

init = function(args)
  if #variants > 0 then
    for i, v in ipairs(variants) do
      requests[i] = wrk.format(method, v[1], v[2], nil)
    end
  elseif #bodies == 0 then
    requests[1] = wrk.format(method, nil, headers, nil)
  else
    for i, body in ipairs(bodies) do
      requests[i] = wrk.format(method, nil, headers, body)
    end
  end
end

request = function()
  n = n % #requests + 1
  return requests[n]
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {{"requests":%.0f,"duration_us":%.0f,"connect":%.0f,"read":%.0f,' ..
    '"write":%.0f,"status":%.0f,"timeout":%.0f,"p50_us":%.0f,"p90_us":%.0f,' ..
    '"p99_us":%.0f,"max_us":%.0f}}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def lua_script(target: Target, workdir: Path, label: str) -> Path:
    for body in target.bodies:
        if b"]==]" in body:
            raise SetupError("a body contains the Lua long-string terminator")
    bodies = ",\n".join(f"[==[{body.decode()}]==]" for body in target.bodies)

    def lua_table(headers: dict[str, str]) -> str:
        for text in (*headers, *headers.values()):
            if '"' in text or "\\" in text:
                raise SetupError(f"a header contains a quote or backslash: {text!r}")
        return ", ".join(f'["{k}"] = "{v}"' for k, v in headers.items())

    variants = ",\n".join(
        f"{{ [==[{variant_path}]==], {{ {lua_table({**target.headers, **extra})} }} }}"
        for variant_path, extra in target.variants
    )
    path = workdir / f"{label}.lua"
    path.write_text(
        _LUA.format(
            bodies=bodies,
            method=target.method,
            headers=lua_table(target.headers),
            variants=variants,
        )
    )
    return path


def run_wrk(
    server: Gunicorn,
    target: Target,
    label: str,
    args: argparse.Namespace,
    duration_s: float,
    workdir: Path,
) -> Run:
    script = lua_script(target, workdir, label)
    command = [
        "wrk", "-t1", f"-c{args.connections}", f"-d{duration_s:g}s", "--timeout", "5s",
        "--latency", "-s", str(script), server.url + target.path,
    ]  # fmt: skip
    if args.client_cpu != "none":
        command = ["taskset", "-c", args.client_cpu, *command]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=duration_s + 60, check=False
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if done.returncode or line is None:
        raise SetupError(f"wrk failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    socket_errors = data["connect"] + data["read"] + data["write"] + data["timeout"]
    # wrk counts answers with status > 399 under errors.status; all others are 2xx/3xx here.
    return Run(
        label=label,
        requests=int(data["requests"]),
        duration_s=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p90_ms=data["p90_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        ok=int(data["requests"] - data["status"]),
        bad_status=int(data["status"]),
        socket_errors=int(socket_errors),
    )


def run_loadgen(
    server: Gunicorn, target: Target, label: str, args: argparse.Namespace, duration_s: float
) -> Run:
    requests = [
        loadgen.Request(target.method, path, {**target.headers, **extra})
        for path, extra in target.variants
    ] or [
        loadgen.Request(target.method, target.path, target.headers, body)
        for body in (target.bodies or [b""])
    ]
    result = loadgen.run(
        HOST, server.port, requests, connections=args.connections, duration_s=duration_s
    )
    ok = result.statuses.get(target.expected_status, 0)
    return Run(
        label=label,
        requests=result.answers,
        duration_s=result.duration_s,
        p50_ms=result.percentile_ms(50),
        p90_ms=result.percentile_ms(90),
        p99_ms=result.percentile_ms(99),
        max_ms=result.percentile_ms(100),
        ok=ok,
        bad_status=result.answers - ok,
        socket_errors=result.socket_errors,
        statuses=dict(result.statuses),
    )


def measure(
    server: Gunicorn,
    target: Target,
    label: str,
    args: argparse.Namespace,
    duration_s: float,
    workdir: Path,
    client: str,
) -> Run:
    meter = CpuMeter(server.process.pid, server.pg_pids)
    if client == "wrk":
        run = run_wrk(server, target, label, args, duration_s, workdir)
    else:
        run = run_loadgen(server, target, label, args, duration_s)
    run.cpu = meter.stop()
    return run


# --- where the CPU went during a run ----------------------------------------------------

_TICK = os.sysconf("SC_CLK_TCK")


def _proc_times() -> dict[int, tuple[str, int, float]]:
    """pid -> (command name, parent pid, user+system CPU seconds) for every process."""
    times: dict[int, tuple[str, int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        times[int(entry.name)] = (name, int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK)
    return times


def _system_times() -> list[int]:
    return [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]


class CpuMeter:
    """CPU used during a run, in cores, per group of processes.

    gunicorn: its master and the master's children. postgres: the backends serving this
    benchmark's database (``pg_pids``). postgres-other: every other process named
    postgres (WAL writer, checkpointer, and other users' backends). generator: this
    process plus its reaped children (wrk). irq: interrupt and softirq time from
    /proc/stat (loopback networking is mostly here). other: the remaining busy time of
    the machine (other users' processes). steal: time the hypervisor gave elsewhere.
    Processes that exit during the run are lost, so the groups are lower bounds.
    """

    def __init__(self, master_pid: int, pg_pids: frozenset[int] = frozenset()) -> None:
        self.master = master_pid
        self.pg_pids = pg_pids
        self.wall = time.perf_counter()
        self.system = _system_times()
        self.procs = _proc_times()
        self.usage = resource.getrusage(resource.RUSAGE_SELF)
        self.children = resource.getrusage(resource.RUSAGE_CHILDREN)

    def _group(self, pid: int, name: str, ppid: int) -> str | None:
        if pid == self.master or ppid == self.master:
            return "gunicorn"
        if pid in self.pg_pids:
            return "postgres"
        if name == "postgres":
            return "postgres-other"
        return None

    def stop(self) -> dict[str, float]:
        wall = time.perf_counter() - self.wall
        system = [b - a for a, b in zip(self.system, _system_times(), strict=True)]
        cores = {"gunicorn": 0.0, "postgres": 0.0, "postgres-other": 0.0}
        for pid, (name, ppid, cpu) in _proc_times().items():
            group = self._group(pid, name, ppid)
            if group is None:
                continue
            earlier = self.procs.get(pid)
            # A process that started during the run counts from zero.
            used = cpu - earlier[2] if earlier and earlier[0] == name else cpu
            cores[group] += max(0.0, used) / wall
        usage = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        generator = (
            usage.ru_utime - self.usage.ru_utime + usage.ru_stime - self.usage.ru_stime
            + children.ru_utime - self.children.ru_utime
            + children.ru_stime - self.children.ru_stime
        )  # fmt: skip
        cores["generator"] = generator / wall
        idle, irq, steal = system[3] + system[4], system[5] + system[6], system[7]
        busy = (sum(system) - idle - steal - irq) / _TICK / wall
        cores["irq"] = irq / _TICK / wall
        cores["other"] = max(0.0, busy - sum(v for k, v in cores.items() if k != "irq"))
        cores["steal"] = steal / _TICK / wall
        cores["idle"] = idle / _TICK / wall
        return cores


# --- profiling (optional) -------------------------------------------------------------


def profile_workers(
    server: Gunicorn, duration_s: float, outdir: Path, label: str
) -> list[subprocess.Popen[bytes]]:
    """Start py-spy on every worker (sampling, non-blocking); return the recorders."""
    py_spy = shutil.which("py-spy") or os.environ.get("PY_SPY")
    if not py_spy:
        raise SetupError("--profile needs py-spy on PATH (or PY_SPY=/path/to/py-spy)")
    outdir.mkdir(parents=True, exist_ok=True)
    return [
        subprocess.Popen(
            [
                py_spy,
                "record",
                "--pid",
                str(pid),
                "--duration",
                str(int(duration_s)),
                "--rate",
                "250",
                "--nonblocking",
                "--idle",
                "--format",
                "raw",
                "-o",
                str(outdir / f"{label}-worker-{pid}.txt"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for pid in server.worker_pids()
    ]


def profiled_run(
    server: Gunicorn,
    target: Target,
    label: str,
    args: argparse.Namespace,
    workdir: Path,
    client: str,
) -> None:
    outdir = Path(args.profile)
    duration = max(5.0, args.duration)
    recorders = profile_workers(server, duration + 1, outdir, label)
    time.sleep(1.0)  # let py-spy attach
    run = measure(server, target, f"{label}*", args, duration, workdir, client)
    for recorder in recorders:
        recorder.wait(timeout=duration + 60)
    print(f"  under py-spy (not used for the targets): {run.line()}")
    files = sorted(outdir.glob(f"{label}-worker-*.txt"))
    summary = summarise_profiles(files)
    (outdir / f"{label}-summary.txt").write_text(summary + "\n")
    print("  " + summary.replace("\n", "\n  "))


# --- scenarios ------------------------------------------------------------------------


def json_bodies(count: int, seed: int) -> list[bytes]:
    return [
        json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
        for doc in build_corpus(count, seed=seed)
    ]


def check_bodies(server: Gunicorn, target: Target) -> None:
    """Every body is answered as expected before the load starts (also a warm-up)."""
    for body in target.bodies:
        request = urllib.request.Request(
            server.url + target.path, data=body, method=target.method, headers=target.headers
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                status = answer.status
                content = answer.read()
        except urllib.error.HTTPError as error:
            status, content = error.code, error.read()
        if status != target.expected_status:
            raise SetupError(f"{target.path} answered {status}: {content[:500]!r}")


def print_header(
    scenario: str, args: argparse.Namespace, server: Gunicorn, db: str, client: str
) -> None:
    info = machine()
    print(f"== {scenario}: {info['nproc']} CPUs, {info['cpu']}, Python {info['python']}")
    print(f"   tree {info['revision']}; load average before the run {info['loadavg']}")
    print(f"   server: {' '.join(server.command)} (database {db})")
    pin = f"taskset -c {args.client_cpu}" if args.client_cpu != "none" else "not pinned"
    print(
        f"   load generator: {client}, {args.connections} connections, {pin}; gunicorn "
        f"{'taskset -c ' + args.server_cpus if args.server_cpus else 'not pinned'} — "
        "generator and server share the machine's cores"
    )


def scenario_valideer(args: argparse.Namespace) -> bool:
    client = args.client
    with tempfile.TemporaryDirectory(prefix="mijnduo-bench-") as tmp:
        workdir = Path(tmp)
        with database(args.db or "sqlite", workdir) as url:
            env = base_env(url, workdir)
            manage(env, "migrate", "--noinput")
            key = manage(env, "apitoken", "create", "bench").strip().splitlines()[-1]
            validate = Target(
                VALIDATE_PATH,
                "POST",
                {"Content-Type": "application/json", "Authorization": f"Token {key}"},
                json_bodies(args.bodies, args.seed),
                200,
            )
            health = Target(HEALTH_PATH, "GET", {}, [], 200)
            with gunicorn(env, workdir, args.server_cpus, args.workers) as server:
                print_header("valideer", args, server, url.split("/")[0] + "…", client)
                check_bodies(server, validate)
                for target, label in ((health, "warm-h"), (validate, "warm-v")):
                    measure(server, target, label, args, args.warmup, workdir, client)
                server.pg_pids = backend_pids(url)
                pairs: list[tuple[Run, Run]] = []
                for i in range(args.pairs):
                    print(f"  machine before pair {i + 1}: {wait_for_quiet(args.quiet_wait)}")
                    h = measure(
                        server, health, f"health{i + 1}", args, args.duration, workdir, client
                    )
                    v = measure(
                        server, validate, f"valid{i + 1}", args, args.duration, workdir, client
                    )
                    pairs.append((h, v))
                    print(f"  {h.line()}")
                    print(f"  {v.line()}")
                    print(f"  pair {i + 1}: valideer/health throughput ratio {v.rps / h.rps:.3f}")
                if args.profile:
                    profiled_run(server, validate, "valideer", args, workdir, client)
                logged = server.problems_logged()
    ratios = [v.rps / h.rps for h, v in pairs]
    p99s = [v.p99_ms for _h, v in pairs]
    errors = sum(v.errors + h.errors for h, v in pairs)
    ratio, p99 = statistics.median(ratios), statistics.median(p99s)
    ratio_ok, p99_ok = ratio >= VALIDATE_RATIO, p99 < VALIDATE_P99_MS
    print("  summary (median of pairs; worst in brackets):")
    print(
        f"    health   {statistics.median(h.rps for h, _v in pairs):8.1f} req/s, "
        f"valideer {statistics.median(v.rps for _h, v in pairs):8.1f} req/s"
    )
    print(
        f"    ratio valideer/health {ratio:.3f} (min {min(ratios):.3f}) target >= "
        f"{VALIDATE_RATIO}: {'MET' if ratio_ok else 'MISSED'}"
    )
    print(
        f"    valideer p99 {p99:.2f} ms (max {max(p99s):.2f} ms) target < {VALIDATE_P99_MS} ms: "
        f"{'MET' if p99_ok else 'MISSED'}"
    )
    cpu_ratios = [h.server_cpu_ms / v.server_cpu_ms for h, v in pairs]
    print(
        "    for information, not the target: gunicorn CPU per answer health/valideer "
        f"{statistics.median(cpu_ratios):.3f} (the throughput ratio to expect when gunicorn "
        "alone is CPU-bound)"
    )
    print(f"    errors {errors}; problems in gunicorn's log: {len(logged)}")
    for line in logged[:10]:
        print(f"      {line}")
    return ratio_ok and p99_ok and errors == 0


def scenario_submit(args: argparse.Namespace) -> bool:
    client = "loadgen"  # wrk cannot drain: see loadgen.py
    met = True
    with tempfile.TemporaryDirectory(prefix="mijnduo-bench-") as tmp:
        workdir = Path(tmp)
        with database(args.db or "postgres", workdir) as url:
            env = base_env(url, workdir)
            manage(env, "migrate", "--noinput")
            key = manage(env, "apitoken", "create", "bench").strip().splitlines()[-1]
            submit = Target(
                SUBMIT_PATH,
                "POST",
                {"Content-Type": "application/json", "Authorization": f"Token {key}"},
                json_bodies(args.bodies, args.seed),
                201,
            )
            with gunicorn(env, workdir, args.server_cpus, args.workers) as server:
                print_header("submit", args, server, url.split("/")[0] + "…", client)
                check_bodies(server, submit)
                measure(server, submit, "warm-s", args, args.warmup, workdir, client)
                server.pg_pids = backend_pids(url)
                runs: list[Run] = []
                for i in range(args.runs):
                    print(f"  machine before run {i + 1}: {wait_for_quiet(args.quiet_wait)}")
                    before = count_rows(url, "applications_application")
                    run = measure(
                        server, submit, f"submit{i + 1}", args, args.duration, workdir, client
                    )
                    time.sleep(0.5)  # nothing is in flight (loadgen drains); margin for commits
                    stored = count_rows(url, "applications_application") - before
                    runs.append(run)
                    rows_ok = stored == run.ok
                    met &= rows_ok
                    print(f"  {run.line()}")
                    print(
                        f"  run {i + 1}: statuses {run.statuses}; new rows {stored} vs 201 "
                        f"answers {run.ok}: {'equal' if rows_ok else 'NOT EQUAL'}"
                    )
                if args.profile:
                    profiled_run(server, submit, "submit", args, workdir, client)
                logged = server.problems_logged()
                history = count_rows(url, "applications_statuschange")
                applications = count_rows(url, "applications_application")
    rps = statistics.median(r.rps for r in runs)
    p99 = statistics.median(r.p99_ms for r in runs)
    errors = sum(r.errors for r in runs)
    rps_ok, p99_ok = rps >= SUBMIT_RPS, p99 < SUBMIT_P99_MS
    print("  summary (median of runs; worst in brackets):")
    print(
        f"    {rps:.1f} submissions/s (min {min(r.rps for r in runs):.1f}) target >= "
        f"{SUBMIT_RPS:.0f}: {'MET' if rps_ok else 'MISSED'}"
    )
    print(
        f"    p99 {p99:.2f} ms (max {max(r.p99_ms for r in runs):.2f} ms) target < "
        f"{SUBMIT_P99_MS:.0f} ms: {'MET' if p99_ok else 'MISSED'}"
    )
    print(f"    errors {errors} target 0: {'MET' if errors == 0 else 'MISSED'}")
    print(
        f"    one row per 201: {'MET' if met else 'MISSED'}; status-history rows "
        f"{history} for {applications} applications"
    )
    print(f"    problems in gunicorn's log: {len(logged)}")
    for line in logged[:10]:
        print(f"      {line}")
    return met and rps_ok and p99_ok and errors == 0 and history == applications


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="HTTP load benchmark of the API under gunicorn (see the module docstring)."
    )
    parser.add_argument("scenario", choices=("valideer", "submit", "all"))
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measured run")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of warm-up per target")
    parser.add_argument("--pairs", type=int, default=3, help="valideer: health/valideer pairs")
    parser.add_argument("--runs", type=int, default=3, help="submit: measured runs")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--bodies", type=int, default=200, help="distinct documents cycled")
    parser.add_argument("--seed", type=int, default=20260115)
    parser.add_argument(
        "--client", choices=("wrk", "loadgen"), default="wrk", help="valideer's load generator"
    )
    parser.add_argument("--client-cpu", default="1", help="CPU list for the generator, or none")
    parser.add_argument("--server-cpus", default="0,1", help="CPU list for gunicorn, or ''")
    parser.add_argument("--db", choices=("sqlite", "postgres"), help="override the database")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=30.0,
        help="before each pair/run, wait up to this many seconds for an idle machine",
    )
    parser.add_argument("--profile", metavar="DIR", help="also run once under py-spy, into DIR")
    args = parser.parse_args(argv)
    if not 1 <= args.duration <= 120 or not 0 < args.warmup <= 30:
        parser.error("--duration must be 1-120 s and --warmup 0-30 s (runs are bounded)")
    if args.client == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install -y wrk), or use --client loadgen")
    if args.client_cpu != "none":
        os.sched_setaffinity(0, {int(c) for c in args.client_cpu.split(",")})

    results: dict[str, bool] = {}
    try:
        if args.scenario in ("valideer", "all"):
            results["valideer"] = scenario_valideer(args)
        if args.scenario in ("submit", "all"):
            results["submit"] = scenario_submit(args)
    except SetupError as error:
        print(f"set-up failed: {error}")
        return 2
    except KeyboardInterrupt:
        print("interrupted: gunicorn stopped, temporary database removed")
        return 130
    print("== targets: " + ", ".join(f"{k} {'MET' if v else 'MISSED'}" for k, v in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
