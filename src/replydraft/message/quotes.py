"""The customer's new text: quoted history, forwards, signatures and legal footers removed.

Pure. Reads the text line by line down to the first marker (attributions in several
languages, Outlook header blocks, forward separators, signatures, footers near the end)
and says in notes wherever it had to guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replydraft.message.headers import SPACES, clean_header

__all__ = ["new_text", "new_text_and_notes", "strip_history"]

MAX_LINES = 5000              # lines read for the new text (nobody writes more; keeps it fast)


#
# The text is read line by line down to the first marker of earlier mail or of a signature:
# an attribution ("On ... wrote:" and its translations, also wrapped over up to three
# lines), a forward or "Original Message" separator, an Outlook header block (From/Sent/
# Subject, localised, also *bold*), "-- " or a phone's "Sent from my ...". Above it, '>'
# lines are dropped and a legal footer near the end is cut.
#
# When nothing is left (a forward without a comment, an inline reply under the quote, a
# letter that starts with "From:/Subject:"), the text below the first history marker is
# read the same way, and a note says so. A message that only quotes earlier mail gets no
# new text (quoted mail is ours or was already handled) and a note.

_VERBS = r"wrote|schrieb|a\s+écrit|escribió|ha\s+scritto|schreef|escreveu|skrev"
_END_VERBS = ("wrote", "a écrit", "escribió", "ha scritto", "escreveu")   # nothing may follow these
_ATTRIBUTION = re.compile(rf"^(?P<pre>.*?)\b(?P<verb>{_VERBS})(?P<post>[^:]*?)\s*:\s*$", re.IGNORECASE)
_ATTRIBUTION_EVIDENCE = re.compile(r"@|\d{1,2}[:.h]\d{2}|\b(?:19|20)\d{2}\b")
_OPENER = re.compile(r"^(?:on|am|le|el|il|op|em|den|man|tir|ons|tor|fre|lør|søn)\.?\s", re.IGNORECASE)
_SIGNATURE = re.compile(r"""^(?:--\s*$
    | (?:sent\s+from\s+my|get\s+outlook\s+for|sent\s+from\s+(?:outlook|mail\s+for\s+windows|yahoo\s+mail)
      | von\s+meinem\s.{1,40}\sgesendet|gesendet\s+von\s+meinem|envoyé\s+(?:de|depuis)\s+mon
      | enviado\s+desde\s+mi|enviado\s+d[eo]\s+meu|inviato\s+da\s|verzonden\s+(?:vanaf|met)\s+mijn
      | verstuurd\s+vanaf\s+mijn|skickat\s+från\s+min|sendt\s+fra\s+min)\b.{0,40}$)""", re.IGNORECASE | re.VERBOSE)


_FORWARD = re.compile(r"""^(?:
      -{2,}\s*(?:forwarded\s+message|weitergeleitete\s+nachricht|message\s+transféré|mensaje\s+reenviado
        |messaggio\s+inoltrato|doorgestuurd\s+bericht|mensagem\s+encaminhada|vidarebefordrat\s+meddelande
        |videresendt\s+(?:meddelelse|melding))\s*-*
    | (?:begin\s+forwarded\s+message|anfang\s+der\s+weitergeleiteten\s+nachricht|début\s+du\s+message\s+réexpédié
        |inicio\s+del\s+mensaje\s+reenviado|inizio\s+messaggio\s+inoltrato|begin\s+doorgestuurd\s+bericht)\s*:
    )\s*$""", re.IGNORECASE | re.VERBOSE)


_ORIGINAL = re.compile(r"""^-{2,}\s*(?:original\s+message|ursprüngliche\s+nachricht|originalnachricht
    |message\s+d['’]origine|mensaje\s+original|messaggio\s+originale|oorspronkelijk\s+bericht
    |originalmeddelande|original\s+meddelelse|opprinnelig\s+melding|mensagem\s+original)\s*-*\s*$""",
                       re.IGNORECASE | re.VERBOSE)


_RULE = re.compile(r"^_{10,}\s*$")


def _header_key(keys: str) -> re.Pattern[str]:
    """A "Key: value" line of a quoted header block; also "*Key:*" and "De :" (French spacing)."""
    return re.compile(rf"^\s*[*_]{{0,2}}(?:{keys})[*_]{{0,2}}\s*:[*_]{{0,2}}(?:\s|$)", re.IGNORECASE)


_FROM_KEY = _header_key(r"from|von|de|da|van|fra|från")
_DATE_KEY = _header_key(r"sent|date|gesendet|datum|envoyé|enviado|enviada|fecha|inviato|data|verzonden"
                        r"|skickat|sendt|dato")


_SUBJECT_KEY = _header_key(r"subject|betreff|objet|asunto|oggetto|onderwerp|ämne|emne|assunto")
_ANY_KEY = _header_key(r"from|von|de|da|van|fra|från|sent|date|gesendet|datum|envoyé|enviado|enviada|fecha"
                       r"|inviato|data|verzonden|skickat|sendt|dato|subject|betreff|objet|asunto|oggetto"
                       r"|onderwerp|ämne|emne|assunto|to|an|à|a|para|aan|till|til|cc|bcc|reply-to")

# Footers: a heading, or a sentence that is only ever the start of a disclaimer.
_FOOTER_HEADING = re.compile(r"""^\W{0,3}(?:confidentiality(?:\s+(?:notice|statement|note|disclaimer))?
    |(?:legal\s+|e-?mail\s+)?disclaimer|legal\s+notice|privileged\s+(?:&|and)\s+confidential
    |vertraulichkeitshinweis|haftungsausschluss|avis\s+de\s+confidentialité|aviso\s+de\s+confidencialidad
    |avviso\s+di\s+riservatezza)\s*(?:[:.\-]|$)""", re.IGNORECASE | re.VERBOSE)


_FOOTER_SENTENCE = re.compile(r"""^\W{0,3}(?:
      this\s+(?:e-?mail|message|communication|transmission)\b.{0,160}
        \b(?:confidential|privileged|intended\s+(?:only|solely))
    | the\s+information\s+(?:contained\s+)?in\s+this\s+(?:e-?mail|message|communication)
    | if\s+you\s+(?:are\s+not\s+the\s+intended|have\s+received\s+this\s+(?:e-?mail|message)\s+in\s+error)
    | diese\s+(?:e-?mail|nachricht)\b.{0,120}\bvertraulich
    | ce\s+(?:message|courriel|e-?mail)\b.{0,160}\bconfidenti
    | este\s+(?:mensaje|correo)\b.{0,160}\bconfidencial
    | questo\s+messaggio\b.{0,160}\b(?:riservat|confidenzial)
    | dit\s+(?:e-?mail)?bericht\b.{0,160}\bvertrouwelijk)""", re.IGNORECASE | re.VERBOSE | re.DOTALL)


_FOOTER_ENVIRONMENT = re.compile(r"""^\W{0,3}(?:please\s+)?(?:consider|think\s+of)\s+the\s+environment\s+before
    |^\W{0,3}bitte\s+denken\s+sie\s+an\s+die\s+umwelt|^\W{0,3}pensez\s+à\s+l['’]environnement""",
                                 re.IGNORECASE | re.VERBOSE)


_LEGAL_WORDS = re.compile(r"""intended\s+recipient|addressee|notify|delete|destroy|prohibited|unauthori[sz]ed
    |privileged|disclos|dissemination|distribution|copying|empfänger|absender|vertraulich|löschen
    |destinataire|supprimer|interdit|destinatario|prohibid|vietat|geadresseerde""", re.IGNORECASE | re.VERBOSE)


_WORD = re.compile(r"\w")
FOOTER_LINES = 40             # a footer starts within this many lines of the end
FOOTER_CHARS = 4000


@dataclass(frozen=True, slots=True)
class _Marker:
    kind: str     # "reply", "forward", "headers" (Outlook/"Original Message"), "signature"
    start: int    # its first line
    body: int     # the first line after it and its header block
    line: str


def new_text(text: str) -> str:
    """The customer's own new words: no quoted lines, no earlier messages, no signature or footer."""
    return strip_history(text)[0]


def new_text_and_notes(full: str, fresh: str) -> tuple[str, list[str]]:
    """New text and notes; ``fresh`` is ``full`` without HTML-marked history."""
    new, notes = strip_history(fresh)
    if new or fresh == full:
        return new, notes
    new, more = strip_history(full)
    if new and not more:
        more = ["the HTML has no text outside its quoted parts; used all of it"]
    return new, more


def strip_history(text: str, depth: int = 0) -> tuple[str, list[str]]:
    lines = text.splitlines()
    notes: list[str] = []
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        notes.append(f"the text is over {MAX_LINES} lines; only the first {MAX_LINES} were read")
    marker = _first_marker(lines, 0)
    head = lines[:marker.start] if marker else lines
    footer = _footer_start(head)
    if footer is not None:
        notes.append(f"cut a legal footer starting {_clip(head[footer])!r}")
        head = head[:footer]
    kept = [line for line in head if ">" not in line or not line.lstrip().startswith(">")]
    new = _tidy(kept)
    if len(kept) < len(head) and depth == 0 and new:
        notes.append(f"dropped {len(head) - len(kept)} '>' line(s) with no 'wrote:' line above them")
    if new or depth >= 2:
        return new, notes
    below, more = _below_history(lines, marker, depth)
    return below, notes + more


def _below_history(lines: list[str], marker: _Marker | None, depth: int) -> tuple[str, list[str]]:
    """Nothing new above the first marker: read what is below the first history marker."""
    if marker is None:    # only '>' lines: maybe an Apple Mail forward, which quotes the whole message
        inner = [re.sub(r"^\s*> ?", "", line) for line in lines]
        forward = _first_marker(inner, 0)
        if forward is not None and forward.kind == "forward":
            new, notes = strip_history("\n".join(inner[forward.body:]), depth + 1)
            if new:
                return new, [*notes, "no new text above a quoted forward; classified the forwarded text"]
        quoted = any(line.lstrip().startswith(">") for line in lines)
        return "", ["nothing new: the message only quotes earlier mail"] if quoted else []
    history = marker if marker.kind != "signature" else _first_marker(lines, marker.body, history=True)
    if history is None:
        return "", ["nothing new above the signature"]
    new, notes = strip_history("\n".join(lines[history.body:]), depth + 1)
    if not new:
        return "", [*notes, f"nothing new: the message only contains earlier mail ({_clip(history.line)!r})"]
    what = {"forward": "the forwarded message", "reply": "the quote (an inline reply?)"}.get(
        history.kind, "the quoted header block")
    return new, [*notes, f"no new text above {_clip(history.line)!r}; classified the text of {what}"]


# A line can only be a marker if it ends in a colon (attributions, _FORWARD's "Begin forwarded
# message:" forms) or starts as one of the other markers does: "--", "_", "*" or the first two
# letters of one of their words, matched with the same re.IGNORECASE, so every line they match
# matches this too. Most lines are the customer's prose and fail this at the first letter or
# two instead of going through six full patterns (tests/test_extract_fast.py checks each word).
_MARKER_STARTS = (
    "--", "_", "*",                              # _SIGNATURE, _FORWARD, _ORIGINAL, _RULE; [*_] before a _FROM_KEY
    "se", "ge", "vo", "en", "in", "ve", "sk",    # _SIGNATURE: sent, get, von, gesendet, envoyé, enviado, inviato,
                                                 # verzonden, skickat
    "fr", "de", "da", "va",                      # _FROM_KEY: from, fra, från, de, da, van (von: "vo")
    "on", "am", "le", "el", "il", "op", "em", "ma", "ti", "to", "lø", "sø",   # _OPENER (den: "de", fre: "fr")
)
_MAYBE_MARKER = re.compile("|".join(map(re.escape, _MARKER_STARTS)), re.IGNORECASE)
# Their first characters, in both cases. re.IGNORECASE also matches some non-ASCII letters
# to ASCII ones ("ſ" to "s", "İ" to "i"): those go to the pattern.
_MARKER_INITIALS = frozenset(c for start in _MARKER_STARTS for c in (start[0].lower(), start[0].upper()))


def _first_marker(lines: list[str], start: int, history: bool = False) -> _Marker | None:
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if not line.endswith((":", "\uff1a")) and (
                not line or (line[0] not in _MARKER_INITIALS and line[0].isascii()) or not _MAYBE_MARKER.match(line)):
            continue                     # cheap tests first: _marker_at would find nothing
        found = _marker_at(lines, i)
        if found and not (history and found.kind == "signature"):
            return found
    return None


def _marker_at(lines: list[str], i: int) -> _Marker | None:
    line = lines[i].strip()
    if not line or line.startswith(">") or len(line) > 400:
        return None
    # Each pattern is tried only if the line starts as it can (0.2-0.4 us a pattern): with the
    # first characters of its alternatives, or with a non-ASCII character (re.IGNORECASE
    # matches "ſ" to "s", "İ" to "i", ...).
    first = line[0].lower() if line[0].isascii() else ""
    if (first in "-sgvei") and _SIGNATURE.match(line) and (len(line) <= 60 or line.startswith("--")):
        return _Marker("signature", i, i + 1, line)
    if (first in "-badi") and _FORWARD.match(line):
        return _Marker("forward", i, _after_headers(lines, i + 1), line)
    if (first in "-_") and (_ORIGINAL.match(line) or (_RULE.match(line)
                                                      and _header_block_at(lines, _next_text(lines, i + 1)))):
        return _Marker("headers", i, _after_headers(lines, i + 1), line)
    if (first in "*_fvd") and _header_block_at(lines, i):
        return _Marker("headers", i, _after_headers(lines, i), line)
    size = _attribution_at(lines, i)
    if size:
        return _Marker("reply", i, i + size, " ".join(s.strip() for s in lines[i:i + size]))
    return None


def _next_text(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _header_block_at(lines: list[str], i: int) -> bool:
    """An Outlook/forward header block: From, then a date and a subject within a few lines."""
    if i >= len(lines) or not _FROM_KEY.match(lines[i]):
        return False
    window = lines[i + 1:i + 9]
    return any(_DATE_KEY.match(s) for s in window) and any(_SUBJECT_KEY.match(s) for s in window)


def _after_headers(lines: list[str], i: int) -> int:
    """The first line after a header block (its "Key: value" lines and their continuations)."""
    i = _next_text(lines, i)
    if i < len(lines) and _ANY_KEY.match(lines[i]):
        end = min(len(lines), i + 16)
        while i < end and lines[i].strip() and (_ANY_KEY.match(lines[i]) or lines[i][:1].isspace()
                                                or "@" in lines[i] or ";" in lines[i]):
            i += 1
    return i


def _attribution_at(lines: list[str], i: int) -> int:
    """How many lines (1-3) the attribution starting at line i spans, or 0."""
    first = lines[i].strip()
    if not first.endswith((":", "\uff1a")) and not _OPENER.match(first):
        return 0                         # neither a whole attribution nor the start of a wrapped one
    for size in (1, 2, 3):
        parts = [s.strip() for s in lines[i:i + size]]
        if len(parts) < size or not parts[-1] or parts[-1].startswith(">"):
            return 0
        # Gmail wraps long attributions; the first line then starts "On <date>".
        if size > 1 and not (_OPENER.match(first) and _ATTRIBUTION_EVIDENCE.search(first)):
            return 0
        candidate = " ".join(parts)
        if len(candidate) > 400:
            return 0
        found = _attribution(candidate)
        if found and _plausible_attribution(found, candidate, lines, i + size):
            return size
        if size == 1 and _unknown_attribution(candidate, lines, i + 1):
            return size
    return 0


# _ATTRIBUTION less its "^(?P<pre>.*?)", searched for from the colon before the last one: its
# verb is followed by no colon but the last, so it starts after that one. The lazy ".*?" made
# the engine try every verb at every position of the line (3 us a line ending in a colon).
_ATTRIBUTION_TAIL = re.compile(rf"\b(?P<verb>{_VERBS})(?P<post>[^:]*?)\s*:\s*$", re.IGNORECASE)


def _attribution(candidate: str) -> re.Match[str] | None:
    """``_ATTRIBUTION.match(candidate)`` but for the "pre" group, faster."""
    last = candidate.rfind(":")
    if last < 0:
        return None
    return _ATTRIBUTION_TAIL.search(candidate, candidate.rfind(":", 0, last) + 1)


def _unknown_attribution(line: str, lines: list[str], after: int) -> bool:
    """An attribution in a language without a known verb ("2026年11月16日 9:12 Acme <a@b>:"):
    a line ending in a colon, with an address and a time or year, directly above '>' lines."""
    if not line.endswith((":", "\uff1a")) or "@" not in line or len(line) > 200:
        return False
    if len(_ATTRIBUTION_EVIDENCE.findall(line)) < 2:
        return False
    return after < len(lines) and lines[after].lstrip().startswith(">")


def _plausible_attribution(found: re.Match[str], candidate: str, lines: list[str], after: int) -> bool:
    """"On Monday I wrote to you:" is the customer talking; a real attribution has an address,
    a time or a year, or is followed by '>' lines."""
    post = found.group("post").strip()
    verb = SPACES.sub(" ", found.group("verb").lower())
    if (post and verb in _END_VERBS) or len(post) > 120:
        return False
    if _ATTRIBUTION_EVIDENCE.search(candidate):
        return True
    following = _next_text(lines, after)
    return following < len(lines) and lines[following].lstrip().startswith(">")


# A line can only start a footer if, stripped, it starts (after at most 3 \W characters) with
# the first word of a _FOOTER_ENVIRONMENT, _FOOTER_HEADING or _FOOTER_SENTENCE form, or has
# no \w at all (a _FOOTER_SENTENCE may begin on the next line). Other lines are skipped
# with this one test (tests/test_extract_fast.py compares with the plain loop).
_FOOTER_WORDS = ("please", "consider", "think", "bitte", "pensez", "confidentiality", "legal", "e-?mail",
                 "disclaimer", "privileged", "vertraulichkeitshinweis", "haftungsausschluss", "avis", "aviso",
                 "avviso", "this", "the", "if", "diese", "ce", "este", "questo", "dit")   # regex, each a word
_MAYBE_FOOTER = re.compile(r"\W{0,3}(?:" + "|".join(_FOOTER_WORDS) + r")|\W+$", re.IGNORECASE)
_FOOTER_INITIALS = frozenset(c for word in _FOOTER_WORDS for c in (word[0].lower(), word[0].upper()))


def _footer_start(head: list[str]) -> int | None:
    """Where a legal or "consider the environment" footer near the end begins, or None.

    Only near the end, only at the start of a paragraph (or as a heading), and a
    disclaimer must read like one (two legal words), so a customer who writes
    "this email is confidential" keeps their words."""
    end = len(head)
    while end and not head[end - 1].strip():
        end -= 1
    first_text = next((i for i, s in enumerate(head) if s.strip()), end)
    start = max(1, end - FOOTER_LINES, first_text + 1)   # text above it, and near the end
    size = sum(map(len, head[start:end])) + (end - start - 1)   # len("\n".join(head[i:end])) for i = start
    for i in range(start, end):
        block_size, size = size, size - len(head[i]) - 1
        line = head[i].strip()
        if not line or block_size > FOOTER_CHARS or line.startswith(">"):
            continue
        if line[0] not in _FOOTER_INITIALS and line[0].isascii() and (line[0].isalnum() or line[0] == "_"):
            continue               # a word character (no \W before it) that starts none of _MAYBE_FOOTER's words
        if not _MAYBE_FOOTER.match(line):
            continue
        if _FOOTER_ENVIRONMENT.match(line) and len(line) < 120:
            return i
        heading = _FOOTER_HEADING.match(line) is not None
        starts_paragraph = not head[i - 1].strip() or not _WORD.search(head[i - 1])
        if not heading and not (starts_paragraph and _FOOTER_SENTENCE.match(" ".join(head[i:i + 3]))):
            continue               # cheap tests first: counting legal words is the slow part
        block = "\n".join(head[i:end])
        legal = len({w.group().lower()[:6] for w in _LEGAL_WORDS.finditer(block)})
        if legal >= (1 if heading else 2):
            return i
    return None


def _tidy(lines: list[str]) -> str:
    text = "\n".join([line.rstrip() for line in lines])
    return (_BLANK_LINES.sub("\n\n", text) if "\n\n\n" in text else text).strip()   # sub scans every character


_BLANK_LINES = re.compile(r"\n{3,}")


def _clip(line: str, width: int = 60) -> str:
    line = clean_header(line)
    return line if len(line) <= width else line[:width - 1] + "…"
