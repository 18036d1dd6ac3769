"""What every benchmark prints about where it ran: CPU model and the commit measured."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def _measured_root() -> Path:
    """The checkout whose ``mijnduo`` is imported: this one, or the worktree that
    ``PYTHONPATH=<worktree>/src`` puts first (to measure older code with these scripts)."""
    spec = importlib.util.find_spec("mijnduo")
    if spec is None or spec.origin is None:
        return ROOT
    return Path(spec.origin).resolve().parent.parent.parent  # <root>/src/mijnduo/__init__.py


def tree() -> str:
    """The commit measured, and whether files under src/ differ from it."""
    root = _measured_root()
    where = "" if root == ROOT else f" in {root}"
    try:
        head = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.count("\n")
    except OSError:
        return "commit unknown"
    return f"commit {head or '?'}{where} ({changed} changed paths under src/)"
