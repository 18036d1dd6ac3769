"""CPU instructions per request of the portal's form pages, counted by callgrind (issue 4).

    .venv/bin/python bench/portal_instructions.py [--pages all] [--requests 40]
    PYTHONPATH=<worktree>/src .venv/bin/python bench/portal_instructions.py   # other code

Why: this machine is shared, and timings of the same code drift by 10-20% between runs,
more than many a change saves. ``valgrind --tool=callgrind`` counts the instructions
executed instead, which are the same from run to run whatever else the machine does;
so the code before and after a change can be compared in separate runs. Instructions
are not time (a cache miss costs more than an add), which is why bench/portal_load.py
remains the measure of the targets.

How: a fresh PostgreSQL database, migrated; one logged-in applicant with a complete
draft (bench/portal_load.py's set-up); then a child process under callgrind with
instrumentation off, which loads the production WSGI application and calls each page
20 times to warm up. Per page, the parent zeroes the counters, switches instrumentation
on (``callgrind_control``), lets the child make ``--requests`` GET requests, switches it
off and dumps: instructions per request = the dump's total / requests. ``GET /health``
(no cookie) is counted the same way, as the floor of any request, and ``GET /health``
with the applicant's cookie: the floor of a logged-in page (the session read).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_load import HEALTH_PATH, SetupError, base_env, database, manage
from machine_info import cpu_model, tree
from portal_load import PAGES, make_state, wsgi_caller

WARM_UP = 20


def child(reference: str, cookie: str, labels: list[str], requests: int) -> int:
    """Under callgrind: wait for the parent's go per label, then make the requests."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "mijnduo.conf.settings"
    import logging

    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    logging.getLogger("django.request").setLevel(logging.ERROR)
    call = wsgi_caller(application, cookie)

    def path_of(label: str) -> tuple[str, bool]:
        if label in ("health", "health+sessie"):
            return HEALTH_PATH, label == "health+sessie"
        return f"/aanvragen/{reference}{PAGES[label]}", True

    for label in labels:
        path, with_cookie = path_of(label)
        for _ in range(WARM_UP):
            if (status := call(path, with_cookie)) != 200:
                print(f"FAILED {label} {status}", flush=True)
                return 1
    for label in labels:
        path, with_cookie = path_of(label)
        print(f"READY {label}", flush=True)
        sys.stdin.readline()
        for _ in range(requests):
            call(path, with_cookie)
        print(f"DONE {label}", flush=True)
        sys.stdin.readline()
    return 0


def _control(pid: int, *args: str) -> None:
    done = subprocess.run(
        ["callgrind_control", *args, str(pid)], capture_output=True, text=True, check=False
    )
    if "OK." not in done.stdout:
        raise SetupError(f"callgrind_control {' '.join(args)}: {done.stdout} {done.stderr}")


def _total(dump: Path) -> int:
    for line in dump.read_text().splitlines():
        if line.startswith("totals:"):  # ("summary:" counts from the start: 0 here)
            return int(line.split()[1])
    raise SetupError(f"no total in {dump}")


def count(args: argparse.Namespace) -> dict[str, float]:
    labels = ["health", "health+sessie", *args.pages]
    with (
        tempfile.TemporaryDirectory(prefix="mijnduo-instr-") as tmp,
        database("postgres", Path(tmp)) as url,
    ):
        env = base_env(url, Path(tmp))
        manage(env, "migrate", "--noinput")
        state = make_state(env, Path(tmp), 1)[0]
        out = Path(tmp) / "callgrind.out"
        process = subprocess.Popen(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                str(Path(__file__).resolve()),
                "--child",
                state["reference"],
                state["cookie"],
                ",".join(labels),
                str(args.requests),
            ],
            env={**env, "DJANGO_SETTINGS_MODULE": "mijnduo.conf.settings"},
            cwd=tmp,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert process.stdin is not None and process.stdout is not None
        per_request: dict[str, float] = {}
        try:
            for label in labels:
                line = process.stdout.readline().strip()
                if line != f"READY {label}":
                    raise SetupError(f"the child said {line!r}, not READY {label}")
                _control(process.pid, "-z")
                _control(process.pid, "-i", "on")
                process.stdin.write("\n")
                process.stdin.flush()
                if (line := process.stdout.readline().strip()) != f"DONE {label}":
                    raise SetupError(f"the child said {line!r}, not DONE {label}")
                _control(process.pid, "-i", "off")
                before = set(Path(tmp).glob("callgrind.out*"))
                _control(process.pid, "-d")
                (dump,) = set(Path(tmp).glob("callgrind.out*")) - before
                per_request[label] = _total(dump) / args.requests
                process.stdin.write("\n")
                process.stdin.flush()
        finally:
            process.kill()
            process.wait()
        return per_request


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--requests", type=int, default=40, help="counted requests per page")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        reference, cookie, labels, requests = args.child
        return child(reference, cookie, labels.split(","), int(requests))
    args.pages = [p for p in args.pages.split(",") if p]
    if unknown := set(args.pages) - set(PAGES):
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    print(f"{cpu_model()}, Python {sys.version.split()[0]}, {tree()}")
    print(f"callgrind, {args.requests} requests per page after {WARM_UP} to warm up")
    per_request = count(args)
    health = per_request["health"]
    for label, instructions in per_request.items():
        print(
            f"  {label:14s} {instructions / 1e6:8.3f} M instructions per request"
            f"  ({instructions / health:5.1f} times /health)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
