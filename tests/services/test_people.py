"""Members: everything about a person in a group, kept only with consent, found by name."""

from dataclasses import replace
from datetime import date

import pytest

from app import clock
from app.errors import NotFound, ValidationError
from app.models import AccessNeedKind, Delivery, PackFormat, Role
from app.services import groups, people
from app.services.people import MemberDetails, MemberProblem


@pytest.fixture
def group(db):
    return groups.create_group(db, "Kit That Works group", "Better equipment")


def everything(**changes) -> MemberDetails:
    details = MemberDetails(
        person_id=None,
        full_name="Krystyna Wróblewska",
        preferred_name="Krysia",
        pronouns="she/her",
        role=Role.CHAMPION,
        email="krysia@example.org",
        phone="07700 900222",
        postal_address="4 Mill Row\nThistlecombe",
        access_needs=(
            (AccessNeedKind.HEARING_LOOP, "Sits near the front"),
            (AccessNeedKind.STEP_FREE, ""),
        ),
        access_needs_note="Prefers mornings.",
        preferred_format=PackFormat.LARGE_PRINT,
        large_print_size_pt=22,
        delivery=Delivery.POST,
        consent_to_store=True,
        joined_on=date(2025, 1, 6),
    )
    return replace(details, **changes)


def test_a_new_member_is_saved_with_everything_and_read_back(db, group) -> None:
    saved = people.save_member(db, group.id, everything())
    assert saved.person_id is not None
    assert saved.consent_recorded_on == clock.today()  # agreeing now is dated today
    # Access needs come back in the checklist's order, whatever order they were given in.
    assert saved.access_needs == (
        (AccessNeedKind.STEP_FREE, ""),
        (AccessNeedKind.HEARING_LOOP, "Sits near the front"),
    )
    assert people.get_member(db, group.id, saved.person_id) == saved
    assert saved == replace(
        everything(),
        person_id=saved.person_id,
        consent_recorded_on=clock.today(),
        access_needs=saved.access_needs,
    )
    [row] = people.list_members(db, group.id)
    assert (row.display_name, row.role, row.large_print_size_pt) == ("Krysia", Role.CHAMPION, 22)


def test_an_update_changes_only_what_was_changed(db, group) -> None:
    saved = people.save_member(db, group.id, everything(consent_recorded_on=date(2024, 5, 1)))
    changed = people.save_member(
        db,
        group.id,
        replace(
            saved,
            pronouns="they/them",
            preferred_format=PackFormat.AUDIO,
            access_needs=((AccessNeedKind.HEARING_LOOP, "Front row, please"),),
        ),
    )
    again = people.get_member(db, group.id, saved.person_id)
    assert again == changed
    assert again.pronouns == "they/them"
    assert again.large_print_size_pt is None  # a size only means something for large print
    assert again.access_needs == ((AccessNeedKind.HEARING_LOOP, "Front row, please"),)
    assert again.consent_recorded_on == date(2024, 5, 1)  # the day they agreed is kept
    assert again.email == "krysia@example.org"
    assert len(people.list_members(db, group.id)) == 1


def test_spaces_are_trimmed_and_large_print_gets_its_default_size(db, group) -> None:
    saved = people.save_member(
        db,
        group.id,
        MemberDetails(
            None, "  Dafydd ap Ieuan ", pronouns=" he/him ", preferred_format="large_print"
        ),
    )
    assert (saved.full_name, saved.pronouns) == ("Dafydd ap Ieuan", "he/him")
    assert saved.preferred_format is PackFormat.LARGE_PRINT
    assert saved.large_print_size_pt == people.DEFAULT_LARGE_PRINT_SIZE


@pytest.mark.parametrize(
    "sensitive",
    [
        {"email": "a@example.org"},
        {"phone": "01632 960000"},
        {"postal_address": "1 High Street"},
        {"access_needs": ((AccessNeedKind.BSL_INTERPRETER, ""),)},
        {"access_needs_note": "Needs a chair with arms"},
    ],
)
def test_contact_details_and_access_needs_need_consent(db, group, sensitive) -> None:
    details = MemberDetails(None, "Shamim Ara Baig", consent_to_store=False, **sensitive)
    with pytest.raises(MemberProblem, match="can only be kept if the person agrees") as refused:
        people.save_member(db, group.id, details)
    assert refused.value.field == "consent_to_store"
    assert people.list_members(db, group.id) == []
    # With their consent the same details are kept.
    saved = people.save_member(db, group.id, replace(details, consent_to_store=True))
    assert saved.has_sensitive_details


def test_withdrawing_consent_means_clearing_the_details_first(db, group) -> None:
    saved = people.save_member(db, group.id, everything())
    with pytest.raises(MemberProblem, match="Please tick that they agree, or clear"):
        people.save_member(db, group.id, replace(saved, consent_to_store=False))
    assert people.get_member(db, group.id, saved.person_id) == saved  # nothing changed
    cleared = replace(
        saved,
        consent_to_store=False,
        email="",
        phone="",
        postal_address=" ",
        access_needs=(),
        access_needs_note="",
    )
    kept = people.save_member(db, group.id, cleared)
    assert not kept.has_sensitive_details
    assert kept.consent_recorded_on is None


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"full_name": "  "}, "full_name", "Please give the member's name."),
        ({"large_print_size_pt": 12}, "large_print_size_pt", "between 16 and 28 point"),
        ({"large_print_size_pt": 29}, "large_print_size_pt", "between 16 and 28 point"),
        ({"email": "krysia.example.org"}, "email", "does not look right"),
        ({"email": "krysia@example org"}, "email", "like name@example.org"),
        ({"joined_on": date(1800, 1, 1)}, "joined_on", "between the years 1900 and 2200"),
        ({"left_on": date(2024, 1, 1)}, "left_on", "cannot be before the joining date"),
        ({"pronouns": "x" * 61}, "pronouns", "too long"),
        ({"phone": "0770\n0900"}, "phone", "must fit on one line"),
        ({"role": "chair"}, "role", "Please choose one of the choices offered."),
        (
            {"access_needs": ((AccessNeedKind.OTHER, ""), (AccessNeedKind.OTHER, "again"))},
            "access_needs",
            "only be listed once",
        ),
    ],
)
def test_refusals_are_plain_name_their_field_and_change_nothing(
    db, group, change, field, message
) -> None:
    with pytest.raises(MemberProblem, match=message) as refused:
        people.save_member(db, group.id, everything(**change))
    assert refused.value.field == field
    assert isinstance(refused.value, ValidationError)
    assert people.list_members(db, group.id, include_left=True) == []


def test_the_check_needs_no_database_and_agrees_with_saving() -> None:
    with pytest.raises(MemberProblem, match="does not look right"):
        people.check_member(everything(email="no at sign"))
    assert people.check_member(everything()).consent_recorded_on == clock.today()


def test_unknown_group_or_person_is_refused_in_plain_words(db, group) -> None:
    with pytest.raises(NotFound, match="That group no longer exists"):
        people.save_member(db, group.id + 99, everything())
    with pytest.raises(NotFound, match="not a member of this group"):
        people.save_member(db, group.id, everything(person_id=12345))
    with pytest.raises(NotFound, match="not a member of this group"):
        people.get_member(db, group.id, 12345)


@pytest.fixture
def names(db, group):
    """Members with names in Polish, Urdu and Welsh (and one who has left)."""
    for full_name, preferred, pronouns in [
        ("Zofia Wąsowicz-Żak", "", "ona/jej"),
        ("شمیم آرا بیگ", "Shamim", "she/her"),
        ("Dafydd ap Ieuan", "Dai", "fe/fo"),
        ("Ŵyn Llŷr", "", ""),
        ("Ola 100% Nowak", "", ""),
        ("Ann_Jones", "", ""),
    ]:
        people.add_member(
            db, group.id, full_name, Role.LIVED_EXPERIENCE, preferred_name=preferred,
            pronouns=pronouns,
        )  # fmt: skip
    left = people.add_member(db, group.id, "Żaneta Kowalczyk", Role.GUEST)
    people.mark_left(db, group.id, left.person_id, date(2025, 2, 1))
    return group


def found(db, group, text, **options) -> list[str]:
    return [row.full_name for row in people.search_members(db, group.id, text, **options)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ŻAK", ["Zofia Wąsowicz-Żak"]),  # Polish capitals match small letters
        ("wąsowicz", ["Zofia Wąsowicz-Żak"]),
        ("آرا", ["شمیم آرا بیگ"]),  # Urdu
        ("shamim", ["شمیم آرا بیگ"]),  # by the preferred name
        ("ŵYN", ["Ŵyn Llŷr"]),  # Welsh circumflexes, either case
        ("llŶr", ["Ŵyn Llŷr"]),
        ("dai", ["Dafydd ap Ieuan"]),
        ("fe/fo", ["Dafydd ap Ieuan"]),  # by pronouns
        ("  IEUAN ", ["Dafydd ap Ieuan"]),
        ("100%", ["Ola 100% Nowak"]),  # % is a character, not "anything"
        ("n_j", ["Ann_Jones"]),  # so is _
        ("%", ["Ola 100% Nowak"]),
        ("\\", []),
        ("nobody", []),
    ],
)
def test_search_matches_names_and_pronouns_in_any_script(db, names, text, expected) -> None:
    assert found(db, names, text) == expected


def test_search_leaves_out_people_who_left_unless_asked(db, names) -> None:
    assert found(db, names, "żaneta") == []
    assert found(db, names, "ŻANETA", include_left=True) == ["Żaneta Kowalczyk"]
    assert len(found(db, names, "")) == 6
    assert len(found(db, names, " ", include_left=True)) == 7


def test_a_hidden_character_pasted_into_a_search_is_passed_over(db, names) -> None:
    # No saved name can hold one, and PostgreSQL refuses NUL anywhere in a query.
    assert found(db, names, "\x00ŻANETA\x07", include_left=True) == ["Żaneta Kowalczyk"]


def test_a_letter_whose_small_form_differs_by_store_is_still_found(db, group) -> None:
    # Python lowers "İ" to two characters; a server may not. Both sides fold alike.
    saved = people.add_member(db, group.id, "İlkay Yıldız", Role.CHAMPION)
    for typed in ("İlkay", "İLKAY", "yıldız"):
        hits = people.search_members(db, group.id, typed)
        assert [hit.person_id for hit in hits] == [saved.person_id], typed


def test_marking_left_can_be_undone_and_deletes_nothing(db, group) -> None:
    saved = people.save_member(db, group.id, everything())
    row = people.mark_left(db, group.id, saved.person_id, date(2025, 6, 1))
    assert row.left_on == date(2025, 6, 1)
    assert people.list_members(db, group.id) == []
    kept = people.get_member(db, group.id, saved.person_id)
    assert kept == replace(saved, left_on=date(2025, 6, 1))  # every detail is still there
    back = people.rejoin(db, group.id, saved.person_id)
    assert back.left_on is None
    assert [m.person_id for m in people.list_members(db, group.id)] == [saved.person_id]


def test_leaving_before_joining_is_refused(db, group) -> None:
    saved = people.save_member(db, group.id, everything(joined_on=date(2025, 1, 6)))
    with pytest.raises(ValidationError, match="cannot be before the joining date"):
        people.mark_left(db, group.id, saved.person_id, date(2025, 1, 5))
    with pytest.raises(NotFound, match="not a member of this group"):
        people.rejoin(db, group.id, 12345)
    assert people.get_member(db, group.id, saved.person_id).left_on is None
