"""Save a small data file at a given schema revision, for the upgrade tests.

Run once when a revision is released, then keep the file in tests/data/ unchanged:

    python tools/make_schema_fixture.py 0001 tests/data/schema-0001.sqlite3

Each file holds the rows of every revision up to its own (ROWS_BY_REVISION), so the
upgrade test can check that all of them survive every later migration.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command

from app.storage import schema
from app.storage.engine import make_engine

ROWS_0001 = [
    "INSERT INTO groups (id, uuid, created_at, updated_at, name, purpose, partner_organisation,"
    " session_limit_minutes, break_interval_minutes, hourly_rate_pence) VALUES (1,"
    " '0b5bd1a8a7c14c0a9d8e7f2b3c4d5e61', '2025-03-01 10:00:00.000000',"
    " '2025-03-01 10:00:00.000000', 'Wheels and Rails users group', 'Better equipment', "
    "'Brightway Equipment', 120, 45, 2000)",
    "INSERT INTO people (id, uuid, created_at, updated_at, full_name, preferred_name, pronouns,"
    " email, phone, postal_address, access_needs_note, preferred_format, large_print_size_pt,"
    " delivery, consent_to_store, consent_recorded_on) VALUES (1,"
    " '1c6ce2b9b8d25d1bae9f803c4d5e6f72', '2025-03-01 10:00:00.000000',"
    " '2025-03-01 10:00:00.000000', 'Bożena Kowalczyk', 'Bożka', 'she/her', 'b@example.org',"
    " '07700 900001', '', 'Needs step-free access', 'large_print', 22, 'post', 1, '2025-03-01')",
    "INSERT INTO memberships (id, uuid, created_at, updated_at, group_id, person_id, role,"
    " joined_on, left_on) VALUES (1, '2d7df3cac9e36e2cbfa0914d5e6f7083',"
    " '2025-03-01 10:00:00.000000', '2025-03-01 10:00:00.000000', 1, 1, 'champion',"
    " '2025-03-01', NULL)",
    "INSERT INTO meetings (id, uuid, created_at, updated_at, group_id, venue_id, title,"
    " starts_at, status, summary, feedback) VALUES (1, '3e8e04dbdaf47f3dc0b1a25e6f708194',"
    " '2025-03-01 10:00:00.000000', '2025-03-01 10:00:00.000000', 1, NULL, 'First session',"
    " '2025-03-10 10:30:00.000000', 'held', 'We began.', '')",
    "INSERT INTO decisions (id, uuid, created_at, updated_at, group_id, meeting_id, wording,"
    " raised_by_id, how_agreed, how_agreed_note, status, decided_on) VALUES (1,"
    " '4f9f15ecebf5804ed1c2b36f708192a5', '2025-03-10 12:00:00.000000',"
    " '2025-03-10 12:00:00.000000', 1, 1, 'Ask for repair visits in the morning', 1,"
    " 'consensus', '', 'agreed', '2025-03-10')",
]
ROWS_0002 = [
    "INSERT INTO payments (id, uuid, created_at, updated_at, person_id, group_id, meeting_id,"
    " minutes_given, rate_pence_per_hour, expenses_pence, voucher_pence, voucher_note, declined,"
    " paid_on, note) VALUES (1, '5a0a26fdfc06915fe2d3c4708192a3b6', '2025-03-10 13:00:00.000000',"
    " '2025-03-10 13:00:00.000000', 1, 1, 1, 150, 2000, 740, 0, '', 0, '2025-03-20',"
    " 'Taxi both ways')",
    "INSERT INTO comments (id, uuid, created_at, updated_at, author_id, decision_id, meeting_id,"
    " text) VALUES (1, '6b1b370e0d17a260f3e4d5819203b4c7', '2025-03-11 09:00:00.000000',"
    " '2025-03-11 09:00:00.000000', 1, 1, NULL, 'Mornings suit everyone — diolch!')",
]
ROWS_0003 = [
    "INSERT INTO contributions (id, uuid, created_at, updated_at, meeting_id, agenda_item_id,"
    " person_id, sent_beforehand) VALUES (1, '7c2c481f1e28b371a4f5e6920314c5d8',"
    " '2025-03-10 11:00:00.000000', '2025-03-10 11:00:00.000000', 1, NULL, 1, 1)",
]
ROWS_BY_REVISION = {"0001": ROWS_0001, "0002": ROWS_0002, "0003": ROWS_0003}


def build(revision: str, path: Path) -> None:
    path.unlink(missing_ok=True)
    engine = make_engine(path)
    config = schema.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        for made_in, rows in ROWS_BY_REVISION.items():
            if made_in <= revision:
                for statement in rows:
                    connection.exec_driver_sql(statement)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


if __name__ == "__main__":
    build(sys.argv[1], Path(sys.argv[2]))
