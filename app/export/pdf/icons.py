"""Simple, bold pictures for the Easy Read style: one per kind of section.

Drawn as vector shapes in black on white, thick lines, no fine detail, so they stay clear
when printed small or seen through a magnifier. Each draws inside a square whose lower
left corner is (x, y).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from app.export.document import SectionIcon

Icon = Callable[[Canvas, float, float, float], None]


def _pen(canv: Canvas, size: float) -> None:
    canv.setStrokeColor("black")
    canv.setFillColor("black")
    canv.setLineWidth(max(size / 14, 1.5))
    canv.setLineCap(1)
    canv.setLineJoin(1)


def _agenda(canv: Canvas, x: float, y: float, s: float) -> None:
    canv.roundRect(x + s * 0.18, y + s * 0.06, s * 0.64, s * 0.82, s * 0.06)
    canv.rect(x + s * 0.36, y + s * 0.82, s * 0.28, s * 0.12, fill=1)
    for row in range(3):
        level = y + s * (0.62 - row * 0.2)
        canv.circle(x + s * 0.32, level, s * 0.035, fill=1)
        canv.line(x + s * 0.42, level, x + s * 0.7, level)


def _aims(canv: Canvas, x: float, y: float, s: float) -> None:
    middle_x, middle_y = x + s / 2, y + s / 2
    canv.circle(middle_x, middle_y, s * 0.44)
    canv.circle(middle_x, middle_y, s * 0.28)
    canv.circle(middle_x, middle_y, s * 0.1, fill=1)


def _venue(canv: Canvas, x: float, y: float, s: float) -> None:
    roof = canv.beginPath()
    roof.moveTo(x + s * 0.08, y + s * 0.5)
    roof.lineTo(x + s * 0.5, y + s * 0.92)
    roof.lineTo(x + s * 0.92, y + s * 0.5)
    canv.drawPath(roof, stroke=1, fill=0)
    canv.rect(x + s * 0.2, y + s * 0.08, s * 0.6, s * 0.48)
    canv.rect(x + s * 0.42, y + s * 0.08, s * 0.16, s * 0.28, fill=1)


def _person(canv: Canvas, middle: float, y: float, s: float) -> None:
    canv.circle(middle, y + s * 0.7, s * 0.12, fill=1)
    body = canv.beginPath()
    body.moveTo(middle - s * 0.2, y + s * 0.1)
    body.lineTo(middle - s * 0.2, y + s * 0.38)
    body.curveTo(
        middle - s * 0.2,
        y + s * 0.55,
        middle + s * 0.2,
        y + s * 0.55,
        middle + s * 0.2,
        y + s * 0.38,
    )
    body.lineTo(middle + s * 0.2, y + s * 0.1)
    body.close()
    canv.drawPath(body, stroke=1, fill=1)


def _people(canv: Canvas, x: float, y: float, s: float) -> None:
    _person(canv, x + s * 0.28, y, s)
    _person(canv, x + s * 0.72, y, s)


def _notes(canv: Canvas, x: float, y: float, s: float) -> None:
    page = canv.beginPath()
    page.moveTo(x + s * 0.18, y + s * 0.06)
    page.lineTo(x + s * 0.18, y + s * 0.94)
    page.lineTo(x + s * 0.62, y + s * 0.94)
    page.lineTo(x + s * 0.82, y + s * 0.74)
    page.lineTo(x + s * 0.82, y + s * 0.06)
    page.close()
    canv.drawPath(page, stroke=1, fill=0)
    for row in range(4):
        level = y + s * (0.7 - row * 0.16)
        canv.line(x + s * 0.3, level, x + s * 0.7, level)


def _tick(canv: Canvas, x: float, y: float, s: float) -> None:
    tick = canv.beginPath()
    tick.moveTo(x + s * 0.28, y + s * 0.5)
    tick.lineTo(x + s * 0.44, y + s * 0.32)
    tick.lineTo(x + s * 0.74, y + s * 0.68)
    canv.drawPath(tick, stroke=1, fill=0)


def _decisions(canv: Canvas, x: float, y: float, s: float) -> None:
    canv.circle(x + s / 2, y + s / 2, s * 0.44)
    canv.saveState()
    canv.setLineWidth(max(s / 8, 2.5))
    _tick(canv, x, y, s)
    canv.restoreState()


def _actions(canv: Canvas, x: float, y: float, s: float) -> None:
    arrow = canv.beginPath()
    arrow.moveTo(x + s * 0.08, y + s * 0.38)
    arrow.lineTo(x + s * 0.55, y + s * 0.38)
    arrow.lineTo(x + s * 0.55, y + s * 0.2)
    arrow.lineTo(x + s * 0.92, y + s * 0.5)
    arrow.lineTo(x + s * 0.55, y + s * 0.8)
    arrow.lineTo(x + s * 0.55, y + s * 0.62)
    arrow.lineTo(x + s * 0.08, y + s * 0.62)
    arrow.close()
    canv.drawPath(arrow, stroke=1, fill=1)


def _payments(canv: Canvas, x: float, y: float, s: float) -> None:
    """A banknote: what members are paid or given for their time."""
    canv.roundRect(x + s * 0.06, y + s * 0.24, s * 0.88, s * 0.52, s * 0.06)
    canv.circle(x + s / 2, y + s / 2, s * 0.14)
    canv.circle(x + s * 0.2, y + s / 2, s * 0.04, fill=1)
    canv.circle(x + s * 0.8, y + s / 2, s * 0.04, fill=1)


def _feedback(canv: Canvas, x: float, y: float, s: float) -> None:
    """A speech bubble: what people said."""
    bubble = canv.beginPath()
    bubble.roundRect(x + s * 0.08, y + s * 0.34, s * 0.84, s * 0.56, s * 0.12)
    canv.drawPath(bubble, stroke=1, fill=0)
    tail = canv.beginPath()
    tail.moveTo(x + s * 0.26, y + s * 0.34)
    tail.lineTo(x + s * 0.2, y + s * 0.08)
    tail.lineTo(x + s * 0.46, y + s * 0.34)
    canv.drawPath(tail, stroke=1, fill=1)
    for dot in (0.32, 0.5, 0.68):
        canv.circle(x + s * dot, y + s * 0.62, s * 0.05, fill=1)


def _information(canv: Canvas, x: float, y: float, s: float) -> None:
    """A lower-case i in a circle, drawn as shapes (no letters: nothing to copy)."""
    canv.circle(x + s / 2, y + s / 2, s * 0.44)
    canv.circle(x + s / 2, y + s * 0.71, s * 0.065, fill=1)
    canv.roundRect(x + s * 0.44, y + s * 0.22, s * 0.12, s * 0.38, s * 0.03, fill=1)


_ICONS: dict[SectionIcon, Icon] = {
    SectionIcon.AGENDA: _agenda,
    SectionIcon.AIMS: _aims,
    SectionIcon.VENUE: _venue,
    SectionIcon.PEOPLE: _people,
    SectionIcon.NOTES: _notes,
    SectionIcon.DECISIONS: _decisions,
    SectionIcon.ACTIONS: _actions,
    SectionIcon.PAYMENTS: _payments,
    SectionIcon.FEEDBACK: _feedback,
    SectionIcon.INFORMATION: _information,
}


def draw_icon(icon: SectionIcon) -> Icon:
    """The drawing for ``icon``, with a thick black pen set first."""
    picture = _ICONS[icon]

    def draw(canv: Canvas, x: float, y: float, size: float) -> None:
        canv.saveState()
        _pen(canv, size)
        picture(canv, x, y, size)
        canv.restoreState()

    return draw
