"""One decision in full, as a page a screen reader can follow: headings, then labelled
lines, then lists (its actions, comments, and the history of every change, oldest first);
and ``DecisionPage``, which holds it with the buttons that change the decision and the
way back to the list."""

from __future__ import annotations

import re
from datetime import date
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.i18n import N_, _
from app.services.decisions import ActionDetails, DecisionDetails, HistoryEntry
from app.services.wording import label
from app.ui.flow_layout import FlowLayout
from app.ui.formatting import format_date, format_datetime
from app.ui.widgets import Heading

# The fewest lines of the decision ever shown at once: below this a page that is too short
# scrolls instead (and keeps the decision in view while it has the focus).
LEAST_LINES = 8

# What each kind of change is called when read back (the history stores these names).
CHANGE_NAMES = {
    "recorded": N_("Recorded"),
    "wording": N_("Wording"),
    "status": N_("Status"),
    "aims": N_("Aims"),
    "how agreed": N_("How it was agreed"),
    "how agreed note": N_("Note on how it was agreed"),
    "action added": N_("Action added"),
    "action description": N_("What the action is"),
    "action owner": N_("Who will do the action"),
    "action due date": N_("Action due date"),
    "action status": N_("Action status"),
    "action outcome": N_("What we did"),
    "action done date": N_("Date the action was done"),
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def change_name(field: str) -> str:
    words = CHANGE_NAMES.get(field)
    return _(words) if words else field.capitalize()


def change_value(value: str) -> str:
    """A stored value in words: dates spelled out, an empty value said to be empty."""
    if not value.strip():
        return _("(nothing)")
    if _ISO_DATE.match(value):
        return format_date(date.fromisoformat(value))
    return value


def _text(value: str) -> str:
    """Plain text as HTML, its own line breaks kept."""
    return escape(value).replace("\n", "<br>")


def _line(name: str, value: str) -> str:
    return f"<p><b>{escape(name)}:</b> {_text(value)}</p>"


def raised_by_words(details: DecisionDetails) -> str:
    if not details.raised_by:
        return _("Not recorded")
    if details.raised_by_role is None:
        return details.raised_by
    return _("{name} ({role})").format(name=details.raised_by, role=label(details.raised_by_role))


def action_html(action: ActionDetails) -> str:
    lines = [
        _line(_("Who will do it"), action.owner or _("No one yet")),
        _line(_("Due"), format_date(action.due_on) if action.due_on else _("No due date")),
        _line(_("Status"), label(action.status)),
        _line(_("What we did"), action.outcome or _("Nothing written yet")),
    ]
    if action.done_on:
        lines.append(_line(_("Done on"), format_date(action.done_on)))
    return f"<li><p>{_text(action.description)}</p>{''.join(lines)}</li>"


def history_html(entry: HistoryEntry, session: tuple[str, date] | None = None) -> str:
    """One change, oldest first; ``session`` is the decision's (its title and day), which
    names where a change made in live mode was made, since who made it is not known."""
    when = format_datetime(entry.changed_at.astimezone().replace(tzinfo=None))
    change, value = change_name(entry.field), change_value(entry.new_value)
    old, new = change_value(entry.old_value), change_value(entry.new_value)
    added = entry.field in ("recorded", "action added")
    if entry.in_session and session is not None:
        title, day = session[0], format_date(session[1])
        if added:
            what = _("{change} in the session “{title}” of {date}: {value}").format(
                change=change, title=title, date=day, value=value
            )
        else:
            what = _(
                "{change} changed in the session “{title}” of {date} from “{old}” to “{new}”."
            ).format(change=change, title=title, date=day, old=old, new=new)
    elif entry.in_session:  # its session since deleted
        if added:
            what = _("{change} in a live session: {value}").format(change=change, value=value)
        else:
            what = _("{change} changed in a live session from “{old}” to “{new}”.").format(
                change=change, old=old, new=new
            )
    else:
        who = entry.changed_by or _("someone not named")
        if added:
            what = _("{change} by {who}: {value}").format(change=change, who=who, value=value)
        else:
            what = _("{change} changed by {who} from “{old}” to “{new}”.").format(
                change=change, who=who, old=old, new=new
            )
    why = _line(_("Why"), entry.reason) if entry.reason.strip() else ""
    return f"<li><p><b>{escape(when)}.</b> {_text(what)}</p>{why}</li>"


def details_html(details: DecisionDetails) -> str:
    session = _("Not recorded")
    if details.meeting_starts_at is not None:
        session = _("{title}, {date}").format(
            title=details.meeting_title, date=format_date(details.meeting_starts_at.date())
        )
    how = label(details.how_agreed)
    if details.how_agreed_note.strip():
        how = _("{how}: {note}").format(how=how, note=details.how_agreed_note)
    parts = [
        f"<h2>{escape(_('What we agreed'))}</h2>",
        f"<p>{_text(details.wording)}</p>",
        _line(_("Decided on"), format_date(details.decided_on)),
        _line(_("Status"), label(details.status)),
        _line(_("Raised by"), raised_by_words(details)),
        _line(_("How it was agreed"), how),
        _line(_("Session"), session),
        _line(
            _("Aims it serves"),
            "; ".join(aim.text for aim in details.aims) or _("None chosen"),
        ),
        f"<h3>{escape(_('Actions (you said, we did)'))}</h3>",
    ]
    if details.actions:
        parts.append("<ol>" + "".join(action_html(a) for a in details.actions) + "</ol>")
    else:
        parts.append(f"<p>{escape(_('No actions yet.'))}</p>")
    parts.append(f"<h3>{escape(_('Comments'))}</h3>")
    if details.comments:
        parts.append(
            "<ul>"
            + "".join(
                f"<li><p><b>{escape(c.author)}</b>, "
                f"{escape(format_date(c.written_at.date()))}:</p><p>{_text(c.text)}</p></li>"
                for c in details.comments
            )
            + "</ul>"
        )
    else:
        parts.append(f"<p>{escape(_('No comments yet.'))}</p>")
    parts.append(f"<h3>{escape(_('History of changes, oldest first'))}</h3>")
    if details.history:
        session = None
        if details.meeting_starts_at is not None:
            session = (details.meeting_title, details.meeting_starts_at.date())
        changes = "".join(history_html(entry, session) for entry in details.history)
        parts.append(f"<ol>{changes}</ol>")
    else:  # as the example decisions were made: a heading with nothing under it said nothing
        parts.append(f"<p>{escape(_('No changes yet.'))}</p>")
    return "".join(parts)


class DecisionDetailsView(QTextBrowser):
    """The chosen decision in full: read-only, reachable by Tab, and left with Tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setAccessibleName(_("The chosen decision in full"))
        self.details: DecisionDetails | None = None
        self.show_nothing()

    def minimumSizeHint(self) -> QSize:
        # In lines of the text size in use, so that at 300% it is never a sliver.
        margins = 2 * (self.frameWidth() + round(self.document().documentMargin()))
        height = LEAST_LINES * self.fontMetrics().lineSpacing() + margins
        return QSize(super().minimumSizeHint().width(), height)

    def sizeHint(self) -> QSize:
        # No taller than its least unless there is room: a scrolling page lays a widget
        # out at least as tall as it would like.
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def show_nothing(self, message: str = "") -> None:
        self.details = None
        self.setPlainText(message or _("Choose a decision in the list to read it in full here."))
        self.setAccessibleDescription(self.toPlainText())

    def show_details(self, details: DecisionDetails) -> None:
        self.details = details
        self.setHtml(details_html(details))
        self.setAccessibleDescription(
            _("Decision of {date}: {wording}").format(
                date=format_date(details.decided_on), wording=details.wording
            )
        )


class DecisionPage(QWidget):
    """The chosen decision: a heading, the way back to the list, the buttons that change
    it, then the decision in full. Escape (or the back button) emits ``back``."""

    back = Signal()

    def __init__(self, buttons: list[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = Heading(_("The chosen decision"))
        self.back_button = QPushButton(_("Bac&k to the list"))
        self.back_button.setAccessibleName(_("Back to the list of decisions"))
        self.back_button.setAccessibleDescription(_("Escape goes back too."))
        self.back_button.clicked.connect(self.back)
        self.buttons = [self.back_button, *buttons]
        self.view = DecisionDetailsView()
        # Side by side while they fit, wrapping onto more lines at large text sizes.
        row = QWidget()
        flow = FlowLayout(row)
        for button in self.buttons:
            flow.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(row)
        layout.addWidget(self.view, 1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)

    def focus_chain(self) -> tuple[QWidget, ...]:
        """The controls in reading order."""
        return (*self.buttons, self.view)
