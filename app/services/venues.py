"""Venues where sessions are held, and the access features each one offers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.errors import ValidationError
from app.i18n import _
from app.models import Venue, VenueFeature, VenueFeatureKind
from app.services import matching, validation
from app.storage import Store


@dataclass(frozen=True)
class VenueRow:
    id: int
    name: str
    address: str
    access_note: str
    features: tuple[VenueFeatureKind, ...]  # in the order the checklist offers them


def list_venues(db: Store) -> list[VenueRow]:
    """Every venue, by name."""
    with db.transaction() as session:
        venues = session.scalars(
            select(Venue)
            .options(selectinload(Venue.features))
            .order_by(func.lower(Venue.name), Venue.id)
        ).all()
        return [venue_row(venue) for venue in venues]


def save_venue(
    db: Store,
    name: str,
    address: str = "",
    access_note: str = "",
    features: Iterable[VenueFeatureKind] = (),
) -> VenueRow:
    """Add a venue with the access features ticked for it."""
    clean_name = validation.name(name, _("The venue's name"))
    clean_address = validation.long_text(address, _("The venue's address"))
    clean_note = validation.long_text(access_note, _("The note about access"))
    kinds = _features(features)
    with db.transaction() as session:
        clash = session.scalar(select(Venue.id).where(matching.same_text(Venue.name, clean_name)))
        if clash is not None:
            raise ValidationError(
                _(
                    "There is already a venue called “{name}”: please choose it from the list."
                ).format(name=clean_name)
            )
        venue = Venue(
            name=clean_name,
            address=clean_address,
            access_note=clean_note,
            features=[VenueFeature(kind=kind) for kind in kinds],
        )
        session.add(venue)
        session.flush()
        return venue_row(venue)


def venue_row(venue: Venue) -> VenueRow:
    kinds = {feature.kind for feature in venue.features}
    return VenueRow(
        id=venue.id,
        name=venue.name,
        address=venue.address,
        access_note=venue.access_note,
        features=tuple(kind for kind in VenueFeatureKind if kind in kinds),
    )


def _features(features: Iterable[VenueFeatureKind]) -> list[VenueFeatureKind]:
    chosen = []
    for feature in features:
        try:
            kind = VenueFeatureKind(feature)
        except ValueError:
            raise ValidationError(
                _("“{feature}” is not one of the access features Roundtable knows.").format(
                    feature=feature
                )
            ) from None
        if kind not in chosen:
            chosen.append(kind)
    return chosen
