"""Settings the screens remember between runs, each declared once with its default.

They are kept in ``settings.ini`` inside the data folder, so a ``--data-dir`` (or a test's
temporary folder) has its own settings and never touches anyone else's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from app.i18n import _
from app.services.pack_defaults import READING_FONT_KEYS, SYSTEM_FONT

SETTINGS_FILE_NAME = "settings.ini"

T = TypeVar("T", int, str, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One remembered choice: where it is kept, its default and its title in plain words.

    ``title`` is the untranslated English; ``label`` gives it in the chosen language.
    """

    key: str
    default: T
    title: str
    choices: tuple[T, ...] = ()

    @property
    def label(self) -> str:
        return _(self.title)

    def accept(self, value: object) -> T:
        """``value`` as read from the file, or the default if it is missing or makes no sense."""
        kind = type(self.default)
        try:
            if kind is bool:
                text = str(value).strip().lower()
                converted = text in {"1", "true", "yes", "on"}
                if text not in {"0", "1", "true", "false", "yes", "no", "on", "off"}:
                    return self.default
            else:
                converted = kind(value)
        except (TypeError, ValueError):
            return self.default
        if self.choices and converted not in self.choices:
            return self.default
        return converted  # type: ignore[return-value]


TEXT_SIZES: tuple[int, ...] = (100, 125, 150, 175, 200, 250, 300)

TEXT_SIZE = Setting("display/text_size_percent", 100, "Text size", TEXT_SIZES)
LAST_GROUP = Setting("window/last_group_id", 0, "The group shown last")
# What the group is for, under its name: shown or hidden as chosen, else while it is short.
PURPOSE_AUTOMATIC, PURPOSE_SHOWN, PURPOSE_HIDDEN = "automatic", "shown", "hidden"
GROUP_PURPOSE = Setting(
    "window/group_purpose",
    PURPOSE_AUTOMATIC,
    "What the group is for",
    (PURPOSE_AUTOMATIC, PURPOSE_SHOWN, PURPOSE_HIDDEN),
)

NORMAL_LOOK = "normal"
HIGH_CONTRAST_LIGHT = "high-contrast-light"
HIGH_CONTRAST_DARK = "high-contrast-dark"
LOOK_KEYS: tuple[str, ...] = (NORMAL_LOOK, HIGH_CONTRAST_LIGHT, HIGH_CONTRAST_DARK)
LOOK = Setting("display/look", NORMAL_LOOK, "Look", LOOK_KEYS)
READING_FONT = Setting("display/reading_font", SYSTEM_FONT, "Reading font", READING_FONT_KEYS)

# Reading aloud: words a minute, and the engine's name for the voice ("" = its usual one).
SPEECH_RATES: tuple[int, ...] = tuple(range(80, 351, 5))
SPEECH_RATE = Setting("speech/rate_wpm", 175, "Reading speed", SPEECH_RATES)
SPEECH_VOICE = Setting("speech/voice", "", "Voice")

# Where packs were last saved; "" until then (the first time, a folder in Documents or Music).
PACKS_FOLDER = Setting("packs/folder", "", "The folder packs for everyone were saved in last")
AUDIO_PACKS_FOLDER = Setting("packs/audio_folder", "", "The folder audio packs were saved in last")

ALL_SETTINGS: tuple[Setting, ...] = (  # type: ignore[type-arg]
    TEXT_SIZE,
    LOOK,
    READING_FONT,
    LAST_GROUP,
    GROUP_PURPOSE,
    SPEECH_RATE,
    SPEECH_VOICE,
    PACKS_FOLDER,
    AUDIO_PACKS_FOLDER,
)


class Settings:
    """Reads and writes the declared settings in one INI file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @classmethod
    def in_folder(cls, folder: Path) -> Settings:
        return cls(folder / SETTINGS_FILE_NAME)

    def get(self, setting: Setting[T]) -> T:
        if not self._store.contains(setting.key):
            return setting.default
        return setting.accept(self._store.value(setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        checked = setting.accept(value)
        if checked != value:
            raise ValueError(f"{value!r} is not a possible value of {setting.key}")
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        """Write any change to the file now (Qt also does this on its own, a little later)."""
        self._store.sync()
