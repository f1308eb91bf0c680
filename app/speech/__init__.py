"""Speech: reading aloud and audio files, behind one small interface (``Speaker``).

``SpeechService`` is the implementation the app uses: one thread owning the engine, which
runs in a process of its own (``app.speech.worker``).

The names below are loaded on first use, so that importing one small part (the speeds in
``app.speech.interface``, say) does not start loading the service and its engines.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.speech.errors import SpeechFailed, SpeechUnavailable, install_advice
    from app.speech.interface import NORMAL_RATE, Recording, Segment, Speaker, Voice
    from app.speech.service import SpeechService, SpeechState

_WHERE = {
    "SpeechFailed": "errors",
    "SpeechUnavailable": "errors",
    "install_advice": "errors",
    "NORMAL_RATE": "interface",
    "Recording": "interface",
    "Segment": "interface",
    "Speaker": "interface",
    "Voice": "interface",
    "SpeechService": "service",
    "SpeechState": "service",
}

__all__ = [
    "NORMAL_RATE",
    "Recording",
    "Segment",
    "Speaker",
    "SpeechFailed",
    "SpeechService",
    "SpeechState",
    "SpeechUnavailable",
    "Voice",
    "install_advice",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"app.speech.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'app.speech' has no attribute {name!r}")
