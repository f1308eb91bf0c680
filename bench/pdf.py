"""PDF pack figures. Prints JSON.

    python bench/pdf.py [--decisions N] [--repeat N]

Times a 10-page pack (the target: under 1 s) tagged and untagged, and the decision log of
a group with N decisions (20,000 by default) at two sizes, to show the pages-per-second
rate stays steady as the log grows; each log is made in its own process so its peak memory
is its own. Documents are made up here, so the figures need no database.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.export.document import (  # noqa: E402
    BulletList,
    Document,
    PackLook,
    Paragraph,
    PrintStyle,
    Section,
    SectionIcon,
    Subheading,
    Table,
)
from app.export.pdf import write_pdf  # noqa: E402

LOOK = PackLook(PrintStyle.STANDARD, 14)


def session_pack(sections: int = 7) -> Document:
    """A before-the-session pack of about ten pages at 14 pt."""
    agenda = Table(
        "Agenda",
        ("Time", "Item", "Who leads"),
        tuple(
            (f"{10 + n // 4}:{(n % 4) * 15:02d}", f"Item {n}: repairs", "Zofia Łukasiewicz")
            for n in range(8)
        ),
    )
    blocks = (
        Paragraph("We meet at 10:30 in the Community Room. There is a break at 11:45 with tea."),
        agenda,
        Subheading("What happened since last time"),
        *(
            Paragraph(
                f"Decision {n}: the repair service rings people back within two days, "
                "and the group checks the waiting list at every session."
            )
            for n in range(6)
        ),
        BulletList(("Ahmed Khan (احمد خان)", "Gurpreet Kaur", "Siobhán O'Neill", "Sumi Begum")),
    )
    return Document(
        title="Riverside equipment users: pack for 4 March 2027",
        language="en-GB",
        subtitle="Before the session on Thursday 4 March 2027",
        sections=tuple(
            Section(f"Part {n + 1}", list(SectionIcon)[n % len(SectionIcon)], blocks)
            for n in range(sections)
        ),
    )


def decision_log(decisions: int) -> Document:
    sections = []
    for year in range(max(1, decisions // 1000)):
        blocks: list = []
        for n in range(min(1000, decisions - year * 1000)):
            number = year * 1000 + n + 1
            blocks += [
                Subheading(f"Decision {number}: wheelchair repairs"),
                Paragraph("You said: repairs take too long and nobody rings back."),
                Paragraph(f"We did: the service now rings back within two days (status {n % 4})."),
            ]
        sections.append(
            Section(f"Decisions, part {year + 1}", SectionIcon.DECISIONS, tuple(blocks))
        )
    return Document("Decision log: you said, we did", "en-GB", tuple(sections))


def _pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def one_log(decisions: int, tagged: bool) -> dict[str, float]:
    """The decision log in this process: seconds, pages, pages per second, peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "log.pdf"
        write_pdf(session_pack(1), LOOK, out)  # fonts loaded before the clock starts
        started, cpu_started = time.perf_counter(), time.process_time()
        write_pdf(decision_log(decisions), LOOK, out, tagged=tagged)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        pages = _pages(out)
        megabytes = out.stat().st_size / 2**20
    return {
        "decisions": decisions,
        "tagged": tagged,
        "seconds": round(seconds, 2),
        "pages": pages,
        "pages_per_second": round(pages / seconds, 1),
        # Processor time: the steadier figure on a machine shared with other work.
        "cpu_seconds": round(cpu_seconds, 2),
        "pages_per_cpu_second": round(pages / cpu_seconds, 1),
        "file_megabytes": round(megabytes, 1),
        "peak_memory_megabytes": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _log_in_own_process(decisions: int, tagged: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--one-log", str(decisions)]
    if not tagged:
        command.append("--untagged")
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def pack_seconds(repeat: int) -> dict[str, float]:
    document = session_pack()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "pack.pdf"
        write_pdf(document, LOOK, out)  # warm: fonts loaded once per process
        figures: dict[str, float] = {"pages": _pages(out)}
        for tagged in (True, False):
            times, cpu_times = [], []
            for _ in range(repeat):
                started, cpu_started = time.perf_counter(), time.process_time()
                write_pdf(document, LOOK, out, tagged=tagged)
                times.append(time.perf_counter() - started)
                cpu_times.append(time.process_time() - cpu_started)
            figures["tagged_cpu_seconds" if tagged else "untagged_cpu_seconds"] = round(
                statistics.median(cpu_times), 3
            )
            figures["tagged_seconds" if tagged else "untagged_seconds"] = round(
                statistics.median(times), 3
            )
    figures["tagging_cost_percent"] = round(
        100 * (figures["tagged_cpu_seconds"] / figures["untagged_cpu_seconds"] - 1)
    )
    figures["target_seconds"] = 1.0
    return figures


def measure(decisions: int = 20_000, repeat: int = 5) -> dict[str, object]:
    started = time.perf_counter()
    write_pdf(session_pack(1), LOOK, Path(tempfile.gettempdir()) / "roundtable-first.pdf")
    first = time.perf_counter() - started
    logs = [
        _log_in_own_process(decisions // 10, True),
        _log_in_own_process(decisions, True),
        _log_in_own_process(decisions, False),
    ]
    return {
        "first_pack_in_a_process_seconds": round(first, 2),
        "ten_page_pack": pack_seconds(repeat),
        "decision_logs": logs,
        "log_tagging_cost_percent": round(
            100 * (logs[1]["cpu_seconds"] / logs[2]["cpu_seconds"] - 1)
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one-log", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--untagged", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one_log:
        print(json.dumps(one_log(arguments.one_log, not arguments.untagged)))
    else:
        print(json.dumps(measure(arguments.decisions, arguments.repeat), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
