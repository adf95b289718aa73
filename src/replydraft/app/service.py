"""One pass over a folder, and over an account; the long-running loop is in daemon.py.

The path of one message (see docs/ARCHITECTURE.md): fetch its header and text parts
(BODY.PEEK, attachments left on the server) -> ``classify`` (pure) -> handled
before? (the store) -> ``draft`` (pure) -> commit the intent -> APPEND to Drafts -> commit message, incident and
watermark together. A crash anywhere in between is finished by the next pass: the
watermark only moves past a message once it is fully handled, and a message whose
intent was committed but not finished is first looked for in Drafts by its
deterministic Message-ID, so it never gets a second draft.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path

from replydraft.app.fleet import Fleet
from replydraft.app.model import detector_for
from replydraft.app.progress import Progress
from replydraft.app.teaching import retrain, teach
from replydraft.auth.credentials import Secret, get_secret
from replydraft.auth.oauth import AccessToken
from replydraft.config import Account, Config
from replydraft.detection.detector import Detector
from replydraft.detection.prefilter import Prefilter
from replydraft.errors import (
    ConfigError,
    LeaseLost,
    LoginError,
    MailboxError,
    ReplydraftError,
    SecretError,
    StateError,
)
from replydraft.mail.imap import ImapMailbox
from replydraft.mail.protocol import Mailbox
from replydraft.pipeline import (
    NO_HISTORY,
    Classified,
    Context,
    Inputs,
    Outcome,
    classify_many,
    draft,
    failed_outcome,
    incident_id,
    source_key,
)
from replydraft.reply.draft import body_hash, replies_in_thread
from replydraft.reply.ledger import Invoice, parse_ledger
from replydraft.reply.render import Renderer
from replydraft.reply.voice import History
from replydraft.state.store import COLLISION, TERMINAL, FolderRow, Incident, Lease, Store

log = logging.getLogger(__name__)

__all__ = [
    "FolderReport",
    "load_invoices",
    "make_context",
    "make_inputs",
    "open_mailbox",
    "poll_account",
    "process_folder",
    "run_once",
    "teaches",
]


@dataclass
class FolderReport:
    account: str
    folder: str
    examined: int = 0
    drafted: list[str] = field(default_factory=list)   # one line per draft: who, why
    recovered: int = 0          # drafts found already on the server after an interrupted pass
    no_signal: int = 0
    skipped: int = 0            # automated mail, or a message that could not be handled
    already: int = 0            # handled before (same Message-ID elsewhere, or UIDVALIDITY reset)
    waiting: int = 0            # new messages left for the next pass (a stop request came first)
    uidnext: int = 0            # the folder's UIDNEXT when the pass began
    error: str | None = None
    auth: bool = False          # the error is a refused login or a missing secret
    lost: bool = False          # another daemon of the fleet took the folder over: stopped before an APPEND
    held: bool = False          # another daemon of the fleet works on it: not looked at


PROGRESS_FROM = 200          # new messages in one pass (a first scan) before a progress line is shown
CLASSIFY_BATCH = 100         # messages fetched, then parsed and examined together (pipeline.classify_many)


def _signals_text(outcome: Outcome) -> str:
    text = ", ".join(f"{s.name} {s.score:.2f}" for s in outcome.detection.signals)
    choice = outcome.choice
    if choice.tone != "standard" or choice.repeat_offender:
        text += f"; tone {choice.tone}" + (", repeat offender" if choice.repeat_offender else "")
    return text


def _local(when: datetime | None) -> datetime | None:
    if when is None:
        return None
    return when.astimezone() if when.tzinfo is None else when


def process_folder(mailbox: Mailbox, store: Store, ctx: Context, *, folder: str, drafts: str,
                   lookback: timedelta, dry_run: bool = False,
                   stop: threading.Event | None = None) -> FolderReport:
    """Handle every new message in one folder. Raises MailboxError if the server fails."""
    account = ctx.account
    report = FolderReport(account, folder)
    state = mailbox.open_folder(folder)
    report.uidnext = state.uidnext
    row = store.folder_state(account, folder)
    if row is None or row.uidvalidity != state.uidvalidity:
        if row is not None:
            log.warning("%s/%s: UIDVALIDITY changed (%s -> %s); re-reading the last %s, "
                        "messages already handled are recognised by Message-ID",
                        account, folder, row.uidvalidity, state.uidvalidity, lookback)
        row = FolderRow(state.uidvalidity, 0, ctx.now - lookback)
        if not dry_run:
            store.set_folder_state(account, folder, row)
    uids = mailbox.new_uids(row.last_uid, row.cutoff)
    if len(uids) >= PROGRESS_FROM:     # the first lines about them come after a batch is fetched and read
        log.info("%s/%s: %d new message(s) to examine", account, folder, len(uids))
    progress = Progress(len(uids), f"{account}/{folder}", enabled=len(uids) >= PROGRESS_FROM)
    handled = 0
    messages = iter(mailbox.fetch(uids))
    inputs = ctx.inputs                # built once a pass, not once a batch
    with store.batch():
        for batch in iter(lambda: list(islice(messages, CLASSIFY_BATCH)), []):
            received = [_local(fetched.internaldate) for fetched in batch]
            # older than the look-back window: never looked at
            wanted = [f for f, when in zip(batch, received, strict=True) if when is None or when >= row.cutoff]
            classified = dict(zip([f.uid for f in wanted],
                                  classify_many([f.raw for f in wanted], inputs), strict=True))
            for fetched, when in zip(batch, received, strict=True):
                progress.advance()
                if stop is not None and stop.is_set():
                    report.waiting = len(uids) - handled
                    progress.done()
                    return report      # the watermark stays at the last handled message
                handled += 1
                if fetched.uid in classified:
                    report.examined += 1
                    _handle(mailbox, store, ctx, report, fetched.uid, fetched.raw, classified[fetched.uid], when,
                            uidvalidity=state.uidvalidity, drafts=drafts, dry_run=dry_run)
    progress.done()
    if not dry_run:
        # Every UID below UIDNEXT was either handled above or is out of the window.
        store.advance(account, folder, state.uidvalidity, state.uidnext - 1)
    return report


def _handle(mailbox: Mailbox, store: Store, ctx: Context, report: FolderReport, uid: int, raw: bytes,
            classified: Classified | Exception, received: datetime | None, *, uidvalidity: int, drafts: str,
            dry_run: bool) -> None:
    account, folder = ctx.account, report.folder
    where = f"{account}/{folder} uid {uid}"
    if isinstance(classified, ReplydraftError):
        raise classified           # a config problem: stop, don't skip mail
    if isinstance(classified, Exception):
        _failed(store, ctx, report, uid, raw, received, classified, dry_run=dry_run)
        return
    if classified.email.notes:     # extract had to guess which words are new: say so
        log.info("%s: new text: %s", where, "; ".join(classified.email.notes))
    key, status = _status(store, account, raw, classified, where)
    if status in TERMINAL:         # handled before: nothing is rendered
        report.already += 1
        if not dry_run:
            store.advance(account, folder, uidvalidity, uid)
        return
    history = _history(store, ctx, classified, key)
    try:
        outcome = draft(classified, key, ctx, history)
    except ReplydraftError:
        raise                      # a template problem: stop, don't skip mail
    except Exception as exc:       # a bug must not become a crash loop on one message
        _failed(store, ctx, report, uid, raw, received, exc, dry_run=dry_run)
        return
    detection = outcome.detection
    if outcome.needs_person:
        _needs_person(mailbox, store, ctx, report, uid, outcome, received, uidvalidity=uidvalidity, dry_run=dry_run)
        return
    if detection.skipped or outcome.draft is None:
        kind = "skipped" if detection.skipped else "no_signal"
        reason = detection.skipped or json.dumps(
            [{"name": s.name, "score": round(s.score, 3)} for s in detection.near_misses])
        log.info("%s: %s%s", where, "skipped: " if detection.skipped else "no escalation",
                 detection.skipped or (f" (near misses: {reason})" if detection.near_misses else ""))
        if kind == "skipped":
            report.skipped += 1
        else:
            report.no_signal += 1
        if not dry_run:
            store.record_message(account, folder, uidvalidity, uid, outcome, kind, reason)
            if detection.skipped and outcome.unexamined:
                store.record_incident(account, folder, uid, outcome, "skipped_automated",
                                      reason=detection.skipped, received=received)
            elif detection.near_misses:
                store.record_incident(account, folder, uid, outcome, "below_threshold", received=received,
                                      reason=", ".join(f"{s.name} {s.score:.2f} < {ctx.detector.threshold(s.name)}"
                                                       for s in detection.near_misses))
        return
    summary = f"{outcome.email.from_addr or 'unknown sender'}: {_signals_text(outcome)}"
    if dry_run:
        log.info("%s: would draft %s (%s) [dry run]", where, outcome.incident_id, _signals_text(outcome))
        report.drafted.append(f"{summary} (dry run, logged as dry_run)")
        store.record_incident(account, folder, uid, outcome, "dry_run", received=received)
        return
    # Look in Drafts before every first APPEND: an earlier pass may have appended it and died
    # before learning the outcome ("appending"), or the state file may be new or restored.
    since = store.pending_draft(outcome.incident_id) if status == "appending" else None
    found = mailbox.find_draft(drafts, outcome.draft.message_id, since)
    if found is not None:
        if status != "appending":
            store.begin_draft(account, folder, uidvalidity, uid, outcome, drafts, received)
        store.finish_draft(account, folder, uidvalidity, uid, outcome, found or None)
        log.info("%s: draft %s was already in %s; recorded it", where, outcome.incident_id, drafts)
        report.recovered += 1
        return
    if status == "appending":
        log.info("%s: draft %s is not in %s: the earlier APPEND never arrived; appending it now",
                 where, outcome.incident_id, drafts)
    store.begin_draft(account, folder, uidvalidity, uid, outcome, drafts, received,
                      drafts_state=mailbox.drafts_state(drafts))
    draft_uid = mailbox.append_draft(drafts, outcome.draft.raw, ctx.now, original_uid=uid)
    draft_uid = _one_copy(mailbox, drafts, outcome, draft_uid, where)
    store.finish_draft(account, folder, uidvalidity, uid, outcome, draft_uid)
    log.info("%s: drafted %s (%s) in %s%s", where, outcome.incident_id, _signals_text(outcome),
             drafts, f" uid {draft_uid}" if draft_uid else "")
    report.drafted.append(f"{summary} -> {outcome.incident_id}")
    _follow_up(mailbox, store, account, drafts, outcome, where)


def _failed(store: Store, ctx: Context, report: FolderReport, uid: int, raw: bytes, received: datetime | None,
            exc: Exception, *, dry_run: bool) -> None:
    """A message the pipeline failed on (a bug): logged and recorded as an ``error`` incident, so
    it can't become a crash loop."""
    log.error("%s/%s uid %s: could not be handled; recorded as skipped", ctx.account, report.folder, uid,
              exc_info=exc)
    report.skipped += 1
    if not dry_run:
        store.record_incident(ctx.account, report.folder, uid, failed_outcome(raw, ctx), "error",
                              reason=f"{type(exc).__name__}: {exc}"[:500], received=received)


def _status(store: Store, account: str, raw: bytes, classified: Classified, where: str) -> tuple[str, str | None]:
    """The message's key and what the store knows of it. A key recorded with another
    fingerprint is a reused Message-ID: this is another message, under a key of its own."""
    key = source_key(raw, classified.email)
    status = store.message_status(account, key, classified.fingerprint)
    if status == COLLISION:
        log.warning("%s: Message-ID %s was already used by another message (other sender, date or subject); "
                    "handled as a message of its own", where, classified.email.message_id)
        key = source_key(raw, classified.email, distinct=True)
        status = store.message_status(account, key, classified.fingerprint)
    return key, status


def _history(store: Store, ctx: Context, classified: Classified, key: str) -> History:
    """The sender's other incidents, read only for a message that gets a draft."""
    if not classified.wants_history:
        return NO_HISTORY
    repeat = ctx.policy.repeat_offender
    days = max(90, repeat.days if repeat else 0)
    return store.history(classified.email.from_addr, ctx.now, days, exclude=incident_id(ctx.account, key))


def _needs_person(mailbox: Mailbox, store: Store, ctx: Context, report: FolderReport, uid: int, outcome: Outcome,
                  received: datetime | None, *, uidvalidity: int, dry_run: bool) -> None:
    """A safety matter, or an escalation with nobody to address a draft to: no draft, an
    incident for a person (a safety matter is one even if no signal escalated), and the message
    flagged where the account asks for it (before the record, so a crash flags it again, harmlessly)."""
    where = f"{ctx.account}/{report.folder} uid {uid}"
    signals = _signals_text(outcome) or "no escalation signal"
    flagged = not dry_run and _flag_for_person(mailbox, report.folder, uid, where)
    log.warning("%s: needs a person, no draft (%s): %s; logged %s as needs_person%s",
                where, signals, outcome.needs_person, outcome.incident_id, ", flagged" if flagged else "")
    report.skipped += 1
    if not dry_run:              # the incident first: the message's record ends the matter
        store.record_incident(ctx.account, report.folder, uid, outcome, "needs_person",
                              reason=outcome.needs_person, received=received)
        store.record_message(ctx.account, report.folder, uidvalidity, uid, outcome, "needs_person",
                             outcome.needs_person)


def _flag_for_person(mailbox: Mailbox, folder: str, uid: int, where: str) -> bool:
    """The flag is a courtesy to the reader: if the server refuses it, the incident still counts."""
    try:
        return mailbox.flag_for_person(folder, uid)
    except MailboxError as exc:
        log.warning("%s: could not flag the message for a person: %s", where, exc)
        return False


def _one_copy(mailbox: Mailbox, drafts: str, outcome: Outcome, draft_uid: int | None, where: str) -> int | None:
    """Another process (a second daemon on another state file) may have looked in Drafts and
    appended the same draft at the same moment: keep the copy with the lowest UID (both keep
    the same one) and remove ours if it is a later one. Returns the UID of the copy kept."""
    assert outcome.draft is not None
    try:
        copies = mailbox.remove_copies(drafts, outcome.draft.message_id, body_hash(outcome.draft.raw))
    except MailboxError as exc:       # the draft is saved: record it; a copy stays at worst
        log.warning("%s: could not check %s for a second copy of draft %s: %s", where, drafts,
                    outcome.incident_id, exc)
        return draft_uid
    if copies.removed:
        log.warning("%s: draft %s was also appended by another replydraft at the same moment; removed the "
                    "later copy (uid %s) and kept uid %s", where, outcome.incident_id,
                    ", ".join(map(str, copies.removed)), copies.kept)
    if copies.left:
        log.warning("%s: %s holds %d more cop(ies) of draft %s (uid %s) that were edited, or the server can't "
                    "remove one draft safely (no UIDPLUS): left alone", where, drafts, len(copies.left),
                    outcome.incident_id, ", ".join(map(str, copies.left)))
    return copies.kept if copies.kept is not None else draft_uid


REPLY_CHECK_EVERY = timedelta(minutes=10)
REPLY_STATE_LOG = {"waiting": "draft waiting in Drafts", "replied": "replied (found in Sent)",
                   "edited": "draft edited by a person, waiting in Drafts",
                   "draft_gone": "draft deleted, no reply in Sent"}


def check_replies(mailbox: Mailbox, store: Store, account: str, drafts: str, now: datetime,
                  every: timedelta = REPLY_CHECK_EVERY) -> None:
    """Did we reply? For drafts of the last 30 days: still in Drafts ("waiting"), answered by a
    message in Sent ("replied"), replaced in Drafts by a draft that answers the same message
    ("edited": a person edited and saved it, and mail clients give the saved copy a new
    Message-ID), or gone without any of these ("draft_gone"). A reply in Sent wins over an edited
    draft left behind. At most every ``every``; a failure here only postpones the answer, it never
    fails the pass."""
    pending = store.replies_to_check(account, now, every)
    if not pending:
        return
    try:
        present = mailbox.message_ids(drafts)
        answered = mailbox.in_reply_to_ids(drafts)
        sent = mailbox.find_sent()
        for incident in pending:
            if incident.draft_message_id.lower() in present:
                state = "waiting"
            elif sent and incident.message_id and mailbox.replied_to(sent, incident.message_id):
                state = "replied"
            elif incident.message_id and incident.message_id.lower() in answered:
                state = "edited"
            else:
                state = "draft_gone"
            if state != incident.reply_state:
                log.info("%s: %s: %s", account, incident.id, REPLY_STATE_LOG[state])
            store.set_reply_state(incident.id, state)
    except (MailboxError, StateError) as exc:
        log.warning("%s: could not check which drafts were sent (%s); will try again", account, exc)


def _follow_up(mailbox: Mailbox, store: Store, account: str, drafts: str, outcome: Outcome, where: str) -> None:
    """The customer wrote again in a thread we have an unsent draft for: link the incidents,
    and remove the earlier draft if nobody touched it, since the new one answers the latest
    message. Only a reply in the thread (In-Reply-To/References), to the same address, that
    didn't fail DMARC may replace: anyone can copy a From and a subject. A draft a person
    edited (its body changed) or already sent is never touched, nor a copy a mail client saved
    under a Message-ID of its own: our draft is looked for by our Message-ID only."""
    incident_id = outcome.incident_id
    if outcome.email.dmarc_failed:
        log.info("%s: %s failed DMARC: not taken as a follow-up of the sender's earlier mail", where, incident_id)
        return
    earlier = store.earlier_in_thread(account, incident_id)
    if earlier is None:
        return
    why = _not_replaceable(outcome, earlier)
    found = None if why else mailbox.draft_body_hash(drafts, earlier.draft_message_id)
    untouched = found is not None and bool(earlier.draft_hash) and found[1] == earlier.draft_hash
    replaced = untouched and found is not None and mailbox.remove_draft(drafts, found[0])
    store.link_follow_up(incident_id, earlier.id, replaced=replaced)
    why = why or ("replaced its untouched draft" if replaced else
                  "its draft is gone (sent or deleted): left alone" if found is None else
                  "its draft was edited by a person: left alone" if not untouched else
                  "the server can't remove a single draft safely (no UIDPLUS): left alone")
    log.info("%s: %s follows up %s in the same thread; %s", where, incident_id, earlier.id, why)


def _not_replaceable(outcome: Outcome, earlier: Incident) -> str:
    """Why the earlier incident's draft must stay whatever its state, or ""."""
    if not replies_in_thread(outcome.email, earlier.message_id, earlier.thread_key):
        return "same subject, but not a reply in its thread (In-Reply-To/References): its draft left alone"
    to = outcome.draft.recipient if outcome.draft else ""
    if not earlier.draft_to or earlier.draft_to != to:
        return f"its draft is to {earlier.draft_to or 'an unrecorded address'}, this one to {to}: left alone"
    return ""


_ledger_cache: dict[Path, tuple[float, tuple[Invoice, ...]]] = {}


def load_invoices(config: Config) -> tuple[Invoice, ...]:
    """The ledger's open invoices, re-read only when the file changed."""
    if config.ledger is None:
        return ()
    path = config.ledger.path
    try:
        mtime = path.stat().st_mtime
        cached = _ledger_cache.get(path)
        if cached and cached[0] == mtime:
            return cached[1]
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{config.source}: [ledger] path {path}: can't read it ({exc.strerror}).") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")   # spreadsheet exports on Windows
    invoices = tuple(parse_ledger(text, source=str(path), date_format=config.ledger.date_format))
    _ledger_cache[path] = (mtime, invoices)
    return invoices


def make_context(config: Config, account: Account, renderer: Renderer, now: datetime | None = None,
                 detector: Detector | None = None) -> Context:
    """Everything ``classify`` and ``draft`` need for one pass; the ledger read now. ``detector``:
    the one built for this config (else one is built, without a prefilter)."""
    now = now or datetime.now(UTC).astimezone()
    return Context(account=account.name, from_address=account.from_address, policy=config.policy,
                   detector=detector or detector_for(config), renderer=renderer, now=now,
                   invoices=load_invoices(config),
                   grace_days=config.ledger.grace_days if config.ledger else 0,
                   signal_templates=config.signal_templates, store_excerpts=config.store_excerpts)


def make_inputs(config: Config, account: Account, now: datetime | None = None) -> Inputs:
    """What ``classify`` needs for an account, without a renderer (``replydraft classify``)."""
    now = now or datetime.now(UTC).astimezone()
    return Inputs.of(config.policy, detector_for(config), account.from_address, load_invoices(config),
                     config.ledger.grace_days if config.ledger else 0, now.date())


Connect = Callable[[Account, Secret], Mailbox]


def open_mailbox(account: Account, connect: Connect = ImapMailbox.connect) -> Mailbox:
    """Log in with the account's secret. A refused OAuth2 token that came from the cache is
    renewed once and tried again (it may have been revoked, or expired early)."""
    secret = get_secret(account)
    try:
        return connect(account, secret)
    except LoginError:
        if not isinstance(secret, AccessToken) or secret.fresh:
            raise
    log.info("account %r: the server refused the cached OAuth2 access token; getting a new one", account.name)
    return connect(account, get_secret(account, renew=True))


def poll_account(config: Config, account: Account, renderer: Renderer, *, dry_run: bool = False,
                 connect: Connect = ImapMailbox.connect, stop: threading.Event | None = None,
                 folders: Sequence[str] | None = None, detector: Detector | None = None,
                 leases: Sequence[Lease] | None = None, teaching: bool | None = None) -> list[FolderReport]:
    """One pass over an account's folders (or some of them) on one connection.

    A failing account reports its error instead of raising, so the others go on. With ``leases``
    (a daemon of a fleet), each draft's intent is checked against its folder's lease. ``teaching``:
    whether to read the teaching folders too (by default: if the pass covers the first folder).
    """
    folders = list(account.folders if folders is None else folders)
    store = None
    try:
        store = Store.of(config)
        for lease in leases if leases is not None else ():
            store.hold(lease)
        store.fencing = leases is not None
        ctx = make_context(config, account, renderer, detector=detector)
        mailbox = open_mailbox(account, connect)
    except ReplydraftError as exc:
        if store is not None:
            store.close()
        log.error("%s", exc)
        return [FolderReport(account.name, folder, error=str(exc), auth=isinstance(exc, (LoginError, SecretError)))
                for folder in folders]
    reports = []
    try:
        drafts = mailbox.resolve_drafts(account.drafts_folder)
        for folder in folders:
            try:
                reports.append(process_folder(mailbox, store, ctx, folder=folder, drafts=drafts,
                                              lookback=timedelta(seconds=account.lookback),
                                              dry_run=dry_run, stop=stop))
            except LeaseLost as exc:                        # not a failure: the folder is in other hands
                log.warning("%s", exc)
                reports.append(FolderReport(account.name, folder, lost=True))
            except (MailboxError, StateError) as exc:      # the next pass tries again
                log.error("%s", exc)
                reports.append(FolderReport(account.name, folder, error=str(exc)))
        if not dry_run:
            check_replies(mailbox, store, account.name, drafts, ctx.now)
            if teaches(account, folders) if teaching is None else teaching:
                retrain(config, store, teach(mailbox, store, config.teaching, account.name, ctx.now), account.name)
    except (MailboxError, StateError) as exc:
        log.error("%s", exc)
        reports.extend(FolderReport(account.name, folder, error=str(exc)) for folder in folders[len(reports):])
    finally:
        mailbox.close()
        store.close()
    return reports


def teaches(account: Account, folders: Sequence[str]) -> bool:
    """Whether a pass over ``folders`` also reads the teaching folders: the pass over the
    account's first folder does (the daemon runs a job per folder; one of them teaches)."""
    return account.folders[0] in folders


def run_once(config: Config, renderer: Renderer, *, dry_run: bool = False,
             connect: Connect = ImapMailbox.connect, prefilter: Prefilter | None = None) -> list[FolderReport]:
    """One pass over every account (`run --once`, from cron say). Each folder's outcome is
    recorded for `replydraft status`, as the daemon records its passes (mode "once"). On a state a
    fleet shares, the folders a running daemon holds are left to it."""
    reports: list[FolderReport] = []
    detector = detector_for(config, prefilter, level=logging.INFO)
    fleet = Fleet(config.lease)
    total = sum(len(account.folders) for account in config.accounts)
    try:
        for account in config.accounts:
            leases = [fleet.claim(lambda: Store.of(config), account.name, folder, total)
                      for folder in account.folders]
            for folder, lease in zip(account.folders, leases, strict=True):
                if lease is None:
                    log.info("%s/%s: another replydraft works on it; left to it", account.name, folder)
                    reports.append(FolderReport(account.name, folder, held=True))
            mine = [lease for lease in leases if lease is not None]
            if mine:
                reports.extend(poll_account(config, account, renderer, dry_run=dry_run, connect=connect,
                                            detector=detector, folders=[lease.folder for lease in mine],
                                            leases=mine))
    finally:
        with Store.of(config) as store:
            fleet.leave(store)
    with Store.of(config) as store:
        for r in reports:
            if r.held or r.lost:
                continue
            if r.error:
                store.record_failure(r.account, r.folder, "once", r.error, auth=r.auth, next_try=None)
            else:
                store.record_success(r.account, r.folder, "once", r.waiting)
    return reports
