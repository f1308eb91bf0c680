"""Groups, members, venues and the member search, fed the worst text: saved exactly, or
refused plainly. (The rule and the shared file: bad_input.py, bad_input_db.py.)"""

from __future__ import annotations

from datetime import date

from bad_input import MEGABYTE, TOO_LONG, any_text, examples, ordinary
from bad_input_db import attempt, numbers, searched
from hypothesis import example, given

from app.models import Role
from app.services import groups, people, venues
from app.services.people import MemberDetails


@examples(400)
@given(name=any_text(), purpose=any_text(200))
@example(name="Ysgol Gymraeg 👩🏽‍🦽", purpose=MEGABYTE)
@example(name="x", purpose=TOO_LONG)
def test_groups(shared, name: str, purpose: str) -> None:
    db = shared["db"]
    unique = f"{name} {next(numbers)}"
    made = attempt(db, unique + purpose, lambda: groups.create_group(db, unique, purpose))
    if made is not None:
        found = next(g for g in groups.list_groups(db) if g.id == made.id)
        assert (found.name, found.purpose) == (unique.strip(), purpose)


@examples(400)
@given(full=any_text(), preferred=any_text(), pronouns=any_text(20))
def test_adding_members(shared, full: str, preferred: str, pronouns: str) -> None:
    db, group = shared["db"], shared["group"]
    row = attempt(
        db,
        full + preferred + pronouns,
        lambda: people.add_member(
            db, group, full, Role.LIVED_EXPERIENCE, preferred_name=preferred, pronouns=pronouns
        ),
        short=bool(ordinary(full) and ordinary(preferred + "x") and ordinary(pronouns + "x", 60)),
    )
    if row is not None:
        got = people.get_member(db, group, row.person_id)
        assert (got.full_name, got.preferred_name, got.pronouns) == (
            full.strip(),
            preferred.strip(),
            pronouns.strip(),
        )


@examples(300)
@given(address=any_text(200), note=any_text(200), phone=any_text(20))
@example(address="Flat 2\n10 Heol y Frenhines\nCaerdydd", note=MEGABYTE, phone="+44 7700 900123")
def test_sensitive_details(shared, address: str, note: str, phone: str) -> None:
    db, group = shared["db"], shared["group"]
    details = MemberDetails(
        person_id=None,
        full_name=f"Member {next(numbers)}",
        postal_address=address,
        access_needs_note=note,
        phone=phone,
        consent_to_store=True,
        consent_recorded_on=date(2026, 1, 5),
    )
    saved = attempt(db, address + note + phone, lambda: people.save_member(db, group, details))
    if saved is not None:
        got = people.get_member(db, group, saved.person_id)
        # The member's longer details lose only the spaces and blank lines around them.
        assert (got.postal_address, got.access_needs_note, got.phone) == (
            address.strip(),
            note.strip(),
            phone.strip(),
        )


@examples(400)
@given(typed=any_text())
@example(typed=MEGABYTE)
def test_searching_members_never_fails_and_finds_what_was_saved(shared, typed: str) -> None:
    db, group = shared["db"], shared["group"]
    if searched(lambda: people.search_members(db, group, typed, include_left=True)) is None:
        return
    name = f"Searchable {next(numbers)} {typed}"
    row = attempt(db, name, lambda: people.add_member(db, group, name, Role.GUEST))
    if row is not None and typed.strip():
        hits = people.search_members(db, group, typed, include_left=True)
        assert row.person_id in [hit.person_id for hit in hits], typed


@examples(300)
@given(name=any_text(), address=any_text(200), note=any_text(200))
def test_venues(shared, name: str, address: str, note: str) -> None:
    db = shared["db"]
    row = attempt(db, name + address + note, lambda: venues.save_venue(db, name, address, note))
    if row is not None:
        got = next(v for v in venues.list_venues(db) if v.id == row.id)
        assert (got.name, got.address, got.access_note) == (name.strip(), address, note)
