"""A reading of the customer's new text, before any reply is written: what they actually said,
so that a template can answer it (``read`` -> ``Reading``).

Detection says which signals a message carries; the reading says what a reply must answer: what
they ask for (a refund, to cancel, to delete or export their data, a fix, free extra work,
compensation, a call, an explanation), the facts they give (order, invoice and ticket numbers,
amounts, a bill set against a quote, dates, how often they have written), whether anger is aimed
at people or at the situation, a review posted or threatened, the legal steps named (a chargeback,
a regulator, data protection, litigation: not all lawsuits), churn, a deadline as a reply can say
it, and, said back in the reply's person (``restate``), the complaint, what a threat's condition
asks for, the work asked for and the condition a payment is held on. It carries the safety
reading too (``safety``). Every finding keeps the words that show it, as written. The rules lean
to silence: a negated ask ("no refund needed") is no ask, calm scheduling is no deadline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from replydraft.detection.detector import Evidence
from replydraft.reply.restate import cancelling, change, held_until, issue, need, request
from replydraft.reply.safety import SafetyMatter, safety_of
from replydraft.reply.text import AT_PEOPLE, SWEAR, Text, around, compiled, matches, phrase, rx, sentences

__all__ = ["LEGAL_KINDS", "AskKind", "FactKind", "Finding", "LegalKind", "Reading", "read"]

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
    change: str = ""                     # more than was booked: "you booked catering for 60 but ... 85"
    cancelling: str = ""                 # what they cancel: "your subscription", "all three locations"
    need: str = ""                       # what a threat's condition asks for: "your data deleted this week"
    billed: tuple[str, ...] = ()         # a bill set against a quote: ("£2,140", "£1,100"), or ()
    paid: str = ""                       # what they say they paid: "$3,200"
    money_back: bool = False             # their bank or card company has already returned the money
    refused: str = ""                    # a charge they won't pay (again): "the £85 call-out fee"
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
                   r"|\b(?:be|get|got|being)\s+refunded\b|\b(?:want|need|expect|demand)\s+(?:[\w$£€.,]+\s+){1,4}?refunded\b"
                   r"|\b(?:my|our|the)\s+money\s+back\b|\bpay\s+(?:me|us)\s+back\b"
                   r"|\breverse\s+(?:the|these|those|both|this|that|my|our)\s+(?:\w+\s+)?(?:charges?|payments?)\b"
                   rf"|\bcredit\s+{_SELF}\s+(?:account|card)\b|\breimburse\w*\b"),
    ("ask.cancel", rf"\bcancel(?:l?ing|l?ed)?\s+(?:{_SELF}|the|this|that)\s+(?:\w+\s+)?(?:subscriptions?|plans?|orders?"
                   r"|accounts?|membership|contract|service|renewal|booking|package|licen[cs]es?)\b"
                   rf"|\bclos(?:e|ing)\s+(?:{_SELF}|the)\s+accounts?\b"
                   r"|\bterminat(?:e|ing)\s+(?:the|our|my|this)\s+(?:contract|agreement|subscription|service|account)\b"
                   r"|\bcancel\s+(?:everything|it\s+all)\b"
                   r"|\bcancel\s+(?:all|both|every|each)\s+(?:\w+\s+){0,2}?(?:subscriptions?|plans?|orders?|accounts?"
                   r"|memberships?|contracts?|services?|bookings?|licen[cs]es?|locations?|sites?|stores?|seats?)\b"),
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
                         r"|\bunder\s+warranty\b|\bcovered\s+by\s+(?:the\s+|your\s+)?(?:warranty|guarantee)\b"
                         r"|\b(?:a|some|free|travel)\s+vouchers?\b|\bmake\s+(?:it\s+)?up\s+(?:to\s+(?:me|us)\s+)?for\b"
                         r"|\bfor\s+(?:my|our|the)\s+(?:trouble|inconvenience|hassle)\b"),
    ("ask.call", r"\b(?:call|phone|ring)\s+me\b(?!\s+(?:a|an)\b)|\bgive\s+me\s+a\s+(?:call|ring)\b"
                 r"|\b(?:speak|talk)\s+(?:to|with)\s+(?:a|your|the|an?\s+actual|a\s+real)\s+(?:\w+\s+)?"
                 r"(?:manager|supervisor|human|person|boss|owner|director)\b"
                 r"|\b(?:speak|talk)\s+(?:to|with)\s+(?:someone|somebody|a\s+person)\b"
                 r"|\b(?:give|send)\s+me\s+(?:a|your|the)\s+(?:phone\s+)?number\s+(?:to\s+call|i\s+can\s+call)\b"
                 r"|\b(?:call|reach)\s+a\s+(?:real\s+)?(?:human|person)\b"),
    ("ask.information", r"\bexplain\s+(?:to\s+(?:me|us)\s+)?(?:why|what|how)\b"
                        r"|\b(?:tell|let)\s+(?:me|us)\s+(?:know\s+)?(?:what|why|when|how|where)\b"
                        r"|\b(?:i|we)\s+(?:want|need|demand|would\s+like|'d\s+like)\s+to\s+know\b"
                        rf"|\bwhere\s+(?:is|are)\s+{_SELF}\s+\w+|\bwhat\s+happened\b|\ban\s+explanation\b"),
)
_ASK = compiled(_ASKS)
# A simple negation just before an ask: "no refund needed", "I don't want to cancel", "no need to call me".
_NOT_ASKED = rx(r"(?:\bno\s+(?:need\s+(?:to|for)\s+(?:a\s+|any\s+)?)?|\b(?:don't|do\s+not|never|not)\s+"
                 r"|\b(?:don't|do\s+not|doesn't|didn't|won't|not|never|am\s+not|i'm\s+not)\s+(?:really\s+)?"
                 r"(?:want|need|ask|asking|asked|expect|expecting|require|looking|plan|planning|intend|going|wish|"
                 r"interested)\b(?:\s+\w+){0,3}\s+|\bwithout\s+(?:a\s+|any\s+)?)$")
_NOT_NEEDED = rx(r"^\s+(?:is\s+|are\s+)?(?:not|isn't|aren't)\s+(?:needed|necessary|required)\b")


# "I'll fix it myself", "we sorted it": the customer does it, it isn't asked of us.
_THEMSELVES = rx(r"\b(?:i|we)(?:'ll|\s+will|\s+can|'ve|\s+have)?\s+(?:just\s+|already\s+)?\Z")


def _themselves(low: str, rule: str, start: int) -> bool:
    return rule == "ask.fix" and _THEMSELVES.search(low, max(0, start - 20), start) is not None


def _negated(low: str, start: int, end: int) -> bool:
    """A simple negation right before (or "not needed" right after) the phrase at start:end."""
    return bool(_NOT_ASKED.search(low[max(0, start - 50):start]) or _NOT_NEEDED.match(low, end))


def _asks(t: Text) -> tuple[Finding, ...]:
    """One finding per kind asked for, its first phrase that isn't negated, in text order."""
    first: dict[str, Finding] = {}
    for rule, m in matches(_ASK, t.low):
        kind = rule.removeprefix("ask.")
        if kind not in first and not _negated(t.low, m.start(), m.end()) and not _themselves(t.low, rule, m.start()):
            first[kind] = Finding(kind, phrase(m.group()), t.evidence(m.start(), m.end(), rule))
    return tuple(first.values())


# -- facts: numbers, amounts, dates, and how often they have written -------------------------
_ID = r"(?P<v>(?:[a-z]{1,5}-?)?\d[\d-]*\d(?:-[a-z0-9]+)?)\b(?!\s+(?:units|items|pieces|pcs|copies|times|of)\b)"
_NUMBERED = r"\s*(?:(?:no|nr|num|number|id|ref)\b\.?\s*(?:is\s+)?)?[:#]?\s*#?\s*"
_FACTS: tuple[tuple[FactKind, str, re.Pattern[str]], ...] = (
    ("order", "fact.order", rx(r"\border" + _NUMBERED + _ID)),
    ("invoice", "fact.invoice", rx(r"\b(?:invoice|inv\b\.?)" + _NUMBERED + _ID + r"|\b(?P<v2>inv-?\d[\d-]*\d)\b")),
    ("ticket", "fact.ticket", rx(r"\b(?:ticket|case|reference|ref\b\.?|incident|claim|booking)" + _NUMBERED + _ID)),
    ("account", "fact.account", rx(r"\b(?:account|customer|membership|member|policy)" + _NUMBERED + _ID)),
    ("amount", "fact.amount", rx(r"(?P<v>[$€£¥]\s?\d(?:[\d,.]*\d)?(?:\s?[km]\b)?)(?![a-z\d])")),  # not "$2X"
    ("amount", "fact.amount", rx(r"\b(?P<v>\d(?:[\d,.]*\d)?\s?(?:usd|eur|gbp|cad|aud|chf|dollars|euros|pounds"
                                  r"|bucks)\b)")),
    ("date", "fact.date", rx(
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
_CONTACTS = rx(
    rf"\b(?:the|my|our)\s+(?P<n1>{_COUNT})\s+(?:{_CONTACT_WORD}\b"
    r"|(?:time|attempt)\s+(?:that\s+)?(?:i|we)(?:'ve|\s+have|'m|\s+am)?\s+(?:\w+\s+)?(?:writ|emai|e-mai|call|phon|"
    r"contact|ask|reach|messag|chas|complain|tr[iy]|rais|report)\w*)"
    r"|\b(?:writing|emailing|calling|contacting|asking|chasing|messaging)\s+(?:you\s+)?(?:about\s+this\s+)?"
    rf"for\s+the\s+(?P<n2>{_COUNT})\s+time\b"
    r"|\b(?:emailed|e-mailed|written|wrote|called|phoned|contacted|messaged|chased|rung|rang|asked|reached\s+out|"
    r"complained|tried)\s+(?:to\s+)?(?:you\s+|your\s+\w+\s+|you\s+guys\s+)?(?:about\s+(?:this|it)\s+)?"
    rf"(?P<n3>{_COUNT}\s+times|twice|thrice|once)\b"
    # not an amount or a fee: "another £85 call-out fee"
    rf"|(?<![$€£¥\d.,])\b(?P<n4>{_COUNT})\s+(?:separate\s+|different\s+|unanswered\s+)?{_CONTACT_WORD}\b(?!-)")


def _amount(value: str) -> str:
    """An amount compact: "$ 89" -> "$89", "1.200,00  EUR" -> "1.200,00 EUR"."""
    value = " ".join(value.split())
    return re.sub(r"(?<=[$€£¥])\s", "", value) if value[0] not in "0123456789" else value


def _id(value: str) -> str:
    return value.upper()


_VALUE = {"order": _id, "invoice": _id, "ticket": _id, "amount": _amount}


def _facts(t: Text) -> tuple[list[Finding], int]:
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


def _anger(t: Text, spans: list[tuple[int, int]], abuse: Sequence[Evidence]) -> Finding | None:
    """Anger only when they swear or insult; "staff" when a sentence with such a phrase aims
    it at people (staff wins), "situation" when it is aimed at things or the state of affairs."""
    phrases = [(t.position(e.start), t.position(e.end)) for e in abuse]
    phrases += [m.span() for m in SWEAR.finditer(t.low)] + [m.span() for m in AT_PEOPLE.finditer(t.low)]
    situation: Finding | None = None
    for start, end in sorted(phrases):
        s0, s1 = around(spans, start)
        at = AT_PEOPLE.search(t.low, s0, max(s1, end))
        if at:
            return Finding("staff", phrase(at.group()), t.evidence(*at.span(), "anger.staff"))
        if situation is None:
            situation = Finding("situation", phrase(t.norm[start:end]), t.evidence(start, end, "anger.situation"))
    return situation


# -- reviews: only when the sentence speaks of reviews, posting, social media or forums --------
_REVIEW_TOPIC = rx(r"\b(?:reviews?|reviewed\s+you|rated\s+you|trustpilot|google|yelp|forums?|reddit|twitter|facebook"
                    r"|instagram|tiktok|linkedin"
                    r"|social\s+media|youtube|blog|tripadvisor|online|publicly|(?:1|one)[-\s]star|everyone|the\s+world"
                    r"|post(?:ing|ed)?\s+(?:about|this|it)|thread)\b")
_PRAISE = rx(r"\b(?:5|five)[-\s]stars?\b|\b(?:great|glowing|positive|good|lovely|nice)\s+(?:\w+\s+)?review\b")
_REVIEWS = compiled((
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


_NOT = rx(r"\b(?:not|never)\b")


def _review(t: Text, spans: list[tuple[int, int]]) -> Finding | None:
    """A review posted ("done") or threatened ("pending"); done wins, it has happened."""
    found: Finding | None = None
    for rule, m in matches(_REVIEWS, t.low):
        s0, s1 = around(spans, m.start())
        sentence = t.low[s0:s1]
        if (not _REVIEW_TOPIC.search(sentence) or _PRAISE.search(sentence)
                or _NOT.search(m.group())):
            continue
        if found is None or (rule == "review.done" and found.kind == "pending"):
            found = Finding(rule.removeprefix("review."), phrase(m.group()), t.evidence(*m.span(), rule))
    return found


# -- legal steps: every kind named, the most specific first ------------------------------------
_BANK = r"(?:bank|card\s+(?:company|issuer|provider)|credit\s+card\s+(?:company|provider|issuer)|amex|visa|mastercard)"
_LEGAL: dict[LegalKind, re.Pattern[str]] = {
    "chargeback": rx(
        r"\bcharge\s?-?\s?backs?\b|\bdisput\w*\s+(?:(?:the|this|these|that|those|a|my|every|each|both)\s+)?(?:\S+\s+){0,2}?"
        r"(?:charges?|payments?|transactions?|fees?|bills?|renewals?|subscription)\b|\bdisput\w*\s+(?:it|this|them)\s+with\b"
        r"|\b(?:file|open|raise|lodge|start)\w*\s+a\s+(?:\w+\s+)?dispute\b"
        rf"|\b(?:my|the|our)\s+{_BANK}\s+(?:will\s+|'ll\s+|can\s+|is\s+going\s+to\s+)?(?:reverse|claw|dispute|block|recover)"
        rf"\w*|\b(?:contact\w*|call\w*|ask\w*|go\w*\s+to|tell\w*|told|phon\w*|involv\w*|inform\w*|notif\w*|complain\w*\s+to"
        r"|report\w*\s+(?:it|this)"
        rf"\s+to)\s+(?:my|our|the)\s+{_BANK}\b|\bclaw\w*\s+(?:\w+\s+){{0,3}}?back\b"
        r"|\bpaypal\s+(?:dispute|claim|case)\b|\b(?:dispute|claim|case)\s+(?:with|on|through|via)\s+paypal\b"
        r"|\b(?:charges?|payments?|transactions?)\s+(?:will|shall|are\s+going\s+to)\s+be\s+disputed\b"),
    "regulator": rx(
        r"\b(?:regulators?|ombudsman|trading\s+standards|better\s+business\s+bureau|bbb|ftc|cfpb|accc|cnil|ofcom|ofgem"
        r"|attorney\s+general|consumer\s+(?:protection\s+|rights\s+)?(?:body|agency|bureau|authority|council|affairs"
        r"|watchdog|organi[sz]ation)|consumer\s+protection|information\s+commissioner|data\s+protection\s+(?:authority"
        r"|regulator|commissioner)|watchdog)\b"),
    "data_protection": rx(
        r"\b(?:gdpr|ccpa|cpra|dsar|subject\s+access\s+request|right\s+to\s+(?:erasure|be\s+forgotten)|data\s+protection"
        r"\s+(?:law|laws|act|legislation|rights|regulations?|authority|regulator|commissioner)|article\s+(?:15|17)"
        r"|information\s+commissioner)\b"
        r"|\b(?:my|our)\s+(?:legal\s+)?right\s+to\s+(?:have\s+)?(?:\w+\s+){0,3}?(?:data|information)\b"
        r"|\b(?:legally|by\s+law)\s+(?:required|obliged|obligated|bound)\s+to\s+(?:delete|erase|remove|give|provide|send)\b"),
    "litigation": rx(
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


def _legal(t: Text) -> tuple[Finding, ...]:
    """Every legal step named, by its first phrase that isn't negated; most specific first."""
    found = []
    for kind in LEGAL_KINDS:
        cased = _LEGAL_CASED.get(kind)
        matches: list[re.Match[str]] = [*_LEGAL[kind].finditer(t.low), *(cased.finditer(t.norm) if cased else ())]
        m = min((m for m in matches if not _negated(t.low, m.start(), m.end())), key=lambda m: m.start(), default=None)
        if m is not None:
            found.append(Finding(kind, phrase(m.group()), t.evidence(m.start(), m.end(), f"legal.{kind}")))
    return tuple(found)


# -- leaving: churn, not "I'm leaving for holiday" ---------------------------------------------
_ELSE = (r"(?:provider|supplier|vendor|company|service|agency|platform|bank|firm|store|shop|host|tool|solution"
         r"|carrier|courier)")
_LEAVING = compiled((
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


def _leaving(t: Text) -> Finding | None:
    """The first word of churn that isn't negated."""
    for rule, m in matches(_LEAVING, t.low):
        if not _negated(t.low, m.start(), m.end()):
            return Finding("leaving", phrase(m.group()), t.evidence(*m.span(), rule))
    return None


# -- deadline: the first time limit they set -------------------------------------------------
_WHEN = (rf"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month|business\s+day|play)|close\s+of\s+(?:business|play)"
         rf"|(?:this|next)\s+(?:week|weekend|month|{_WD})|{_WD}|tomorrow(?:\s+(?:morning|afternoon|evening|noon))?"
         rf"|tonight|today|noon|midday|midnight|eod|cob|eow|the\s+\d{{1,2}}(?:st|nd|rd|th)"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?::\d\d)?\s*(?:am|pm)")
_THREATENS = r"\b(?:i|we)(?:'ll|'m|'re|\s+will|\s+won't|\s+am|\s+are)\b|\bthen\b"   # the threat after "if ..."
_DEADLINES = (
    ("deadline.by", rx(rf"\b(?:by|no\s+later\s+than)\s+(?P<v>{_WHEN})\b")),
    ("deadline.within", rx(r"\bwithin\s+(?:the\s+next\s+)?(?P<v>(?:\d+|a|an|one|two|three|four|five|seven|ten"
                            r"|fourteen|thirty|"
        r"twenty-four|forty-eight)\s+(?:working\s+|business\s+|calendar\s+)?(?:hours?|days?|weeks?))\b")),
    ("deadline.before", rx(rf"\bbefore\s+(?P<v>the\s+\d{{1,2}}(?:st|nd|rd|th)"
                            rf"|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month)|{_WD}"
        r"|tomorrow|the\s+weekend)\b")),
    ("deadline.condition", rx(rf"\b(?:if|unless)\s+[^.!?\n,;]{{0,80}}?\b(?:on\s+)?(?P<v>{_WHEN})\b"
                               rf"(?=[^.!?\n]{{0,40}}?{_THREATENS})")),
    ("deadline.today", rx(r"\b(?:fix|sort|refund|resolv|respond|reply|answer|call|send|cancel|do|pay|deliver|get"
                           r"|reinstat|restor|unblock|reactivat|unlock|releas)\w*"
                           r"\s+(?:\w+\s+){0,4}?"
        r"(?<!\bby\s)(?P<v>today|tonight|tomorrow|this\s+week(?:end)?)\b(?!')")),
)
_NAME = rx(rf"\b(?:{_WD}|{_MONTH})\b")   # "friday" -> "Friday", "15 march" -> "15 March"
_SAID_AS = {"eod": "the end of the day", "cob": "close of business", "eow": "the end of the week"}
# "I'll send the files by Friday" is their own plan, not a demand.
_CLAUSE_CUT = rx(r"[,;:]|\b(?:if|unless|or|and|but|otherwise|so|until)\b")
_OWN_PLAN = rx(r"\b(?:i|we)(?:'ll|\s+will|\s+can|\s+could|'m\s+going\s+to|\s+plan\s+to|\s+should)\s+(?:\w+\s+)?"
                r"(?:send|get|pay|have|be|call|deliver|finish|submit|return|sign|confirm|let|try|upload|review|come)\b")


# "You promised delivery within 2 weeks", "it was supposed to be done by Friday": a date we gave, not theirs.
_PROMISED = rx(r"\b(?:promised|quoted|said|told|supposed\s+to|meant\s+to|estimated|agreed|guaranteed|was\s+due"
                r"|were\s+due|should\s+have)\b")


def _not_a_demand(low: str, start: int, end: int) -> bool:
    """Whether the clause before a deadline (low[start:end], cut at its last comma, "if", "or"...)
    is the customer's own plan ("I'll send the contract by Friday") or a date we promised
    ("you promised delivery within 2 weeks"), rather than a demand."""
    for cut in _CLAUSE_CUT.finditer(low, start, end):
        start = cut.end()
    return _OWN_PLAN.search(low, start, end) is not None or _PROMISED.search(low, start, end) is not None


def _deadline(t: Text, spans: list[tuple[int, int]]) -> Finding | None:
    """The first deadline that is a demand, as a reply can say it ("Friday", "48 hours")."""
    best: tuple[re.Match[str], str] | None = None
    for rule, pattern in _DEADLINES:
        for m in pattern.finditer(t.low):
            if not _not_a_demand(t.low, around(spans, m.start())[0], m.start()):
                if best is None or m.start() < best[0].start():
                    best = m, rule
                break
    if best is None:
        return None
    m, rule = best
    value = phrase(m.group("v"))          # lower case: "friday" -> "Friday" below
    value = _NAME.sub(lambda d: d.group().capitalize(), _SAID_AS.get(value, value))
    return Finding("deadline", value, t.evidence(*m.span(), rule))


# -- the whole reading -------------------------------------------------------------------------

def read(text: str, abuse: Sequence[Evidence] = ()) -> Reading:
    """The customer's new text -> a Reading. ``abuse``: the detector's abusive_language
    evidence (offsets into the same text), so the anger target is judged on those phrases."""
    t = Text.of(text)
    spans = sentences(t.low)
    facts, contacts = _facts(t)
    review, legal, leaving, deadline = _review(t, spans), _legal(t), _leaving(t), _deadline(t, spans)
    said = [f.evidence for f in (review, leaving, deadline, *legal) if f is not None] + list(abuse)
    avoid = [(t.position(e.start), t.position(e.end)) for e in said]
    return Reading(asks=_asks(t), facts=tuple(facts), anger=_anger(t, spans, abuse), review=review, legal=legal,
                   leaving=leaving, deadline=deadline, issue=issue(t, spans, avoid), held_until=held_until(t),
                   request=request(t), change=change(t), cancelling=cancelling(t), need=need(t, spans),
                   billed=_billed(t), paid=_paid(t), refused=_refused(t), money_back=bool(_MONEY_BACK.search(t.low)),
                   contacts=contacts, words=len(text.split()), safety=safety_of(t))


# -- billed against quoted: "£2,140 for a job you quoted at £1,100", "quoted $800 and charged $1,450" --------
_AMT = r"[$€£¥]\s?\d(?:[\d,.]*\d)?"
_QUOTED = r"(?:quoted|estimated|priced|agreed)"
_BILLS = (
    rx(rf"(?P<billed>{_AMT})\s+for\s+(?:a|an|the|this|that|my|our)\s+[^.!?\n$€£]{{1,40}}?\b{_QUOTED}\s+"
        rf"(?:(?:me|us|it)\s+)?(?:at|as|for)?\s*(?P<quoted>{_AMT})"),
    rx(rf"\b(?:{_QUOTED}|quote\s+(?:was|of|said)|estimate\s+(?:was|of|said))\s+(?:(?:me|us|it)\s+)?(?:at\s+)?"
        rf"(?P<quoted>{_AMT})[^.!?\n$€£]{{1,60}}?\b(?:charged|billed|invoiced|(?:bill|invoice)\s+(?:is|was|came\s+to|says)"
        rf"|asking\s+for)\s+(?:(?:me|us)\s+)?(?P<billed>{_AMT})"),
)


def _billed(t: Text) -> tuple[str, ...]:
    """(billed, quoted) when they set a bill against a quote or estimate, else ()."""
    for pattern in _BILLS:
        if m := pattern.search(t.low):
            billed, quoted = (_amount(t.norm[m.start(g):m.end(g)]) for g in ("billed", "quoted"))
            return billed, quoted
    return ()



# -- paid, and a charge refused: "I paid $3,200 for this", "not paying another £85 call-out fee" --------
_PAID = rx(rf"\b(?:i|we)(?:['’]ve|\s+have|\s+had)?\s+(?:already\s+|just\s+)?(?:paid|spent)\s+(?:you\s+)?"
           rf"(?:over\s+|almost\s+|nearly\s+)?(?P<v>{_AMT})")
_REFUSED = rx(rf"\b(?:not|never|won['’]?t|refuse\s+to)\s+(?:going\s+to\s+)?pay(?:ing)?\s+(?:you\s+)?(?:for\s+)?"
              rf"(?:another|a\s+second|a\s+further|the|a|an|this|that)\s+(?P<v>{_AMT})\s+"
              rf"(?P<what>(?:[a-z]+(?:-[a-z]+)?\s+){{0,2}}?(?:fee|charge|bill|invoice|surcharge))\b")

# A dispute already won: "the bank have taken action and I got my money back", "PayPal refunded me".
_MONEY_BACK = rx(r"\b(?:i|we)(?:'ve|\s+have)?\s+(?:already\s+|now\s+)?(?:got|gotten|received)\s+(?:my|our|the)\s+"
                 r"(?:money|funds|payment)\s+back\b"
                 r"|\b(?:bank|paypal|card\s+(?:company|issuer)|visa|amex|mastercard)\s+(?:has|have|had)\s+(?:already\s+)?"
                 r"(?:refunded|reimbursed|reversed|returned|credited|issued\s+(?:me\s+)?(?:a\s+)?(?:full\s+)?refund)\b"
                 r"|\b(?:chargeback|dispute|claim)\s+(?:was|has\s+been)\s+(?:approved|granted|successful|decided\s+in\s+my\s+favou?r)\b")


def _paid(t: Text) -> str:
    """The first amount they say they paid ("I paid $3,200 for this"), else ""."""
    m = _PAID.search(t.low)
    return _amount(t.norm[m.start("v"):m.end("v")]) if m else ""


def _refused(t: Text) -> str:
    """A charge they refuse to pay (again), as a reply names it: "the £85 call-out fee", else ""."""
    m = _REFUSED.search(t.low)
    if m is None:
        return ""
    return f"the {_amount(t.norm[m.start('v'):m.end('v')])} {t.norm[m.start('what'):m.end('what')]}"
