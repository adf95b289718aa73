"""The TOML config file -> frozen dataclasses, validated on load.

``parse`` is pure and reports every problem at once, each with its key path
(``accounts[0].port: expected an integer, got "993a"``). ``load`` reads the file.
Relative paths in the file are relative to the file's own folder, not the CWD.
"""

from __future__ import annotations

import difflib
import email.errors
import email.headerregistry
import email.utils
import ipaddress
import re
import tomllib
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from replydraft.auth.oauth import MECHANISMS, PROVIDERS
from replydraft.detection.catalog import RULE_SIGNALS, RuleSpec
from replydraft.detection.settings import DEFAULT_THRESHOLD, SIGNALS, DetectorSettings, Scope
from replydraft.errors import ConfigError, RuleError
from replydraft.reply.formatting import check_currency, check_locale
from replydraft.reply.voice import PolicyRule, RepeatOffender

__all__ = ["Account", "Config", "LedgerSettings", "Policy", "TeachingSettings", "load", "parse", "parse_duration"]

TLS_MODES = ("ssl", "starttls", "none")
REPLY_TO_MODES = ("from-domain", "reply-to")    # [policy] reply_to: see draft.recipient
WATCH_MODES = ("poll", "idle")
DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "none": 143}
AUTH_MODES = ("password", "oauth2")
# Where an error sends you for the options: a file `init` writes beside yours, never over it.
EVERY_OPTION = "`replydraft init example.toml` writes every option with its default and a comment."


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    host: str
    username: str
    from_address: str
    port: int = 993
    tls: str = "ssl"
    cafile: Path | None = None          # extra CA bundle for a self-hosted server
    password_env: str | None = None
    password_command: str | None = None
    auth: str = "password"              # "password" | "oauth2"
    # auth = "oauth2" only. URLs, scope and mechanism are filled in from the provider on load.
    oauth_provider: str | None = None   # "google" | "microsoft" | "custom"
    oauth_client_id: str | None = None
    oauth_client_secret_env: str | None = None
    oauth_client_secret_command: str | None = None
    oauth_tenant: str | None = None     # microsoft: "common" (default), "organizations", a tenant id or domain
    oauth_token_url: str | None = None
    oauth_auth_url: str | None = None   # for `replydraft auth oauth`
    oauth_scope: str = ""
    oauth_mechanism: str = "xoauth2"    # "xoauth2" | "oauthbearer"
    oauth_refresh_token_env: str | None = None      # instead of the keyring
    oauth_refresh_token_command: str | None = None  # instead of the keyring
    folders: tuple[str, ...] = ("INBOX",)
    drafts_folder: str = "auto"
    drafts_unread: bool = True          # drafts APPENDed without \Seen, so Drafts shows how many wait for review
    flag_needs_person: bool = False     # \Flagged on a message that needs a person (a safety matter): no draft
    poll_interval: float = 120.0        # seconds
    lookback: float = 7 * 86400.0       # seconds
    timeout: float = 60.0               # seconds, for every socket operation
    mode: str = "poll"                  # "poll" every poll_interval, or "idle": IMAP IDLE push where offered
    retry_max: float = 900.0            # seconds: the longest wait between retries after failures
    # Per-folder (mode, poll_interval) for folders given as tables: [[accounts.folders]].
    folder_overrides: Mapping[str, tuple[str, float]] = field(default_factory=dict)

    def watch(self, folder: str) -> tuple[str, float]:
        """How ``folder`` is watched: (mode, poll_interval in seconds)."""
        return self.folder_overrides.get(folder, (self.mode, self.poll_interval))

    @property
    def domain(self) -> str:
        return self.from_address.rpartition("@")[2].rstrip(">").strip().lower()

    @property
    def uses_oauth2(self) -> bool:
        return self.auth == "oauth2"


@dataclass(frozen=True, slots=True)
class Policy:
    company: str = "Our company"
    sender_name: str = ""
    signature: str = ""
    phone: str = ""
    escalation_contact: str = ""
    terms_url: str = ""
    payment_link: str = ""
    business_hours: str = ""
    response_time: str = ""             # when a customer hears back, e.g. "two working days"; "" promises no time
    data_request_time: str = "one month"   # the legal time to answer a data-protection request (GDPR: one month)
    locale: str = "en_US"               # how dates and amounts are written in replies
    currency: str = "USD"               # for ledger rows that name no currency
    scope: Scope = field(default_factory=Scope)   # [policy.scope]: what the agreement includes and excludes
    tiers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)   # [policy.tiers]: tier -> senders
    rules: tuple[PolicyRule, ...] = ()  # [[policy.rules]]: tone and templates by sender or tier
    repeat_offender: RepeatOffender | None = field(default_factory=RepeatOffender)   # None: never switch tone
    reply_to: str = "from-domain"       # a Reply-To in another domain than From: "from-domain" | "reply-to"


@dataclass(frozen=True, slots=True)
class LedgerSettings:
    path: Path                          # CSV export of open invoices (see reply/ledger.py)
    grace_days: int = 0                 # days after the due date before an invoice counts as overdue
    date_format: str | None = None      # strptime format of due dates; default: ISO and common forms


@dataclass(frozen=True, slots=True)
class TeachingSettings:
    """``[teaching]``: the folders a person moves mail into to teach replydraft (see app/teaching.py).
    Names are written with "/" between levels; the server's own separator and namespace are used."""
    enabled: bool = True
    missed_folder: str = "replydraft/missed"                 # a missed escalation (a subfolder per signal)
    not_escalation_folder: str = "replydraft/not-escalation"  # a message wrongly taken for one
    retrain: bool = True         # train the company's model again after a pass that changed what was taught


@dataclass(frozen=True, slots=True)
class Config:
    source: Path                        # the file it came from ("<memory>" in tests)
    state_path: Path                    # the SQLite file; its folder also holds the cache and the company model
    policy: Policy
    accounts: tuple[Account, ...]
    templates_dir: Path | None = None
    signal_templates: Mapping[str, str] = field(default_factory=dict)   # [templates.signals]
    detector: DetectorSettings = field(default_factory=DetectorSettings)
    ledger: LedgerSettings | None = None
    store_excerpts: bool = False        # [state] store_excerpts: keep the start of each customer's text
    teaching: TeachingSettings = field(default_factory=TeachingSettings)
    state_url: str = ""                 # [state] url: a PostgreSQL database in place of the SQLite file
    lease: float = 60.0                 # [state] lease: a dead daemon's folders are taken over after this
    accounts_dir: Path | None = None    # more [[accounts]], one or more per *.toml file in this folder

    @property
    def model_path(self) -> Path:
        """The company's own scorer, if `replydraft teaching train` wrote one (beside the state database)."""
        return self.state_path.parent / "model.json"

    @property
    def cache_dir(self) -> Path:
        """Where compiled rules are kept between starts (beside the state database)."""
        return self.state_path.parent / "cache"

    def account(self, name: str) -> Account:
        for account in self.accounts:
            if account.name == name:
                return account
        names = ", ".join(a.name for a in self.accounts) or "none"
        raise ConfigError(f"{self.source}: no account named {name!r} (accounts: {names}).")


# -- durations -----------------------------------------------------------------------

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])")


def parse_duration(value: str | int | float) -> float:
    """Seconds from ``90``, ``"30s"``, ``"2m"``, ``"1h30m"``, ``"7d"``; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError("expected a duration such as \"2m\" or \"7d\"")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        text = value.strip().lower().replace(" ", "")
        parts = _DURATION.findall(text)
        if not parts or "".join(n + u for n, u in parts) != text:
            raise ValueError(f"expected a duration such as \"30s\", \"2m\", \"1h\" or \"7d\", got {value!r}")
        seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"expected a positive duration, got {value!r}")
    return seconds


# -- the walker ----------------------------------------------------------------------


class _Problems:
    """Collects every problem with its key path, then raises one ConfigError."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(f"{path}: {message}" if path else message)

    def raise_if_any(self) -> None:
        if self.items:
            head = f"{self.source}: invalid configuration"
            lines = "\n".join(f"  - {item}" for item in self.items)
            raise ConfigError(f"{head}:\n{lines}\n{EVERY_OPTION}")


_TYPE_NAMES = {str: "a string", int: "an integer", bool: "true or false", list: "a list", dict: "a table"}


def _section(data: Any, path: str, known: set[str], problems: _Problems) -> dict[str, Any]:
    if not isinstance(data, dict):
        problems.add(path, f"expected a table, got {_show(data)}")
        return {}
    for key in data:
        if key not in known:
            hint = difflib.get_close_matches(key, sorted(known), n=1)
            suggestion = f' (did you mean "{hint[0]}"?)' if hint else ""
            problems.add(_join(path, key), f"unknown key{suggestion}")
    return data


def _get(data: dict[str, Any], key: str, kind: type, path: str, problems: _Problems,
         default: Any = None, required: bool = False) -> Any:
    if key not in data:
        if required:
            problems.add(_join(path, key), "missing value (this key is required)")
        return default
    value = data[key]
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if not ok:
        problems.add(_join(path, key), f"expected {_TYPE_NAMES.get(kind, kind.__name__)}, got {_show(value)}")
        return default
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _converted(value: Any, convert: Callable[[Any], Any], path: str, problems: _Problems, default: Any) -> Any:
    try:
        return convert(value)
    except ValueError as exc:
        problems.add(path, str(exc))
        return default


# -- sections ------------------------------------------------------------------------

_OAUTH_TEXT_KEYS = (
    "oauth_provider", "oauth_client_id", "oauth_client_secret_env", "oauth_client_secret_command",
    "oauth_tenant", "oauth_token_url", "oauth_auth_url", "oauth_scope", "oauth_mechanism",
    "oauth_refresh_token_env", "oauth_refresh_token_command",
)
_ACCOUNT_KEYS = {
    "name", "host", "port", "tls", "cafile", "username", "password_env", "password_command",
    "folders", "drafts_folder", "drafts_unread", "flag_needs_person", "poll_interval", "lookback", "timeout",
    "from_address", "mode", "retry_max", "auth",
    *_OAUTH_TEXT_KEYS,
}
# Secrets people may try to write into the file, and where they go instead.
_SECRET_KEYS = {
    "password": "passwords don't belong in the config file; use `replydraft auth set <account>` "
                "(keyring), password_env or password_command",
    "oauth_client_secret": "client secrets don't belong in the config file; use oauth_client_secret_env "
                           "or oauth_client_secret_command",
    "oauth_refresh_token": "refresh tokens don't belong in the config file; use `replydraft auth oauth "
                           "<account>` (keyring), oauth_refresh_token_env or oauth_refresh_token_command",
    "oauth_access_token": "access tokens are fetched and renewed by replydraft; set up the account with "
                          "`replydraft auth oauth <account>`",
}


def _account(data: Any, path: str, base: Path, problems: _Problems) -> Account | None:
    before = len(problems.items)
    d = _section(data, path, _ACCOUNT_KEYS | set(_SECRET_KEYS), problems)
    for key, advice in _SECRET_KEYS.items():
        if key in d:
            problems.add(_join(path, key), advice)
    name = _get(d, "name", str, path, problems, required=True)
    host = _get(d, "host", str, path, problems, required=True)
    username = _get(d, "username", str, path, problems, required=True)
    from_address = _get(d, "from_address", str, path, problems, required=True)
    if from_address is not None:
        from_address = _converted(from_address, _check_address, _join(path, "from_address"), problems, None)
    tls = _get(d, "tls", str, path, problems, default="ssl")
    if tls not in TLS_MODES:
        problems.add(_join(path, "tls"), f'expected one of "ssl", "starttls", "none", got {_show(tls)}')
        tls = "ssl"
    elif tls == "none" and host is not None and not _is_loopback(host):
        problems.add(_join(path, "tls"), f'"none" sends the password in clear text and is only allowed '
                     f'for a loopback host, not {host!r}; use "ssl" or "starttls"')
    port = _get(d, "port", int, path, problems, default=DEFAULT_PORTS[tls])
    if not 0 < port < 65536:
        problems.add(_join(path, "port"), f"expected a port number 1-65535, got {port}")
    folders = _get(d, "folders", list, path, problems, default=["INBOX"])
    if not folders:
        problems.add(_join(path, "folders"), "expected a non-empty list of folder names")
        folders = ["INBOX"]
    mode = _get(d, "mode", str, path, problems, default="poll")
    if mode not in WATCH_MODES:
        problems.add(_join(path, "mode"), f'expected "poll" or "idle", got {_show(mode)}')
        mode = "poll"
    password_env = _get(d, "password_env", str, path, problems)
    password_command = _get(d, "password_command", str, path, problems)
    if password_env and password_command:
        problems.add(path, "set either password_env or password_command, not both")
    oauth = _oauth(d, path, problems)
    cafile = _get(d, "cafile", str, path, problems)
    durations: dict[str, Any] = {key: _duration(d, key, default, path, problems)
                 for key, default in (("poll_interval", "2m"), ("lookback", "7d"), ("timeout", "60s"),
                                      ("retry_max", "15m"))}
    names, overrides = _folders(folders, _join(path, "folders"), mode, durations["poll_interval"], problems)
    if len(problems.items) > before:
        return None
    return Account(
        name=name, host=host, username=username, from_address=from_address, port=port, tls=tls,
        cafile=(base / cafile) if cafile else None,
        password_env=password_env, password_command=password_command, **oauth,
        folders=names, drafts_folder=_get(d, "drafts_folder", str, path, problems, default="auto"),
        drafts_unread=_get(d, "drafts_unread", bool, path, problems, default=True),
        flag_needs_person=_get(d, "flag_needs_person", bool, path, problems, default=False),
        mode=mode, folder_overrides=overrides, **durations,
    )


def _duration(d: dict[str, Any], key: str, default: str | float, path: str, problems: _Problems) -> float:
    raw = d.get(key, default)
    if not isinstance(raw, (str, int, float)) or isinstance(raw, bool):
        problems.add(_join(path, key), f'expected a duration such as "2m", got {_show(raw)}')
        raw = default
    return float(_converted(raw, parse_duration, _join(path, key), problems, parse_duration(default)))


def _folders(items: list[Any], path: str, mode: str, interval: float,
             problems: _Problems) -> tuple[tuple[str, ...], dict[str, tuple[str, float]]]:
    """Folder names, and (mode, poll_interval) for those given as {name, mode, poll_interval} tables."""
    names: list[str] = []
    overrides: dict[str, tuple[str, float]] = {}
    for i, item in enumerate(items):
        where = f"{path}[{i}]"
        if isinstance(item, str) and item:
            names.append(item)
            continue
        if not isinstance(item, dict):
            problems.add(where, f'expected a folder name or a table such as {{ name = "Support", mode = "idle" }}, '
                                f"got {_show(item)}")
            continue
        t = _section(item, where, {"name", "mode", "poll_interval"}, problems)
        name = _get(t, "name", str, where, problems, required=True)
        folder_mode = _get(t, "mode", str, where, problems, default=mode)
        if folder_mode not in WATCH_MODES:
            problems.add(_join(where, "mode"), f'expected "poll" or "idle", got {_show(folder_mode)}')
        if name:
            names.append(name)
            overrides[name] = (folder_mode, _duration(t, "poll_interval", interval, where, problems))
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.add(path, f"the folder {dup!r} is listed more than once")
    return tuple(names), overrides


def _oauth(d: dict[str, Any], path: str, problems: _Problems) -> dict[str, Any]:
    """The auth and oauth_* keys -> Account fields, with the provider's URLs, scope and mechanism."""
    auth = _get(d, "auth", str, path, problems, default="password")
    if auth not in AUTH_MODES:
        problems.add(_join(path, "auth"), f'expected "password" or "oauth2", got {_show(auth)}')
        return {}
    given = {key: _get(d, key, str, path, problems) for key in _OAUTH_TEXT_KEYS if key in d}
    if auth == "password":
        for key in given:
            problems.add(_join(path, key), 'only used with auth = "oauth2"')
        return {}
    for key in ("password_env", "password_command"):
        if key in d:
            problems.add(_join(path, key), 'an auth = "oauth2" account has no password; its refresh token '
                         "comes from the keyring (`replydraft auth oauth <account>`), "
                         "oauth_refresh_token_env or oauth_refresh_token_command")
    fields: dict[str, Any] = {"auth": auth, **{k: v for k, v in given.items() if v is not None}}
    for key in ("oauth_provider", "oauth_client_id"):
        if key not in d:
            problems.add(_join(path, key), 'missing value (needed with auth = "oauth2")')
        elif key in fields and not fields[key].strip():
            problems.add(_join(path, key), "expected a non-empty string")
    name = fields.get("oauth_provider")
    provider = PROVIDERS.get(name or "")
    if name and provider is None:
        problems.add(_join(path, "oauth_provider"), f'expected "google", "microsoft" or "custom", got {_show(name)}')
    if provider is None:
        return fields
    for first, second in (("oauth_client_secret_env", "oauth_client_secret_command"),
                          ("oauth_refresh_token_env", "oauth_refresh_token_command")):
        if fields.get(first) and fields.get(second):
            problems.add(path, f"set either {first} or {second}, not both")
    fields.update(_oauth_endpoints(fields, name or "", path, problems))
    mechanism = fields.setdefault("oauth_mechanism", provider.mechanism)
    if mechanism not in MECHANISMS:
        problems.add(_join(path, "oauth_mechanism"), f'expected "xoauth2" or "oauthbearer", got {_show(mechanism)}')
    fields.setdefault("oauth_scope", provider.scope)
    return fields


_TENANT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]*")


def _oauth_endpoints(fields: dict[str, Any], name: str, path: str, problems: _Problems) -> dict[str, Any]:
    """Token and authorization URLs: the provider's (Microsoft's per tenant), or given for "custom"."""
    provider = PROVIDERS[name]
    tenant = fields.get("oauth_tenant")
    if tenant is not None and name != "microsoft":
        problems.add(_join(path, "oauth_tenant"), 'only used with oauth_provider = "microsoft"')
    if name != "custom":
        for key in ("oauth_token_url", "oauth_auth_url"):
            if key in fields:
                problems.add(_join(path, key), 'set by the provider; use oauth_provider = "custom" '
                             "to give your own endpoints")
        tenant = tenant or "common"
        if not _TENANT.fullmatch(tenant):
            problems.add(_join(path, "oauth_tenant"), f'expected "common", "organizations", a tenant id '
                         f"or a domain, got {_show(tenant)}")
        assert provider.token_url and provider.auth_url
        return {"oauth_token_url": provider.token_url.format(tenant=tenant),
                "oauth_auth_url": provider.auth_url.format(tenant=tenant),
                **({"oauth_tenant": tenant} if name == "microsoft" else {})}
    if "oauth_token_url" not in fields:
        problems.add(_join(path, "oauth_token_url"), 'missing value (needed with oauth_provider = "custom")')
    for key in ("oauth_token_url", "oauth_auth_url"):
        if key in fields:
            _converted(fields[key], _check_endpoint, _join(path, key), problems, None)
    return {}


def _check_endpoint(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url
    if parts.scheme == "http" and parts.hostname and _is_loopback(parts.hostname):
        return url
    raise ValueError(f'expected an https:// URL (http:// only on a loopback host), got "{url}"')


def _check_address(value: str) -> str:
    try:
        parsed = email.headerregistry.Address(addr_spec=email.utils.parseaddr(value)[1])
    except (ValueError, IndexError, email.errors.HeaderParseError):
        parsed = None
    if parsed is None or not parsed.domain or any(c in value for c in "\r\n"):
        raise ValueError(f'expected an address such as "Acme Support <support@acme.test>", got "{value}"')
    return value.strip()


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_POLICY_TEXT_KEYS = ("company", "sender_name", "signature", "phone", "escalation_contact", "terms_url",
                     "payment_link", "business_hours", "response_time", "data_request_time")
_POLICY_TABLES = {"scope", "tiers", "rules", "repeat_offender"}


def _policy(data: Any, problems: _Problems) -> Policy:
    d = _section(data, "policy", {*_POLICY_TEXT_KEYS, "locale", "currency", "reply_to"} | _POLICY_TABLES, problems)
    values: dict[str, Any] = {key: _get(d, key, str, "policy", problems) for key in _POLICY_TEXT_KEYS if key in d}
    if isinstance(values.get("data_request_time"), str) and not values["data_request_time"].strip():
        problems.add("policy.data_request_time", 'expected the legal time to answer a data request, e.g. "one month" '
                     '(GDPR) or "45 days" (CCPA); a draft states it, so it cannot be empty')
    if "reply_to" in d and (reply_to := _get(d, "reply_to", str, "policy", problems)) is not None:
        if reply_to in REPLY_TO_MODES:
            values["reply_to"] = reply_to
        else:
            problems.add("policy.reply_to", f'expected "from-domain" (reply to the sender\'s domain) or '
                         f'"reply-to" (follow Reply-To anywhere), got {_show(reply_to)}')
    for key, check in (("locale", check_locale), ("currency", check_currency)):
        if key in d and (raw := _get(d, key, str, "policy", problems)) is not None:
            values[key] = _converted(raw, check, f"policy.{key}", problems, None)
    scope = _section(d.get("scope", {}), "policy.scope", {"included", "excluded"}, problems)
    included, excluded = (tuple(_strings(scope, key, "policy.scope", problems)) for key in ("included", "excluded"))
    tiers = _tiers(d.get("tiers", {}), problems)
    raw_rules = d.get("rules", [])
    if not isinstance(raw_rules, list):
        problems.add("policy.rules", "expected [[policy.rules]] tables")
        raw_rules = []
    rules = [_rule(r, f"policy.rules[{i}]", set(tiers), problems) for i, r in enumerate(raw_rules)]
    return Policy(**{k: v for k, v in values.items() if v is not None}, scope=Scope(included, excluded),
                  tiers=tiers, rules=tuple(r for r in rules if r),
                  repeat_offender=_repeat_offender(d.get("repeat_offender", {}), problems))


def _senders(data: dict[str, Any], key: str, path: str, problems: _Problems) -> tuple[str, ...]:
    """Addresses or "@domain"s, lower-cased; each bad one reported with its index."""
    good = []
    for i, item in enumerate(_strings(data, key, path, problems)):
        value = item.strip().lower()
        if value.count("@") != 1 or value.endswith("@") or " " in value:
            problems.add(f"{_join(path, key)}[{i}]", f'expected an address or "@domain", got {_show(item)}')
        else:
            good.append(value)
    return tuple(good)


def _tiers(data: Any, problems: _Problems) -> dict[str, tuple[str, ...]]:
    d = _section(data, "policy.tiers", set(data) if isinstance(data, dict) else set(), problems)
    return {name: _senders(d, name, "policy.tiers", problems) for name in d}


_RULE_KEYS = {"name", "senders", "tiers", "signals", "tone", "templates"}


def _rule(data: Any, path: str, tiers: set[str], problems: _Problems) -> PolicyRule | None:
    before = len(problems.items)
    d = _section(data, path, _RULE_KEYS, problems)
    name = _get(d, "name", str, path, problems, default=path)
    senders = _senders(d, "senders", path, problems)
    rule_tiers = tuple(_strings(d, "tiers", path, problems))
    for i, tier in enumerate(rule_tiers):
        if tier not in tiers:
            problems.add(f"{path}.tiers[{i}]", f"no tier {tier!r} in [policy.tiers]"
                         + (f" (tiers: {', '.join(sorted(tiers))})" if tiers else ""))
    signals = tuple(_strings(d, "signals", path, problems))
    for i, signal in enumerate(signals):
        if signal not in SIGNALS:
            problems.add(f"{path}.signals[{i}]", f"unknown signal {signal!r}; use one of {', '.join(SIGNALS)}")
    tone = _get(d, "tone", str, path, problems)
    templates = _signal_templates(d.get("templates", {}), f"{path}.templates", problems)
    if tone is None and not templates:
        problems.add(path, "a rule needs a tone or templates to choose; otherwise it changes nothing")
    if len(problems.items) > before:
        return None
    return PolicyRule(name=name, senders=senders, tiers=rule_tiers, signals=signals, tone=tone,
                      templates=templates)


def _signal_templates(data: Any, path: str, problems: _Problems) -> dict[str, str]:
    """signal -> template name (relative to the templates folder)."""
    d = _section(data, path, set(SIGNALS), problems)
    out: dict[str, str] = {}
    for signal in d:
        value = _get(d, signal, str, path, problems)
        if value is not None and signal in SIGNALS:
            if value.startswith("/") or ".." in Path(value).parts or not value.strip():
                problems.add(_join(path, signal), f'expected a template name inside the templates folder, such as '
                             f'"signals/{signal}-short.txt.j2", got {_show(value)}')
            else:
                out[signal] = value
    return out


def _repeat_offender(data: Any, problems: _Problems) -> RepeatOffender | None:
    path = "policy.repeat_offender"
    d = _section(data, path, {"incidents", "days", "tone"}, problems)
    default = RepeatOffender()
    incidents = _get(d, "incidents", int, path, problems, default=default.incidents)
    days = _get(d, "days", int, path, problems, default=default.days)
    tone = _get(d, "tone", str, path, problems, default=default.tone)
    if incidents < 0 or incidents == 1:
        problems.add(f"{path}.incidents", f"expected 2 or more (or 0 to switch this off), got {incidents}")
    if days < 1:
        problems.add(f"{path}.days", f"expected 1 or more days, got {days}")
    return RepeatOffender(incidents, days, tone) if incidents >= 2 else None


def _strings(data: dict[str, Any], key: str, path: str, problems: _Problems) -> list[str]:
    """A list of non-empty strings; each bad item is reported with its index."""
    items = _get(data, key, list, path, problems, default=[])
    good = []
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            problems.add(f"{_join(path, key)}[{i}]", f"expected a non-empty string, got {_show(item)}")
        else:
            good.append(item)
    return good


_SIGNAL_KEYS = {"enabled", "threshold", "model_threshold", "phrases", "patterns", "disable_rules", "rules"}


def _fraction(data: dict[str, Any], key: str, path: str, problems: _Problems, expected: str) -> float | None:
    """A number above 0 and at most 1, or None if not given or not that (reported)."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        problems.add(_join(path, key), f"expected {expected}, got {_show(value)}")
        return None
    return float(value)
_COMPANY_RULE_KEYS = {"id", "pattern", "weight", "examples", "not_examples"}


def _signals(data: Any, problems: _Problems) -> DetectorSettings:
    d = _section(data, "signals", set(SIGNALS), problems)
    thresholds: dict[str, float] = {}
    model_thresholds: dict[str, float] = {}
    disabled: set[str] = set()
    phrases: dict[str, tuple[str, ...]] = {}
    patterns: dict[str, tuple[str, ...]] = {}
    disabled_rules: set[str] = set()
    company_rules: list[RuleSpec] = []
    for name, table in d.items():
        if name not in SIGNALS:
            continue
        path = f"signals.{name}"
        t = _section(table, path, _SIGNAL_KEYS, problems)
        if not _get(t, "enabled", bool, path, problems, default=True):
            disabled.add(name)
        threshold = _fraction(t, "threshold", path, problems, "a number above 0 and at most 1")
        thresholds[name] = DEFAULT_THRESHOLD if threshold is None else threshold
        model_threshold = _fraction(t, "model_threshold", path, problems,
                                    f"the scorer's probability that raises {name}, a number above 0 and at "
                                    f"most 1 (higher: fewer, surer detections)")
        if model_threshold is not None:
            model_thresholds[name] = model_threshold
        phrases[name] = tuple(_strings(t, "phrases", path, problems))
        patterns[name] = tuple(_strings(t, "patterns", path, problems))
        company_rules += _company_rules(t, name, path, problems)
        for i, rule_id in enumerate(_strings(t, "disable_rules", path, problems)):
            if RULE_SIGNALS.get(rule_id) != name:
                hint = difflib.get_close_matches(rule_id, [r for r, s in RULE_SIGNALS.items() if s == name], n=1)
                problems.add(f"{path}.disable_rules[{i}]", f"{name} has no built-in rule {rule_id!r}"
                             + (f' (did you mean "{hint[0]}"?)' if hint else "; `replydraft rules` lists them"))
            else:
                disabled_rules.add(rule_id)
    settings = DetectorSettings(thresholds=thresholds, disabled=frozenset(disabled),
                                extra_phrases={k: v for k, v in phrases.items() if v},
                                extra_patterns={k: v for k, v in patterns.items() if v},
                                disabled_rules=frozenset(disabled_rules), model_thresholds=model_thresholds,
                                company_rules=tuple(company_rules))
    try:
        settings.check()
    except RuleError as exc:
        problems.add("signals", str(exc))
    return settings


def _company_rules(table: dict[str, Any], signal: str, path: str, problems: _Problems) -> list[RuleSpec]:
    """``[[signals.<signal>.rules]]``: the company's own rules, written as the built-in ones are (id,
    pattern, weight, examples, not_examples); a rule that can't be used is reported under its index."""
    found = []
    for i, item in enumerate(_get(table, "rules", list, path, problems, default=[])):
        at = f"{path}.rules[{i}]"
        d = _section(item, at, _COMPANY_RULE_KEYS, problems)
        if not isinstance(item, dict):
            continue
        rule_id = _get(d, "id", str, at, problems, required=True)
        pattern = _get(d, "pattern", str, at, problems, required=True)
        weight = d.get("weight", DetectorSettings().extra_weight)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 1:
            problems.add(_join(at, "weight"), f"expected a number above 0 and at most 1, got {_show(weight)}")
            continue
        examples, not_examples = _strings(d, "examples", at, problems), _strings(d, "not_examples", at, problems)
        if not rule_id or not pattern:
            continue
        spec = RuleSpec(rule_id, signal=signal, weight=float(weight), pattern=pattern, examples=tuple(examples),
                        not_examples=tuple(not_examples))
        try:
            DetectorSettings(company_rules=(spec,)).check()
        except RuleError as exc:
            problems.add(at, str(exc))
            continue
        found.append(spec)
    return found


def _ledger(data: Any, base: Path, problems: _Problems) -> LedgerSettings | None:
    d = _section(data, "ledger", {"path", "grace_days", "date_format"}, problems)
    if not d:
        return None
    path = _get(d, "path", str, "ledger", problems, required=True)
    grace = _get(d, "grace_days", int, "ledger", problems, default=0)
    if grace < 0:
        problems.add("ledger.grace_days", f"expected 0 or more days, got {grace}")
    date_format = _get(d, "date_format", str, "ledger", problems)
    return LedgerSettings(base / path, grace, date_format) if path else None


_FOLDER_NAME = re.compile(r"[^/\x00-\x1f\x7f*%]+(?:/[^/\x00-\x1f\x7f*%]+)*")


def _teaching(data: Any, problems: _Problems) -> TeachingSettings:
    """``[teaching]``: on or off, two folder names (levels separated by "/"), and whether to retrain."""
    d = _section(data, "teaching", {"enabled", "missed_folder", "not_escalation_folder", "retrain"}, problems)
    default = TeachingSettings()
    enabled = _get(d, "enabled", bool, "teaching", problems, default=True)
    retrain = _get(d, "retrain", bool, "teaching", problems, default=True)
    names = {}
    for key in ("missed_folder", "not_escalation_folder"):
        example = getattr(default, key)
        value = d.get(key, example)
        if not isinstance(value, str) or not _FOLDER_NAME.fullmatch(value.strip()) or value != value.strip():
            problems.add(f"teaching.{key}", f'expected a folder name with "/" between levels, such as '
                         f'{key} = "{example}" (no leading, trailing or double "/", no * or %), got {_show(value)}')
            value = example
        names[key] = value
    missed, calm = names["missed_folder"], names["not_escalation_folder"]
    if missed.lower() == calm.lower() or calm.lower().startswith(missed.lower() + "/") \
            or missed.lower().startswith(calm.lower() + "/"):
        problems.add("teaching", f'missed_folder ("{missed}") and not_escalation_folder ("{calm}") must be two '
                     f'folders, neither inside the other, such as "{default.missed_folder}" and '
                     f'"{default.not_escalation_folder}"')
    return TeachingSettings(enabled, missed, calm, retrain)


def _teaching_watched(teaching: TeachingSettings, accounts: list[Account | None], problems: _Problems) -> None:
    """A teaching folder is read, never answered: watching one would draft replies to taught mail."""
    if not teaching.enabled:
        return
    roots = (teaching.missed_folder.lower(), teaching.not_escalation_folder.lower())
    for account in filter(None, accounts):
        for folder in account.folders:
            name = re.sub(r"^inbox[./]", "", folder.lower()).replace(".", "/")
            if any(name == root or name.startswith(root + "/") for root in roots):
                problems.add(f"account {account.name!r}: folders", f'"{folder}" is a teaching folder ([teaching]); '
                             f"remove it from folders, or set [teaching] enabled = false")


_TOP_KEYS = {"accounts_dir", "state", "policy", "accounts", "templates", "detection", "signals", "ledger",
             "teaching"}


def parse(data: dict[str, Any], *, source: Path | str = "<memory>",
          account_files: Mapping[str, Any] | None = None) -> Config:
    """Validate a decoded TOML document; raises one ConfigError listing every problem.

    ``account_files``: the decoded files of ``accounts_dir`` by their names (``load`` reads them),
    each holding ``[[accounts]]`` tables as the main file does.
    """
    source_path = Path(source)
    base = source_path.parent if str(source) != "<memory>" else Path.cwd()
    problems = _Problems(str(source))
    top = _section(data, "", _TOP_KEYS, problems)
    accounts_dir = _get(top, "accounts_dir", str, "", problems)

    state = _section(top.get("state", {}), "state", {"path", "url", "store_excerpts", "lease"}, problems)
    state_path = base / _get(state, "path", str, "state", problems, default="replydraft.db")
    state_url = _state_url(state, problems)
    lease = _duration(state, "lease", "60s", "state", problems)
    if not 5 <= lease <= 3600:
        problems.add("state.lease", f"must be between 5s and 1h, not {lease:g}s: how long a dead daemon's folders "
                                    f"wait before another takes them over")
    store_excerpts = _get(state, "store_excerpts", bool, "state", problems, default=False)
    templates = _section(top.get("templates", {}), "templates", {"dir", "signals"}, problems)
    templates_dir = _get(templates, "dir", str, "templates", problems)
    signal_templates = _signal_templates(templates.get("signals", {}), "templates.signals", problems)
    policy = _policy(top.get("policy", {}), problems)
    detection = _section(top.get("detection", {}), "detection", {"model"}, problems)
    model = _get(detection, "model", bool, "detection", problems, default=True)
    detector = replace(_signals(top.get("signals", {}), problems), scope=policy.scope, model=model)
    ledger = _ledger(top.get("ledger", {}), base, problems)
    teaching = _teaching(top.get("teaching", {}), problems)

    accounts = _accounts(top, "", base, problems)
    for name, file in (account_files or {}).items():
        for key in sorted(set(file) - {"accounts"}):
            problems.add(f"{name}: {key}", "unknown key: a file of accounts_dir holds only [[accounts]] tables")
        accounts += _accounts(file, f"{name}: ", base / (accounts_dir or ""), problems)
    names = [a.name for a in accounts if a]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.add("accounts", f"the account name {dup!r} is used more than once")
    _teaching_watched(teaching, accounts, problems)
    problems.raise_if_any()
    return Config(
        source=source_path,
        state_path=state_path,
        policy=policy,
        accounts=tuple(a for a in accounts if a),
        templates_dir=(base / templates_dir) if templates_dir else None,
        signal_templates=signal_templates,
        detector=detector,
        ledger=ledger,
        store_excerpts=store_excerpts,
        teaching=teaching,
        state_url=state_url,
        lease=lease,
        accounts_dir=base / accounts_dir if accounts_dir else None,
    )


def _accounts(data: dict[str, Any], where: str, base: Path, problems: _Problems) -> list[Account | None]:
    """The ``[[accounts]]`` tables of one file; ``where`` names the file for an accounts_dir file."""
    raw = data.get("accounts", [])
    if not isinstance(raw, list):
        problems.add(f"{where}accounts", "expected [[accounts]] tables")
        return []
    return [_account(a, f"{where}accounts[{i}]", base, problems) for i, a in enumerate(raw)]


def _state_url(state: dict[str, Any], problems: _Problems) -> str:
    url = _get(state, "url", str, "state", problems, default="")
    if url and not url.startswith(("postgresql://", "postgres://")):
        problems.add("state.url", "must be a PostgreSQL URL, postgresql://USER@HOST:PORT/DATABASE (without it, the "
                                  "state is the SQLite file [state] path)")
    return str(url)


def load(path: Path | str) -> Config:
    """Read and validate a config file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        start = "replydraft init" + ("" if str(path) == "replydraft.toml" else f" {path}")
        raise ConfigError(f"{path}: no such config file. Run `{start}` to write a commented starter config "
                          f"(or try `replydraft demo`, which needs no config).") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: can't read the config file: {exc}.") from None
    data = _toml(path, text)
    folder = data.get("accounts_dir")
    files = {} if not isinstance(folder, str) else _account_files(path.parent / folder, path)
    return parse(data, source=path.resolve(), account_files=files)


def _toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}.") from None


def _account_files(folder: Path, config: Path) -> dict[str, Any]:
    """``accounts_dir``: every ``*.toml`` file in it, decoded, by name (sorted, so the order and
    any error are the same on every machine of a fleet)."""
    if not folder.is_dir():
        raise ConfigError(f"{config}: accounts_dir: {folder} is not a folder. Create it, or remove the key.")
    files = {}
    for file in sorted(folder.glob("*.toml")):
        try:
            files[file.name] = _toml(file, file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: can't read this accounts file: {exc}.") from None
    return files


def config_stamp(config: Config) -> tuple[tuple[str, int, int], ...]:
    """What a change to the config shows in: the file's and each accounts file's name, size and
    time. The daemon reloads when it changes (accounts added or removed without a restart)."""
    paths = [config.source]
    if config.accounts_dir is not None and config.accounts_dir.is_dir():
        paths += sorted(config.accounts_dir.glob("*.toml"))
    stamp = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamp)
