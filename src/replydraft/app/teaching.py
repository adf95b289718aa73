"""Reading the teaching folders: the team's own mail -> the local labelled set (issue 17, item 4).

Once per pass of an account (see ``service.poll_account``): the folders ``[teaching]`` names
are created if missing (CREATE only, under the server's namespace and with its delimiter),
opened read-only (EXAMINE), and every message not read before is fetched with BODY.PEEK
(so it stays unread), read by the same ``extract`` every command uses, and kept as a lesson
(``detection/teaching.py``, ``Store.teach``). A lesson whose message a person moved out of the
teaching folders (or deleted) is forgotten (``Store.forget_missing``). Nothing in those folders is
ever changed. After a pass that changed what was taught, :func:`retrain` trains the company's
model again (``[teaching] retrain``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from replydraft.app.model import train_company_model
from replydraft.config import Config, TeachingSettings
from replydraft.detection.teaching import Lesson, counts_text, teaching_folders, text_hash
from replydraft.errors import MailboxError, RuleError, StateError
from replydraft.mail.protocol import Mailbox, Teachable
from replydraft.message.extract import parse
from replydraft.pipeline import source_key
from replydraft.state.store import Store

log = logging.getLogger(__name__)

__all__ = ["TeachingReport", "retrain", "teach"]


@dataclass
class TeachingReport:
    taught: dict[str, int] = field(default_factory=dict)   # folder -> messages new to the set
    relabelled: int = 0          # moved from one teaching folder to another: the later one counts
    forgotten: int = 0           # moved out of the teaching folders (or deleted): taken back
    known: int = 0               # taught before (another pass, another copy, a UIDVALIDITY change)
    passed_over: int = 0         # no text of its own to learn from
    created: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def new(self) -> int:
        return sum(self.taught.values())

    @property
    def changed(self) -> bool:
        """Whether the taught set is not what it was before the pass."""
        return bool(self.new or self.relabelled or self.forgotten)


def teach(mailbox: Mailbox, store: Store, settings: TeachingSettings, account: str, now: datetime) -> TeachingReport:
    """Read the account's teaching folders into the local set; one log line. A server or state
    failure is logged and left for the next pass: teaching never fails the pass it rides on."""
    report = TeachingReport()
    if not settings.enabled or not isinstance(mailbox, Teachable):
        return report
    try:
        _teach(mailbox, store, settings, account, now, report)
    except (MailboxError, StateError) as exc:
        report.error = str(exc)
        log.warning("%s: could not read the teaching folders (%s); will try again next pass", account, exc)
        return report
    if report.new or report.relabelled or report.forgotten or report.created:
        log.info("%s: taught %d message(s)%s%s%s%s", account, report.new,
                 f" from {counts_text(sorted(report.taught.items()))}" if report.new else "",
                 f", {report.relabelled} moved to another teaching folder" if report.relabelled else "",
                 f", forgot {report.forgotten} moved out of the teaching folders" if report.forgotten else "",
                 f"; created {', '.join(report.created)}" if report.created else "")
    else:
        log.debug("%s: teaching folders: nothing new (%d known)", account, report.known)
    return report


def _teach(mailbox: Teachable, store: Store, settings: TeachingSettings, account: str, now: datetime,
           report: TeachingReport) -> None:
    prefix, delimiter = mailbox.namespace()
    folders = teaching_folders(settings.missed_folder, settings.not_escalation_folder, prefix, delimiter)
    report.created = mailbox.ensure_folders([f.name for f in folders])
    present: dict[str, tuple[int, set[int]]] = {}
    for folder in folders:
        state = mailbox.open_folder(folder.name)
        read = store.taught_uids(account, folder.name, state.uidvalidity)
        everything = mailbox.all_uids()
        present[folder.name] = (state.uidvalidity, set(everything))
        uids = [uid for uid in everything if uid not in read]
        for fetched in mailbox.fetch(uids):
            email = parse(fetched.raw)
            if not email.new_text.strip():
                report.passed_over += 1
                store.pass_over(account, folder.name, state.uidvalidity, fetched.uid)
                continue
            lesson = Lesson(source_key(fetched.raw, email), text_hash(email.subject, email.new_text), account,
                            folder.name, state.uidvalidity, fetched.uid, folder.escalation, folder.labels,
                            email.subject, email.new_text)
            what, before = store.teach(lesson, now)
            if what == "new":
                report.taught[folder.name] = report.taught.get(folder.name, 0) + 1
            elif what == "same":
                report.known += 1
            else:
                report.relabelled += 1
                assert before is not None
                log.info("%s: %s was taught as %s (%s), now as %s (%s): the later move counts",
                         account, lesson.id, before.verdict, before.folder, lesson.verdict, folder.name)
    for lesson in store.forget_missing(account, present):
        report.forgotten += 1
        log.info("%s: %s (%s) is no longer in %s: forgotten", account, lesson.id, lesson.verdict, lesson.folder)


def retrain(config: Config, store: Store, report: TeachingReport, account: str) -> bool:
    """After a pass that changed what was taught: the company's model trained again on every lesson
    (as ``teaching train`` does) and written beside the state database. Whether it was; a failure
    is logged, and the model in use is kept."""
    if not (config.teaching.retrain and config.detector.model and report.changed):
        return False
    try:
        trained = train_company_model(config, store.lessons())
    except (StateError, RuleError) as exc:
        log.warning("%s: could not train the company's model again (%s); keeping the one in use", account, exc)
        return False
    if trained is None:
        log.info("%s: nothing to train the company's model on yet (only escalations whose signal was not said)",
                 account)
        return False
    log.info("%s: trained the company's model again on %d taught message(s) (%d missed escalation(s)); "
             "used from the next pass", account, trained.messages, trained.escalations)
    return True
