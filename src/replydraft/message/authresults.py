"""Did the receiving server find that DMARC failed for the From domain? (RFC 8601)

Pure. Every server on the way may add an ``Authentication-Results`` header, and the sender
may write any it likes, so only the receiving server's are read: each server adds its
headers on top, so the topmost one is the receiving server's, and its ``authserv-id`` names
the others it added (Microsoft 365 writes none: then every header without one). Only a
failure is acted on, so a forged header can make a message look worse, never better.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["dmarc_failed", "results"]

_METHOD = re.compile(r"([a-z0-9_-]+)(?:/[0-9]+)?\s*=\s*([a-z0-9_-]+)", re.IGNORECASE)
_DMARC_FAIL = re.compile(r"dmarc\s*=\s*fail", re.IGNORECASE)
_HEADER_FROM = re.compile(r"(?:^|\s)header\s*\.\s*from\s*=\s*\"?([^\s\";]+)", re.IGNORECASE)


def dmarc_failed(headers: Sequence[str], from_domain: str) -> bool:
    """Whether the receiving server's headers (``headers``: every Authentication-Results
    value, topmost first) say ``dmarc=fail`` for ``from_domain``. A result without
    ``header.from`` is about the From domain too: DMARC has no other."""
    if not from_domain or not any(_DMARC_FAIL.search(value) for value in headers):
        return False             # nearly all mail: no header to take apart
    parsed = [results(value) for value in headers]
    trusted = parsed[0][0]
    domain = from_domain.lower()
    return any(method == "dmarc" and result == "fail" and (not about or about == domain)
               for server, found in parsed if server == trusted
               for method, result, about in found)


def results(value: str) -> tuple[str, list[tuple[str, str, str]]]:
    """(authserv-id, [(method, result, header.from domain or "")]) of one header value,
    all in lower case; the authserv-id is "" when the header has none (Microsoft 365)."""
    parts = _split(_without_comments(value))
    first = parts[0].split()
    server = "" if not first or _METHOD.match(first[0]) else first[0].lower()
    found = []
    for part in parts[0 if not server else 1:]:
        method = _METHOD.match(part.strip())
        if method:
            about = _HEADER_FROM.search(part)
            domain = about.group(1).rpartition("@")[2].lower() if about else ""
            found.append((method.group(1).lower(), method.group(2).lower(), domain))
    return server, found


def _without_comments(value: str) -> str:
    """The value with its (nested) comments removed; quoted strings kept as they are."""
    out, depth, quoted, escaped = [], 0, False, False
    for char in value:
        if escaped:
            escaped = False
            if depth == 0:
                out.append(char)
            continue
        if char == "\\":
            escaped = True
        elif quoted:
            quoted = char != '"'
        elif char == "(":
            depth += 1
            continue
        elif char == ")" and depth:
            depth -= 1
            continue
        elif char == '"' and depth == 0:
            quoted = True
        if depth == 0:
            out.append(char)
    return "".join(out)


def _split(value: str) -> list[str]:
    """The value split at the semicolons outside quoted strings."""
    parts, start, quoted = [], 0, False
    for i, char in enumerate(value):
        if char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            parts.append(value[start:i])
            start = i + 1
    return [*parts, value[start:]]
