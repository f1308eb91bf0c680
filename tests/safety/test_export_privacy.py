"""Packs leave out contact details and access needs unless staff tick them in."""

from __future__ import annotations

import subprocess
from pathlib import Path

from safety_helpers import roundtable

from app.services import example_data, groups, meetings, packs, people
from app.services.packs import PrivacyChoice


def private_details(db, group_id: int) -> tuple[list[str], list[str]]:
    """Every member's contact details, and every access need written down, in the group."""
    contact, needs = [], []
    for member in people.list_members(db, group_id, include_left=True):
        details = people.get_member(db, group_id, member.person_id)
        contact += [v for v in (details.email, details.phone) if v]
        contact += [line for line in details.postal_address.splitlines() if len(line) > 6]
        needs += [details.access_needs_note] if details.access_needs_note else []
        needs += [text for _kind, text in details.access_needs if text]
    return contact, needs


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return " ".join(text.split())


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_pack_documents_leave_private_details_out_unless_ticked(db) -> None:
    example_data.load_example_data(db)
    group = groups.list_groups(db)[0].id
    contact, needs = private_details(db, group)
    assert contact and needs
    shown = {}
    for meeting in meetings.list_meetings(db, group):
        for kind in ("before", "after"):
            plain = repr(packs.session_pack(db, meeting.id, kind))
            for secret in contact + needs:
                assert secret not in plain, (meeting.title, kind, secret)
            ticked = packs.session_pack(db, meeting.id, kind, privacy=PrivacyChoice(True, True))
            shown[(meeting.id, kind)] = repr(ticked)
    everything = " ".join(shown.values())
    assert any(secret in everything for secret in contact), "ticking contact shows nothing"
    assert any(secret in everything for secret in needs), "ticking access needs shows nothing"
    log = repr(packs.decision_log_pack(db, group))
    for secret in contact + needs:
        assert secret not in log


def test_the_exported_pdf_leaves_them_out_unless_asked(data_dir: Path, tmp_path: Path) -> None:
    assert roundtable("demo", data_dir=data_dir).returncode == 0
    from app.storage import open_database

    db = open_database(data_dir)
    try:
        contact, needs = private_details(db, 1)
    finally:
        db.close()
    base = ["export", "pack", "--session", "next", "--group", "1", "--kind", "before"]
    plain = roundtable(*base, "--out", str(tmp_path / "plain.pdf"), data_dir=data_dir)
    assert plain.returncode == 0, plain.stderr
    text = pdf_text(tmp_path / "plain.pdf")
    for secret in contact + needs:
        assert squeeze(secret) not in text, secret
    ticked = roundtable(
        *base,
        "--include-contact",
        "--include-access-needs",
        "--out",
        str(tmp_path / "ticked.pdf"),
        data_dir=data_dir,
    )
    assert ticked.returncode == 0, ticked.stderr
    text = pdf_text(tmp_path / "ticked.pdf")
    assert any(squeeze(secret) in text for secret in contact)
    assert any(squeeze(secret)[:40] in text for secret in needs)
