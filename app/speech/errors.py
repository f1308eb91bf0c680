"""What a person is told when speech cannot work, always with what to do about it."""

from __future__ import annotations

import sys

from app.errors import RoundtableError
from app.i18n import _


class SpeechUnavailable(RoundtableError):
    """No speech engine could be started here; everything else still works."""


class SpeechFailed(RoundtableError):
    """The engine was there but this piece of speech or audio could not be made."""


def install_advice(platform: str | None = None) -> str:
    """How to get a speech engine on this kind of computer, in one sentence."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return _(
            "Windows has one built in: check that a voice is installed under "
            "Settings, Time and language, Speech."
        )
    if platform == "darwin":
        return _(
            "macOS has one built in: check that a voice is installed under "
            "System Settings, Accessibility, Spoken content."
        )
    return _("Install espeak-ng: sudo apt-get install espeak-ng")


def no_engine_message(platform: str | None = None) -> str:
    return (
        _("Reading aloud is not available because no speech engine was found on this computer.")
        + " "
        + install_advice(platform)
    )


def engine_stopped_message() -> str:
    return _(
        "The speech engine stopped answering, so Roundtable closed it. "
        "It will start again the next time you ask for speech."
    )


def no_sound_message() -> str:
    return _(
        "Roundtable could not play sound: no speaker or headphones seem to be working. "
        "Audio files can still be saved."
    )
