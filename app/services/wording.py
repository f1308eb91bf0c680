"""The words people read for each fixed choice, on screen, in packs and read aloud."""

from __future__ import annotations

from enum import StrEnum

from app.i18n import N_, _
from app.models.enums import (
    AccessNeedKind,
    ActionStatus,
    AgreementMethod,
    AimOutcome,
    AttendanceStatus,
    DecisionStatus,
    Delivery,
    MeetingStatus,
    PackFormat,
    Role,
    VenueFeatureKind,
)


def money(pence: int) -> str:
    """An amount of whole pence in pounds, as people write it: £1,012.05."""
    return _("£{pounds}.{pence:02d}").format(pounds=f"{pence // 100:,}", pence=pence % 100)


def label(choice: StrEnum) -> str:
    """The plain, translated words for ``choice``."""
    words = _LABELS.get(type(choice), {}).get(choice.value)
    return _(words) if words else choice.value.replace("_", " ")


_LABELS: dict[type[StrEnum], dict[str, str]] = {
    Role: {
        "lived_experience": N_("Member with lived experience"),
        "champion": N_("Champion"),
        "carer": N_("Carer"),
        "staff": N_("Staff"),
        "facilitator": N_("Facilitator"),
        "guest": N_("Guest"),
    },
    PackFormat: {
        "standard": N_("Standard print"),
        "large_print": N_("Large print"),
        "easy_read": N_("Easy Read"),
        "audio": N_("Audio"),
        "screen_reader_pdf": N_("Screen-reader PDF"),
    },
    Delivery: {"email": N_("By email"), "post": N_("By post"), "in_person": N_("In person")},
    AccessNeedKind: {
        "step_free": N_("Step-free access"),
        "hearing_loop": N_("Hearing loop"),
        "bsl_interpreter": N_("BSL interpreter"),
        "regular_breaks": N_("Regular breaks"),
        "support_worker": N_("Support worker"),
        "large_print": N_("Large print"),
        "screen_reader": N_("Uses a screen reader"),
        "easy_read": N_("Easy Read"),
        "quiet_space": N_("A quiet space"),
        "transport": N_("Help with transport"),
        "dietary": N_("Food and drink needs"),
        "other": N_("Other"),
    },
    VenueFeatureKind: {
        "step_free": N_("Step-free access"),
        "accessible_toilet": N_("Accessible toilet"),
        "hearing_loop": N_("Hearing loop"),
        "accessible_parking": N_("Accessible parking"),
        "quiet_room": N_("Quiet room"),
        "near_public_transport": N_("Near public transport"),
        "lift": N_("Lift"),
        "changing_places": N_("Changing Places toilet"),
    },
    MeetingStatus: {"planned": N_("Planned"), "held": N_("Held"), "cancelled": N_("Cancelled")},
    AttendanceStatus: {
        "present": N_("Present"),
        "apologies": N_("Sent apologies"),
        "absent": N_("Absent"),
    },
    AimOutcome: {
        "achieved": N_("Achieved"),
        "progressing": N_("Progressing"),
        "not_yet": N_("Not yet"),
        "changed": N_("Changed"),
    },
    DecisionStatus: {
        "agreed": N_("Agreed"),
        "in_progress": N_("In progress"),
        "done": N_("Done"),
        "on_hold": N_("On hold"),
        "not_going_ahead": N_("Not going ahead"),
    },
    AgreementMethod: {
        "consensus": N_("Everyone agreed"),
        "no_objections": N_("No one objected"),
        "majority_vote": N_("Majority vote"),
        "show_of_hands": N_("Show of hands"),
    },
    ActionStatus: {
        "not_started": N_("Not started"),
        "in_progress": N_("In progress"),
        "done": N_("Done"),
        "stuck": N_("Stuck"),
        "dropped": N_("Dropped"),
    },
}
