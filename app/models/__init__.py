"""The mapped classes: what Roundtable keeps. Nothing here knows about screens or files."""

from app.models.aims import Aim, AimReview
from app.models.base import Base, Record
from app.models.decisions import Action, Decision, DecisionChange, decision_aims
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
from app.models.live import BreakTaken, Contribution, LiveProgress
from app.models.meetings import (
    AgendaItem,
    Attendance,
    Meeting,
    Note,
    PlannedBreak,
    Venue,
    VenueFeature,
    meeting_aims,
)
from app.models.people import AccessNeed, Group, Membership, Person
from app.models.recognition import Comment, Payment, pence_for_time

__all__ = [
    "AccessNeed",
    "AccessNeedKind",
    "Action",
    "ActionStatus",
    "AgendaItem",
    "AgreementMethod",
    "Aim",
    "AimOutcome",
    "AimReview",
    "Attendance",
    "AttendanceStatus",
    "Base",
    "BreakTaken",
    "Comment",
    "Contribution",
    "Decision",
    "DecisionChange",
    "DecisionStatus",
    "Delivery",
    "Group",
    "LiveProgress",
    "Meeting",
    "MeetingStatus",
    "Membership",
    "Note",
    "PackFormat",
    "Payment",
    "Person",
    "PlannedBreak",
    "Record",
    "Role",
    "Venue",
    "VenueFeature",
    "VenueFeatureKind",
    "decision_aims",
    "meeting_aims",
    "pence_for_time",
]
