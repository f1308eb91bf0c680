"""Made-up catalogues of Roundtable's messages in other languages, compiled as msgfmt
would, for the tests of the words in other languages."""

from __future__ import annotations

import struct
from pathlib import Path

TITLE_MISSING = "Please give the session's title."
NOT_A_SESSION = "“{reference}” is not a session: give its number, “next” or “last”."
WELSH = {
    TITLE_MISSING: "Rhowch deitl y sesiwn, os gwelwch yn dda.",
    NOT_A_SESSION: "Nid yw “{reference}” yn sesiwn: rhowch ei rhif, “nesaf” neu “olaf”.",
}
# Welsh has six plural forms; two are enough to show the right one is chosen.
PEOPLE = ("Marked {count} person present.", "Marked {count} people present.")
PEOPLE_WELSH = ("Marciwyd {count} person yn bresennol.", "Marciwyd {count} o bobl yn bresennol.")


def write_catalogue(folder: Path, language: str) -> None:
    """A compiled gettext catalogue (the .mo format msgfmt writes) for ``language``, laid out
    under ``folder`` as Roundtable's own are. Its words are the Welsh above whatever the
    language: a test of a language's direction or dates looks at more than the words."""
    header = f"Language: {language}\nContent-Type: text/plain; charset=UTF-8\n"
    header += "Plural-Forms: nplurals=2; plural=(n != 1);\n"
    entries = {"": header, **WELSH, "\0".join(PEOPLE): "\0".join(PEOPLE_WELSH)}
    keys = sorted(entries)
    ids = [key.encode() for key in keys]
    strs = [entries[key].encode() for key in keys]
    first_ids = 7 * 4 + 16 * len(keys)
    offsets, data = [], b""
    for text in ids + strs:
        offsets.append((len(text), first_ids + len(data)))
        data += text + b"\0"
    table = b"".join(struct.pack("<2I", length, at) for length, at in offsets)
    head = struct.pack("<7I", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    target = folder / language / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "roundtable.mo").write_bytes(head + table + data)
