"""``replydraft status``: is every watched folder being read? Pure: stored statuses in, a table out.

A dead login must never go unnoticed for days, so besides the table this names what needs
a person: folders failing again and again, logins refused twice or more in a row, folders
not read for much longer than their interval, and folders the daemon has never read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from replydraft.config import Config
from replydraft.state.store import WatchStatus

__all__ = ["FAILING_AFTER", "STALE_AFTER", "StatusReport", "assess"]

FAILING_AFTER = 3            # failures in a row before a folder counts as failing
STALE_AFTER = 3              # intervals without a successful pass before it counts as stale
IDLE_STALE = timedelta(hours=1)   # an IDLE watcher records a pass at least every 25 minutes
# When a stored OAuth2 refresh token may stop working, by provider: Google's for an app still
# in "Testing" expire after 7 days; Microsoft's after 90 days unused (each renewal replaces it,
# and replydraft stores the new one, so an old one means renewals stopped).
TOKEN_WARN_AFTER = {"google": timedelta(days=6), "microsoft": timedelta(days=80)}


@dataclass
class StatusReport:
    table: list[tuple[str, ...]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = max(0, int((now - when).total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{seconds}s ago"


def assess(config: Config, statuses: Sequence[WatchStatus], unfinished: int, now: datetime,
           token_stored: Mapping[str, datetime | None] | None = None,
           holders: Mapping[tuple[str, str], str] | None = None) -> StatusReport:
    """The status table (one row per configured folder) and the warnings for a person.

    ``token_stored``: for OAuth2 accounts, when their refresh token was stored in the keyring.
    ``holders``: in a fleet, which daemon ("host/pid/...") holds each folder's lease now; a
    DAEMON column shows its host and PID.
    """
    report = StatusReport(table=[("ACCOUNT", "FOLDER", "MODE", "LAST OK", "WAITING", "FAILURES", "NEXT TRY",
                                  "LAST ERROR")])
    known = {(s.account, s.folder): s for s in statuses}
    for account in config.accounts:
        for folder in account.folders:
            mode, interval = account.watch(folder)
            where = f"{account.name}/{folder}"
            s = known.get((account.name, folder))
            if s is None:
                report.table.append((account.name, folder, mode, "never", "-", "0", "-", ""))
                report.warnings.append(f"{where}: not read yet; is `replydraft run` running?")
                continue
            next_try = s.next_try.astimezone(now.tzinfo).strftime("%H:%M:%S") if s.next_try else "-"
            error = s.last_error if s.failures else ""
            report.table.append((account.name, folder, s.mode or mode, _ago(s.last_success, now), str(s.waiting),
                                 str(s.failures), next_try, error[:80]))
            report.warnings.extend(_warnings(where, s, mode, interval, now))
    if holders is not None:
        keys = [(account.name, folder) for account in config.accounts for folder in account.folders]
        report.table = [(*report.table[0], "DAEMON")] + [
            (*row, "/".join(holders[key].split("/")[:2]) if key in holders else "-")
            for row, key in zip(report.table[1:], keys, strict=True)]
    for account in config.accounts:
        stored = (token_stored or {}).get(account.name)
        limit = TOKEN_WARN_AFTER.get(account.oauth_provider or "")
        if stored is not None and limit is not None and now - stored > limit:
            report.warnings.append(
                f"{account.name}: its OAuth2 refresh token was stored {_ago(stored, now)}; "
                + ("a Google app in Testing mode gets tokens that expire after 7 days"
                   if account.oauth_provider == "google" else "Microsoft's expire after 90 days unused")
                + f". If logins start failing, run `replydraft auth oauth {account.name}` again")
    if unfinished:
        report.warnings.append(f"{unfinished} draft(s) were being saved when the daemon last stopped; the next "
                               f"pass finishes them (never twice)")
    return report


def _warnings(where: str, s: WatchStatus, mode: str, interval: float, now: datetime) -> list[str]:
    found = []
    if s.auth_failures >= 2:
        found.append(f"{where}: the login was refused {s.auth_failures} times in a row (last at "
                     f"{s.last_error_at:%Y-%m-%d %H:%M}); check the password or token: "
                     f"`replydraft auth set ACCOUNT`, password_env or password_command")
    elif s.failures >= FAILING_AFTER:
        found.append(f"{where}: failing: {s.failures} failures in a row since {_ago(s.last_success, now)} "
                     f"without success; last error: {s.last_error}")
    stale_after = IDLE_STALE if mode == "idle" else timedelta(seconds=interval * STALE_AFTER + 60)
    if s.last_success is not None and now - s.last_success > stale_after and s.failures < FAILING_AFTER:
        found.append(f"{where}: last read {_ago(s.last_success, now)}, longer than expected for {mode} mode; "
                     f"is `replydraft run` running?")
    return found

