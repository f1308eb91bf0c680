"""Audio packs made with the real engine: a file per section, each checked, named in words."""

from __future__ import annotations

import stat
import wave
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from app.export.audio import AudioWriter, file_name, write_audio_pack
from app.export.audio.reading import VoiceChooser, section_segments, table_sentences
from app.export.document import (
    BulletList,
    Document,
    Paragraph,
    Section,
    SectionIcon,
    Subheading,
    Table,
)
from app.speech import SpeechService, Voice
from app.speech.text import word_count
from app.speech.wavfile import read_samples, rms

URDU = "شمیم آرا بیگ نے کہا کہ خط آسان الفاظ میں ہونے چاہئیں۔"


HEADINGS = (
    "When and where",
    "The agenda",
    "What we want to achieve",
    "What we decided last time",
    "Comments",
    "Wheelchair repairs",
    "Letters in plain words",
    "Booking transport",
    "The new survey",
    "Hearing loops at every venue",
    "Payments for your time",
    "Large print and audio packs",
    "Trying new equipment at home",
    "Feedback from the last session",
    "Questions for the service",
    "Who is doing what",
    "Dates for next year",
    "Training for new members",
    "Anything else",
    "How to contact us",
)


def twenty_sections() -> Document:
    sections = []
    for number, heading in enumerate(HEADINGS, start=1):
        sections.append(
            Section(
                heading=heading,
                icon=SectionIcon.AGENDA,
                blocks=(
                    Paragraph(
                        f"This is part {number}. The group will talk about how quickly "
                        "wheelchair repairs are done, and whether the letters are clear."
                    ),
                    Subheading("What we agreed last time"),
                    BulletList(("Answer every repair request within two working days.",)),
                    Table(
                        caption="Who is doing what",
                        headers=("Who", "What", "By when"),
                        rows=(("Dev", "Check the repair times", "1 March"),),
                    ),
                ),
            )
        )
    sections[4] = Section("Shamim's comment", SectionIcon.NOTES, (Paragraph(URDU, language="ur"),))
    return Document(
        title="Kit That Works group: before the session",
        language="en-GB",
        subtitle="Tuesday 4 March 2025, at Willow Court.",
        sections=tuple(sections),
    )


@pytest.fixture
def speech() -> Iterator[SpeechService]:
    service = SpeechService()
    yield service
    service.close()


def test_twenty_section_files_in_a_row_all_good(speech, tmp_path: Path) -> None:
    document = twenty_sections()
    folder = tmp_path / "pack"
    progress: list[tuple[int, int, str]] = []
    pack = write_audio_pack(document, folder, speech, progress=lambda *step: progress.append(step))
    names = sorted(path.name for path in folder.iterdir())
    assert names[0] == "00 Contents.wav"
    assert names[1] == "01 When and where.wav"
    assert names[5] == "05 Shamim's comment.wav"
    assert names[20] == "20 How to contact us.wav"
    assert len(names) == 21 and all(name.endswith(".wav") for name in names)
    assert [step[:2] for step in progress] == [(n, 21) for n in range(1, 22)]
    assert not folder.with_name("pack.making").exists()

    english = [r for r in pack.recordings if "Shamim" not in r.path.name]
    assert len(english) == 20
    for recording in english:
        with wave.open(str(recording.path), "rb") as wav:
            assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
            seconds = wav.getnframes() / wav.getframerate()
        samples, _channels, _rate = read_samples(recording.path)
        assert rms(samples) > 1000, recording
        pace = recording.words / seconds * 60
        assert 130 <= pace <= 200, (recording.path.name, pace)
    urdu = pack.recordings[5]
    assert urdu.seconds > 2 and urdu.rms > 1000


def test_contents_lists_the_parts(speech, tmp_path: Path) -> None:
    document = twenty_sections()
    pack = write_audio_pack(document, tmp_path / "pack", speech)
    contents = pack.recordings[0]
    # Title, subtitle, a count and twenty titles: about 100 words, well under a minute.
    assert contents.words > 80
    assert 25 < contents.seconds < 50


def test_a_faster_speed_makes_a_shorter_pack(speech, tmp_path: Path) -> None:
    document = twenty_sections()
    normal = write_audio_pack(document, tmp_path / "normal", speech)
    faster = write_audio_pack(document, tmp_path / "faster", speech, rate=280)
    assert faster.seconds < normal.seconds * 0.75


def test_making_a_pack_again_replaces_the_old_files(speech, tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    write_audio_pack(twenty_sections(), folder, speech)
    shorter = Document("A short pack", "en-GB", (Section("Agenda", SectionIcon.AGENDA, ()),))
    write_audio_pack(shorter, folder, speech)
    assert sorted(p.name for p in folder.iterdir()) == ["00 Contents.wav", "01 Agenda.wav"]


def test_the_sound_files_are_their_owners_alone(speech, tmp_path: Path) -> None:
    """Like a printed pack, an audio pack says whose it is and who came."""
    folder = tmp_path / "chosen" / "pack"
    shorter = Document("A short pack", "en-GB", (Section("Agenda", SectionIcon.AGENDA, ()),))
    pack = write_audio_pack(shorter, folder, speech)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # a folder of the pack's own
    assert [stat.S_IMODE(r.path.stat().st_mode) for r in pack.recordings] == [0o600, 0o600]


def test_tables_are_read_as_sentences() -> None:
    table = Table(
        caption="The agenda",
        headers=("Time", "Item", "Who"),
        rows=(("10:30", "Welcome", "Aisha"), ("10:40", "Repairs", "")),
    )
    assert table_sentences(table) == [
        "The agenda.",
        "Time: 10:30, Item: Welcome, Who: Aisha.",
        "Time: 10:40, Item: Repairs.",
    ]


def test_other_languages_get_their_own_voice_where_there_is_one() -> None:
    voices = [
        Voice("English (Great Britain)", "English (Great Britain)", ("en-gb",)),
        Voice("Urdu", "Urdu", ("ur",)),
    ]
    chooser = VoiceChooser(voices, "en-GB", None)
    section = Section(
        "Comments",
        SectionIcon.NOTES,
        (Paragraph("Shamim said:"), Paragraph(URDU, "ur"), Paragraph("Welsh: Diolch.", "cy")),
    )
    segments = section_segments(section, chooser)
    assert [(s.voice, s.text[:8]) for s in segments] == [
        ("English (Great Britain)", "Comments"),
        ("Urdu", URDU[:8]),
        ("English (Great Britain)", "Welsh: D"),  # no Welsh voice here: read as it is
    ]


def test_file_names_are_numbered_and_in_words() -> None:
    assert file_name(1, "Agenda") == "01 Agenda.wav"
    assert file_name(12, 'What: "we" said / did?') == "12 What we said did.wav"
    assert file_name(3, "شمیم کا تبصرہ") == "03 شمیم کا تبصرہ.wav"
    assert file_name(4, " ... ") == "04 Part.wav"


def test_packs_for_everyone_make_audio_for_those_who_asked(db, tmp_path: Path) -> None:
    from app.models.enums import PackFormat
    from app.services import groups, packs, people
    from app.services.example_data import load_example_data
    from app.services.session_lookup import find_session

    load_example_data(db, today=date(2026, 11, 23))
    group = groups.find_group(db, "everyday equipment users' group")
    upcoming = find_session(db, "next", group=group.id, now=datetime(2026, 11, 23, 9, 0))
    first = packs.plan_member_packs(db, upcoming.id).plans[0]
    details = people.get_member(db, group.id, first.person_id)
    people.save_member(db, group.id, replace(details, preferred_format=PackFormat.AUDIO))
    run = packs.plan_member_packs(db, upcoming.id)
    listeners = [plan for plan in run.plans if plan.look is None]
    assert [plan.person_id for plan in listeners] == [first.person_id]
    out = tmp_path / "packs"
    with AudioWriter() as writer:
        result = packs.make_member_packs(db, upcoming.id, out, write_audio=writer)
    assert result.waiting_for_audio == ()
    for plan in listeners:
        folder = out / plan.file_stem
        assert folder in result.made
        parts = sorted(p.name for p in folder.iterdir())
        assert parts[0] == "00 Contents.wav" and len(parts) >= 3
        assert word_count(parts[1]) >= 1


def test_member_audio_writer_without_an_engine_leaves_members_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.export.audio import MemberAudioWriter
    from tests.speech.no_engine import hide_engine

    hide_engine(tmp_path, monkeypatch, "library")
    told: list[str] = []
    writer = MemberAudioWriter(on_problem=told.append)
    try:
        document = twenty_sections()
        assert writer(document, tmp_path / "a") is None
        assert writer(document, tmp_path / "b") is None
    finally:
        writer.close()
    assert len(told) == 1 and "Install espeak-ng" in told[0]
    assert writer.problem == told[0]
    assert not (tmp_path / "a").exists()
