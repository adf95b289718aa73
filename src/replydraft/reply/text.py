"""A customer's text as the reading sees it: read as detection reads it (``normalise``, wrapped
lines joined), in lower case for fast patterns, with the way back to the words as written; its
sentences; and the words of swearing and insult that more than one part of the reading needs.
Pure."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from replydraft.detection.detector import Evidence, _unwrap, normalise

__all__ = ["AT_PEOPLE", "INSULT_ADJ", "INSULT_NOUN", "SWEAR", "Rules", "Text", "around", "compiled", "matches",
           "phrase", "rx", "sentences"]


class Text:
    """One text as detection reads it (``normalise``), in lower case for the patterns (a
    regex without IGNORECASE runs several times faster), with the way back to the words as written."""

    __slots__ = ("low", "norm", "origin", "text")

    @classmethod
    def of(cls, text: str) -> Text:
        """``text`` read as detection reads it: control characters as spaces, invisible ones left
        out (a zero-width space in "end it all"), typographic quotes and dashes made plain, lines the mail client
        wrapped joined (same length, so offsets hold)."""
        norm, origin = normalise(text)
        return cls(text, _unwrap(norm), origin)

    def __init__(self, text: str, norm: str, origin: list[int] | None) -> None:
        self.text, self.norm, self.origin = text, norm, origin
        low = norm.lower()
        if len(low) != len(norm):      # a letter whose lower case is longer ("İ"): keep it as it is
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in norm)
        self.low = low

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        """Evidence for ``norm[start:end]``, its phrase and offsets as written in ``text``."""
        if self.origin is not None:
            start, end = self.origin[start], self.origin[end - 1] + 1
        return Evidence(self.text[start:end], start, end, rule)

    def position(self, offset: int) -> int:
        """Where ``text[offset]`` is in ``norm`` (for evidence found on the text as written)."""
        return offset if self.origin is None else bisect_left(self.origin, offset)


def rx(pattern: str) -> re.Pattern[str]:
    """A pattern for the lower-case text: its letters made lower case (not those of \\S, (?P)."""
    return re.compile(re.sub(r"(?<![\\?])[A-Z]", lambda m: m.group().lower(), pattern))


Rules = tuple[tuple[str, re.Pattern[str]], ...]


def compiled(rules: Sequence[tuple[str, str]]) -> Rules:
    return tuple((rule, rx(pattern)) for rule, pattern in rules)


def matches(rules: Rules, low: str) -> list[tuple[str, re.Match[str]]]:
    """Every match of each rule, in text order. (One regex per rule runs faster than one
    alternation of named groups, which enters every group at every position.)"""
    return sorted(((rule, m) for rule, pattern in rules for m in pattern.finditer(low)), key=lambda f: f[1].start())


def phrase(s: str) -> str:
    """A phrase as a value: lower case, single spaces."""
    return " ".join(s.lower().split())


_SENTENCE = rx(r"[.!?\n](?:(?<=\n)|(?<!\bno\.)(?<!\bnr\.)(?<!\bref\.)(?<!\bvs\.)(?<!\bmr\.)(?<!\bms\.)(?<!\bdr\.)"
                r"[.!?]*(?=[\s\"')\]]|$))")    # one character class first: the regex skips to it fast


def sentences(low: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: ends at . ! ? or at a line break that isn't a soft wrap."""
    spans, start = [], 0
    for m in _SENTENCE.finditer(low):
        if low[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if low[start:].strip():
        spans.append((start, len(low)))
    return spans


def around(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence that holds ``pos``."""
    i = bisect_right([s for s, _ in spans], pos) - 1
    return spans[max(i, 0)] if spans else (0, 0)


# -- anger: swearing or insults, and whether they are aimed at people --------------------------
SWEAR = rx(
    r"\bf[*#@!]{2,}(?:\w+|(?!\w))|\b(?:f[u*#@!]+[c*#@!]*k\w*|effing|frigging|friggin|wtf|fml"
    r"|sh[i*#@!1]+t\w*|s[*#@!]{2,3}t\w*|bull\s?sh\w+|crap\w*|bloody|damn\w*|goddamn\w*|piss\w*|arse\w*|ass(?:hole)?s?"
    r"|bastards?|bitch\w*|wankers?|twats?|pricks?|cunts?|the\s+hell"
    r"|idiot\w*|moron\w*|imbeciles?|cretins?|muppets?|clowns?|crooks?|thieves|scammers?|frauds|liars?|jokers?"
    r"|incompetents?|morons?|numpt(?:y|ies)|buffoons?|losers?)\b|\bf\s?(?:off|you)\b")
_PEOPLE = (r"(?:staff|people|team|support|agents?|employees|reps?|representatives?|managers?|management|guys|lot"
           r"|developers?|devs|engineers?|technicians?|company|bunch|crooks|idiots|morons|clowns)")
INSULT_ADJ = (r"(?:useless|incompetent|clueless|stupid|dumb|lazy|pathetic|rude|arrogant|brainless|worthless|dishonest"
               r"|condescending|lying|spineless|gutless)")
INSULT_NOUN = (r"(?:idiots?|morons?|imbeciles?|crooks?|clowns?|muppets?|thieves|liars?|jokers?|scammers?|frauds"
                r"|amateurs|bastards?|wankers?|twats?|pricks?|cunts?|bitch|buffoons?|cretins?|numpt(?:y|ies)"
                r"|incompetents|losers?|prats?|plonkers?|pillocks?|cowboys|tossers?|dickheads?|sharks|bigg?ots?"
                r"|douche\w*|pussy|pussies|scum(?:bags?)?|asshats?|assholes?|a[*#@!]{1,3}holes?|jerks?|dicks?|sleaze\w*|pigs|warts?)")
_SHAME = r"(?:(?:a\s+)?(?:joke|disgrace|shambles|laughing\s+stock|piece\s+of\s+(?:sh\S*|s\W+t|crap|garbage)))"
_INTENSE = (r"(?:(?:all|just|such|so|really|totally|completely|absolutely|utterly|the\s+most|an?|bunch\s+of|"
            r"bloody|damn|f\S*ing)\s+)*")
# Aimed at people: "you idiots", "you're a bunch of crooks", "your support people are morons",
# "useless incompetent staff", "f*** you", "Kevin is an idiot" (an insult noun names a person).
AT_PEOPLE = rx(
    rf"\b(?:you|u|ya)\s+(?:\S+\s+)?{INSULT_NOUN}\b|\bheads?\s+out\s+of\s+(?:their|your|his|her)\s+(?:asses|arses|a\S*s)\b"
    rf"|\b(?:you|u|they|he|she)\s*(?:'re|are|r|were|is|'s)\s+{_INTENSE}(?:{INSULT_ADJ}|{INSULT_NOUN}|{_SHAME})\b"
    rf"|\b(?:your|the|these|those|you)\s+(?:\w+\s+)?{_PEOPLE}\s+(?:is|are|were|was)\s+{_INTENSE}"
    rf"(?:{INSULT_ADJ}|{INSULT_NOUN}|{_SHAME})\b"
    rf"|\b{INSULT_ADJ}\s+(?:(?:and\s+)?{INSULT_ADJ}\s+)?{_PEOPLE}\b"
    rf"|\b(?:being|be)\s+{_INTENSE}(?:{INSULT_NOUN}|{_SHAME})|\bwhat\s+an?\s+(?:\w+\s+)?{INSULT_NOUN}\b"
    # "you are horrible people": words for a service, said of the people
    rf"|\b(?:you|u)\s*(?:'re|are|r)\s+{_INTENSE}(?:horrible|terrible|awful|disgusting|evil|vile|nasty|greedy|shameless)"
    r"\s+(?:people|humans?|persons?|company)\b"
    rf"|\b{INSULT_ADJ}\s+(?:little\s+|old\s+|excuse\s+for\s+a\s+)?(?:man|woman|men|women|boy|girl|person|people)\b"
    r"|(?:\bf\S*k|\bf[*#@!]{2,}|\bscrew|\bdamn)\s+(?:you|u|ya|y'all)\b|\bf\s?(?:you|off)\b"
    r"|\b(?:you|u|ya)\s+(?:all\s+|guys\s+|people\s+)?(?:suck|stink)\b|\b(?:go\s+to|rot\s+in|burn\s+in)\s+hell\b"
    rf"|\b{INSULT_NOUN}\b|\bb[*#@!]{{3,}}(?!\S)")
