"""The speech process: ``python -m app.speech.worker speak|record``.

It owns one engine and answers one request at a time, as JSON lines: requests on its
standard input, answers on its standard output. Roundtable keeps the engine in a process
of its own so that an engine that hangs or crashes (a native library, a system service)
can be ended and started again without taking the window with it, and so that the
engine's own messages on the terminal never mix with Roundtable's.

First line out: ``{"ready": true}`` or ``{"error": "...", "kind": "unavailable"}``.
Requests: ``{"op": "voices"}``, ``{"op": "speak", "text", "rate", "voice"}``,
``{"op": "record", "segments": [{"text", "voice"}], "rate", "path"}``.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from app.errors import RoundtableError
from app.i18n import _
from app.speech.engines import PLAYING, RECORDING, Engine, open_engine
from app.speech.errors import SpeechUnavailable
from app.speech.interface import Segment

MODES = (PLAYING, RECORDING)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    mode = arguments[0] if arguments else ""
    answers = _protocol_stream()
    if mode not in MODES:
        _send(answers, {"error": f"mode must be one of {MODES}", "kind": "failed"})
        return 2
    try:
        engine = open_engine(mode)
    except SpeechUnavailable as problem:
        _send(answers, {"error": str(problem), "kind": "unavailable"})
        return 1
    _send(answers, {"ready": True})
    # The descriptors, not sys.stdin and sys.stdout: a windowed (installed) copy on
    # Windows has no sys.stdout, though the pipes it was given are there.
    with open(0, encoding="ascii", closefd=False) as requests:
        for line in requests:
            if line.strip():
                _send(answers, answer(engine, line))
    return 0


def answer(engine: Engine, line: str) -> dict[str, Any]:
    """The reply to one request line."""
    request: dict[str, Any] = {}
    try:
        request = json.loads(line)
        return {"id": request.get("id"), "ok": True, **_carry_out(engine, request)}
    except RoundtableError as problem:
        return {"id": request.get("id"), "error": str(problem), "kind": "failed"}
    except Exception as problem:  # reported, never fatal: the next request may work
        return {
            "id": request.get("id"),
            "error": _("The speech engine could not do that."),
            "kind": "failed",
            "detail": type(problem).__name__,
        }


def _carry_out(engine: Engine, request: dict[str, Any]) -> dict[str, Any]:
    op = request.get("op")
    if op == "voices":
        return {"voices": [asdict(voice) for voice in engine.voices()]}
    if op == "speak":
        engine.speak(str(request["text"]), int(request["rate"]), request.get("voice"))
        return {}
    if op == "record":
        segments = [Segment(str(s["text"]), s.get("voice")) for s in request["segments"]]
        engine.record(segments, int(request["rate"]), Path(request["path"]))
        return {}
    raise ValueError(f"unknown request {op!r}")


def _protocol_stream() -> IO[str]:
    """Keep a private copy of standard output for answers, and send anything a native
    library prints there to nowhere, so it can never corrupt an answer."""
    private = os.fdopen(os.dup(1), "w", encoding="ascii", buffering=1)
    nowhere = os.open(os.devnull, os.O_WRONLY)
    os.dup2(nowhere, 1)
    os.close(nowhere)
    return private


def _send(stream: IO[str], message: dict[str, Any]) -> None:
    stream.write(json.dumps(message, ensure_ascii=True) + "\n")
    stream.flush()


if __name__ == "__main__":
    sys.exit(main())
