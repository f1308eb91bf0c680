"""Dates, lengths of time and long text, in the words the screens show and read aloud;
and windows' titles, and how wide a window must be to show its title whole."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtGui import QFontDatabase, QFontMetrics

from app import APP_NAME
from app.i18n import _, ngettext

TABLE_TEXT_LIMIT = 400


def window_title(title: str) -> str:
    """A window's title: what it shows, then the application's name."""
    return _("{title} — {app}").format(title=title, app=APP_NAME)


def title_width(title: str) -> int:
    """How wide a window must be for the window bar to show ``title`` whole: the title in
    the font window bars use, and room for the window's icon and buttons."""
    metrics = QFontMetrics(QFontDatabase.systemFont(QFontDatabase.SystemFont.TitleFont))
    return metrics.horizontalAdvance(title) + 8 * metrics.height()


def format_date(value: date | None) -> str:
    """A date spelled out, e.g. "3 June 2025": clearer read aloud than 03/06/2025."""
    if value is None:
        return _("No date")
    return QLocale().toString(QDate(value.year, value.month, value.day), _("d MMMM yyyy"))


def format_time(value: datetime) -> str:
    return QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return _("No date")
    return _("{date} at {time}").format(date=format_date(value.date()), time=format_time(value))


def format_minutes(minutes: int) -> str:
    """A length of time in words, e.g. "1 hour 30 minutes"."""
    hours, rest = divmod(max(minutes, 0), 60)
    hour_words = ngettext("{count} hour", "{count} hours", hours).format(count=hours)
    minute_words = ngettext("{count} minute", "{count} minutes", rest).format(count=rest)
    if hours and rest:
        return _("{hours} {minutes}").format(hours=hour_words, minutes=minute_words)
    return hour_words if hours else minute_words


def shorten(text: str, limit: int = TABLE_TEXT_LIMIT) -> str:
    """``text`` cut at a word near ``limit`` characters, saying so, for a table cell."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(maxsplit=1)[0] if " " in text[:limit] else text[:limit]
    return _("{start}… (continues)").format(start=cut.rstrip())
