"""What a subject line says the message is about, for "Thank you for writing about ...":
"My deposit" -> "your deposit", "ORDER 88213 - where is my sofa" -> "your sofa". Pure."""

from __future__ import annotations

import re

from replydraft.reply.text import INSULT_ADJ, INSULT_NOUN, SWEAR, rx

__all__ = ["TOPIC_WORDS", "topic"]


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
    r"about|regarding|re|on|in|at|for|with|from|to|by|off|over|under|into|after|before|during)\b", re.IGNORECASE)
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
            or not all(_plain_word(w) for w in words) or _label(text, words) or SWEAR.search(part.lower())
            or _INSULT_WORD.search(part.lower()) or _A_CLAUSE.match(part)):
        return ""
    words = [w.lower() if w.isupper() and len(w) > 4 else w for w in words]
    first = words[0]
    if first.lower() in _OWNER:
        return " ".join([_OWNER[first.lower()], *words[1:]])
    if _DAYS_MONTHS.match(part) or first[0].isdigit():      # "Saturday night", "Tuesday's downtime"
        return " ".join(words)
    named = any(w[0].isupper() and w[1:2].islower() for w in words[1:])   # "Nebra Rockchip": a name
    if first[0].isupper() and not first.isupper() and not named:
        words[0] = first.lower()         # "Kitchen extension" -> "the kitchen extension"
    return " ".join(["the", *words])


# A subject that judges ("Worst developers ever", "The Android APP is a SCAM", "FRAUD") or only exclaims
# ("lmao"): "writing about the fraud" would take the accusation as ours.
_INSULT_WORD = rx(rf"\b(?:{INSULT_ADJ}|{INSULT_NOUN}|scam\w*|fraud\w*|theft|stolen|steal\w*|rip-?offs?|dafaq|wtf"
                   r"|lmao|lol|omg|trash|garbage|rubbish|crap\w*|worst|terrible|horrible|awful|disgusting|shameful"
                   r"|ridiculous)\b")
# "Being charged without approval", "Paid for Pro support": a clause, not a thing; "X is a Y" judges.
_A_CLAUSE = re.compile(r"(?:being|getting|having|not|paid|charged|bought|ordered|got)\b"
                       r"|(?!(?:billing|booking|pricing|shipping|parking|heating|plumbing|wedding|building|meeting|listing"
                       r"|training|hosting|marketing|accounting|packaging|printing|flooring|roofing|wiring|lighting|clothing"
                       r"|housing|banking|catering|cleaning|landscaping|recording|streaming|messaging|ticketing|setting|"
                       r"settings|opening|ceiling|morning|evening|earring|ring|king|thing|string|spring|swing)\b)[a-z]+ing\s"
                       r"|.*\b(?:is|are|was|were)\b"
                       # "Stranded in DCA", "Ripped off", "Properly implement ...", "Check your Gmail", "Close account"
                       r"|[a-z]+ed\s+(?:in|at|off|out|elsewhere|up|by|on|to|from|for|again)\b"
                       r"|(?:properly|urgently|finally|really|just|seriously|completely|totally|absolutely)\s"
                       r"|\S+\s.*\b(?:my|me|i|you|we|us)\b"
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

