"""The declarative base every mapped class shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, Dialect, MetaData, TypeDecorator, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app import clock

# Stable constraint names let migrations alter constraints by name on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return clock.now()


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time, stored in UTC and always read back with its time zone.

    SQLite keeps no zone, so without this a value would come back naive and no longer
    compare equal to what was saved.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a moment in time needs its time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    def __repr__(self) -> str:
        # Only the identity: names and notes may be personal and must not reach logs.
        return f"<{type(self).__name__} id={getattr(self, 'id', None)}>"


class Record:
    """Columns every table has: a local id, a UUID that travels between machines, and times."""

    id: Mapped[int] = mapped_column(primary_key=True)
    # Made on this side, so it also lets the ORM insert many rows in one statement and
    # still match each new id to its object (SQLAlchemy's "insert sentinel").
    uuid: Mapped[uuid.UUID] = mapped_column(
        Uuid, default=uuid.uuid4, unique=True, insert_sentinel=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
