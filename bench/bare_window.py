"""The floor for start-up: a bare PySide6 window that opens, draws once and exits."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    application = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1000, 700)
    window.show()
    application.processEvents()
    window.grab()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
