"""New packs start from the screens' display choices: text size → print size, and font."""

import pytest

from app.errors import ValidationError
from app.services.pack_defaults import (
    LARGEST_PRINT_PT,
    STANDARD_PRINT_PT,
    pack_defaults,
    reading_font,
)


@pytest.mark.parametrize(
    ("percent", "points"),
    [(100, 14), (125, 18), (150, 21), (175, 24), (200, 28), (250, 28), (300, 28)],
)
def test_text_size_becomes_a_print_size_from_standard_to_the_largest(percent, points):
    defaults = pack_defaults(percent, "system")
    assert defaults.body_pt == points
    assert STANDARD_PRINT_PT <= defaults.body_pt <= LARGEST_PRINT_PT
    assert defaults.large_print == (points >= 16)


def test_the_chosen_font_comes_with_its_truetype_files():
    defaults = pack_defaults(100, "opendyslexic")
    assert defaults.font.family == "OpenDyslexic"
    assert all(path.is_file() and path.suffix == ".ttf" for path in defaults.font.paths())
    assert pack_defaults(100, "system").font.paths() == ()


def test_nonsense_is_refused_in_plain_words():
    with pytest.raises(ValidationError, match=r"^The text size must be between 100 and 300\.$"):
        pack_defaults(400, "system")
    with pytest.raises(ValidationError, match="There is no reading font called comic"):
        reading_font("comic")
