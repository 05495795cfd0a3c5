"""The acknowledgement log between the crash-safety workload (writer) and the harness (reader).

One JSON object per line, three phases per action, numbered by `seq`:
- `begin`: the action about to be called and everything needed to know its effect (the intent);
- `ack`: the engine call returned, so its effect is committed and must survive any later kill;
- `refused`: the call raised, so nothing of it was written.
Each line is written whole, flushed and fsynced before the workload goes on. A kill therefore leaves at
most one action without its outcome, the last `begin`: it was in flight, and the project may hold it or
not (the engine may have committed it just before the kill, with the ack line still unwritten), but
never half of it. An `ack` whose effect is missing is lost acknowledged work.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class AckWriter:
    """Appends records to the log, each one durable before `begin`/`ack`/`refused` return."""

    def __init__(self, path: Path) -> None:
        self._handle = path.open("a", encoding="utf-8")
        self._seq = 0

    def _write(self, record: dict[str, Any]) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def begin(self, kind: str, **intent: Any) -> int:
        self._seq += 1
        self._write({"seq": self._seq, "phase": "begin", "kind": kind, **intent})
        return self._seq

    def ack(self, seq: int, **result: Any) -> None:
        self._write({"seq": seq, "phase": "ack", **result})

    def refused(self, seq: int, reason: str) -> None:
        self._write({"seq": seq, "phase": "refused", "reason": reason})


@dataclass
class Action:
    """One action read back: its intent, and its result once acknowledged."""

    seq: int
    kind: str
    intent: dict[str, Any]
    result: dict[str, Any] | None = None  # None: no outcome written (in flight when killed)
    refused: bool = False

    def label(self) -> str:
        """How failure messages name the action, e.g. `#12 apply_code`."""
        return f"#{self.seq} {self.kind}"


@dataclass
class ReadLog:
    acknowledged: list[Action] = field(default_factory=list)
    refused: list[Action] = field(default_factory=list)  # result: {"reason": ...}
    in_flight: Action | None = None  # the last begin, without its outcome


class LogError(AssertionError):
    """The log breaks its own rules (an outcome without its begin, a second action in flight)."""


def read_log(path: Path) -> ReadLog:
    """The acknowledged actions in order and the one left in flight. A last line without its newline
    was cut by the kill in the middle of its write: it does not count, as it was never acknowledged."""
    log = ReadLog()
    if not path.exists():
        return log
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.endswith("\n"):
            break
        record = json.loads(line)
        seq, phase = record.pop("seq"), record.pop("phase")
        if phase == "begin":
            if log.in_flight is not None:
                raise LogError(f"{path}: #{seq} begins while {log.in_flight.label()} has no outcome")
            log.in_flight = Action(seq, record.pop("kind"), record)
            continue
        if log.in_flight is None or log.in_flight.seq != seq:
            raise LogError(f"{path}: outcome of #{seq} without its begin")
        action, log.in_flight = log.in_flight, None
        action.result = record
        if phase == "ack":
            log.acknowledged.append(action)
        else:
            action.refused = True
            log.refused.append(action)
    return log
