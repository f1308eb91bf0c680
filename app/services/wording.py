"""The words people read for each fixed choice, on screen, in packs and read aloud."""

from __future__ import annotations

from enum import StrEnum

from app.i18n import _
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


def label(choice: StrEnum) -> str:
    """The plain, translated words for ``choice``."""
    words = _LABELS.get(type(choice), {}).get(choice.value)
    return _(words) if words else choice.value.replace("_", " ")


_LABELS: dict[type[StrEnum], dict[str, str]] = {
    Role: {
        "lived_experience": "Member with lived experience",
        "champion": "Champion",
        "carer": "Carer",
        "staff": "Staff",
        "facilitator": "Facilitator",
        "guest": "Guest",
    },
    PackFormat: {
        "standard": "Standard print",
        "large_print": "Large print",
        "easy_read": "Easy Read",
        "audio": "Audio",
        "screen_reader_pdf": "Screen-reader PDF",
    },
    Delivery: {"email": "By email", "post": "By post", "in_person": "In person"},
    AccessNeedKind: {
        "step_free": "Step-free access",
        "hearing_loop": "Hearing loop",
        "bsl_interpreter": "BSL interpreter",
        "regular_breaks": "Regular breaks",
        "support_worker": "Support worker",
        "large_print": "Large print",
        "screen_reader": "Uses a screen reader",
        "easy_read": "Easy Read",
        "quiet_space": "A quiet space",
        "transport": "Help with transport",
        "dietary": "Food and drink needs",
        "other": "Other",
    },
    VenueFeatureKind: {
        "step_free": "Step-free access",
        "accessible_toilet": "Accessible toilet",
        "hearing_loop": "Hearing loop",
        "accessible_parking": "Accessible parking",
        "quiet_room": "Quiet room",
        "near_public_transport": "Near public transport",
        "lift": "Lift",
        "changing_places": "Changing Places toilet",
    },
    MeetingStatus: {"planned": "Planned", "held": "Held", "cancelled": "Cancelled"},
    AttendanceStatus: {"present": "Present", "apologies": "Sent apologies", "absent": "Absent"},
    AimOutcome: {
        "achieved": "Achieved",
        "progressing": "Progressing",
        "not_yet": "Not yet",
        "changed": "Changed",
    },
    DecisionStatus: {
        "agreed": "Agreed",
        "in_progress": "In progress",
        "done": "Done",
        "on_hold": "On hold",
        "not_going_ahead": "Not going ahead",
    },
    AgreementMethod: {
        "consensus": "Everyone agreed",
        "no_objections": "No one objected",
        "majority_vote": "Majority vote",
        "show_of_hands": "Show of hands",
    },
    ActionStatus: {
        "not_started": "Not started",
        "in_progress": "In progress",
        "done": "Done",
        "stuck": "Stuck",
        "dropped": "Dropped",
    },
}
