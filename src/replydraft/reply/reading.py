"""A reading of the customer's new text, before any reply is written: whether it is a safety
matter, which no template may answer (``safety_matter``), and what the customer actually said,
so that a template can answer it (``read`` -> ``Reading``).

Safety. Threats of violence, words of self-harm, and allegations that the product or service made
someone ill or hurt them need a person, whatever else the message says: a templated reply to
"I want to end it all" or "my son was burned by your kettle" would be wrong however polite.
So this reading is kept apart from detection's signals (which choose what a draft says) and
overrides them: a message it finds gets no draft at all.

The patterns are written for how people write, with care for the idioms that borrow these
words ("this price is killing me", "I'm sick of waiting", "shoot me an email", "the fire
sale"): each pattern needs a person or a body as its object, a physical cause, or a word
that has no figurative use in a complaint. A false alarm costs a person one read; a miss
costs much more, so where a phrase is mostly literal it counts.

What they said. Detection says which signals a message carries; the reading says what a reply
must answer: what they ask for (a refund, to cancel, to delete or export their data, a fix,
free extra work, compensation, a call, an explanation), the facts they give (order, invoice and
ticket numbers, amounts, dates, how often they have written), whether anger is aimed at people
or at the situation, a review posted or threatened, the legal steps named (a chargeback, a
regulator, data protection, litigation: not all lawsuits), churn, a deadline as a reply can say
it, and the complaint itself in the reply's person ("You renewed my plan" -> "we renewed your
plan"), the condition a payment is held on, and the work asked for. ``topic(subject)`` reads
what the subject line names ("My deposit" -> "your deposit"). Every finding keeps the words that
show it, as written. The rules lean to silence: a negated ask ("no refund needed") is no ask,
calm scheduling is no deadline, and an ``issue`` is "" whenever the clause is a threat, abuse, a
request or a question, because a wrong paraphrase in a reply is worse than a generic sentence.

The text is read as detection reads it (``normalise``), in lower case for speed, with each
finding's evidence mapped back to the text as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from replydraft.detection.detector import Evidence, _unwrap, normalise

__all__ = ["KINDS", "LEGAL_KINDS", "TOPIC_WORDS", "AskKind", "FactKind", "Finding", "LegalKind", "Reading",
           "SafetyKind", "SafetyMatter", "read", "safety_matter", "topic"]

SafetyKind = Literal["self_harm", "violence", "health_safety"]
KINDS: tuple[SafetyKind, ...] = ("self_harm", "violence", "health_safety")   # the most urgent first

_A = "'"     # an apostrophe: the text is read as detection reads it (normalise), curly ones made straight
_I_WILL = rf"(?:i(?:{_A}ll| will| shall| am going to| am gonna|{_A}m going to|{_A}m gonna)" \
          rf"|we(?:{_A}ll| will| are going to|{_A}re going to))"
_PERSON = r"(?:you|ya|u|him|her|them|your\s+(?:staff|manager|boss|owner|driver|family|kids|wife|husband)" \
          r"|the\s+(?:owner|manager|staff|driver|technician|engineer|guy|woman|man|people))"
_BODY = (r"(?:hands?|fingers?|thumbs?|arms?|legs?|feet|foot|face|eyes?|skin|back|head|mouth|tongue|lips?|knees?"
         r"|wrists?|neck|chest|stomach|throat|scalp|ears?)")
_WHO = r"(?:my|his|her|their|our)"
_NOUN_HAZARD = (r"(?:battery|batteries|charger|device|unit|bottle|can|jar|appliance|heater|boiler|kettle|toaster"
                r"|oven|stove|cooker|lamp|plug|socket|cable|lead|adapter|adaptor|phone|laptop|scooter|e-?bike|it)")

_RULES: tuple[tuple[SafetyKind, str, str], ...] = (
    # -- self-harm: wanting to die or to hurt oneself
    ("self_harm", "self_harm.kill_myself",
     rf"\b(?:want|wanted|going|gonna|about|planning|plan|ready|thinking|thought|think|might|will|i{_A}ll)"
     r"\s+(?:to\s+|about\s+|of\s+)?(?:just\s+)?(?:kill|killing|hurt|hurting|harm|harming|end)\s+myself\b"),
    ("self_harm", "self_harm.end_my_life",
     r"\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b|\bend\s+it\s+all\b"),
    ("self_harm", "self_harm.suicide",
     rf"\b(?:i(?:{_A}m| am| feel| felt| was| have been|{_A}ve been)\s+(?:feeling\s+|so\s+|really\s+)?suicidal"
     r"|(?:thinking|thought|think)\s+(?:about|of)\s+(?:suicide|killing\s+myself)|commit\s+suicide)\b"),
    ("self_harm", "self_harm.no_reason_to_live",
     r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|go\s+on|going\s+on|being\s+alive|being\s+here)\b"
     rf"|\b(?:don{_A}t|do\s+not)\s+want\s+to\s+(?:live|be\s+alive|be\s+here)\s+(?:anymore|any\s+more)\b"
     r"|\bbetter\s+off\s+dead\b|\bwish\s+i\s+(?:was|were)\s+dead\b|\bwant\s+to\s+die\b(?!\s+(?:of|laughing|from\s+embarrassment))"),
    # -- violence: threats to hurt a person, weapons, "I know where you live"
    ("violence", "violence.threat_hurt",
     rf"\b{_I_WILL}\s+(?:come\s+(?:down|over|round)\s+(?:there\s+)?and\s+)?(?:personally\s+)?"
     rf"(?:kill|hurt|beat(?:\s+up)?|stab|shoot|punch|strangle|murder|smash|break)\s+{_PERSON}\b"
     r"(?!\s+(?:an?|some|the|over|back|to\s+it|at|on\s+price)\b)"     # "I'll shoot you an email", "beat them to it"
     r"|\bbreak\s+your\s+(?:legs?|neck|face|jaw|nose|arms?)\b|\bsmash\s+your\s+(?:face|head|teeth)\b"),
    ("violence", "violence.know_where",
     r"\bi\s+know\s+where\s+(?:you|your\s+(?:family|kids|children|wife|husband|home|house|staff|manager|boss"
     r"|driver|engineer))\s+(?:live|lives|sleep|go\s+to\s+school|work|works)\b"
     # premises only with menace close by: "I know where your office is" alone may be a drop-off
     r"|\bi\s+know\s+where\s+your\s+(?:office|shop|store|premises|workshop)\s+is\b(?=[\s\S]{0,160}?\b(?:deal\s+with|"
     r"won'?t\s+enjoy|pay\s+(?:you|him|her|them)\s+a\s+visit|teach\s+\w+\s+a\s+lesson|sort\s+(?:you|him|her|them)\s+out"
     r"|see\s+what\s+happens|you'?ll\s+be\s+sorry))"),
    ("violence", "violence.menace",
     r"\b(?:deal\s+with|sort\s+out|take\s+care\s+of|settle\s+this\s+with)\s+(?:you|him|her|them|your\s+\w+)\s+"
     r"(?:myself|personally|face\s+to\s+face)\b(?=[^.!?]{0,80}\b(?:won'?t|will\s+not)\s+(?:enjoy|like)\b)"
     r"|\b(?:trust|believe)\s+me,?\s+(?:you|he|she|they)\s+(?:won'?t|will\s+not)\s+(?:enjoy|like)\s+(?:it|that|what)\b"),
    ("violence", "violence.weapon",
     r"\b(?:bring(?:ing)?|brought|grab|grabbing|load(?:ed|ing)?|carry(?:ing)?|get|getting)\s+(?:a|my|the)\s+"
     r"(?:gun|rifle|shotgun|pistol|machete|weapon|baseball\s+bat)\b|\bput\s+a\s+bullet\s+in\b"),
    ("violence", "violence.arson_bomb",
     rf"\b{_I_WILL}\s+(?:burn|torch|blow\s+up|bomb|firebomb)\s+(?:down\s+)?(?:your|the)\s+"
     r"(?:office|shop|store|building|house|place|warehouse|restaurant|premises)\b"),
    ("violence", "violence.dead_man",
     rf"\byou(?:{_A}re| are)\s+(?:a\s+)?dead\s+(?:man|meat|woman)\b|\byou(?:{_A}re| are)\s+dead\s*(?:[.!]|$)"
     r"|\bwatch\s+your\s+back\b|\b(?:find|hunt|track)\s+you\s+down\b"),
    # a wish for someone's death or harm ("may you die of ...", "I hope you die", "kys"): hate mail for a person to read
    ("violence", "violence.death_wish",
     r"\b(?:may|hope|wish|pray)\s+(?:that\s+)?(?:you|your\s+\w+|he|she|they)(?:\s+and\s+(?:your|all|the)\s+\w+)?\s+"
     r"(?:all\s+)?(?:die(?!\s+(?:laughing|of\s+(?:laughter|embarrassment|boredom)))|get\s+cancer|get\s+killed"
     r"|drop\s+dead|are\s+struck\s+down|burn\s+to\s+death)\b|\bdrop\s+dead\b(?!\s+(?:date|deadline|day|gorgeous))|\bkill\s+yourself\b|\bkys\b"),
    ("violence", "violence.at_your_home",
     r"\b(?:show|turn)\s+up\s+at\s+your\s+(?:house|home|door|doorstep)\b"
     r"|\bcome\s+(?:to|round\s+to|over\s+to)\s+your\s+(?:house|home)\b"),
    # -- health and safety: illness, injury, hazard caused by the product or service
    ("health_safety", "health.food_poisoning", r"\bfood\s+poisoning\b|\bsalmonella\b|\blisteria\b|\be\.?\s?coli\b"),
    ("health_safety", "health.sick_after",
     r"\b(?:got|gotten|been|was|were|became|become|fell|felt|feel|feeling|am|is|are|went)\s+"
     r"(?:violently\s+|really\s+|very\s+|so\s+|badly\s+|seriously\s+)?(?:sick|ill|unwell|poorly|nauseous)\s+"
     r"(?:after|from)\s+(?:eating|drinking|taking|using|your|the|my|our|it|this|that|a|an|some)\b"
     r"|\b(?:made|left)\s+(?:me|us|him|her|them|my\s+\w+|the\s+\w+)\s+(?:violently\s+|physically\s+|seriously\s+)?ill\b"
     r"|\b(?:made|left)\s+(?:me|us|him|her|them|my\s+\w+)\s+(?:violently|physically)\s+sick\b"
     r"|\b(?:vomit(?:ed|ing)?|threw\s+up|throwing\s+up|diarrh(?:o)?ea)\b"),
    ("health_safety", "health.hospital",
     r"\b(?:ended\s+up|went|was\s+taken|were\s+taken|rushed|admitted|had\s+to\s+go)\s+(?:in|to|into)\s+"
     r"(?:the\s+|a\s+)?(?:hospital|a&e|emergency\s+room|urgent\s+care|emergency)\b"),
    ("health_safety", "health.injury",
     rf"\b(?:burn(?:ed|t)|scald(?:ed)?|cut|sliced|injured|hurt|blistered|gashed)\s+{_WHO}\s+(?:own\s+)?{_BODY}\b"
     r"|\b(?:suffered|sustained|has|have|had|got|left\s+with)\s+(?:a\s+|an\s+)?(?:serious\s+|minor\s+|bad\s+|nasty\s+|"
     r"severe\s+|deep\s+)?(?:injury|injuries|burns|a\s+burn|burn|wound|concussion|fracture|broken\s+" + _BODY + r")\b"
     r"|\b(?:i|we|he|she|they|my\s+\w+)\s+(?:was|were|got|has\s+been|have\s+been|had\s+been)\s+(?:badly\s+|seriously\s+)?"
     r"(?:injured|scalded|electrocuted)\b"),
    ("health_safety", "health.shock",
     r"\belectric(?:al)?\s+shock\b|\belectrocut(?:ed|ion)\b|\bgave\s+(?:me|us|him|her|my\s+\w+)\s+(?:a|an)\s+(?:electric\s+)?shock\b"),
    ("health_safety", "health.allergy",
     r"\ballergic\s+reaction\b|\banaphyla(?:xis|ctic)\b|\bepi-?pen\b"),
    ("health_safety", "health.fire_hazard",
     rf"\b{_NOUN_HAZARD}\s+(?:just\s+|suddenly\s+)?(?:caught\s+(?:on\s+)?fire|burst\s+into\s+flames|exploded|blew\s+up|"
     r"started\s+smoking|melted|overheated|sparked)\b"
     r"|\b(?:caught|catches|catching)\s+(?:on\s+)?fire\b|\bburst\s+into\s+flames\b|\bstarted\s+a\s+fire\b"
     r"|\bgas\s+leak\b|\bsmell(?:s|ed)?\s+(?:of\s+)?gas\b|\bcarbon\s+monoxide\b|\b(?:fire|safety|health|choking)\s+hazard\b"),
    ("health_safety", "health.foreign_object",
     r"\b(?:glass|metal|a\s+shard|shards|a\s+bone|a\s+screw|a\s+nail|a\s+hair|hair)\s+in\s+(?:my|our|the|his|her)\s+"
     r"(?:food|meal|salad|soup|sandwich|pizza|burger|order|dish|drink|coffee|bread)\b|\bchok(?:ed|ing)\s+on\b"),
)
_PREFIX: dict[SafetyKind, str] = {"self_harm": "self_harm.", "violence": "violence.", "health_safety": "health."}
_COMPILED = tuple((kind, rule, re.compile(pattern)) for kind, rule, pattern in _RULES)   # on lower-case text


@dataclass(frozen=True)
class SafetyMatter:
    """What makes a message a matter for a person: its most urgent kind, and every phrase
    found (each ``Evidence.rule`` names its kind), in the order they appear."""
    kind: SafetyKind
    evidence: tuple[Evidence, ...]

    @property
    def reason(self) -> str:
        """One line for the log and the incident: the kind and the words that made it."""
        phrase = next(e.phrase for e in self.evidence if e.rule.startswith(_PREFIX[self.kind]))
        return f'safety matter ({self.kind}): "{phrase}"; for a person to answer, no draft'



def safety_matter(text: str) -> SafetyMatter | None:
    """The customer's new text -> a ``SafetyMatter``, or None. Offsets are into ``text``."""
    # Read as detection reads a text: control characters as spaces, invisible ones left out
    # ("end\u200b it all"), typographic quotes and dashes made plain; evidence is as written.
    norm, origin = normalise(text)
    norm = _unwrap(norm)         # a line the mail client wrapped is one line, as detection reads it
    return _safety(_Text(text, norm, origin))


def _safety(t: _Text) -> SafetyMatter | None:
    """``safety_matter`` on a text already read."""
    found: list[tuple[SafetyKind, Evidence]] = []
    for kind, rule, pattern in _COMPILED:
        for m in pattern.finditer(t.low):
            found.append((kind, t.evidence(m.start(), m.end(), rule)))
    if not found:
        return None
    kind = min((k for k, _ in found), key=KINDS.index)
    return SafetyMatter(kind, tuple(sorted((e for _, e in found), key=lambda e: (e.start, e.end))))


# -- the reading of what the customer says ---------------------------------------------------

AskKind = Literal["refund", "cancel", "delete_data", "export_data", "fix", "free_work",
                  "compensation", "call", "information"]
FactKind = Literal["order", "invoice", "ticket", "account", "amount", "date", "contacts"]
LegalKind = Literal["litigation", "chargeback", "regulator", "data_protection"]
LEGAL_KINDS: tuple[LegalKind, ...] = ("chargeback", "regulator", "data_protection", "litigation")  # most specific first


@dataclass(frozen=True)
class Finding:
    """One thing the reading found, with the words that show it."""
    kind: str            # an AskKind, FactKind, LegalKind, "done"/"pending", "staff"/"situation", ...
    value: str           # normalised, ready for a sentence: "INV-1042", "$89", "4", "30 May", "Friday"
    evidence: Evidence   # the phrase as written, offsets into the text, the rule ("ask.refund")


@dataclass(frozen=True)
class Reading:
    """What the customer's new text says, for a reply that answers it: what they ask for, the
    facts they give, at whom any anger is aimed, reviews, legal steps, churn, a deadline, and
    the complaint in the reply's person. Empty fields mean "not said", never "said no"."""
    asks: tuple[Finding, ...] = ()       # what they ask for, one per kind, in order of appearance
    facts: tuple[Finding, ...] = ()      # order/invoice/ticket numbers, amounts, dates, contacts
    anger: Finding | None = None         # "staff" (aimed at people) or "situation" (at things)
    review: Finding | None = None        # "done" (posted already) or "pending" (threatened)
    legal: tuple[Finding, ...] = ()      # legal steps named, most specific first
    leaving: Finding | None = None       # churn: a competitor, closing the account, "we're done"
    deadline: Finding | None = None      # as a reply can say it: "Friday", "the end of the week"
    issue: str = ""                      # the complaint in the reply's person, or "" when unsure
    held_until: str = ""                 # a payment held until this, in the reply's person
    request: str = ""                    # work they ask for, in the reply's person ("also rewire the garage")
    need: str = ""                       # what a threat's condition asks for: "your data deleted this week"
    billed: tuple[str, ...] = ()         # a bill set against a quote: ("£2,140", "£1,100"), or ()
    contacts: int = 0                    # times they say they have written or called (0: not said)
    words: int = 0                       # words in the text
    safety: SafetyMatter | None = None   # ``safety_matter(text)``

    @property
    def legal_kind(self) -> LegalKind | None:
        """The most specific legal step named: the one a reply answers first."""
        return cast(LegalKind, self.legal[0].kind) if self.legal else None

    def asked(self, kind: str) -> bool:
        """Whether they ask for ``kind`` ("refund", "call", ...)."""
        return any(f.kind == kind for f in self.asks)

    def values(self, kind: str) -> list[str]:
        """The values of the facts of ``kind``, each once, in the order they appear."""
        return list(dict.fromkeys(f.value for f in self.facts if f.kind == kind))


class _Text:
    """One text as detection reads it (``normalise``), in lower case for the patterns (a
    regex without IGNORECASE runs several times faster), with the way back to the words as written."""

    __slots__ = ("low", "norm", "origin", "text")

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


def _rx(pattern: str) -> re.Pattern[str]:
    """A pattern for the lower-case text: its letters made lower case (not those of \\S, (?P)."""
    return re.compile(re.sub(r"(?<![\\?])[A-Z]", lambda m: m.group().lower(), pattern))


_Rules = tuple[tuple[str, re.Pattern[str]], ...]


def _compiled(rules: Sequence[tuple[str, str]]) -> _Rules:
    return tuple((rule, _rx(pattern)) for rule, pattern in rules)


def _found(rules: _Rules, low: str) -> list[tuple[str, re.Match[str]]]:
    """Every match of each rule, in text order. (One regex per rule runs faster than one
    alternation of named groups, which enters every group at every position.)"""
    return sorted(((rule, m) for rule, pattern in rules for m in pattern.finditer(low)), key=lambda f: f[1].start())


def _phrase(s: str) -> str:
    """A phrase as a value: lower case, single spaces."""
    return " ".join(s.lower().split())


_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")   # capitalised: "in May", not "you may"
_NUMBER = {"once": 1, "one": 1, "first": 1, "twice": 2, "two": 2, "second": 2, "thrice": 3, "three": 3,
           "third": 3, "four": 4, "fourth": 4, "five": 5, "fifth": 5, "six": 6, "sixth": 6, "seven": 7,
           "seventh": 7, "eight": 8, "eighth": 8, "nine": 9, "ninth": 9, "ten": 10, "tenth": 10,
           "eleven": 11, "eleventh": 11, "twelve": 12, "twelfth": 12, "fifteen": 15, "twenty": 20}
_COUNT = r"(?:\d{1,2}(?:st|nd|rd|th)?|" + "|".join(_NUMBER) + ")"
_SELF = r"(?:my|our)"

# -- asks: what they want done; the first phrase of each kind ---------------------------------
_ASKS: tuple[tuple[str, str], ...] = (
    ("ask.refund", r"\brefund(?:s|ing)?\b(?!\s+(?:polic\w+|terms|process|page|arrived|came|has\s+arrived"
                   r"|went\s+through))"
                   r"|\b(?:be|get|got|being)\s+refunded\b|\b(?:my|our|the)\s+money\s+back\b|\bpay\s+(?:me|us)\s+back\b"
                   r"|\breverse\s+(?:the|these|those|both|this|that|my|our)\s+(?:\w+\s+)?(?:charges?|payments?)\b"
                   rf"|\bcredit\s+{_SELF}\s+(?:account|card)\b|\breimburse\w*\b"),
    ("ask.cancel", rf"\bcancel(?:l?ing|l?ed)?\s+(?:{_SELF}|the|this|that)\s+(?:\w+\s+)?(?:subscriptions?|plans?|orders?"
                   r"|accounts?|membership|contract|service|renewal|booking|package|licen[cs]es?)\b"
                   rf"|\bclos(?:e|ing)\s+(?:{_SELF}|the)\s+accounts?\b"
                   r"|\bterminat(?:e|ing)\s+(?:the|our|my|this)\s+(?:contract|agreement|subscription|service|account)\b"
                   r"|\bcancel\s+(?:everything|it\s+all)\b"),
    ("ask.delete_data", rf"\b(?:delete|erase|remove|wipe|purge)\s+(?:all\s+(?:of\s+)?)?{_SELF}\s+(?:\w+\s+)?"
                        r"(?:data|account"
                        r"|information|info|details|records?|profile)\b|\bright\s+to\s+(?:be\s+forgotten|erasure)\b"
                        r"|\b(?:everything|all\s+(?:the\s+)?(?:data|information))\s+(?:that\s+)?you\s+(?:hold|have|keep)\s+"
                        r"(?:on|about)\s+(?:me|us)\s+(?:deleted|erased|removed|wiped)\b"
                        r"|\berase\s+(?:everything|all)\b|\b(?:deletion|erasure)\s+of\s+(?:my|our|all)\s+(?:\w+\s+)?data\b"
                        # "I want all my data deleted", "have my details removed"
                        rf"|\b(?:want|need|have|get|demand|expect)\s+(?:all\s+(?:of\s+)?)?{_SELF}\s+(?:personal\s+)?"
                        r"(?:data|information|info|details|records?|profile)\s+(?:\w+\s+)?(?:deleted|erased|removed|wiped)\b"),
    ("ask.export_data", rf"\bcopy\s+of\s+(?:all\s+)?(?:{_SELF}|the)\s+(?:personal\s+)?(?:data|information|records)\b"
                        r"|\bsubject\s+access\s+request\b|\bDSAR\b"
                        r"|\b(?:data|information)\s+(?:that\s+)?you\s+(?:hold|have|keep|store)\s+(?:on|about)\s+(?:me|us)\b"
                        rf"|\b(?:export|download)\s+(?:of\s+)?(?:all\s+)?{_SELF}\s+(?:\w+\s+)?data\b"),
    ("ask.fix", r"\b(?:fix|sort|repair|redo|re-do|resolve)\s+(?:it|this|that|them|the\s+\w+|my\s+\w+|our\s+\w+)\b"
                r"|\bput\s+(?:it|this|that|things)\s+right\b|\bmake\s+it\s+work\b|\b(?:need|want|expect)\s+a\s+fix\b"
                r"|\b(?:want|need|get|have)\s+(?:it|this|that)\s+(?:fixed|repaired|sorted|resolved|working)\b"
                r"|\b(?:until|unless|once|till)\s+(?:\w+\s+){1,4}?(?:is|are|gets?|has\s+been)\s+(?:fixed|repaired|sorted)\b"),
    ("ask.free_work", r"\bshould\s+(?:\w+\s+)?(?:be\s+)?included\b"
                      r"|\bat\s+no\s+(?:extra|additional|further)?\s*(?:cost|charge)\b"
                      r"|\bfor\s+free\b|\bfree\s+of\s+charge\b|\bwithout\s+(?:any\s+)?(?:extra\s+)?charge\b"
                      r"|\bi\s+expect\s+you\s+to\s+also\b|\bthrow\s+in\b|\bnot\s+(?:be\s+)?charg\w*\s+(?:me|us)\s+for\b"),
    ("ask.compensation", r"\bcompensat(?:e|ion|ed)\b|\b(?:a|some)\s+(?:\d+\s?%\s+)?discount\b"
                         r"|\b(?:a|some)\s+(?:\w+\s+)?(?:price\s+)?reduction\b|\breduce\s+(?:the|your|this)\s+(?:price|invoice|bill"
                         r"|fee)\b"
                         r"|\bcredit\s+for\s+the\s+(?:\w+\s+)?(?:downtime|outage|delay|trouble|inconvenience)\b"
                         r"|\bcover\s+(?:the|my|our)\s+(?:\w+\s+)?(?:cost|costs|bill|expenses?)\b|\bshould\s+be\s+on\s+you\b"
                         r"|\byou\s+(?:should|must|need\s+to|have\s+to|will)\s+pay\s+for\b|\bgesture\s+of\s+goodwill\b"
                         r"|\bgoodwill\s+gesture\b|\b(?:didn't|did\s+not|never)\s+cause\b|\bnot\s+(?:my|our)\s+fault\b"
                         r"|\bunder\s+warranty\b|\bcovered\s+by\s+(?:the\s+|your\s+)?(?:warranty|guarantee)\b"),
    ("ask.call", r"\b(?:call|phone|ring)\s+me\b(?!\s+(?:a|an)\b)|\bgive\s+me\s+a\s+(?:call|ring)\b"
                 r"|\b(?:speak|talk)\s+(?:to|with)\s+(?:a|your|the|an?\s+actual|a\s+real)\s+(?:\w+\s+)?"
                 r"(?:manager|supervisor|human|person|boss|owner|director)\b"
                 r"|\b(?:speak|talk)\s+(?:to|with)\s+(?:someone|somebody|a\s+person)\b"),
    ("ask.information", r"\bexplain\s+(?:to\s+(?:me|us)\s+)?(?:why|what|how)\b"
                        r"|\b(?:tell|let)\s+(?:me|us)\s+(?:know\s+)?(?:what|why|when|how|where)\b"
                        r"|\b(?:i|we)\s+(?:want|need|demand|would\s+like|'d\s+like)\s+to\s+know\b"
                        rf"|\bwhere\s+(?:is|are)\s+{_SELF}\s+\w+|\bwhat\s+happened\b|\ban\s+explanation\b"),
)
_ASK = _compiled(_ASKS)
# A simple negation just before an ask: "no refund needed", "I don't want to cancel", "no need to call me".
_NOT_ASKED = _rx(r"(?:\bno\s+(?:need\s+(?:to|for)\s+(?:a\s+|any\s+)?)?|\b(?:don't|do\s+not|never|not)\s+"
                 r"|\b(?:don't|do\s+not|doesn't|didn't|won't|not|never|am\s+not|i'm\s+not)\s+(?:really\s+)?"
                 r"(?:want|need|ask|asking|asked|expect|expecting|require|looking|plan|planning|intend|going|wish|"
                 r"interested)\b(?:\s+\w+){0,3}\s+|\bwithout\s+(?:a\s+|any\s+)?)$")
_NOT_NEEDED = _rx(r"^\s+(?:is\s+|are\s+)?(?:not|isn't|aren't)\s+(?:needed|necessary|required)\b")


# "I'll fix it myself", "we sorted it": the customer does it, it isn't asked of us.
_THEMSELVES = _rx(r"\b(?:i|we)(?:'ll|\s+will|\s+can|'ve|\s+have)?\s+(?:just\s+|already\s+)?\Z")


def _themselves(low: str, rule: str, start: int) -> bool:
    return rule == "ask.fix" and _THEMSELVES.search(low, max(0, start - 20), start) is not None


def _negated(low: str, start: int, end: int) -> bool:
    """A simple negation right before (or "not needed" right after) the phrase at start:end."""
    return bool(_NOT_ASKED.search(low[max(0, start - 50):start]) or _NOT_NEEDED.match(low, end))


def _asks(t: _Text) -> tuple[Finding, ...]:
    """One finding per kind asked for, its first phrase that isn't negated, in text order."""
    first: dict[str, Finding] = {}
    for rule, m in _found(_ASK, t.low):
        kind = rule.removeprefix("ask.")
        if kind not in first and not _negated(t.low, m.start(), m.end()) and not _themselves(t.low, rule, m.start()):
            first[kind] = Finding(kind, _phrase(m.group()), t.evidence(m.start(), m.end(), rule))
    return tuple(first.values())


# -- facts: numbers, amounts, dates, and how often they have written -------------------------
_ID = r"(?P<v>(?:[a-z]{1,5}-?)?\d[\d-]*\d(?:-[a-z0-9]+)?)\b(?!\s+(?:units|items|pieces|pcs|copies|times|of)\b)"
_NUMBERED = r"\s*(?:(?:no|nr|num|number|id|ref)\b\.?\s*)?[:#]?\s*#?\s*"
_FACTS: tuple[tuple[FactKind, str, re.Pattern[str]], ...] = (
    ("order", "fact.order", _rx(r"\border" + _NUMBERED + _ID)),
    ("invoice", "fact.invoice", _rx(r"\b(?:invoice|inv\b\.?)" + _NUMBERED + _ID + r"|\b(?P<v2>inv-?\d[\d-]*\d)\b")),
    ("ticket", "fact.ticket", _rx(r"\b(?:ticket|case|reference|ref\b\.?|incident|claim|booking)" + _NUMBERED + _ID)),
    ("account", "fact.account", _rx(r"\b(?:account|customer|membership|member|policy)" + _NUMBERED + _ID)),
    ("amount", "fact.amount", _rx(r"(?P<v>[$€£¥]\s?\d(?:[\d,.]*\d)?(?:\s?[km]\b)?)")),     # the symbol first: fast
    ("amount", "fact.amount", _rx(r"\b(?P<v>\d(?:[\d,.]*\d)?\s?(?:usd|eur|gbp|cad|aud|chf|dollars|euros|pounds"
                                  r"|bucks)\b)")),
    ("date", "fact.date", _rx(
        r"\b(?P<v>\d{4}-\d{2}-\d{2}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}})?"
        rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
        rf"|(?:(?:last|this|next|past)\s+)?{_WD}|yesterday|last\s+(?:week|month|year)"
        rf"|(?:\d+|a|an|one|two|three|four|five|six)\s+(?:days?|weeks?|months?)\s+ago)\b")),
)
# A month alone, written with a capital after a preposition: "in May", not "you may" (on the text as written).
_MONTH_ALONE = re.compile(rf"\b(?i:in|since|from|until|till|during|early|late|mid-?|end\s+of)\s+(?P<v>{_MONTH_NAME})\b")
# How often they have been in touch: "the fourth time I write", "emailed 3 times", "five emails".
_CONTACT_WORD = r"(?:emails?|e-mails?|messages?|calls?|phone\s+calls?|letters?|tickets?|voicemails?|chasers?)"
_CONTACTS = _rx(
    rf"\b(?:the|my|our)\s+(?P<n1>{_COUNT})\s+(?:{_CONTACT_WORD}\b"
    r"|(?:time|attempt)\s+(?:that\s+)?(?:i|we)(?:'ve|\s+have|'m|\s+am)?\s+(?:\w+\s+)?(?:writ|emai|e-mai|call|phon|"
    r"contact|ask|reach|messag|chas|complain|tr[iy]|rais|report)\w*)"
    r"|\b(?:writing|emailing|calling|contacting|asking|chasing|messaging)\s+(?:you\s+)?(?:about\s+this\s+)?"
    rf"for\s+the\s+(?P<n2>{_COUNT})\s+time\b"
    r"|\b(?:emailed|e-mailed|written|wrote|called|phoned|contacted|messaged|chased|rung|rang|asked|reached\s+out|"
    r"complained|tried)\s+(?:to\s+)?(?:you\s+|your\s+\w+\s+|you\s+guys\s+)?(?:about\s+(?:this|it)\s+)?"
    rf"(?P<n3>{_COUNT}\s+times|twice|thrice|once)\b"
    rf"|\b(?P<n4>{_COUNT})\s+(?:separate\s+|different\s+|unanswered\s+)?{_CONTACT_WORD}\b")


def _amount(value: str) -> str:
    """An amount compact: "$ 89" -> "$89", "1.200,00  EUR" -> "1.200,00 EUR"."""
    value = " ".join(value.split())
    return re.sub(r"(?<=[$€£¥])\s", "", value) if value[0] not in "0123456789" else value


def _id(value: str) -> str:
    return value.upper()


_VALUE = {"order": _id, "invoice": _id, "ticket": _id, "amount": _amount}


def _facts(t: _Text) -> tuple[list[Finding], int]:
    """Numbers, amounts and dates, each with its evidence, in text order; and the largest
    count of contacts they say they have made (0 if none)."""
    found: list[Finding] = []
    matches = [(kind, rule, m) for kind, rule, pattern in _FACTS for m in pattern.finditer(t.low)]
    matches += [("date", "fact.date", m) for m in _MONTH_ALONE.finditer(t.norm)]
    for kind, rule, m in matches:
        group = "v" if m.group("v") is not None else "v2"
        value = t.norm[m.start(group):m.end(group)]
        if kind == "date":
            value = _NAME.sub(lambda d: d.group().capitalize(), value.lower())    # "last Tuesday", "3 March"
        found.append(Finding(kind, _VALUE.get(kind, str.strip)(value), t.evidence(*m.span(), rule)))
    contacts = 0
    for m in _CONTACTS.finditer(t.low):
        count = _count(next(g for g in (m.group("n1"), m.group("n2"), m.group("n3"), m.group("n4")) if g))
        if count:
            contacts = max(contacts, count)
            found.append(Finding("contacts", str(count), t.evidence(*m.span(), "fact.contacts")))
    found.sort(key=lambda f: f.evidence.start)
    return found, contacts


def _count(words: str) -> int:
    """ "fourth" -> 4, "3 times" -> 3, "twice" -> 2; 0 for anything else."""
    word = words.split()[0].lower()
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else _NUMBER.get(word, 0)


# -- anger: swearing or insults, and whether they are aimed at people --------------------------
_SWEAR = _rx(
    r"\bf[*#@!]{2,}(?:\w+|(?!\w))|\b(?:f[u*#@!]+[c*#@!]*k\w*|effing|frigging|friggin|wtf|fml"
    r"|sh[i*#@!1]+t\w*|s[*#@!]{2,3}t\w*|bull\s?sh\w+|crap\w*|bloody|damn\w*|goddamn\w*|piss\w*|arse\w*|ass(?:hole)?s?"
    r"|bastards?|bitch\w*|wankers?|twats?|pricks?|cunts?|the\s+hell"
    r"|idiot\w*|moron\w*|imbeciles?|cretins?|muppets?|clowns?|crooks?|thieves|scammers?|frauds|liars?|jokers?"
    r"|incompetents?|morons?|numpt(?:y|ies)|buffoons?|losers?)\b|\bf\s?(?:off|you)\b")
_PEOPLE = (r"(?:staff|people|team|support|agents?|employees|reps?|representatives?|managers?|management|guys|lot"
           r"|developers?|devs|engineers?|technicians?|company|bunch|crooks|idiots|morons|clowns)")
_INSULT_ADJ = (r"(?:useless|incompetent|clueless|stupid|dumb|lazy|pathetic|rude|arrogant|brainless|worthless|dishonest"
               r"|condescending|lying|spineless|gutless)")
_INSULT_NOUN = (r"(?:idiots?|morons?|imbeciles?|crooks?|clowns?|muppets?|thieves|liars?|jokers?|scammers?|frauds"
                r"|amateurs|bastards?|wankers?|twats?|pricks?|cunts?|bitch|buffoons?|cretins?|numpt(?:y|ies)"
                r"|incompetents|losers?|prats?|plonkers?|pillocks?|cowboys|tossers?|dickheads?|sharks|bigg?ots?"
                r"|douche\w*|pussy|pussies|scum(?:bags?)?|asshats?|assholes?|a[*#@!]{1,3}holes?|jerks?|dicks|sleaze\w*|pigs)")
_SHAME = r"(?:(?:a\s+)?(?:joke|disgrace|shambles|laughing\s+stock|piece\s+of\s+(?:sh\S*|s\W+t|crap|garbage)))"
_INTENSE = (r"(?:(?:all|just|such|so|really|totally|completely|absolutely|utterly|the\s+most|an?|bunch\s+of|"
            r"bloody|damn|f\S*ing)\s+)*")
# Aimed at people: "you idiots", "you're a bunch of crooks", "your support people are morons",
# "useless incompetent staff", "f*** you", "Kevin is an idiot" (an insult noun names a person).
_AT_PEOPLE = _rx(
    rf"\b(?:you|u|ya)\s+(?:\S+\s+)?{_INSULT_NOUN}\b|\bheads?\s+out\s+of\s+(?:their|your|his|her)\s+(?:asses|arses|a\S*s)\b"
    rf"|\b(?:you|u|they|he|she)\s*(?:'re|are|r|were|is|'s)\s+{_INTENSE}(?:{_INSULT_ADJ}|{_INSULT_NOUN}|{_SHAME})\b"
    rf"|\b(?:your|the|these|those|you)\s+(?:\w+\s+)?{_PEOPLE}\s+(?:is|are|were|was)\s+{_INTENSE}"
    rf"(?:{_INSULT_ADJ}|{_INSULT_NOUN}|{_SHAME})\b"
    rf"|\b{_INSULT_ADJ}\s+(?:(?:and\s+)?{_INSULT_ADJ}\s+)?{_PEOPLE}\b"
    rf"|\b(?:being|be)\s+{_INTENSE}(?:{_INSULT_NOUN}|{_SHAME})|\bwhat\s+an?\s+(?:\w+\s+)?{_INSULT_NOUN}\b"
    rf"|\b{_INSULT_ADJ}\s+(?:little\s+|old\s+|excuse\s+for\s+a\s+)?(?:man|woman|men|women|boy|girl|person|people)\b"
    r"|(?:\bf\S*k|\bf[*#@!]{2,}|\bscrew|\bdamn)\s+(?:you|u|ya|y'all)\b|\bf\s?(?:you|off)\b"
    r"|\b(?:you|u|ya)\s+(?:all\s+|guys\s+|people\s+)?(?:suck|stink)\b|\b(?:go\s+to|rot\s+in|burn\s+in)\s+hell\b"
    rf"|\b{_INSULT_NOUN}\b|\bb[*#@!]{{3,}}(?!\S)")
_SENTENCE = _rx(r"[.!?\n](?:(?<=\n)|(?<!\bno\.)(?<!\bnr\.)(?<!\bref\.)(?<!\bvs\.)(?<!\bmr\.)(?<!\bms\.)(?<!\bdr\.)"
                r"[.!?]*(?=[\s\"')\]]|$))")    # one character class first: the regex skips to it fast


def _sentences(low: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: ends at . ! ? or at a line break that isn't a soft wrap."""
    spans, start = [], 0
    for m in _SENTENCE.finditer(low):
        if low[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if low[start:].strip():
        spans.append((start, len(low)))
    return spans


def _around(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence that holds ``pos``."""
    i = bisect_right([s for s, _ in spans], pos) - 1
    return spans[max(i, 0)] if spans else (0, 0)


def _anger(t: _Text, spans: list[tuple[int, int]], abuse: Sequence[Evidence]) -> Finding | None:
    """Anger only when they swear or insult; "staff" when a sentence with such a phrase aims
    it at people (staff wins), "situation" when it is aimed at things or the state of affairs."""
    phrases = [(t.position(e.start), t.position(e.end)) for e in abuse]
    phrases += [m.span() for m in _SWEAR.finditer(t.low)] + [m.span() for m in _AT_PEOPLE.finditer(t.low)]
    situation: Finding | None = None
    for start, end in sorted(phrases):
        s0, s1 = _around(spans, start)
        at = _AT_PEOPLE.search(t.low, s0, max(s1, end))
        if at:
            return Finding("staff", _phrase(at.group()), t.evidence(*at.span(), "anger.staff"))
        if situation is None:
            situation = Finding("situation", _phrase(t.norm[start:end]), t.evidence(start, end, "anger.situation"))
    return situation


# -- reviews: only when the sentence speaks of reviews, posting, social media or forums --------
_REVIEW_TOPIC = _rx(r"\b(?:reviews?|reviewed\s+you|rated\s+you|trustpilot|google|yelp|forums?|reddit|twitter|facebook"
                    r"|instagram|tiktok|linkedin"
                    r"|social\s+media|youtube|blog|tripadvisor|online|publicly|(?:1|one)[-\s]star|everyone|the\s+world"
                    r"|post(?:ing|ed)?\s+(?:about|this|it)|thread)\b")
_PRAISE = _rx(r"\b(?:5|five)[-\s]stars?\b|\b(?:great|glowing|positive|good|lovely|nice)\s+(?:\w+\s+)?review\b")
_REVIEWS = _compiled((
    ("review.done", r"\b(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:already\s+|just\s+|now\s+|since\s+)?(?:left|posted|written"
                    r"|wrote|put\s+up|published|shared|given|gave)\b"
                    r"|(?:^|[.!?]\s+)(?:just\s+|already\s+)?(?:posted|left|wrote|put\s+up|published)\s+(?:my|a|an)\s+(?:\S+\s+){0,2}?"
                    r"(?:review|rating|post)\b"
                    r"|\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+)?(?:reviewed|rated)\s+(?:you|this\s+(?:company|place|shop|app|business))\b"
                    r"|\bmy\s+(?:\w+\s+)?(?:review|post|thread|complaint)\s+is\s+(?:now\s+)?(?:up|live|online|out|posted|public)\b"
                    r"|\b(?:read|seen|liked|shared)\s+my\s+(?:\w+\s+)?(?:review|post|thread)\b"),
    ("review.pending", r"\b(?:i|we)(?:'ll|\s+will|\s+shall|'m\s+going\s+to|\s+am\s+going\s+to|'re\s+going\s+to"
                       r"|\s+are\s+going\s+to|'m\s+gonna|\s+plan\s+to|'m\s+about\s+to)\s+(?:\w+\s+){0,3}?(?:leave|post"
                       r"|write|put|tell|share|publish|make\s+sure|give|let|warn|review|report|expose)\b"
                       r"|\b(?:going|about|ready)\s+to\s+(?:post|write|tell|share|leave|publish)\b"
                       r"|\bexpect\s+(?:a|an|my)\s+(?:\w+\s+)?(?:review|post)\b"),
))


_NOT = _rx(r"\b(?:not|never)\b")


def _review(t: _Text, spans: list[tuple[int, int]]) -> Finding | None:
    """A review posted ("done") or threatened ("pending"); done wins, it has happened."""
    found: Finding | None = None
    for rule, m in _found(_REVIEWS, t.low):
        s0, s1 = _around(spans, m.start())
        sentence = t.low[s0:s1]
        if (not _REVIEW_TOPIC.search(sentence) or _PRAISE.search(sentence)
                or _NOT.search(m.group())):
            continue
        if found is None or (rule == "review.done" and found.kind == "pending"):
            found = Finding(rule.removeprefix("review."), _phrase(m.group()), t.evidence(*m.span(), rule))
    return found


# -- legal steps: every kind named, the most specific first ------------------------------------
_BANK = r"(?:bank|card\s+(?:company|issuer|provider)|credit\s+card\s+(?:company|provider|issuer)|amex|visa|mastercard)"
_LEGAL: dict[LegalKind, re.Pattern[str]] = {
    "chargeback": _rx(
        r"\bcharge\s?-?\s?backs?\b|\bdisput\w*\s+(?:(?:the|this|these|that|those|a|my|every|each|both)\s+)?(?:\S+\s+){0,2}?"
        r"(?:charges?|payments?|transactions?|fees?|bills?|renewals?|subscription)\b|\bdisput\w*\s+(?:it|this|them)\s+with\b"
        r"|\b(?:file|open|raise|lodge|start)\w*\s+a\s+(?:\w+\s+)?dispute\b"
        rf"|\b(?:my|the|our)\s+{_BANK}\s+(?:will\s+|'ll\s+|can\s+|is\s+going\s+to\s+)?(?:reverse|claw|dispute|block|recover)"
        rf"\w*|\b(?:contact\w*|call\w*|ask\w*|go\w*\s+to|tell\w*|told|phon\w*|involv\w*|inform\w*|notif\w*|complain\w*\s+to"
        r"|report\w*\s+(?:it|this)"
        rf"\s+to)\s+(?:my|our|the)\s+{_BANK}\b|\bclaw\w*\s+(?:\w+\s+){{0,3}}?back\b"
        r"|\bpaypal\s+(?:dispute|claim|case)\b|\b(?:dispute|claim|case)\s+(?:with|on|through|via)\s+paypal\b"
        r"|\b(?:charges?|payments?|transactions?)\s+(?:will|shall|are\s+going\s+to)\s+be\s+disputed\b"),
    "regulator": _rx(
        r"\b(?:regulators?|ombudsman|trading\s+standards|better\s+business\s+bureau|bbb|ftc|cfpb|accc|cnil|ofcom|ofgem"
        r"|attorney\s+general|consumer\s+(?:protection\s+|rights\s+)?(?:body|agency|bureau|authority|council|affairs"
        r"|watchdog|organi[sz]ation)|consumer\s+protection|information\s+commissioner|data\s+protection\s+(?:authority"
        r"|regulator|commissioner)|watchdog)\b"),
    "data_protection": _rx(
        r"\b(?:gdpr|ccpa|cpra|dsar|subject\s+access\s+request|right\s+to\s+(?:erasure|be\s+forgotten)|data\s+protection"
        r"\s+(?:law|laws|act|legislation|rights|regulations?|authority|regulator|commissioner)|article\s+(?:15|17)"
        r"|information\s+commissioner)\b"
        r"|\b(?:my|our)\s+(?:legal\s+)?right\s+to\s+(?:have\s+)?(?:\w+\s+){0,3}?(?:data|information)\b"
        r"|\b(?:legally|by\s+law)\s+(?:required|obliged|obligated|bound)\s+to\s+(?:delete|erase|remove|give|provide|send)\b"),
    "litigation": _rx(
        r"\b(?:lawyers?|attorneys?(?!\s+general)|solicitors?|legal\s+(?:team|counsel|representatives?"
        r"|advis[eo]rs?)|counsel)\b(?!\s+(?:\w+\s+)?(?:reviewed|approved|checked|drafted|looked|signed|is\s+happy"
        r"|has\s+(?:reviewed|approved|checked)|said))"
        r"|\bsu(?:e|ing)\s+(?:you|your|the|them|for|over|this|u|y'all)\b|\bsued\b"
        r"|\b(?:in|to|into)\s+court\b|\bcourt\s+(?:action|case|claim|order|proceedings)\b|\bcounty\s+court\b"
        r"|\blegal\s+(?:action|proceedings|steps|route|recourse|claim|measures|remedies)\b|\blawsuits?\b"
        r"|\bclass[-\s]action\b|\bsmall[-\s]claims\b|\blitigat\w+|\bletter\s+before\s+(?:action|claim)\b"),
}


# Acronyms that are words in lower case ("ico"), read on the text as written.
_LEGAL_CASED: dict[LegalKind, re.Pattern[str]] = {"regulator": re.compile(r"\b(?:ICO|FCA)\b"),
                                                  "data_protection": re.compile(r"\bICO\b")}


def _legal(t: _Text) -> tuple[Finding, ...]:
    """Every legal step named, by its first phrase that isn't negated; most specific first."""
    found = []
    for kind in LEGAL_KINDS:
        cased = _LEGAL_CASED.get(kind)
        matches: list[re.Match[str]] = [*_LEGAL[kind].finditer(t.low), *(cased.finditer(t.norm) if cased else ())]
        m = min((m for m in matches if not _negated(t.low, m.start(), m.end())), key=lambda m: m.start(), default=None)
        if m is not None:
            found.append(Finding(kind, _phrase(m.group()), t.evidence(m.start(), m.end(), f"legal.{kind}")))
    return tuple(found)


# -- leaving: churn, not "I'm leaving for holiday" ---------------------------------------------
_ELSE = (r"(?:provider|supplier|vendor|company|service|agency|platform|bank|firm|store|shop|host|tool|solution"
         r"|carrier|courier)")
_LEAVING = _compiled((
    ("leaving.competitor", r"\b(?:switch\w*|mov(?:e|ed|ing)|go(?:ing)?|migrat\w*|tak\w+\s+(?:my|our)\s+"
                           r"(?:business|money"
                           r"|custom))\s+(?:over\s+)?to\s+(?:a\s+|your\s+|one\s+of\s+your\s+)?(?:competitors?|rivals?"
                           rf"|another\s+(?:\w+\s+)?{_ELSE}|a\s+(?:different|new|better)\s+(?:\w+\s+)?{_ELSE})\b"
                           r"|\b(?:we(?:'re|\s+are)|i(?:'m|\s+am))\s+(?:now\s+|officially\s+)?switching\b"
                           rf"|\bswitching\s+{_ELSE}s\b|\b(?:your|a)\s+competitor\s+(?:instead|now)\b"),
    # "move our support desk to another provider", "transferring the bookkeeping to a new firm"
    ("leaving.moving_work", r"\b(?:mov\w*|switch\w*|transfer\w*|tak\w+)\s+(?:my|our|the|all\s+(?:my|our))\s+"
                            r"(?:[a-z-]+\s+){0,3}?(?:over\s+)?to\s+(?:another|a\s+(?:different|new|better))\s+"
                            r"(?:provider|firm|company|supplier|vendor|agency|host|platform|service|team|bank|accountant"
                            r"|partner|tool|system|studio|contractor)s?\b"),
    ("leaving.elsewhere", r"\b(?:tak\w+|move|moving)\s+(?:my|our|all\s+(?:my|our))\s+"
                          r"(?:business|money|custom|accounts?)\s+"
                          r"elsewhere\b|\b(?:go|going|look|looking|shop|shopping)\s+elsewhere\b"
                          r"|\b(?:start|begin|be|are|am)\s+looking\s+(?:at|for)\s+(?:alternatives(?!\s+for\b)|other\s+(?:providers|suppliers"
                          r"|options|agencies|companies)|another\s+(?:provider|supplier|agency|company))\b"),
    ("leaving.close_account", r"\bclos(?:e|ing)\s+(?:my|our)\s+accounts?\b|\bcancel\s+everything\b"),
    ("leaving.cancelling", r"\b(?:i|we)(?:'m|\s+am|'re|\s+are|'ll|\s+will)\s+(?:just\s+)?cancel(?:l?ing)?"
                           r"(?=\s*(?:[.!,;]|$))"),
    ("leaving.done", r"\b(?:we|i)(?:'re|\s+are|'m|\s+am)\s+(?:so\s+|completely\s+|totally\s+)?(?:done|finished|through)"
                     r"\s+with\s+(?:you|your\s+\w+|this\s+company)\b|\bwe(?:'re|\s+are)\s+(?:done|finished)(?=\s*(?:[.!,;]|$))"
                     r"|\b(?:you'?ve|you\s+have|you\s+just)\s+lost\s+(?:a|my|our|another)\s+(?:\w+\s+)?(?:customer|client"
                     r"|business)\b|\blost\s+(?:my|our)\s+business\b"
                     r"|\bnever\s+(?:use|order\s+from|buy\s+from|deal\s+with|work\s+with|come\s+back\s+to|shop\s+with)\s+"
                     r"(?:you|your\s+\w+|this\s+company)\s+again\b"
                     r"|\bleav(?:e|ing)\s+(?:you|your\s+(?:company|service|platform))\b(?!\s+(?:a|an|my|the|some|one|with)\b)"),
))


def _leaving(t: _Text) -> Finding | None:
    """The first word of churn that isn't negated."""
    for rule, m in _found(_LEAVING, t.low):
        if not _negated(t.low, m.start(), m.end()):
            return Finding("leaving", _phrase(m.group()), t.evidence(*m.span(), rule))
    return None


# -- deadline: the first time limit they set -------------------------------------------------
_WHEN = (rf"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month|business\s+day|play)|close\s+of\s+(?:business|play)"
         rf"|(?:this|next)\s+(?:week|weekend|month|{_WD})|{_WD}|tomorrow(?:\s+(?:morning|afternoon|evening|noon))?"
         rf"|tonight|today|noon|midday|midnight|eod|cob|eow|the\s+\d{{1,2}}(?:st|nd|rd|th)"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?::\d\d)?\s*(?:am|pm)")
_THREATENS = r"\b(?:i|we)(?:'ll|'m|'re|\s+will|\s+won't|\s+am|\s+are)\b|\bthen\b"   # the threat after "if ..."
_DEADLINES = (
    ("deadline.by", _rx(rf"\b(?:by|no\s+later\s+than)\s+(?P<v>{_WHEN})\b")),
    ("deadline.within", _rx(r"\bwithin\s+(?:the\s+next\s+)?(?P<v>(?:\d+|a|an|one|two|three|four|five|seven|ten"
                            r"|fourteen|thirty|"
        r"twenty-four|forty-eight)\s+(?:working\s+|business\s+|calendar\s+)?(?:hours?|days?|weeks?))\b")),
    ("deadline.before", _rx(rf"\bbefore\s+(?P<v>the\s+\d{{1,2}}(?:st|nd|rd|th)"
                            rf"|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month)|{_WD}"
        r"|tomorrow|the\s+weekend)\b")),
    ("deadline.condition", _rx(rf"\b(?:if|unless)\s+[^.!?\n,;]{{0,80}}?\b(?:on\s+)?(?P<v>{_WHEN})\b"
                               rf"(?=[^.!?\n]{{0,40}}?{_THREATENS})")),
    ("deadline.today", _rx(r"\b(?:fix|sort|refund|resolv|respond|reply|answer|call|send|cancel|do|pay|deliver|get"
                           r"|reinstat|restor|unblock|reactivat|unlock|releas)\w*"
                           r"\s+(?:\w+\s+){0,4}?"
        r"(?<!\bby\s)(?P<v>today|tonight|tomorrow|this\s+week(?:end)?)\b(?!')")),
)
_NAME = _rx(rf"\b(?:{_WD}|{_MONTH})\b")   # "friday" -> "Friday", "15 march" -> "15 March"
_SAID_AS = {"eod": "the end of the day", "cob": "close of business", "eow": "the end of the week"}
# "I'll send the files by Friday" is their own plan, not a demand.
_CLAUSE_CUT = _rx(r"[,;:]|\b(?:if|unless|or|and|but|otherwise|so|until)\b")
_OWN_PLAN = _rx(r"\b(?:i|we)(?:'ll|\s+will|\s+can|\s+could|'m\s+going\s+to|\s+plan\s+to|\s+should)\s+(?:\w+\s+)?"
                r"(?:send|get|pay|have|be|call|deliver|finish|submit|return|sign|confirm|let|try|upload|review|come)\b")


# "You promised delivery within 2 weeks", "it was supposed to be done by Friday": a date we gave, not theirs.
_PROMISED = _rx(r"\b(?:promised|quoted|said|told|supposed\s+to|meant\s+to|estimated|agreed|guaranteed|was\s+due"
                r"|were\s+due|should\s+have)\b")


def _not_a_demand(low: str, start: int, end: int) -> bool:
    """Whether the clause before a deadline (low[start:end], cut at its last comma, "if", "or"...)
    is the customer's own plan ("I'll send the contract by Friday") or a date we promised
    ("you promised delivery within 2 weeks"), rather than a demand."""
    for cut in _CLAUSE_CUT.finditer(low, start, end):
        start = cut.end()
    return _OWN_PLAN.search(low, start, end) is not None or _PROMISED.search(low, start, end) is not None


def _deadline(t: _Text, spans: list[tuple[int, int]]) -> Finding | None:
    """The first deadline that is a demand, as a reply can say it ("Friday", "48 hours")."""
    best: tuple[re.Match[str], str] | None = None
    for rule, pattern in _DEADLINES:
        for m in pattern.finditer(t.low):
            if not _not_a_demand(t.low, _around(spans, m.start())[0], m.start()):
                if best is None or m.start() < best[0].start():
                    best = m, rule
                break
    if best is None:
        return None
    m, rule = best
    value = _phrase(m.group("v"))          # lower case: "friday" -> "Friday" below
    value = _NAME.sub(lambda d: d.group().capitalize(), _SAID_AS.get(value, value))
    return Finding("deadline", value, t.evidence(*m.span(), rule))


# -- issue: the complaint, said back in the reply's person --------------------------------------
_COMPLAINT = _rx(
    r"\b(?:charged|billed|renewed|overcharged|broken|broke|failed|fails|failing|crashed|crashes|crashing|freezes|froze"
    r"|not\s+working|(?:doesn't|don't|didn't|does\s+not|did\s+not|won't)\s+(?:even\s+)?(?:work|load|open|start)"
    r"|stopped\s+working|never\s+(?:arrived|came|showed|received|heard|got|seen(?!\s+(?:such|so|anything|worse|a\s+\w+(?:er|est)\b)))|(?:hasn't|has\s+not|haven't|have\s+not"
    r"|didn't|did\s+not)\s+(?:arrived|come|received|got|gotten|heard|been\s+(?:fixed|delivered|refunded|answered))"
    r"|late|delayed|missing|wrong|logged\s+(?:\w+\s+)?out|locked\s+out|ignored|double|twice|no\s+(?:answer|reply"
    r"|response|one)|nobody|damaged|defective|faulty|lost|errors?|bug|outage|waiting|waited|unanswered|stuck"
    r"|(?:is|are|was|were|went|been|goes|keeps\s+going)\s+down"
    r"|still\s+(?:\w+\s+)?(?:not|no|nothing|waiting|broken|being|charg\w+|bill\w+|\w+n't|cannot|missing|down|crash\w*"
    r"|fail\w*|wrong|happening|getting|showing|stuck)"
    r"|refused|declined|disappeared|cut\s+off|dropp(?:ed|ing)\s+out|drops\s+out|deduct\w*|came\s+apart|fell\s+apart|leak\w*|cracked|ruined|unusable|filthy|dirty"
    r"|blank|torn|scratched|smashed|promised|kept\s+(?:my|our)|took\s+(?:my|our)|kept\s+(?:on\s+)?\w+ing|no\s+record"
    r"|blurry|out\s+of\s+focus|stained|mou?ldy|undercooked|peeling|shrunk|faded|dented|chipped|rotten"
    r"|unreadable|illegible|inaccurate|incorrect|unauthori[sz]ed|quit\s+working|no\s+longer\s+works?"
    r"|never\s+(?:replied|responded|answered|got\s+back|called\s+back|turned\s+up|showed\s+up|signed\s+up"
    r"|subscribed|agreed|ordered|authori[sz]ed|consented|opted\s+in)"
    r"|(?:not|never)\s+(?:been\s+)?(?:refunded|replaced|repaired|delivered|fixed|returned)"
    r"|still\s+(?:has|have|shows?|says?|lists?|uses?|sends?)"
    r"|nothing\s+(?:came|arrived|happened|has\s+(?:come|arrived|happened|changed))"
    r"|\b(?:she|he|they|someone|somebody|another\s+\w+|a\s+stranger)\s+(?:has\s+|had\s+)?(?:just\s+)?(?:received|got|was\s+sent"
    r"|were\s+sent|saw|seen)\s+(?:all\s+)?my\b"
    r"|can\s+no\s+longer|(?:doesn't|does\s+not|didn't|did\s+not)\s+meet"
    r"|(?:been|waiting|waited|stuck|on\s+hold)\b[^.!?]{0,40}\bfor\s+(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?"
    r"(?:\d+\+?|a|an|two|three|four|five|six|several|many)\s+(?:hrs?|hours?|days?|weeks?|months?)"
    r"|(?:won't|will\s+not|doesn't|does\s+not"
    r"|didn't|did\s+not|can't|cannot)\s+(?:\w+\s+)?(?:sync|print|save|send|export|connect|charge|turn\s+on|load|log\s+in))\b")
_CLAUSE = _rx(r";|:\s|\s[-–—]+\s|,\s+(?=(?:and\s+|but\s+|so\s+)?(?:this|that|it|it's|i|i'm|i've|we|we're|you|you're"
              r"|they|now|please|refund|fix|sort|cancel|or|what|the|my|our|your)\b)")
# A clause without the punctuation around it and a leading "and", "but", "honestly", ...
_TRIM = _rx(r"[\s,.;:!-]*(?:(?:and|but|so|also|honestly|seriously|frankly|again|now|plus)\b,?\s*)?"
            r"(?P<u>.*?)[\s,.;:!-]*\Z")
_STARTS = _rx(r"(?:i|i'm|i've|i'd|we|we're|we've|you|you've|you're|your|my|our|the|this|that|it|it's|its|they|they've"
              r"|there|nobody|no|nothing|still|a|an|order|invoice|payment|delivery|every|each|both|after|since|for"
              r"|another|someone|somebody|\w+\s+(?:page\s+|site\s+)?(?:says|shows|said|showed|claims|claimed))\b")
# Threats, requests, greetings, praise, idioms ("don't get me wrong"), a subject left out after a
# swapped "I" ("I forgot to cancel and was charged" would come out as "you ... and was charged").
_NOT_A_COMPLAINT = _rx(r"\b(?:or\s+(?:else|i|we)|unless|otherwise|i'll|we'll|i\s+will|we\s+will|going\s+to|gonna"
                       r"|if\s+you|you\s+(?:can|can't|cannot|could|couldn't)|please|thanks?|thank\s+you|hi|hello|dear"
                       r"|regards|cheers|great|love|awesome|happy|glad|appreciate\w*|get\s+me\s+wrong|can't\s+complain"
                       r"|wondering"
                       # an accusation, which a reply must not repeat in its own voice ("you wrote that we stole ...")
                       r"|scam\w*|steal\w*|stole|stolen|lied|lying|liars?|fraud\w*|cheat\w*|ripped|rip\s+off|robb\w*"
                       r"|theft|thie(?:f|ves)|extort\w*|crooks?)\b|[?]|[:;]-?\)|^(?:after|since|before|while)\s+\w+ing\b")
_PRONOUN = re.compile(r"\b(?:i\s+am|i\s+was|you\s+are|you\s+were|we\s+are|we\s+were|i'm|i've|i'd|i'll|you're"
                      r"|you've|you'd|you'll|im|ive|we're|we've|we'd|we'll|myself|ourselves|yourselves|yourself|mine"
                      r"|ours|yours|my|our|your|me|us|i|we|you)\b", re.IGNORECASE)
_SWAP = {"i am": "you are", "i was": "you were", "you are": "we are", "you were": "we were", "we are": "you are",
         "we were": "you were", "i'm": "you're", "im": "you're", "ive": "you've", "i've": "you've", "i'd": "you'd",
         "i'll": "you'll",
         "you're": "we're", "you've": "we've", "you'd": "we'd", "you'll": "we'll", "we're": "you're",
         "we've": "you've", "we'd": "you'd", "we'll": "you'll", "myself": "yourself", "ourselves": "yourselves",
         "yourself": "ourselves", "yourselves": "ourselves", "mine": "yours", "ours": "yours", "yours": "ours",
         "my": "your", "our": "your", "your": "our", "me": "you", "us": "you", "i": "you", "we": "you"}
# "you" is the subject ("we") at the start of a clause, after one of these words, or before a verb.
_BEFORE_SUBJECT = frozenset(("and", "but", "after", "because", "when", "that", "since", "until", "if", "so", "although",
                             "while", "before", "once", "as", "then", "or", "where", "which", "who", "how", "why",
                             "though"))
_VERB_AFTER = re.compile(r"\s+(?:\w+ed|have|had|are|were|did|do|don't|didn't|said|sent|told|sold|made|gave|took"
                         r"|put|let|got|kept|keep|never|still|always|just|also|already|can|could|will|would"
                         r"|should|must|owe|promised|guys|people|send|post|sell|make|give|charge|use|offer|provide"
                         r"|ship|deliver|bill|fit|install|supply|build)\b", re.IGNORECASE)
_MIN_WORDS, _MAX_WORDS = 4, 22


def _issue(t: _Text, spans: list[tuple[int, int]], avoid: list[tuple[int, int]]) -> str:
    """The first clause that states what went wrong, in the reply's person, and when that one is
    short, the next such clause that adds something ("order 50317 never arrived, and that
    tracking says ..."); "" when none is clearly one (a wrong paraphrase is worse than none).
    ``avoid``: threats and abuse."""
    units: list[str] = []
    for s0, s1 in spans:
        if t.low[s1:s1 + 1] == "?":
            continue
        start = s0
        cuts = [m.start() for m in _CLAUSE.finditer(t.low, s0, s1) if not _in_brackets(t.low, s0, m.start())]
        for end in [*cuts, s1]:
            unit = _unit(t, start, end, avoid)
            start = end + 1
            if unit:
                units.append(_said_back(unit))
                break
        if units and (len(units[0].split()) > _SHORT_ISSUE or len(units) == 2):
            break
    if len(units) == 2 and _adds(units[0], units[1]) and len(" ".join(units).split()) <= _MAX_WORDS + 4:
        return f"{units[0]}, and that {units[1]}"
    return units[0] if units else ""


_SHORT_ISSUE = 6      # a complaint this short may take a second one beside it


def _adds(first: str, second: str) -> bool:
    """Whether the second complaint says more than the first (not "your room is filthy" twice)."""
    seen = {w.strip(".,!").lower() for w in first.split()}
    new = [w for w in second.split() if w.strip(".,!").lower() not in seen]
    return len(new) >= len(second.split()) * 2 / 3


def _in_brackets(low: str, start: int, pos: int) -> bool:
    """Whether pos is inside "( ... )" opened after start: "(Unit 14, it's Unit 4)" is one aside."""
    return low.count("(", start, pos) > low.count(")", start, pos)


def _unit(t: _Text, start: int, end: int, avoid: list[tuple[int, int]]) -> str:
    """The clause at start:end, trimmed and made whole, if it is a plain statement of a complaint, else ""."""
    if any(a < end and start < b for a, b in avoid):
        return ""
    m = _TRIM.match(t.low, start, end)
    unit = _completed(t.norm[m.start("u"):m.end("u")]) if m else ""
    if len(unit.split()) > _MAX_WORDS:
        unit = _shortened(unit)
    low = unit.lower()
    if (not _MIN_WORDS <= len(unit.split()) <= _MAX_WORDS or not _STARTS.match(low) or unit.isupper()
            or not _COMPLAINT.search(low) or _NOT_A_COMPLAINT.search(low) or not _quoted_plainly(low)
            or _SWEAR.search(low) or _AT_PEOPLE.search(low) or _dangling(low) or _heading(low)):
        return ""
    return _EMPHASIS.sub("", unit)


# "a lot of Github issues with no response about refunds": a count of things with no verb is a heading.
_COUNT_OF = re.compile(r"(?:a\s+lot\s+of|lots\s+of|loads\s+of|tons\s+of|so\s+many|too\s+many|plenty\s+of)\s")
_BE_HAVE = re.compile(r"\b(?:is|are|was|were|has|have|had|been|\w+n't|\w+ed)\b")


def _heading(low: str) -> bool:
    return bool(_COUNT_OF.match(low)) and not _BE_HAVE.search(low)


_EMPHASIS = re.compile(r"(?<![\w*])(?:\*\*|__)(?=\w)|(?<=\w)(?:\*\*|__)(?![\w*])|`")   # markdown, not "f**k"


# Terse complaints said whole: "Ordered a sofa ..." -> "I ordered a sofa ...", "3 weeks and still no
# refund" -> "it has been 3 weeks and I still have no refund", "£64.99 for a jacket that ..." ->
# "I paid £64.99 for a jacket that ...", "Roof's leaking" -> "The roof's leaking".
_NO_SUBJECT = re.compile(r"(?:ordered|bought|paid|booked|called|emailed|rang|phoned|sent|waited|received|spent|tried"
                         r"|signed\s+up|subscribed|cancell?ed|returned|asked|contacted|hired|rented|purchased)\s",
                         re.IGNORECASE)
_STILL_NO = re.compile(r"(?:(?P<d>(?:\d+|a|an|one|two|three|four|five|six|ten|several|many)\s+(?:hours?|days?|weeks?"
                       r"|months?))\s+(?:and|on|later|now),?\s+)?still\s+no\s+(?=\w)", re.IGNORECASE)
_STILL_NOT = re.compile(r"still\s+(?:haven't|have\s+not|havent|can't|cannot|don't|didn't)\s", re.IGNORECASE)
_PAID_FOR = re.compile(r"(?=[$€£]\s?\d[\d,.]*\s+for\s+(?:a|an|the|this|that|my|our)\s)")
_BARE_NOUN = re.compile(r"(?!(?:it|that|there|what|he|she|who|here|let|this|where|everything|nothing)'s)[a-z]+'s\s+"
                        r"(?:still\s+|not\s+|now\s+|been\s+)?(?:\w+ing|broken|down|dead|gone|missing)\b",
                        re.IGNORECASE)
_I_AND_WAS = re.compile(r"\b(and|but|or|then)\s+(was|am)\b")


def _completed(unit: str) -> str:
    """``unit`` with the subject a terse complaint leaves out; when that subject is "I", a later
    "and was" becomes "and were", so it reads right in the reply's person ("you ... and were")."""
    if _STILL_NOT.match(unit):
        unit = "I " + unit[0].lower() + unit[1:]
    elif m := _STILL_NO.match(unit):
        unit = ("it has been " + m.group("d") + " and " if m.group("d") else "") + "I still have no " + unit[m.end():]
    elif _NO_SUBJECT.match(unit):
        unit = "I " + unit[0].lower() + unit[1:]
    elif _PAID_FOR.match(unit):
        unit = "I paid " + unit
    elif _BARE_NOUN.match(unit):
        unit = "the " + unit[0].lower() + unit[1:]
    if re.match(r"(?i:i)\s", unit):
        unit = _I_AND_WAS.sub(lambda w: f"{w.group(1)} {'were' if w.group(2) == 'was' else 'are'}", unit)
    return unit


def _shortened(unit: str) -> str:
    """A long clause cut before its last " and " that leaves a whole complaint short enough."""
    cuts = [m.start() for m in re.finditer(r"\s(?:and|but)\s", unit)]
    for cut in reversed(cuts):
        head = unit[:cut].rstrip(" ,")
        if len(head.split()) <= _MAX_WORDS and _COMPLAINT.search(head.lower()) and not _in_brackets(head, 0, len(head)):
            return head
    return unit


def _quoted_plainly(low: str) -> bool:
    """Quotes closed, and no "I" or "you" inside them (they would be someone else's words, not to swap)."""
    parts = low.split('"')
    return len(parts) % 2 == 1 and not any(_PRONOUN.search(q) for q in parts[1::2])


# A clause that points elsewhere means nothing on its own in a reply: "nobody has really explained
# why", and a short one ending in a pronoun ("it keeps doing that"); "... where your lot patched it" is whole.
_DANGLING = re.compile(r"\b(?:why|what|how|where|when|who|so|too|either|to|for|of|with|about|from|at|by)\s*$")
_POINTING = re.compile(r"\b(?:it|this|that|them)\s*$")
_POINTING_WORDS = 6


def _dangling(low: str) -> bool:
    return bool(_DANGLING.search(low) or (_POINTING.search(low) and len(low.split()) <= _POINTING_WORDS))


# "your lads", "your lot" are the customer's words for our people; the reply says "our team".
_OUR_CREW = re.compile(r"\bour\s+(?:lads|guys|boys|men|lot|people|folks|crew)\b")


def _said_back(unit: str) -> str:
    """``unit`` in the reply's person: I -> you, you -> we/us, my -> your, your -> our."""
    def swap(m: re.Match[str]) -> str:
        word = m.group()
        key = " ".join(word.lower().split())
        if word == "US":                      # the country
            return word
        said = _SWAP[key] if key != "you" else "we" if _subject(unit, m.start(), m.end()) else "us"
        return said.upper() if word.isupper() and len(word) > 1 else said

    said = _OUR_CREW.sub("our team", _PRONOUN.sub(swap, unit))
    first = said.split()[0]
    return said if first.isupper() and len(first) > 1 else said[0].lower() + said[1:]


def _subject(unit: str, start: int, end: int) -> bool:
    """Whether the "you" at unit[start:end] is a subject ("you charged" -> "we charged") rather
    than an object ("I told you" -> "you told us")."""
    before = unit[:start].split()
    return (not before or before[-1].lower().strip(",") in _BEFORE_SUBJECT
            or _VERB_AFTER.match(unit, end) is not None)


# -- the whole reading -------------------------------------------------------------------------

def read(text: str, abuse: Sequence[Evidence] = ()) -> Reading:
    """The customer's new text -> a Reading. ``abuse``: the detector's abusive_language
    evidence (offsets into the same text), so the anger target is judged on those phrases."""
    norm, origin = normalise(text)
    norm = _unwrap(norm)         # a line the mail client wrapped is one line, as detection reads it
    t = _Text(text, norm, origin)
    spans = _sentences(t.low)
    facts, contacts = _facts(t)
    review, legal, leaving, deadline = _review(t, spans), _legal(t), _leaving(t), _deadline(t, spans)
    said = [f.evidence for f in (review, leaving, deadline, *legal) if f is not None] + list(abuse)
    avoid = [(t.position(e.start), t.position(e.end)) for e in said]
    return Reading(asks=_asks(t), facts=tuple(facts), anger=_anger(t, spans, abuse), review=review, legal=legal,
                   leaving=leaving, deadline=deadline, issue=_issue(t, spans, avoid), held_until=_held_until(t),
                   request=_request(t), need=_need(t, spans), billed=_billed(t),
                   contacts=contacts, words=len(text.split()), safety=_safety(t))


# -- billed against quoted: "£2,140 for a job you quoted at £1,100", "quoted $800 and charged $1,450" --------
_AMT = r"[$€£¥]\s?\d(?:[\d,.]*\d)?"
_QUOTED = r"(?:quoted|estimated|priced|agreed)"
_BILLS = (
    _rx(rf"(?P<billed>{_AMT})\s+for\s+(?:a|an|the|this|that|my|our)\s+[^.!?\n$€£]{{1,40}}?\b{_QUOTED}\s+"
        rf"(?:(?:me|us|it)\s+)?(?:at|as|for)?\s*(?P<quoted>{_AMT})"),
    _rx(rf"\b(?:{_QUOTED}|quote\s+(?:was|of|said)|estimate\s+(?:was|of|said))\s+(?:(?:me|us|it)\s+)?(?:at\s+)?"
        rf"(?P<quoted>{_AMT})[^.!?\n$€£]{{1,60}}?\b(?:charged|billed|invoiced|(?:bill|invoice)\s+(?:is|was|came\s+to|says)"
        rf"|asking\s+for)\s+(?:(?:me|us)\s+)?(?P<billed>{_AMT})"),
)


def _billed(t: _Text) -> tuple[str, ...]:
    """(billed, quoted) when they set a bill against a quote or estimate, else ()."""
    for pattern in _BILLS:
        if m := pattern.search(t.low):
            billed, quoted = (_amount(t.norm[m.start(g):m.end(g)]) for g in ("billed", "quoted"))
            return billed, quoted
    return ()


# -- need: what a threat's condition asks for, in the reply's person ----------------------------
# "If my data isn't deleted this week I'm going to the ICO" -> "your data deleted this week";
# "unless you refund me by Friday" -> "us to refund you by Friday". Only a condition beside a threat
# ("I'll ...", "I'm ...", "you'll ...", "then", "or else") counts: "if it isn't too much trouble" doesn't.
_COND_END = (r"(?=\s*(?:[,;:]|\bthen\b|\b(?:i|we)(?:'ll|'m|'re|\s+will|\s+shall|\s+am|\s+are|\s+would|'d"
             r"|\s+have\s+to)\b|\byou(?:'ll|'re|\s+will|\s+are)\b|\bor\s+(?:else|i|we|you)\b|\Z))")
_NP = r"(?:it|this|that|(?:my|our|your|the|this|that)\s+(?:[\w£$€.,'-]+\s+){0,3}?[\w£$€.,'-]+)"
_NOT_BE = (r"(?:isn't|is\s+not|isnt|aren't|are\s+not|arent|hasn't\s+been|has\s+not\s+been|haven't\s+been"
           r"|have\s+not\s+been)")
_STATE = r"(?:back|here|done|sorted|up|online|ready|in|on|out|working|live|paid|gone|\w+ed|\w+en)\b"
_DONT = (r"(?:don't|do\s+not|dont|can't|cannot|won't|will\s+not|doesn't|does\s+not|didn't|did\s+not"
         r"|fail\s+to)")
_NEEDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((form, _rx(pattern + r"(?P<x>[^.!?\n]{1,90}?)" + _COND_END))
    for form, pattern in (
        ("get", r"\b(?:if\s+(?:i|we)\s+(?:don't|do\s+not|dont|can't|cannot|haven't|have\s+not|didn't|did\s+not)"
                r"|unless\s+(?:i|we))\s+(?P<v>get|receive|hear|see|have)\s+"),
        ("state", rf"\b(?:if\s+(?P<s>{_NP})\s+{_NOT_BE}"
                  rf"|unless\s+(?P<s2>{_NP})\s+(?:is|are|has\s+been|have\s+been|gets?))\s+(?={_STATE})"),
        ("do", rf"\b(?:if\s+(?P<s>you|your\s+\w+)\s+{_DONT}|unless\s+(?P<s2>you|someone|somebody|your\s+\w+)"
               r"(?:\s+(?:can|will|could))?)\s+(?!(?:like|want|mind|think|care|agree|understand|believe|know"
               r"|need|have|see|hear|feel|mean|do|be|get|let|accept|respond|reply|answer)\b)(?P<v>[a-z]+)\s+"),
    ))
_THREAT_NEAR = _rx(r"\b(?:i|we)(?:'ll|'m|'re|\s+will|\s+won't|\s+will\s+not|\s+shall|\s+am|\s+are|\s+would|'d"
                   r"|\s+have\s+to)\b"
                   r"|\byou(?:'ll|'re|\s+will|\s+are)\s+(?:\w+\s+)?(?:getting|get|be|hear|see|lose|regret)\b"
                   r"|\bthen\b|\bor\s+else\b")
_PLAIN = {"has": "have", "does": "do", "is": "be"}


def _plain(verb: str) -> str:
    """"explains" -> "explain", "fixes" -> "fix", "replies" -> "reply": for "someone to ..."."""
    if verb in _PLAIN:
        return _PLAIN[verb]
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:ch|sh|ss|x|z)es$", verb):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb


def _need(t: _Text, spans: list[tuple[int, int]]) -> str:
    """What the condition of a threat asks for, as words after "you need ..." ("" when none)."""
    for s0, s1 in spans:
        for form, pattern in _NEEDS:
            m = pattern.search(t.low, s0, s1)
            if not m or not _THREAT_NEAR.search(t.low[s0:m.start()] + " " + t.low[m.end():s1]):
                continue
            need = _needed(t, m, form)
            if 2 <= len(need.split()) <= _NEED_WORDS and not _SWEAR.search(need.lower()):
                return need
    return ""


_NEED_WORDS = 14


def _needed(t: _Text, m: re.Match[str], form: str) -> str:
    x = t.norm[m.start("x"):m.end("x")].strip(" ,")
    if form == "get":
        return ("to hear " if m.group("v") == "hear" else "") + _said_back(x)
    name = "s" if m.group("s") else "s2"
    who = t.norm[m.start(name):m.end(name)]
    if form == "state":
        return _said_back(f"{who} {x}")
    third_person = name == "s2" and who.lower() != "you"      # "unless someone explains" -> "explain"
    verb = _plain(m.group("v")) if third_person else m.group("v")
    doer = "us" if who.lower() == "you" else _said_back(who)
    return f"{doer} to {_said_back(verb + ' ' + x)}"


# A payment held back on a condition: "we won't be paying INV-2087 until the banners are delivered",
# "the invoice is on hold till the app works", "no payment before the site is live".
_HELD = _rx(r"\b(?:pay(?:ing|ment)?|invoices?|bills?|rent|fees?|inv-?\d+|settle)\b[^.!?\n]{0,60}?\b(?:until|till|unless"
            r"|before|as\s+long\s+as|once)\s+(?P<condition>[^.!?\n;]{6,120})")
_HELD_WORDS = 16
# Work asked for: "could he also rewire the garage", "can you also do the Instagram posts for launch",
# "we need you to add a German version".
_REQUEST = _rx(r"\b(?:(?:can|could|would|will)\s+(?:you|he|she|they|your\s+\w+)\s+(?:please\s+)?(?:also|just)\s+"
               r"|(?:i|we)\s+(?:also\s+)?(?:need|want|expect)\s+you\s+to\s+(?:also\s+)?)(?P<work>[^.!?\n;]{4,120})")
# A thing "also" wanted: "we also need an online shop and a German version" -> "also provide an online shop ...".
_ALSO_THING = _rx(r"\b(?:i|we)\s+(?:also\s+(?:need|want|expect|require)|(?:would|'d)\s+also\s+like)\s+"
                  r"(?P<work>(?:an?|the|some|more|extra|another)\s+[^.!?\n;]{3,120})")


# Where a restated clause stops: its reason or the next clause ("..., seeing as we paid", "..., and I ...").
_REQUEST_END = re.compile(r",\s+(?:seeing|since|as|because|given|for\s+free|free|at\s+no|obviously|surely|please"
                          r"|and\s+(?:it|that|this))\b|\s+(?:seeing\s+as|since|because)\s")
_HELD_END = re.compile(r",\s+(?:and|but|so|or)\b|\s+(?:and|but)\s+(?:i|we|you)\b")


# Work they expect to be included: "if we have to pay extra for a mobile version ...", "assumed the
# flyers would be included with the brand package" -> "include a mobile version ...".
_INCLUDED = (_rx(r"\bpay\s+(?:extra|more|again|separately|additionally)\s+for\s+(?![^.!?\n;]*\bthan\b)"
                r"(?P<work>[^.!?\n;]{4,120})"),
             _rx(r"\b(?P<work>(?:the|a|an|my|our|your)\s+[^.!?\n,;]{2,60}?)\s+(?:would|should|will|to)\s+(?:be|have\s+been)"
                 r"\s+included(?P<rest>\s+(?:in|with)\s+[^.!?\n,;]{2,50})?"))
_INCLUDED_END = re.compile(r"\s+(?:then|and\s+(?:i|we|it|that)|or|so|but)\b|,\s")


def _request(t: _Text) -> str:
    """The work asked for, in the reply's person ("also do the Instagram posts for launch",
    "include the flyers with the brand package"), or ""."""
    m = _REQUEST.search(t.low)
    work = _restated(t, m, "work", _REQUEST_END)
    if work:
        return ("also " if m and "also" in m.group().split() else "") + work
    if work := _restated(t, _ALSO_THING.search(t.low), "work", _REQUEST_END):
        return f"also provide {work}"
    for pattern in _INCLUDED:
        m = pattern.search(t.low)
        if m and (work := _restated(t, m, "work", _INCLUDED_END)):
            rest = m.groupdict().get("rest")
            return f"include {work}" + (_said_back(t.norm[m.start("rest"):m.end("rest")]) if rest else "")
    return ""


def _held_until(t: _Text) -> str:
    """The condition a payment is held on, in the reply's person, or "" (none, or too long to restate)."""
    return _restated(t, _HELD.search(t.low), "condition", _HELD_END)


def _restated(t: _Text, m: re.Match[str] | None, group: str, end: re.Pattern[str]) -> str:
    """A matched clause (``group`` of ``m``, cut at ``end``) in the reply's person; "" when there
    is none, or it is too short or long to restate, or it swears."""
    if not m:
        return ""
    clause = end.split(t.norm[m.start(group):m.end(group)].strip().rstrip(","), maxsplit=1)[0].strip(" ,")
    if not 2 <= len(clause.split()) <= _HELD_WORDS or _SWEAR.search(clause.lower()):
        return ""
    return _said_back(clause)


# -- the topic: what the subject line says the message is about -------------------------------

_SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:re|fw|fwd|aw|sv|wg|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_SUBJECT_NOISE = re.compile(
    r"\((?:again|urgent|[^)]*request)\)|\b(?:again|urgent|asap|importan(?:t|ce)|final|formal\s+complaint|complaint"
    r"|last\s+(?:warning|chance|reminder)|\d+(?:st|nd|rd|th)\s+(?:request|reminder|time)|(?:first|second|third|"
    r"fourth|fifth)\s+(?:request|reminder|time))\b|[!?]+|#", re.IGNORECASE)
_SUBJECT_REF = re.compile(
    r"\b(?:order|invoice|inv|ticket|case|account|booking|ref(?:erence)?|tickets)\b\s*(?:no\.?|number|#)?\s*"
    r"[A-Z]*-?\d[\w/-]*(?:\s*,\s*[A-Z]*-?\d[\w/-]*)*|\b[A-Z]{2,5}-\d[\w-]*\b", re.IGNORECASE)
# A subject that asks or orders ("where is my sofa", "cancel"), or says nothing of the matter.
_NOT_A_TOPIC = re.compile(
    r"^(?:where|why|what|how|when|who|which|is|are|was|were|can|could|would|will|do|does|did|please|pls|still|"
    r"need|i|i'm|im|we|we're|you|you're|cancel|delete|stop|help|hello|hi|hey|question|problem|issue|complaint|"
    r"refund|re|fw|ending|end|not|no|never|ignored|thanks|thank|update|follow[- ]?up|my\s+data|your\s+order|"
    r"our\s+order|my\s+order|last|final|warning|chance|urgent|important|subject\s+access|while|if|because|since|"
    r"about|regarding|re)\b", re.IGNORECASE)
# "Payroll run failed", "charged twice": a sentence, not a topic
_PREDICATE = re.compile(r"\w(?:ed|ing|ly)$|\b(?:twice|again|already|still|today|now|late|wrong|lost|off)$",
                        re.IGNORECASE)
_WHERE_IS = re.compile(r"\b(?:where(?:'s|\s+is|\s+are)|what\s+happened\s+to|still\s+no|still\s+waiting\s+(?:for|on)"
                       r"|still\s+(?:haven't|have\s+not|not)\s+(?:got|received|had))\s+(my|our|the)?\s*", re.IGNORECASE)
_DAYS_MONTHS = re.compile(r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?\b|^(?:january|february|"
                          r"march|april|may|june|july|august|september|october|november|december)\b", re.IGNORECASE)
_OWNER = {"my": "your", "our": "your", "your": "our", "the": "the", "a": "the", "an": "the"}
TOPIC_WORDS = 6          # a longer subject is a sentence, not a topic


def topic(subject: str) -> str:
    """What the subject line says the message is about, ready for "Thank you for writing about
    ...": "the LED controller" (LED controller), "your deposit" (My deposit), "our technician"
    (Your technician), "the kitchen extension" (Kitchen extension, 14 Alder Road), "the boiler"
    (Boiler - FOURTH breakdown). References (order, invoice, ticket numbers) are left to the
    facts, and "" is returned for a subject that asks, orders or says nothing ("where is my
    sofa", "cancel", "last warning", "Re: Your order"): a wrong topic is worse than none."""
    text = _SUBJECT_REF.sub(" ", _SUBJECT_NOISE.sub(" ", _SUBJECT_PREFIX.sub("", subject)))
    text = _WHERE_IS.sub(lambda m: f"{m.group(1) or 'the'} ", text)   # "where is my sofa" -> "my sofa"
    parts = (p.strip(" .:;'\"") for p in re.split(r"\s[-–/|+]\s|[,(:]", text))
    part = next((p for p in parts if any(len(w) > 2 and w.lower() not in _OWNER for w in p.split())), "")
    words = part.split()
    if (not words or len(words) > TOPIC_WORDS or _NOT_A_TOPIC.match(part) or _PREDICATE.search(part)
            or not all(_plain_word(w) for w in words) or _label(text, words) or _SWEAR.search(part.lower())
            or _INSULT_WORD.search(part.lower()) or _A_CLAUSE.match(part)):
        return ""
    words = [w.lower() if w.isupper() and len(w) > 4 else w for w in words]
    first = words[0]
    if first.lower() in _OWNER:
        return " ".join([_OWNER[first.lower()], *words[1:]])
    if _DAYS_MONTHS.match(part) or first[0].isdigit():      # "Saturday night", "Tuesday's downtime"
        return " ".join(words)
    if first[0].isupper() and not first.isupper():
        words[0] = first.lower()
    return " ".join(["the", *words])


# A subject that judges ("Worst developers ever", "The Android APP is a SCAM") or only exclaims ("lmao").
_INSULT_WORD = _rx(rf"\b(?:{_INSULT_ADJ}|{_INSULT_NOUN}|scam\w*|dafaq|wtf|lmao|lol|omg|trash|garbage|rubbish|crap\w*"
                   r"|worst|terrible|horrible|awful|disgusting|shameful|ridiculous)\b")
# "Being charged without approval", "Paid for Pro support": a clause, not a thing; "X is a Y" judges.
_A_CLAUSE = re.compile(r"(?:being|getting|having|not|paid|charged|bought|ordered|got)\b"
                       r"|(?!(?:billing|booking|pricing|shipping|parking|heating|plumbing|wedding|building|meeting|listing"
                       r"|training|hosting|marketing|accounting|packaging|printing|flooring|roofing|wiring|lighting|clothing"
                       r"|housing|banking|catering|cleaning|landscaping|recording|streaming|messaging|ticketing|setting|"
                       r"settings|opening|ceiling|morning|evening|earring|ring|king|thing|string|spring|swing)\b)[a-z]+ing\s"
                       r"|.*\b(?:is|are|was|were)\b"
                       # "Stranded in DCA", "Ripped off", "Properly implement ...", "Check your Gmail", "Close account"
                       r"|[a-z]+ed\s+(?:in|at|off|out|elsewhere|up|by|on|to|from|for|again)\b|(?:properly|urgently|finally|really|just|seriously|completely|totally|absolutely)\s|\S+\s.*\b(?:my|me|i|you|we|us)\b"
                       r"|(?:check|close|fix|send|give|make|let|tell|contact|implement|stop|remove|add|reply|respond|answer)\s",
                       re.IGNORECASE)
_ADJECTIVE = re.compile(r"\w(?:able|ible|ous|ful|less|ive|ic|ish)$", re.IGNORECASE)


def _label(text: str, words: list[str]) -> bool:
    """One word before a colon and a sentence ("Claude: fraud victim, no human response in 14 days")
    labels the subject rather than naming its matter ("Boiler: still broken" names it); a lone
    adjective ("Despicable: ...") never names it."""
    if len(words) != 1:
        return False
    label, colon, rest = text.strip().partition(":")
    return bool(_ADJECTIVE.search(words[0])) or (colon != "" and label == words[0] and len(rest.split()) > 4)


def _plain_word(word: str) -> bool:
    """A word a topic can hold: letters, digits, an apostrophe or hyphen; not "I" or a pronoun."""
    return bool(re.fullmatch(r"[A-Za-z0-9][\w'’&.-]*", word)) and word.lower() not in {"i", "me", "you", "he", "she",
                                                                                      "they", "it", "us", "them"}
