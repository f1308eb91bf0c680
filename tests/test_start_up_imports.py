"""What opening the window costs: the big libraries for packs, speech and upgrades wait
until they are used, so that nothing slow stands between a person and the first window
(docs/performance.md, "Start-up")."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each is imported by the part of Roundtable that uses it, when that part is first used.
LATER = ("reportlab", "pikepdf", "pypdfium2", "uharfbuzz", "pyttsx3", "alembic", "mako")
# Not even the database toolkit: the window's frame is drawn before it is imported.
AFTER_THE_FIRST_PAINT = ("sqlalchemy", "app.models", "app.services.groups", "app.ui.areas")

PROBE = """
import json, sys
import app.cli, app.ui.application, app.ui.main_window
print(json.dumps(sorted(name for name in sys.argv[1:] if name in sys.modules)))
"""


def test_drawing_the_window_imports_none_of_the_libraries_used_later() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *LATER, *AFTER_THE_FIRST_PAINT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
        check=True,
    )
    assert json.loads(result.stdout) == []
