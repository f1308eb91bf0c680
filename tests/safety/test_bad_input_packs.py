"""What was saved from the worst text still makes a pack: a tagged PDF and spoken audio."""

from __future__ import annotations

import subprocess
import wave
from datetime import date, datetime
from pathlib import Path

import pytest
from bad_input import HARD_TEXT, SEARCH_SYNTAX

from app.errors import ValidationError
from app.export.audio import write_audio_pack
from app.export.document import PackLook, PrintStyle
from app.export.pdf import write_pdf
from app.models import Role
from app.services import decisions, groups, live_actions, meetings, packs, people
from app.speech import SpeechService

ODD = [text for text in HARD_TEXT + SEARCH_SYNTAX if text.strip()]


def keep_what_is_kept(call) -> bool:  # type: ignore[no-untyped-def]
    try:
        call()
    except ValidationError:
        return False
    return True


@pytest.fixture
def odd_group(db):  # type: ignore[no-untyped-def]
    group = groups.create_group(db, "Odd text group 👩🏽‍🦽 محمد").id
    kept = []
    for number, text in enumerate(ODD):
        if keep_what_is_kept(
            lambda t=text, n=number: people.add_member(db, group, f"{t} {n}", Role.LIVED_EXPERIENCE)
        ):
            kept.append(text)
    agenda = [(f"Item {n}: {t}", 5) for n, t in enumerate(kept[:8])]
    meeting = meetings.plan_meeting(
        db, group, "Session “odd” ⟨text⟩", datetime(2026, 9, 1, 10), agenda
    )
    for text in ODD:
        keep_what_is_kept(lambda t=text: decisions.record_decision(db, group, t, date(2026, 9, 1)))
        keep_what_is_kept(lambda t=text: live_actions.save_notes(db, meeting.id, None, t))
    return group, meeting.id, kept


def test_packs_as_pdf_still_succeed_on_what_was_saved(db, odd_group, tmp_path: Path) -> None:
    group, meeting, kept = odd_group
    assert len(kept) > 20
    documents = {
        "before": packs.before_session_pack(db, meeting),
        "after": packs.after_session_pack(db, meeting),
        "log": packs.decision_log_pack(db, group),
        "log-easy": packs.decision_log_pack(db, group, PrintStyle.EASY_READ),
    }
    for name, document in documents.items():
        out = write_pdf(document, PackLook(PrintStyle.STANDARD, 14), tmp_path / f"{name}.pdf")
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=False)
        assert info.returncode == 0, info.stderr
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=False
        ).stdout
        assert text.strip(), name
    log_text = subprocess.run(
        ["pdftotext", str(tmp_path / "log.pdf"), "-"], capture_output=True, text=True, check=False
    ).stdout
    assert "DROP TABLE" in log_text and "NEAR(" in log_text


def test_an_audio_pack_still_succeeds_on_what_was_saved(db, odd_group, tmp_path: Path) -> None:
    _group, meeting, _kept = odd_group
    speech = SpeechService()
    try:
        pack = write_audio_pack(packs.before_session_pack(db, meeting), tmp_path / "audio", speech)
    finally:
        speech.close()
    assert pack.seconds > 1
    for recording in pack.recordings:
        with wave.open(str(recording.path), "rb") as sound:
            assert sound.getnframes() > 0
