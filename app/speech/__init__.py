"""Speech: reading aloud and audio files, behind one small interface (``Speaker``).

``SpeechService`` is the implementation the app uses: one thread owning the engine, which
runs in a process of its own (``app.speech.worker``).
"""

from app.speech.errors import SpeechFailed, SpeechUnavailable, install_advice
from app.speech.interface import NORMAL_RATE, Recording, Segment, Speaker, Voice
from app.speech.service import SpeechService, SpeechState

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
