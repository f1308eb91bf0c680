"""The words a pack is written in: plain for standard and large print, simpler still for Easy Read.

Easy Read is not just bigger text: sentences are short, each says one thing, and the
group speaks as "we". Every pack builder asks a ``Phrasing`` for its words, so the two
registers stay side by side here and a builder never tests the style itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.export.document import PrintStyle
from app.i18n import N_, _, ngettext

_MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
_WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


def long_date(value: date) -> str:
    """E.g. "3 December 2026": clearer on paper and read aloud than 03/12/2026."""
    return _("{day} {month} {year}").format(
        day=value.day, month=_(_MONTHS[value.month - 1]), year=value.year
    )


def day_and_date(value: date) -> str:
    """E.g. "Thursday 3 December 2026"."""
    return _("{weekday} {date}").format(
        weekday=_(_WEEKDAYS[value.weekday()]), date=long_date(value)
    )


def clock(value: datetime) -> str:
    """A 24-hour time, e.g. "10:30": the same on paper as on the venue's clock."""
    return f"{value.hour:02d}:{value.minute:02d}"


def minutes_in_words(minutes: int) -> str:
    hours, rest = divmod(max(minutes, 0), 60)
    hour_words = ngettext("{count} hour", "{count} hours", hours).format(count=hours)
    minute_words = ngettext("{count} minute", "{count} minutes", rest).format(count=rest)
    if hours and rest:
        return _("{hours} and {minutes}").format(hours=hour_words, minutes=minute_words)
    return hour_words if hours else minute_words


def sentence(text: str) -> str:
    """``text`` tidied and ending with a full stop (Easy Read puts one idea per sentence)."""
    clean = " ".join(text.split())
    if clean and clean[-1] not in ".!?…:":
        clean += "."
    return clean


@dataclass(frozen=True)
class Phrasing:
    """The words for one print style."""

    style: PrintStyle

    @property
    def easy(self) -> bool:
        return self.style == PrintStyle.EASY_READ

    def pick(self, plain: str, easy: str) -> str:
        """``easy`` in the Easy Read style, ``plain`` otherwise (both already translated)."""
        return easy if self.easy else plain

    # -- titles ---------------------------------------------------------------------

    def before_title(self, session_title: str) -> str:
        return self.pick(
            _("Before the session: {title}").format(title=session_title),
            _("Our next meeting: {title}").format(title=session_title),
        )

    def after_title(self, session_title: str) -> str:
        return self.pick(
            _("After the session: {title}").format(title=session_title),
            _("What happened at our meeting: {title}").format(title=session_title),
        )

    def log_title(self, group_name: str) -> str:
        return self.pick(
            _("Decision log: you said, we did. {group}").format(group=group_name),
            _("What we decided and what we did. {group}").format(group=group_name),
        )

    def session_subtitle(self, group_name: str, starts_at: datetime) -> str:
        return _("{group}. {day} at {time}.").format(
            group=group_name, day=day_and_date(starts_at.date()), time=clock(starts_at)
        )

    # -- decisions and actions ---------------------------------------------------------

    def decided(self, wording: str) -> str:
        return self.pick(
            sentence(wording), _("We decided: {wording}").format(wording=sentence(wording))
        )

    def decided_on(self, when: date, how: str) -> str:
        return self.pick(
            _("Agreed on {date}. How it was agreed: {how}.").format(date=long_date(when), how=how),
            _("We agreed this on {date}.").format(date=long_date(when)),
        )

    def decision_status(self, status: str) -> str:
        return self.pick(
            _("Where it is now: {status}.").format(status=status),
            _("Now it is: {status}.").format(status=status.lower()),
        )

    def action(self, description: str, owner: str, due: date | None, status: str) -> str:
        who = owner or _("no one yet")
        if self.easy:
            words = [_("{who} will do this: {what}").format(who=who, what=sentence(description))]
            if due is not None:
                words.append(_("By {date}.").format(date=long_date(due)))
            words.append(_("Now it is: {status}.").format(status=status.lower()))
            return " ".join(words)
        due_words = long_date(due) if due is not None else _("no date set")
        return _("{what} Who: {who}. By: {due}. Now: {status}.").format(
            what=sentence(description), who=who, due=due_words, status=status
        )

    def outcome(self, outcome: str) -> str:
        return self.pick(
            _("What happened: {outcome}").format(outcome=sentence(outcome)),
            _("What we did: {outcome}").format(outcome=sentence(outcome)),
        )

    def no_actions(self) -> str:
        return self.pick(_("No actions were set for this decision."), _("No one had a job to do."))
