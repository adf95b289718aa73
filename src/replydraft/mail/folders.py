"""Which folder is Drafts, and which is Sent: by SPECIAL-USE flag, else by a well-known name."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["WELL_KNOWN_DRAFTS", "WELL_KNOWN_SENT", "pick_drafts_folder", "pick_sent_folder"]

# Drafts folders by name, for servers without SPECIAL-USE (compared case-insensitively,
# also as the last component under a namespace prefix such as "INBOX.").
WELL_KNOWN_DRAFTS = (
    "Drafts", "Draft", "[Gmail]/Drafts", "[Google Mail]/Drafts", "Entwürfe", "Brouillons",
    "Borradores", "Bozze", "Concepten", "Rascunhos", "Utkast", "Kladder", "Luonnokset",
    "Wersje robocze", "Черновики",
)
WELL_KNOWN_SENT = ("Sent", "Sent Items", "Sent Messages", "Sent Mail", "[Gmail]/Sent Mail", "[Google Mail]/Sent Mail",
                   "Gesendet", "Gesendete Elemente", "Envoyés", "Éléments envoyés", "Enviados", "Inviata",
                   "Verzonden", "Skickat", "Отправленные")


def pick_drafts_folder(folders: Sequence[tuple[Sequence[str], str]], configured: str = "auto") -> str | None:
    """Choose Drafts from ``(flags, name)`` pairs: configured name, else ``\\Drafts``, else a known name."""
    return _pick_folder(folders, configured, "\\drafts", WELL_KNOWN_DRAFTS)


def pick_sent_folder(folders: Sequence[tuple[Sequence[str], str]]) -> str | None:
    return _pick_folder(folders, "auto", "\\sent", WELL_KNOWN_SENT)


def _pick_folder(folders: Sequence[tuple[Sequence[str], str]], configured: str, flag: str,
                 known_names: Sequence[str]) -> str | None:
    names = [name for _, name in folders]
    if configured != "auto":
        return configured if configured in names else None
    for flags, name in folders:
        if any(f.lower() == flag for f in flags):   # Cyrus sends flags in lower case
            return name
    by_lower = {n.lower(): n for n in names}
    for known in known_names:
        for name_lower, name in by_lower.items():
            if name_lower == known.lower() or re.split(r"[./]", name_lower)[-1] == known.lower():
                return name
    return None
