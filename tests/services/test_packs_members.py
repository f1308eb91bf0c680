"""Each member's own pack, and packs for everyone: formats, sizes, file names, progress, audio."""

import subprocess
from dataclasses import replace
from datetime import date, datetime

import pytest

from app.export.document import PackLook, PrintStyle
from app.models import PackFormat
from app.services import groups, packs, people
from app.services.example_data import load_example_data
from app.services.packs import PackKind
from app.services.session_lookup import find_session

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def equipment(db):
    load_example_data(db, today=TODAY)
    group = groups.find_group(db, "everyday equipment users' group")
    return group, find_session(db, "next", group=group.id, now=NOW)


def _wants_audio(db, group_id: int, person_id: int) -> None:
    details = people.get_member(db, group_id, person_id)
    people.save_member(db, group_id, replace(details, preferred_format=PackFormat.AUDIO))


def test_each_format_has_its_own_look() -> None:
    assert packs.look_for(PackFormat.STANDARD, None) == PackLook(PrintStyle.STANDARD, 14)
    assert packs.look_for(PackFormat.SCREEN_READER_PDF, None).style == PrintStyle.STANDARD
    assert packs.look_for(PackFormat.LARGE_PRINT, 24) == PackLook(PrintStyle.LARGE, 24)
    assert packs.look_for(PackFormat.LARGE_PRINT, None).size_pt == 18
    assert packs.look_for(PackFormat.LARGE_PRINT, 40).size_pt == 28
    assert packs.look_for(PackFormat.EASY_READ, None, "opendyslexic") == PackLook(
        PrintStyle.EASY_READ, 16, "opendyslexic"
    )
    assert packs.look_for(PackFormat.AUDIO, None) is None


def test_file_names_are_safe_and_keep_every_script() -> None:
    assert packs.safe_file_name('a/b\\c:d*e?f"g<h>i|j') == "a b c d e f g h i j"
    assert packs.safe_file_name("Krystyna Wróblewska\n") == "Krystyna Wróblewska"
    assert packs.safe_file_name("شمیم آرا بیگ") == "شمیم آرا بیگ"
    assert packs.safe_file_name(" ... ") == "pack"
    assert len(packs.safe_file_name("x" * 500)) == 180


def test_everyone_in_the_group_gets_a_plan_in_their_own_format(db, equipment) -> None:
    group, upcoming = equipment
    run = packs.plan_member_packs(db, upcoming.id)
    assert run.kind == PackKind.BEFORE  # the session is still planned
    by_name = {plan.name: plan for plan in run.plans}
    assert len(by_name) == group.member_count
    marj = by_name["Marj"]
    assert marj.look == PackLook(PrintStyle.LARGE, 24)
    assert marj.file_stem == (
        f"{upcoming.starts_at:%Y-%m-%d} Everyday Equipment Users' Group - before - "
        "Marjorie Ellison - large print 24pt"
    )
    assert by_name["Dai"].file_stem.endswith("Dafydd ap Ieuan - large print 18pt")
    assert packs.plan_member_packs(db, upcoming.id, "after").kind == PackKind.AFTER


def test_packs_for_everyone_are_real_pdfs_with_progress_and_audio_left_over(
    db, equipment, tmp_path
) -> None:
    group, upcoming = equipment
    # One member wants audio: the audio format makes theirs, so it is left for it.
    femi = next(m for m in people.list_members(db, group.id) if m.display_name == "Femi")
    _wants_audio(db, group.id, femi.person_id)
    heard: list[tuple[int, int, str]] = []
    result = packs.make_member_packs(
        db,
        upcoming.id,
        tmp_path,
        progress=lambda done, total, words: heard.append((done, total, words)),
    )
    assert not result.cancelled
    assert [plan.name for plan in result.waiting_for_audio] == ["Femi"]
    assert len(result.made) == group.member_count - 1
    assert [done for done, _total, _words in heard] == list(range(1, group.member_count + 1))
    assert heard[0][2].startswith(f"Made 1 of {group.member_count} packs: ")
    marj = next(path for path in result.made if "Marjorie Ellison" in path.name)
    assert marj.name.endswith(" - large print 24pt.pdf")
    text = subprocess.run(["pdftotext", str(marj), "-"], capture_output=True, text=True, check=True)
    flat = " ".join(text.stdout.split())
    assert "For Marj." in flat
    assert upcoming.title in flat
    assert "@example.org" not in flat


def test_packs_for_everyone_stop_when_cancelled(db, equipment, tmp_path) -> None:
    _group, upcoming = equipment
    made: list[int] = []
    result = packs.make_member_packs(
        db,
        upcoming.id,
        tmp_path,
        progress=lambda done, _total, _words: made.append(done),
        cancelled=lambda: len(made) >= 2,
    )
    assert result.cancelled
    assert len(result.made) == 2
    assert len(list(tmp_path.glob("*.pdf"))) == 2


def test_an_audio_writer_can_make_the_audio_packs(db, equipment, tmp_path) -> None:
    _group, upcoming = equipment
    asked: list[str] = []

    def audio(document, stem):
        asked.append(document.subtitle)
        path = stem.with_suffix(".txt")
        path.write_text("\n".join(document.all_text()), encoding="utf-8")
        return path

    first = packs.plan_member_packs(db, upcoming.id).plans[0]
    _wants_audio(db, upcoming.group_id, first.person_id)
    result = packs.make_member_packs(db, upcoming.id, tmp_path, write_audio=audio)
    assert not result.waiting_for_audio
    assert len(asked) == 1 and asked[0].endswith(".")
    assert any(path.suffix == ".txt" for path in result.made)


def test_a_members_own_pack_follows_their_format(db, equipment) -> None:
    group, upcoming = equipment
    marj = next(m for m in people.list_members(db, group.id) if m.display_name == "Marj")
    pack = packs.member_pack(db, marj.person_id, "before", upcoming.id)
    assert pack.look == PackLook(PrintStyle.LARGE, 24)
    assert pack.document.subtitle.endswith("For Marj.")
    log = packs.member_pack(db, marj.person_id, PackKind.DECISIONS, group.id)
    assert log.document.title.startswith("Decision log")


def test_a_member_is_found_by_number_or_either_name(db, equipment) -> None:
    from app.errors import NotFound

    group, _upcoming = equipment
    marj = next(m for m in people.list_members(db, group.id) if m.display_name == "Marj")
    assert packs.find_member(db, group.id, "marj") == marj.person_id
    assert packs.find_member(db, group.id, "  Marjorie   ELLISON ") == marj.person_id
    assert packs.find_member(db, group.id, str(marj.person_id)) == marj.person_id
    with pytest.raises(NotFound, match="No one in the group is called “Nobody”"):
        packs.find_member(db, group.id, "Nobody")
