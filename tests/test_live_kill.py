"""Live mode, for real: the app in its own process on a virtual screen, notes typed into it
key by key, then SIGKILL. After a restart every character typed more than a second before
the kill is there, and the file passes its integrity check."""

from __future__ import annotations

import time

import pytest

from app.storage import open_database
from tests.live_process import LiveApp, Typed, VirtualScreen, check_data, saved_notes, tools_missing
from tests.live_sample import make_live_session

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(tools_missing()), reason=f"needs {tools_missing()} (setup.sh --dev)"),
]

LINES = (
    "Margaret: the repair van came late twice. ",
    "Tomasz asked for texts, not letters. ",
    "Grace: Żaneta's chair waited 3 weeks! ",
)


def test_typing_survives_a_kill_and_a_restart(data_dir) -> None:
    db = open_database(data_dir)
    sample = make_live_session(db, held=True)
    db.close()
    first_item = sample.items[0]
    typed = Typed()
    with VirtualScreen() as screen:
        app = LiveApp(screen, data_dir)
        try:
            app.start()  # typing starts at once, before the session has been read
            for line in LINES:
                app.type(line, typed, delay_ms=30)
            time.sleep(1.2)  # what came before this must all be kept…
            app.type("and this line may be lost", typed)  # …this is the last second
            killed_at = app.kill()
            assert check_data(data_dir).returncode == 0
            kept = saved_notes(data_dir, first_item)
            assert typed.text().startswith(kept)
            assert kept.startswith(typed.before(killed_at - 1.0))
            assert typed.before(killed_at - 1.0) == "".join(LINES)

            # Restarted, it shows what was kept and carries on from the end of it.
            app.start(loaded="Wheelchair repairs")
            app.type("After the restart.", typed)
            time.sleep(1.2)
        finally:
            app.quit()
    assert check_data(data_dir).returncode == 0
    assert saved_notes(data_dir, first_item) == kept + "After the restart."
