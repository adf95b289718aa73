"""The team's own mail as a labelled set: which teaching folder says what, and one lesson per message.

Pure: folder names and extracted text in, lessons and examples out. A person moves a missed
escalation into ``<missed>/<signal>`` (or ``<missed>`` itself, when they can't say which
signal), and a message wrongly taken for one into ``<not-escalation>``; ``app/teaching.py``
reads those folders and ``state/store.py`` keeps a lesson per message. A message is one
lesson, whatever folder or UIDVALIDITY it is found under: it is known by a hash of its
Message-ID and a hash of its text, and the folder it was last moved into says what it is.

The lessons are a labelled corpus like ``tests/data`` (``id, subject, body, labels``), so
``evaluate`` measures the detector on them (``replydraft evaluate --local``) and ``training``
fits the company's scorer on them (``replydraft teaching train``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from replydraft.detection.evaluate import Example
from replydraft.detection.settings import SIGNALS

__all__ = ["Lesson", "TeachingFolder", "change", "examples", "server_name", "teaching_folders", "text_hash"]

SOURCE = "replydraft teaching"      # the "source" of an exported lesson


@dataclass(frozen=True, slots=True)
class TeachingFolder:
    """A folder on the server, and what a message moved into it is."""
    name: str                       # as the server names it ("INBOX.replydraft.missed.legal_threat")
    escalation: bool                # a missed escalation (True) or not an escalation (False)
    labels: frozenset[str]          # its signal, if the folder names one


@dataclass(frozen=True, slots=True)
class Lesson:
    """One taught message: where it was found, what it is, and its text as the pipeline reads it."""
    key: str                        # sha256 of the Message-ID (pipeline.source_key)
    text_hash: str                  # sha256 of the subject and new text (text_hash)
    account: str
    folder: str
    uidvalidity: int
    uid: int
    escalation: bool
    labels: frozenset[str]          # empty for an escalation whose signal was not said, and for calm mail
    subject: str
    body: str                       # the customer's new text (extract's new_text)
    taught_at: datetime | None = None

    @property
    def id(self) -> str:
        """Stable across passes, folders and exports."""
        return f"local-{self.key[:12]}-{self.text_hash[:6]}"

    @property
    def verdict(self) -> str:
        """What the folder says, in words: the signal(s), "escalation (signal not said)", or "not an escalation"."""
        if not self.escalation:
            return "not an escalation"
        return ", ".join(sorted(self.labels)) or "escalation (signal not said)"

    def example(self) -> Example:
        """As ``evaluate`` reads a labelled corpus (an escalation with no signal said is one)."""
        return Example(self.id, self.subject, self.body, self.labels, source=SOURCE, kind="email",
                       escalation=self.escalation)

    def as_json(self) -> dict[str, Any]:
        """The JSON-lines form of ``tests/data`` (id, subject, body, labels), with where it came from;
        ``"escalation": true`` marks one whose signal was not said (``labels`` is then empty)."""
        item: dict[str, Any] = {"id": self.id, "subject": self.subject, "body": self.body,
                                "labels": sorted(self.labels, key=SIGNALS.index)}
        if self.escalation and not self.labels:
            item["escalation"] = True
        item |= {"source": SOURCE, "kind": "email", "folder": self.folder,
                 "taught_at": self.taught_at.isoformat() if self.taught_at else None}
        return item


def text_hash(subject: str, body: str) -> str:
    return hashlib.sha256(f"{subject}\0{body}".encode("utf-8", "surrogatepass")).hexdigest()


def server_name(name: str, prefix: str, delimiter: str | None) -> str:
    """A config folder name ("replydraft/missed", levels split by "/") as the server names it:
    its hierarchy delimiter between the levels, under its personal namespace ("INBOX." on Cyrus)."""
    joined = (delimiter or "/").join(name.split("/"))
    if prefix and not joined.lower().startswith(prefix.lower()) and joined.upper() != "INBOX":
        joined = prefix + joined
    return joined


def teaching_folders(missed: str, not_escalation: str, prefix: str = "",
                     delimiter: str | None = "/") -> list[TeachingFolder]:
    """Every folder to read, in the order they are read: the missed folder, a subfolder of it per
    signal, then the not-escalation folder (read last: a message in both is taken as calm)."""
    root = server_name(missed, prefix, delimiter)
    sep = delimiter or "/"
    return [TeachingFolder(root, True, frozenset()),
            *(TeachingFolder(f"{root}{sep}{signal}", True, frozenset({signal})) for signal in SIGNALS),
            TeachingFolder(server_name(not_escalation, prefix, delimiter), False, frozenset())]


def change(before: Lesson | None, now: Lesson) -> str:
    """What teaching ``now`` does to the set: "new", "same" (the message is known with this
    verdict; only where it lies may have changed), or "relabelled" (it was moved from one
    teaching folder to another: the later move wins)."""
    if before is None:
        return "new"
    if (before.escalation, before.labels) == (now.escalation, now.labels):
        return "same"
    return "relabelled"


def examples(lessons: Iterable[Lesson]) -> list[Example]:
    """The lessons as a labelled corpus, oldest first."""
    return [lesson.example() for lesson in lessons]


def counts_text(counts: Sequence[tuple[str, int]]) -> str:
    """"replydraft/missed/legal_threat 2, replydraft/not-escalation 1" for the log."""
    return ", ".join(f"{name} {n}" for name, n in counts if n)
