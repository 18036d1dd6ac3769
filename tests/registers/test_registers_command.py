"""The ``importregisters`` management command."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from mijnduo.registers.management.commands import importregisters
from mijnduo.registers.models import Gemeente, Vestiging

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("importregisters", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_without_arguments_imports_the_shipped_files() -> None:
    output = run()

    assert Gemeente.objects.count() == 342
    assert Vestiging.objects.count() == 6122
    assert "gemeenten-alfabetisch-2023.csv: gemeenten" in output
    assert "alle-schoolvestigingen-basisonderwijs.csv: vestigingen, sector po" in output
    assert "rows read: 6122, rejected: 0" in output
    assert "vestigingen: 6122 created, 0 updated, 0 unchanged" in output
    assert "total: 12882 created, 0 updated, 0 unchanged" in output


def test_second_run_reports_everything_unchanged() -> None:
    run()

    output = run()

    assert "total: 0 created, 0 updated, 342 unchanged" in output
    assert "total: 0 created, 0 updated, 12882 unchanged" in output


def test_named_files_and_sector(data_dir: Path) -> None:
    output = run(
        "--cbs",
        str(data_dir / "gemeenten-puntkomma.csv"),
        "--duo",
        str(data_dir / "vestigingen-vo-oude-kolommen.csv"),
        "--duo",
        str(data_dir / "besturen.csv"),
        "--sector",
        "mbo",
    )

    assert Gemeente.objects.count() == 2
    assert set(Vestiging.objects.values_list("sector", flat=True)) == {"mbo"}
    assert "gemeenten: 2 created" in output
    assert "vestigingen-vo-oude-kolommen.csv: vestigingen, sector mbo" in output
    assert "besturen.csv: besturen" in output
    assert (
        "rejected line 4, KVK-NUMMER: '1234': A KvK-nummer is 8 digits, for example 41002315."
        in output
    )


def test_first_reasons_only_unless_verbose(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importregisters, "FIRST_REASONS", 2)
    path = str(data_dir / "vestigingen-po-fouten.csv")

    short = run("--duo", path)
    full = run("--duo", path, "--verbose")

    assert "rows read: 9, rejected: 7" in short
    assert short.count("rejected line") == 2
    assert "... and 5 more rejected rows (see --verbose)" in short
    assert full.count("rejected line") == 7
    assert "more rejected rows" not in full


def test_unknown_file_is_a_command_error(data_dir: Path) -> None:
    with pytest.raises(CommandError, match="not a recognised register file"):
        run("--duo", str(data_dir / "geen-register.csv"))


def test_missing_file_is_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="file not found"):
        run("--cbs", str(tmp_path / "gemeenten.csv"))


def test_progress_bar_on_request(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run("--cbs", str(data_dir / "gemeenten-puntkomma.csv"), "--progress")

    assert "gemeenten-puntkomma.csv" in capsys.readouterr().err


def test_no_progress_bar_when_not_a_terminal(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run("--cbs", str(data_dir / "gemeenten-puntkomma.csv"))

    assert capsys.readouterr().err == ""
