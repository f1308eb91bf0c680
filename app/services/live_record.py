"""What a closed session's record holds, counted, for the screen live mode ends on: a
facilitator who has just closed a session sees in words that nothing typed was lost."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.live import read_live
from app.services.live_close import LiveSummary, PaymentSuggestion, suggest_payments, summary_of
from app.storage import Store


@dataclass(frozen=True)
class SavedRecord:
    summary: LiveSummary
    items: tuple[str, ...]  # every agenda item, in order
    with_notes: tuple[str, ...]  # the items that have notes, in order
    talked_about: int  # items with notes or turns recorded on them
    session_notes: bool  # notes on the session as a whole (a session with no agenda)
    payments: tuple[PaymentSuggestion, ...]

    @property
    def closed(self) -> bool:
        return self.summary.held

    @property
    def aims_reviewed(self) -> int:
        return sum(aim.outcome is not None for aim in self.summary.aims)


def what_was_saved(db: Store, meeting_id: int) -> SavedRecord:
    """The session's record as it is kept now (reads only)."""
    state = read_live(db, meeting_id)
    turned = {t.agenda_item_id for t in state.turns if t.spoken and t.agenda_item_id is not None}
    noted = [item for item in state.items if item.notes.strip()]
    return SavedRecord(
        summary=summary_of(state),
        items=tuple(item.title for item in state.items),
        with_notes=tuple(item.title for item in noted),
        talked_about=sum(1 for item in state.items if item.notes.strip() or item.id in turned),
        session_notes=bool(state.session_notes.strip()),
        payments=tuple(suggest_payments(db, meeting_id)),
    )
