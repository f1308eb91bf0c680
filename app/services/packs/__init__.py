"""Packs: what a session or a group's log says, built as a ``Document`` for print and audio."""

from app.services.packs.building import (
    KIND_WORDS,
    LANGUAGE,
    PackKind,
    PrivacyChoice,
    after_session_pack,
    before_session_pack,
    decision_log_in_parts,
    decision_log_pack,
    pack_kind,
    print_style,
    session_pack,
)

__all__ = [
    "KIND_WORDS",
    "LANGUAGE",
    "PackKind",
    "PrivacyChoice",
    "after_session_pack",
    "before_session_pack",
    "decision_log_in_parts",
    "decision_log_pack",
    "pack_kind",
    "print_style",
    "session_pack",
]
