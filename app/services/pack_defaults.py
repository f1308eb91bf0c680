"""What a new pack looks like until staff choose otherwise: the reading font and text size
chosen for the screens, turned into print.

A plain function rather than a database use case: the display choices live in the
screens' settings file, so the screens pass them in and the pack code uses the answer as
its starting point. Sizes follow ACCESSIBILITY.md: standard print is 14 pt; 16 pt and
above is large print; 28 pt is the largest a pack offers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import ValidationError
from app.i18n import N_, _
from app.services import validation

FONTS_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SYSTEM_FONT = "system"
STANDARD_PRINT_PT = 14
LARGE_PRINT_FROM_PT = 16
LARGEST_PRINT_PT = 28


@dataclass(frozen=True)
class ReadingFont:
    """One font a person can choose to read in.

    ``family`` is the name inside the font files ("" for the computer's own sans-serif);
    ``files`` are TrueType files under resources/fonts, regular first, then bold.
    """

    key: str
    family: str
    title: str  # untranslated; shown with _()
    description: str  # untranslated; shown with _()
    files: tuple[str, ...] = ()

    def paths(self) -> tuple[Path, ...]:
        return tuple(FONTS_FOLDER / name for name in self.files)


READING_FONTS: tuple[ReadingFont, ...] = (
    ReadingFont(
        SYSTEM_FONT,
        "",
        N_("The computer's usual font"),
        N_("The plain sans-serif font this computer uses everywhere."),
    ),
    ReadingFont(
        "atkinson-hyperlegible",
        "Atkinson Hyperlegible",
        N_("Atkinson Hyperlegible"),
        N_("Made for people with low vision: letters that are easy to tell apart."),
        (
            "atkinson-hyperlegible/AtkinsonHyperlegible-Regular.ttf",
            "atkinson-hyperlegible/AtkinsonHyperlegible-Bold.ttf",
        ),
    ),
    ReadingFont(
        "opendyslexic",
        "OpenDyslexic",
        N_("OpenDyslexic"),
        N_("Made for people with dyslexia: heavy bottoms keep letters the right way up."),
        ("opendyslexic/OpenDyslexic-Regular.ttf", "opendyslexic/OpenDyslexic-Bold.ttf"),
    ),
)
READING_FONT_KEYS: tuple[str, ...] = tuple(font.key for font in READING_FONTS)


def reading_font(key: str) -> ReadingFont:
    """The font called ``key``; refuses a name it does not know."""
    for font in READING_FONTS:
        if font.key == key:
            return font
    raise ValidationError(_("There is no reading font called {key}.").format(key=key))


@dataclass(frozen=True)
class PackDefaults:
    body_pt: int
    font: ReadingFont

    @property
    def large_print(self) -> bool:
        return self.body_pt >= LARGE_PRINT_FROM_PT


def pack_defaults(text_size_percent: int, reading_font_key: str) -> PackDefaults:
    """The body text size and font a new pack starts with, from the screens' choices.

    Standard print (14 pt) at 100%, scaled with the text size and rounded to a whole
    point, up to 28 pt: 125% gives 18 pt large print, 200% and more give 28 pt.
    """
    percent = validation.whole_number(text_size_percent, _("The text size"), low=100, high=300)
    size = round(STANDARD_PRINT_PT * percent / 100)
    return PackDefaults(min(size, LARGEST_PRINT_PT), reading_font(reading_font_key))
