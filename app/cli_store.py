"""Where a command finds the data: ``--database-url`` (or ``ROUNDTABLE_DATABASE_URL``) names
a shared PostgreSQL server; without it, the data file in the data folder is used."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _

if TYPE_CHECKING:
    from app.storage import Store


def add_database_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        metavar=_("ADDRESS"),
        default=argparse.SUPPRESS,
        help=_(
            "use a shared PostgreSQL server instead of the data file, e.g. "
            "postgresql://name@server/roundtable (default: ROUNDTABLE_DATABASE_URL, if set)"
        ),
    )


def open_store(arguments: argparse.Namespace, folder: Path) -> Store:
    """The store the command works on; any warning about it goes to stderr first.

    Only a command that makes data (``makes_data``, as ``demo`` does) may create the data
    file; any other refuses a folder with none in it, and creates nothing there.
    """
    from app.storage import open_store as open_chosen

    db = open_chosen(
        folder,
        getattr(arguments, "database_url", None),
        existing_only=not getattr(arguments, "makes_data", False),
    )
    for warning in db.warnings:
        print(warning, file=sys.stderr)
    return db
