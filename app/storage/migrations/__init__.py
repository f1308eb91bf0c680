"""Schema revisions, oldest first. A test keeps this list equal to the scripts in versions/.

Kept as plain constants so that opening an up-to-date file never has to load Alembic.
"""

REVISIONS = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]
