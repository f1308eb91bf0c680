"""Pack content from saved data. Prints JSON.

    python bench/packs.py [--decisions N] [--repeat N]

Where bench/pdf.py times the PDF writer on made-up documents, this times the whole way
from the data file: reading a group's decision log of N decisions (20,000 by default, with
two actions each) into a pack, whole and a section at a time, and writing it as a tagged
PDF; and a real session pack from the example data, read and written. Each log is read
in its own process, so its peak memory is its own; the reading alone is measured again
with tracemalloc for what Python holds at its peak.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from app.export.document import PackLook, PrintStyle  # noqa: E402
from app.export.pdf import write_pdf  # noqa: E402
from app.models import Action, Decision, Person  # noqa: E402
from app.services import groups, packs  # noqa: E402
from app.services.example_data import load_example_data  # noqa: E402
from app.services.session_lookup import find_session  # noqa: E402
from app.storage import Database, open_database  # noqa: E402

LOOK = PackLook(PrintStyle.STANDARD, 14)
WORDING = (
    "Decision {n}: we will ask the equipment service to ring people back within two working "
    "days when a repair is reported, and tell the group at each session how it is going."
)


def build_log(folder: Path, decisions: int) -> None:
    """One group with ``decisions`` decisions, three a day, each with two actions."""
    db = open_database(folder)
    try:
        group = groups.create_group(db, "Busy group")
        with db.transaction() as session:
            session.execute(insert(Person), [{"full_name": f"Member {n}"} for n in range(50)])
            session.execute(
                insert(Decision),
                [
                    {
                        "group_id": group.id,
                        "wording": WORDING.format(n=n + 1),
                        "decided_on": date(2000, 1, 1) + timedelta(days=n // 3),
                        "raised_by_id": 1 + n % 50,
                    }
                    for n in range(decisions)
                ],
            )
            session.execute(
                insert(Action),
                [
                    {
                        "group_id": group.id,
                        "decision_id": 1 + n // 2,
                        "description": f"Action {n + 1}: write to the service manager.",
                        "owner_id": 1 + n % 50,
                        "due_on": date(2001, 1, 1),
                        "outcome": "They wrote back and agreed." if n % 3 else "",
                    }
                    for n in range(2 * decisions)
                ],
            )
    finally:
        db.close()


def one_log(folder: Path, how: str) -> dict[str, object]:
    """Read the log ``how`` (whole, parts, pdf) in this process: seconds and memory."""
    db = open_database(folder)
    try:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        figures = _read(db, folder, how)
        seconds = time.perf_counter() - started
        figures["seconds"] = round(seconds, 2)
        if "pages" in figures:
            figures["pages_per_second"] = round(int(figures["pages"]) / seconds, 1)  # type: ignore[call-overload]
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures["process_peak_megabytes"] = round(after)
        figures["process_peak_before_megabytes"] = round(before)
        if how != "pdf":
            # Python's own count of what the reading holds at its peak, on a second run
            # (tracing slows it down several times over).
            tracemalloc.start()
            _read(db, folder, how)
            figures["python_peak_megabytes"] = round(tracemalloc.get_traced_memory()[1] / 2**20)
            tracemalloc.stop()
        return figures
    finally:
        db.close()


def _read(db: Database, folder: Path, how: str) -> dict[str, object]:
    figures: dict[str, object] = {"how": how}
    if how == "parts":
        _head, rest = packs.decision_log_in_parts(db, 1)
        figures["sections"] = 1 + sum(1 for _section in rest)
    else:
        document = packs.decision_log_pack(db, 1)
        figures["sections"] = len(document.sections)
        if how == "pdf":
            out = folder / "log.pdf"
            write_pdf(document, LOOK, out)
            figures["pages"] = _pages(out)
    return figures


def session_pack_seconds(repeat: int) -> dict[str, object]:
    """The example group's last session, after pack in large print 28 pt: read and written."""
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder))
        try:
            load_example_data(db)
            group = groups.list_groups(db)[0]
            last = find_session(db, "last", group=group.id)
            look = PackLook(PrintStyle.LARGE, 28)
            out = Path(folder) / "after.pdf"
            write_pdf(packs.after_session_pack(db, last.id, look.style), look, out)  # fonts loaded
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                write_pdf(packs.after_session_pack(db, last.id, look.style), look, out)
                times.append(time.perf_counter() - started)
            return {
                "pages": _pages(out),
                "median_seconds": round(statistics.median(times), 3),
                "target_seconds_for_10_pages": 1.0,
            }
        finally:
            db.close()


def _pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def measure(decisions: int = 20_000, repeat: int = 5) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        build_log(Path(folder), decisions)
        logs = [_in_own_process(Path(folder), how) for how in ("parts", "whole", "pdf")]
    return {
        "decisions": decisions,
        "actions": 2 * decisions,
        "decision_log": logs,
        "session_pack": session_pack_seconds(repeat),
    }


def _in_own_process(folder: Path, how: str) -> dict[str, object]:
    command = [sys.executable, __file__, "--one-log", str(folder), "--how", how]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one-log", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--how", default="whole", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one_log:
        print(json.dumps(one_log(arguments.one_log, arguments.how)))
    else:
        print(json.dumps(measure(arguments.decisions, arguments.repeat), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
