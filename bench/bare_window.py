"""The floor for start-up: a bare PySide6 window that opens, draws once and exits.

Like ``python -m app --smoke`` it says how long after its own code began to load the
window was drawn, so the two can be set side by side without the interpreter's start.
"""

import time

STARTED = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    application = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1000, 700)
    window.show()
    application.processEvents()
    window.repaint()
    print(f"Drew the window {time.perf_counter() - STARTED:.3f} s after starting.")
    window.grab()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
