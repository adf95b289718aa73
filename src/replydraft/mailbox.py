"""Where mail comes from and drafts go: the ``Mailbox`` protocol and its IMAP implementation.

This is the only module that talks IMAP (imapclient). Customer mail is only ever
opened read-only (EXAMINE) and read with ``BODY.PEEK[]``, so it stays unread and
unchanged; the only write is APPEND to the Drafts folder. Every socket operation
has a timeout, so a hung server cannot freeze an account.
"""

from __future__ import annotations

import logging
import re
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterator, Protocol, Sequence

import imapclient
from imapclient.exceptions import IMAPClientError
from imapclient.exceptions import LoginError as IMAPLoginError

from replydraft.config import Account
from replydraft.errors import FolderError, LoginError, MailboxError
from replydraft.oauth import AccessToken

log = logging.getLogger(__name__)

__all__ = ["Mailbox", "FolderState", "Fetched", "ImapMailbox", "pick_drafts_folder", "WELL_KNOWN_DRAFTS"]

FETCH_BATCH = 50
# Drafts folders by name, for servers without SPECIAL-USE (compared case-insensitively,
# also as the last component under a namespace prefix such as "INBOX.").
WELL_KNOWN_DRAFTS = (
    "Drafts", "Draft", "[Gmail]/Drafts", "[Google Mail]/Drafts", "Entwürfe", "Brouillons",
    "Borradores", "Bozze", "Concepten", "Rascunhos", "Utkast", "Kladder", "Luonnokset",
    "Wersje robocze", "Черновики",
)


@dataclass(frozen=True, slots=True)
class FolderState:
    uidvalidity: int
    uidnext: int


@dataclass(frozen=True, slots=True)
class Fetched:
    uid: int
    raw: bytes
    internaldate: datetime | None


class Mailbox(Protocol):
    """What the pipeline needs from a mail store (IMAP account or local Maildir)."""

    def open_folder(self, folder: str) -> FolderState:
        """Select ``folder`` read-only."""

    def new_uids(self, after_uid: int, since: datetime) -> list[int]:
        """UIDs above ``after_uid`` received on or after the day before ``since``, ascending."""

    def fetch(self, uids: Sequence[int]) -> Iterator[Fetched]:
        """Full messages without marking them read; expunged UIDs are left out."""

    def resolve_drafts(self, configured: str) -> str:
        """The Drafts folder name: the configured one, or found by SPECIAL-USE and by name."""

    def find_draft(self, drafts: str, message_id: str) -> int | None:
        """UID of a draft carrying this Message-ID, if one is there."""

    def append_draft(self, drafts: str, raw: bytes, when: datetime) -> int | None:
        """Store a draft flagged ``\\Draft \\Seen``; its UID when the server reports it."""

    def close(self) -> None: ...


def pick_drafts_folder(folders: Sequence[tuple[Sequence[str], str]], configured: str = "auto") -> str | None:
    """Choose Drafts from ``(flags, name)`` pairs: configured name, else ``\\Drafts``, else a known name."""
    names = [name for _, name in folders]
    if configured != "auto":
        return configured if configured in names else None
    for flags, name in folders:
        if any(f.lower() == "\\drafts" for f in flags):   # Cyrus sends "\drafts"
            return name
    by_lower = {n.lower(): n for n in names}
    for known in WELL_KNOWN_DRAFTS:
        for name_lower, name in by_lower.items():
            if name_lower == known.lower() or re.split(r"[./]", name_lower)[-1] == known.lower():
                return name
    return None


class ImapMailbox:
    """An IMAP account. Create with :meth:`connect`; use as a context manager."""

    def __init__(self, account: Account, client: imapclient.IMAPClient) -> None:
        self.account = account
        self.client = client
        self.selected: str | None = None

    # -- connection --------------------------------------------------------------

    @classmethod
    def connect(cls, account: Account, secret: str | AccessToken) -> "ImapMailbox":
        """Log in with a password, or with an OAuth2 access token (XOAUTH2 or OAUTHBEARER)."""
        where = f"account {account.name!r} ({account.host}:{account.port})"
        context = ssl.create_default_context(cafile=str(account.cafile) if account.cafile else None)
        timeout = imapclient.SocketTimeout(connect=min(account.timeout, 30.0), read=account.timeout)
        try:
            client = imapclient.IMAPClient(
                account.host, port=account.port, ssl=account.tls == "ssl",
                ssl_context=context, timeout=timeout,
            )
            if account.tls == "starttls":
                if b"STARTTLS" not in client.capabilities():
                    raise MailboxError(f"{where}: the server does not offer STARTTLS; refusing to send "
                                       f"the password unencrypted. Use tls = \"ssl\" if it supports it.")
                client.starttls(context)
        except ssl.SSLCertVerificationError as exc:
            raise MailboxError(f"{where}: the server's TLS certificate could not be verified "
                               f"({exc.verify_message}). If it uses a private CA, set cafile.") from None
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{where}: can't connect: {_reason(exc)}.") from None
        try:
            if isinstance(secret, AccessToken):
                _oauth2_login(client, account, secret.value, where)
            else:
                client.login(account.username, secret)
        except IMAPLoginError as exc:
            _quietly(client.shutdown)
            oauth2 = isinstance(secret, AccessToken)
            raise LoginError(_refused(account, where, _reason(exc), oauth2=oauth2)) from None
        except LoginError:
            _quietly(client.shutdown)
            raise
        except (OSError, IMAPClientError) as exc:
            _quietly(client.shutdown)
            raise MailboxError(f"{where}: login failed: {_reason(exc)}.") from None
        log.debug("%s: logged in", where)
        return cls(account, client)

    def __enter__(self) -> "ImapMailbox":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        _quietly(self.client.logout)

    # -- reading -----------------------------------------------------------------

    def open_folder(self, folder: str) -> FolderState:
        info = self._call(f"open folder {folder!r}", self.client.select_folder, folder, readonly=True)
        self.selected = folder
        return FolderState(int(info[b"UIDVALIDITY"]), int(info.get(b"UIDNEXT", 1)))

    def new_uids(self, after_uid: int, since: datetime) -> list[int]:
        # SINCE compares dates only, in the server's time zone: widen it by a day and let the
        # caller compare INTERNALDATE exactly.
        day = (since - timedelta(days=1)).date()
        found = self._call("search", self.client.search, ["UID", f"{after_uid + 1}:*", "SINCE", day])
        return sorted(uid for uid in found if uid > after_uid)  # "N:*" also matches the last UID

    def fetch(self, uids: Sequence[int]) -> Iterator[Fetched]:
        for start in range(0, len(uids), FETCH_BATCH):
            batch = list(uids[start:start + FETCH_BATCH])
            data = self._call("fetch", self.client.fetch, batch, ["BODY.PEEK[]", "INTERNALDATE"])
            for uid in batch:
                item = data.get(uid)
                if item is None or b"BODY[]" not in item:
                    log.info("%s: uid %s vanished before it could be read", self.account.name, uid)
                    continue
                yield Fetched(uid, item[b"BODY[]"], item.get(b"INTERNALDATE"))

    # -- drafts ------------------------------------------------------------------

    def resolve_drafts(self, configured: str) -> str:
        listed = self._call("list folders", self.client.list_folders)
        folders = [([f.decode("ascii", "replace") for f in flags], name) for flags, _, name in listed]
        chosen = pick_drafts_folder(folders, configured)
        if chosen is None:
            names = ", ".join(sorted(name for _, name in folders))
            what = f"the folder {configured!r}" if configured != "auto" else "a Drafts folder"
            raise FolderError(f"account {self.account.name!r}: can't find {what}; the server has: {names}. "
                              f"Set drafts_folder to one of them.")
        return chosen

    def find_draft(self, drafts: str, message_id: str) -> int | None:
        previous = self.selected
        self._call(f"open folder {drafts!r}", self.client.select_folder, drafts, readonly=True)
        self.selected = drafts
        try:
            found = self._call("search drafts", self.client.search, ["HEADER", "Message-ID", message_id])
        finally:
            if previous and previous != drafts:
                self.open_folder(previous)
        return min(found) if found else None

    def append_draft(self, drafts: str, raw: bytes, when: datetime) -> int | None:
        response = self._call(f"append to {drafts!r}", self.client.append, drafts, raw,
                              flags=(imapclient.DRAFT, imapclient.SEEN), msg_time=when)
        match = re.search(rb"APPENDUID \d+ (\d+)", response or b"")
        return int(match.group(1)) if match else None

    # -- helpers -----------------------------------------------------------------

    def _call(self, what: str, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return func(*args, **kwargs)
        except (OSError, IMAPClientError) as exc:
            text = _reason(exc)
            error = FolderError if "TRYCREATE" in text or "doesn't exist" in text.lower() else MailboxError
            raise error(f"account {self.account.name!r}: {what} failed: {text}.") from None


def _oauth2_login(client: imapclient.IMAPClient, account: Account, token: str, where: str) -> None:
    mechanism = account.oauth_mechanism.upper()
    offered = [c.decode("ascii", "replace") for c in client.capabilities() if c.upper().startswith(b"AUTH=")]
    names = {c.upper() for c in offered}
    if f"AUTH={mechanism}" not in names:
        other = "OAUTHBEARER" if mechanism == "XOAUTH2" else "XOAUTH2"
        advice = (f'set oauth_mechanism = "{other.lower()}"' if f"AUTH={other}" in names
                  else 'it takes no OAuth2 token; use auth = "password"')
        raise LoginError(f"{where}: the server does not offer AUTH={mechanism} (it offers "
                         f"{', '.join(offered) or 'no SASL mechanism'}); {advice}.")
    if mechanism == "OAUTHBEARER":
        client.oauthbearer_login(account.username, token)
    else:
        client.oauth2_login(account.username, token)


def _refused(account: Account, where: str, reason: str, *, oauth2: bool) -> str:
    reason = reason.rstrip(".")                 # "Authentication failed." + ". Check ..."
    if oauth2:
        return (f"{where}: the server refused the OAuth2 access token for {account.username!r} "
                f"({account.oauth_mechanism.upper()}): {reason}. Check that username is the mailbox the "
                f"token was issued for and that the client may use IMAP; `replydraft auth oauth "
                f"{account.name}` authorises again.")
    return (f"{where}: the server refused the login for {account.username!r}: {reason}. Check the password "
            f"(`replydraft auth set {account.name}`, password_env or password_command).")


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, bytes):
        text = exc.decode("utf-8", "replace")
    text = text.strip().removeprefix("b'").removeprefix('b"').rstrip("'\"")
    return text or type(exc).__name__


def _quietly(func) -> None:  # type: ignore[no-untyped-def]
    try:
        func()
    except Exception:  # closing a broken connection may fail in many ways; nothing to do
        pass
