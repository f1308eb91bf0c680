"""Roundtable: a desktop tool for co-production groups."""

import time

# When Roundtable's own code began to load: start-up is measured from here (``--smoke``).
STARTED = time.perf_counter()

__version__ = "0.1.0"
APP_NAME = "Roundtable"
