"""Which body text sizes each print style allows (ACCESSIBILITY.md, "Printed packs")."""

from __future__ import annotations

from app.errors import ValidationError
from app.export.document import PackLook, PrintStyle
from app.i18n import _

LARGEST_PT = 28
_SIZES: dict[PrintStyle, tuple[int, int, int]] = {
    # style: (smallest, default, largest); 16 pt and up is large print, so standard stops at 15.
    PrintStyle.STANDARD: (12, 14, 15),
    PrintStyle.LARGE: (16, 18, LARGEST_PT),
    PrintStyle.EASY_READ: (16, 16, LARGEST_PT),
}


def default_size(style: PrintStyle) -> int:
    """The body text size a pack in ``style`` starts with, in points."""
    return _SIZES[PrintStyle(style)][1]


def allowed_sizes(style: PrintStyle) -> range:
    """Every whole-point body text size ``style`` allows, smallest first."""
    smallest, _default, largest = _SIZES[PrintStyle(style)]
    return range(smallest, largest + 1)


def smallest_size(style: PrintStyle) -> int:
    return _SIZES[PrintStyle(style)][0]


def check_look(look: PackLook) -> None:
    """Refuses a size the style does not allow, in words a person can act on."""
    sizes = allowed_sizes(look.style)
    if look.size_pt not in sizes:
        raise ValidationError(
            _("This print style needs a text size from {low} to {high} points.").format(
                low=sizes.start, high=sizes.stop - 1
            )
        )
