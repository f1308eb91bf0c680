"""How a command says it was called wrongly, the same way for every command.

Every command exits 0 when it has done what was asked, 1 when it could not (one plain
sentence on the error stream says why) and 2 when it was called wrongly: an argument
missing or of the wrong kind, or a command such as ``member`` given without one of its
own. argparse finds most of these as it reads the command; what it cannot (a size that
does not suit the style) is raised as ``Misuse`` and told in the same way.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.i18n import _

MISUSE = 2


class Misuse(Exception):
    """The command was called wrongly; ``str(error)`` is the plain sentence to show."""


def needs_command(parser: argparse.ArgumentParser, commands: argparse._SubParsersAction) -> None:
    """Given alone, ``parser``'s command shows its usage and names the commands it takes."""
    name = parser.prog.split()[-1]

    def missing(_arguments: argparse.Namespace, _folder: Path) -> int:
        parser.print_usage(sys.stderr)
        *some, last = list(commands.choices)
        if not some:
            raise Misuse(
                _("Please say which {command} command: {only}.").format(command=name, only=last)
            )
        raise Misuse(
            _("Please say which {command} command: {some} or {last}.").format(
                command=name, some=", ".join(some), last=last
            )
        )

    parser.set_defaults(handler=missing)


def whole_number(text: str) -> int:
    """An argparse type: a whole number, or a plain sentence saying it is not one."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a whole number.").format(value=text)
        ) from None


def session_reference(text: str) -> str:
    """An argparse type: a session's number, ``next`` or ``last``; anything else is misuse."""
    from app.errors import RoundtableError
    from app.services.session_lookup import check_reference

    try:
        return check_reference(text)
    except RoundtableError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
