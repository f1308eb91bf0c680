"""The fixed choices the data model offers. Values are stored as these strings."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def enum_column(enum_type: type[StrEnum]) -> Enum:
    """A portable column for ``enum_type``: plain strings, no database-specific ENUM type."""
    return Enum(
        enum_type,
        native_enum=False,
        length=40,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Role(StrEnum):
    LIVED_EXPERIENCE = "lived_experience"
    CHAMPION = "champion"
    CARER = "carer"
    STAFF = "staff"
    FACILITATOR = "facilitator"
    GUEST = "guest"


class PackFormat(StrEnum):
    STANDARD = "standard"
    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read"
    AUDIO = "audio"
    SCREEN_READER_PDF = "screen_reader_pdf"


class Delivery(StrEnum):
    EMAIL = "email"
    POST = "post"
    IN_PERSON = "in_person"


class AccessNeedKind(StrEnum):
    STEP_FREE = "step_free"
    HEARING_LOOP = "hearing_loop"
    BSL_INTERPRETER = "bsl_interpreter"
    REGULAR_BREAKS = "regular_breaks"
    SUPPORT_WORKER = "support_worker"
    LARGE_PRINT = "large_print"
    SCREEN_READER = "screen_reader"
    EASY_READ = "easy_read"
    QUIET_SPACE = "quiet_space"
    TRANSPORT = "transport"
    DIETARY = "dietary"
    OTHER = "other"


class VenueFeatureKind(StrEnum):
    STEP_FREE = "step_free"
    ACCESSIBLE_TOILET = "accessible_toilet"
    HEARING_LOOP = "hearing_loop"
    ACCESSIBLE_PARKING = "accessible_parking"
    QUIET_ROOM = "quiet_room"
    NEAR_PUBLIC_TRANSPORT = "near_public_transport"
    LIFT = "lift"
    CHANGING_PLACES = "changing_places"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class AimOutcome(StrEnum):
    ACHIEVED = "achieved"
    PROGRESSING = "progressing"
    NOT_YET = "not_yet"
    CHANGED = "changed"


class DecisionStatus(StrEnum):
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ON_HOLD = "on_hold"
    NOT_GOING_AHEAD = "not_going_ahead"


class AgreementMethod(StrEnum):
    CONSENSUS = "consensus"
    NO_OBJECTIONS = "no_objections"
    MAJORITY_VOTE = "majority_vote"
    SHOW_OF_HANDS = "show_of_hands"


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    STUCK = "stuck"
    DROPPED = "dropped"
