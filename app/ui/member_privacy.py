"""The Members area's "Their data" menu: everything held about the chosen member, or erasure.

Erasure asks first, in plain words that say exactly what goes and what stays; the safe
answer is the one Enter picks. Both run on the task runner and say how it went.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton

from app import clock
from app.i18n import _
from app.services import privacy
from app.services.people import MemberRow
from app.ui.dialogs import ask, show_message
from app.ui.save_elsewhere import ask_where_to_save, safe_file_name

if TYPE_CHECKING:
    from app.services.privacy import Erased
    from app.ui.members_panel import MembersPanel


def erase_question(name: str) -> str:
    return _(
        "Erase {name}'s personal details from Roundtable?\n\n"
        "This removes their name, pronouns, contact details, access needs and the comments "
        "they wrote, everywhere. Where their name was written in notes, decisions or actions, "
        "it is replaced by “a member”.\n\n"
        "Decisions they raised and actions they own are kept, shown as “a member”. The "
        "sessions they came to and what they were paid are kept as numbers, without their "
        "name.\n\n"
        "This cannot be undone, except by restoring a backup made before now."
    ).format(name=name)


class MemberPrivacy:
    """The "Their data" button and its two actions, for the member chosen in the list."""

    def __init__(self, panel: MembersPanel) -> None:
        self._panel = panel
        self.button = QPushButton(_("Their &data…"))
        self.button.setAccessibleName(_("Their data"))
        self.button.setAccessibleDescription(
            _("Save everything held about the chosen member, or erase their details")
        )
        self.menu = QMenu(self.button)
        self.menu.setAccessibleName(_("Their data"))
        self.export_action = self.menu.addAction(_("&Save everything held about them…"))
        self.erase_action = self.menu.addAction(_("&Erase their personal details…"))
        self.export_action.triggered.connect(lambda _checked=False: self.choose_file())
        self.erase_action.triggered.connect(lambda _checked=False: self.confirm_erase())
        self.button.setMenu(self.menu)

    def update(self, member: MemberRow | None) -> None:
        self.button.setEnabled(member is not None)

    # -- everything held ---------------------------------------------------------------

    def choose_file(self) -> QFileDialog | None:
        member = self._panel.current_member()
        if member is None:
            return None
        name = _("Everything held about {name} {day}.txt").format(
            name=safe_file_name(member.full_name), day=clock.today().isoformat()
        )
        return ask_where_to_save(
            self._panel.window(),
            _("Save everything held about {name}").format(name=member.display_name),
            name,
            lambda chosen: self.save_to(member, chosen),
        )

    def save_to(self, member: MemberRow, out: Path) -> None:
        self._panel.runner.run(
            self._panel.source.call,
            privacy.save_subject_access,
            member.person_id,
            out,
            on_done=lambda paths: self._saved(member, paths),
            on_error=self._problem,
        )

    def _saved(self, member: MemberRow, paths: tuple[Path, Path]) -> None:
        text, data = paths
        self._say(
            _(
                "Saved everything held about {name} to {text}, with the same for computers "
                "in {data}."
            ).format(name=member.display_name, text=text, data=data.name)
        )

    # -- erasure -----------------------------------------------------------------------

    def confirm_erase(self) -> QMessageBox | None:
        member = self._panel.current_member()
        if member is None:
            return None
        return ask(
            self._panel.window(),
            erase_question(member.display_name),
            yes=_("&Erase their details"),
            no=_("&Keep them"),
            on_yes=lambda: self.erase(member),
        )

    def erase(self, member: MemberRow) -> None:
        self._panel.runner.run(
            self._panel.source.call,
            privacy.erase_person,
            member.person_id,
            on_done=lambda erased: self._erased(member, erased),
            on_error=self._problem,
        )

    def _erased(self, member: MemberRow, erased: Erased) -> None:
        self._say(
            _(
                "Erased {name}'s personal details. Their name was replaced in {count} places; "
                "what they raised and did is kept as “a member”. Backups made before now still "
                "hold their details until they are replaced (daily ones within a week)."
            ).format(name=member.display_name, count=erased.names_replaced)
        )
        self._panel.reload()

    # -- shared ------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        status = getattr(self._panel.window(), "status_line", None)
        if status is not None:
            status.announce(message)

    def _problem(self, message: str) -> None:
        status = getattr(self._panel.window(), "status_line", None)
        if status is not None:
            status.announce(message, urgent=True)
        show_message(self._panel.window(), message, problem=True)
