"""Draw live session mode on the example data's next session, part-way through, and save
PNGs of it for docs/screenshots: at 150% and 300% text on a 1280×800 screen (a laptop
driving a projector), and in the high-contrast dark look.

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

from app.models.enums import AttendanceStatus  # noqa: E402
from app.services import example_data, live, live_actions, session_lookup  # noqa: E402
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
            for name, percent, look in PICTURES:
                display.text_size.choose(percent)
                display.choose_look(look)
                window.refresh()
                settle(runner)
                window.notes.setFocus()
                settle(runner)
                path = arguments.out / f"{name}.png"
                if not save_small(window, path):
                    print(f"Could not save {path}", file=sys.stderr)
                    return 1
                print(path)
        finally:
            window.close()
            runner.shutdown(wait=True)
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
