"""Draw live session mode on the example data's next session, part-way through, and save
PNGs of it for docs/screenshots: at 150% and 300% text on a 1280×800 screen (a laptop
driving a projector), and in the high-contrast dark look; then the session closed, with
what was saved in place of the notes, at 100% and 300%.

    python tools/live_screenshots.py [--out docs/screenshots]

Like tools/screenshots.py it works in a temporary data folder and draws off screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from PySide6.QtCore import QSize, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import _quiet_offscreen, save_small, settle  # noqa: E402

from app.models.enums import AimOutcome, AttendanceStatus  # noqa: E402
from app.services import example_data, live, live_actions, live_close, session_lookup  # noqa: E402
from app.storage import open_database  # noqa: E402
from app.ui.data import DataSource  # noqa: E402
from app.ui.display import Display, TextSize  # noqa: E402
from app.ui.focus_ring import install_focus_ring  # noqa: E402
from app.ui.live.start import open_live_window  # noqa: E402
from app.ui.settings import HIGH_CONTRAST_DARK, NORMAL_LOOK, Settings  # noqa: E402
from app.ui.tasks import TaskRunner  # noqa: E402

SCREEN = QSize(1280, 800)
PICTURES = (("live-150", 150, NORMAL_LOOK), ("live-300", 300, NORMAL_LOOK))
PICTURES += (("live-high-contrast-dark", 150, HIGH_CONTRAST_DARK),)
CLOSED_PICTURES = (("live-closed-100", 100, NORMAL_LOOK), ("live-closed-300", 300, NORMAL_LOOK))
NOTES = (
    "Tea and names. One member came with her support worker.\n"
    "The talking clock was easy to use; the tablet's buttons were too small.\n"
    "Instructions will come in large print and on audio as well."
)


def part_way_through(db, meeting_id: int) -> None:  # type: ignore[no-untyped-def]
    """Check-in done (one apology, who wrote in instead), three turns and some notes."""
    state = live.open_live(db, meeting_id)
    people = [person.id for person in state.people]
    for person in people[:-1]:
        live_actions.check_in(db, meeting_id, person, AttendanceStatus.PRESENT)
    live_actions.check_in(db, meeting_id, people[-1], AttendanceStatus.APOLOGIES)
    live_actions.mark_contribution(db, meeting_id, people[-1], None, sent_beforehand=True)
    live_actions.toggle_supporter(db, meeting_id, people[1])
    for person in (people[0], people[2], people[2]):
        live_actions.mark_contribution(db, meeting_id, person, state.current_item_id)
    live_actions.save_notes(db, meeting_id, state.current_item_id, NOTES)


def closed_with_a_decision(db, meeting_id: int) -> None:  # type: ignore[no-untyped-def]
    """A decision and an action agreed, the aims reviewed, the session closed and one
    payment confirmed (the rest left for staff)."""
    state = live.read_live(db, meeting_id)
    present = [p.id for p in state.people if p.status == AttendanceStatus.PRESENT]
    decision = live_actions.record_decision(
        db,
        meeting_id,
        "Instructions come in large print and on audio as well.",
        raised_by_id=present[0],
    )
    live_actions.record_action(
        db, meeting_id, "Ask the supplier for audio instructions", decision_id=decision
    )
    reviews = [(aim.id, AimOutcome.PROGRESSING, "") for aim in state.aims]
    closed = live_close.finish_session(db, meeting_id, reviews)
    first = closed.payments[0] if closed.payments else None
    if first is not None:
        live_close.confirm_payments(db, meeting_id, [(first.person_id, first.minutes)])


def draw(window, runner, display, pictures, out: Path) -> bool:  # type: ignore[no-untyped-def]
    for name, percent, look in pictures:
        display.text_size.choose(percent)
        display.choose_look(look)
        window.refresh()
        settle(runner)
        settle(runner)  # what was saved is read once the state is
        window.screen_parts.main_part().setFocus()
        settle(runner)
        path = out / f"{name}.png"
        if not save_small(window, path):
            print(f"Could not save {path}", file=sys.stderr)
            return False
        print(path)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    arguments = parser.parse_args(argv)
    qInstallMessageHandler(_quiet_offscreen)
    arguments.out.mkdir(parents=True, exist_ok=True)
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    install_focus_ring(qt_app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory(prefix="roundtable-live-screens-") as temporary:
        folder = Path(temporary)
        db = open_database(folder)
        example_data.load_example_data(db)
        meeting_id = session_lookup.find_session(db, "next").id
        part_way_through(db, meeting_id)
        runner = TaskRunner()
        settings = Settings.in_folder(folder)
        display = Display(settings, TextSize(settings))
        window = open_live_window(DataSource(db), runner, meeting_id, full_screen=False)
        try:
            window.resize(SCREEN)
            settle(runner)
            if not draw(window, runner, display, PICTURES, arguments.out):
                return 1
            closed_with_a_decision(db, meeting_id)
            if not draw(window, runner, display, CLOSED_PICTURES, arguments.out):
                return 1
        finally:
            window.close()
            runner.shutdown(wait=True)
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
