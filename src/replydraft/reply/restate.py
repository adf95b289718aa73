"""The customer's words said back in the reply's person, for "You wrote that ...": the complaint
(``issue``), what a threat's condition asks for (``need``), the work asked for (``request``), a
change to what was booked (``change``), what they cancel (``cancelling``) and the condition a
payment is held on (``held_until``). "I" becomes "you", "you" becomes "we" or
"us", "my" becomes "your". Pure.

Each leans to silence: "" whenever the clause is a threat, abuse, an accusation, a request or a
question, too short or too long, or points at something it doesn't name, because a wrong
paraphrase in a reply is worse than a generic sentence.
"""

from __future__ import annotations

import re

from replydraft.reply.text import AT_PEOPLE, SWEAR, Text, rx

__all__ = ["cancelling", "change", "held_until", "issue", "need", "request", "said_back"]


# -- issue: the complaint, said back in the reply's person --------------------------------------
_COMPLAINT = rx(
    r"\b(?:charged|billed|renewed|overcharged|broken|broke|failed|fails|failing|crashed|crashes|crashing|freezes|froze"
    r"|not\s+working|(?:doesn't|don't|didn't|does\s+not|did\s+not|won't)\s+(?:even\s+)?(?:work|load|open|start)"
    r"|stopped\s+working|never\s+(?:arrived|came|showed|received|heard|got"
    r"|seen(?!\s+(?:such|so|anything|worse|a\s+\w+(?:er|est)\b)))|(?:hasn't|has\s+not|haven't|have\s+not"
    r"|didn't|did\s+not)\s+(?:arrived|come|received|got|gotten|heard|been\s+(?:fixed|delivered|refunded|answered))"
    r"|late|delayed|missing|wrong|logged\s+(?:\w+\s+)?out|locked\s+out|ignored|double|twice|no\s+(?:answer|reply"
    r"|response|one)|nobody|damaged|defective|faulty|lost|errors?|bug|outage|waiting|waited|unanswered|stuck"
    r"|(?:is|are|was|were|went|been|goes|keeps\s+going)\s+down"
    r"|still\s+(?:\w+\s+)?(?:not|no|nothing|waiting|broken|being|charg\w+|bill\w+|\w+n't|cannot|missing|down|crash\w*"
    r"|fail\w*|wrong|happening|getting|showing|stuck)"
    r"|refused|declined|disappeared|cut\s+off|dropp(?:ed|ing)\s+out|drops\s+out|deduct\w*|came\s+apart|fell\s+apart"
    r"|leak\w*|cracked|ruined|unusable|filthy|dirty"
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
    r"|(?:didn't|did\s+not|haven't|have\s+not|hasn't|has\s+not)\s+(?:yet\s+)?(?:receive|get|hear\s+back)"
    r"|(?:was|were|wasn't|weren't)\s+(?:never\s+|not\s+)?(?:issued|sent|given)\s+(?:with\s+)?(?:a|an|the|my|our|any)\b"
    r"|zero\s+(?:\w+\s+)?(?:response|reply|replies|answer|help)|marked\s+(?:as\s+)?delivered"
    r"|(?:been|waiting|waited|stuck|on\s+hold)\b[^.!?]{0,40}\bfor\s+(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?"
    r"(?:\d+\+?|a|an|two|three|four|five|six|several|many)\s+(?:hrs?|hours?|days?|weeks?|months?)"
    r"|(?:won't|will\s+not|doesn't|does\s+not"
    r"|didn't|did\s+not|can't|cannot)\s+(?:\w+\s+)?(?:sync|print|save|send|export|connect|charge|turn\s+on|load|log\s+in))\b")
_CLAUSE = rx(r";|:\s|\s[-–—]+\s|,\s+(?=(?:and\s+|but\s+|so\s+)?(?:this|that|it|it's|i|i'm|i've|we|we're|you|you're"
              r"|they|now|please|refund|fix|sort|cancel|or|what|the|my|our|your)\b)")
# A clause without the punctuation around it and a leading "and", "but", "honestly", ...
_TRIM = rx(r"[\s,.;:!-]*(?:(?:and|but|so|also|honestly|seriously|frankly|once\s+again|again|now|plus)\b,?\s*)?"
            r"(?P<u>.*?)[\s,.;:!-]*\Z")
_STARTS = rx(r"(?:i|i'm|i've|i'd|we|we're|we've|you|you've|you're|your|my|our|the|this|that|it|it's|its|they|they've"
              r"|there|nobody|no|nothing|still|a|an|order|invoice|payment|delivery|every|each|both|after|since|for"
              r"|another|someone|somebody|\w+\s+(?:page\s+|site\s+)?(?:says|shows|said|showed|claims|claimed))\b")
# Threats, requests, greetings, praise, idioms ("don't get me wrong"), a subject left out after a
# swapped "I" ("I forgot to cancel and was charged" would come out as "you ... and was charged").
_NOT_A_COMPLAINT = rx(r"\b(?:or\s+(?:else|i|we)|unless|otherwise|i'll|we'll|i\s+will|we\s+will|going\s+to|gonna"
                       # a warning to other buyers ("you will not get the promised features"), a refusal
                       r"|you'll|you\s+will|you\s+won't|no\s+way"
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


def issue(t: Text, spans: list[tuple[int, int]], avoid: list[tuple[int, int]]) -> str:
    """The first clause that states what went wrong, in the reply's person, with a second that adds
    something: the next complaint when the first is short or the customer joined them with ", and"
    ("order 50317 never arrived, and that tracking says ..."), else what the failure cost them.
    "" when none is clearly one (a wrong paraphrase is worse than none). ``avoid``: threats and abuse."""
    units: list[str] = []
    for s0, s1 in spans:
        if t.low[s1:s1 + 1] == "?":
            continue
        start = s0
        cuts = [m.start() for m in _CLAUSE.finditer(t.low, s0, s1) if not _in_brackets(t.low, s0, m.start())]
        ends = [*cuts, s1]
        for i, end in enumerate(ends):
            unit = _unit(t, start, end, avoid)
            if unit:
                units.append(said_back(unit))
                if len(units[0].split()) > _SHORT_ISSUE and i + 1 < len(ends):
                    units += _and_another(t, end, ends[i + 1], avoid)   # "X, and Y" in one sentence
                break
            start = end + 1
        if units and (len(units[0].split()) > _SHORT_ISSUE or len(units) == 2):
            break
    if len(units) == 1:
        units += _impact(t, spans, avoid)
    if len(units) == 2 and _adds(units[0], units[1]) and len(" ".join(units).split()) <= _PAIR_WORDS:
        return f"{units[0]}, and that {units[1]}"
    return units[0] if units else ""


_SHORT_ISSUE = 6      # a complaint this short may take a second one beside it, from the next sentence
_PAIR_WORDS = 30      # two complaints said back together, at most this many words
_AND = re.compile(r",\s+and\s")
_SO = re.compile(r",?\s+so\s+(?:i|we)\b", re.IGNORECASE)    # "..., so I can't even ...": a consequence


def _and_another(t: Text, cut: int, end: int, avoid: list[tuple[int, int]]) -> list[str]:
    """The complaint the customer joined to the last one with ", and" (none when the next clause is anything else)."""
    if not _AND.match(t.low, cut):
        return []
    unit = _unit(t, cut + 1, end, avoid)
    if m := _SO.search(unit):          # "... for a week so I can't even send it back": its consequence left out
        unit = unit[:m.start()] if _COMPLAINT.search(unit[:m.start()].lower()) else unit
    return [said_back(unit)] if unit else []


# What the failure cost them: "we run the online bookings for 12 physio clinics", "we lost a day of
# sales", "our patients couldn't book", "it cost us £400 in overtime".
_IMPACT = rx(r"^(?:i|we)\s+(?:run|rely\s+on|depend\s+on)\s+(?:\w+\s+){0,4}?for\s+(?:\d+|a|an|our|my|two|three|four"
              r"|five|six|several|all)\b"
              r"|^(?:i|we)\s+(?:have\s+|had\s+)?lost\s+(?:\w+\s+){0,3}?(?:bookings|sales|orders|customers|clients"
              r"|revenue|business|income)\b"
              r"|^(?:i|we)\s+had\s+to\s+(?:cancel|turn\s+away|close|reschedule|refund)\b"
              r"|^(?:our|my)\s+(?:customers|clients|patients|guests|students|members|users|staff)\s+(?:couldn't|could\s+not"
              r"|were\s+unable\s+to|can't|cannot)\b"
              r"|\bcost\s+(?:us|me)\s+(?:[$€£]\s?\d|\d|a\s+day|a\s+fortune|hundreds|thousands)")


def _impact(t: Text, spans: list[tuple[int, int]], avoid: list[tuple[int, int]]) -> list[str]:
    """The first sentence that says what the failure cost them, as one whole unit (none when no sentence does)."""
    for s0, s1 in spans:
        if t.low[s1:s1 + 1] != "?" and (unit := _unit(t, s0, s1, avoid, _IMPACT)):
            return [said_back(unit)]
    return []


def _adds(first: str, second: str) -> bool:
    """Whether the second complaint says more than the first (not "your room is filthy" twice)."""
    seen = {w.strip(".,!").lower() for w in first.split()}
    new = [w for w in second.split() if w.strip(".,!").lower() not in seen]
    return len(new) >= len(second.split()) * 2 / 3


def _in_brackets(low: str, start: int, pos: int) -> bool:
    """Whether pos is inside "( ... )" opened after start: "(Unit 14, it's Unit 4)" is one aside."""
    return low.count("(", start, pos) > low.count(")", start, pos)


def _unit(t: Text, start: int, end: int, avoid: list[tuple[int, int]], says: re.Pattern[str] | None = None) -> str:
    """The clause at start:end, trimmed and made whole, if it is a plain statement of a complaint
    (or of what ``says`` finds), else ""."""
    if any(a < end and start < b for a, b in avoid):
        return ""
    m = _TRIM.match(t.low, start, end)
    unit = _completed(t.norm[m.start("u"):m.end("u")]) if m else ""
    if len(unit.split()) > _MAX_WORDS:
        unit = _shortened(unit)
    low = unit.lower()
    if (not _MIN_WORDS <= len(unit.split()) <= _MAX_WORDS or not _STARTS.match(low) or unit.isupper()
            or not (says or _COMPLAINT).search(low) or _NOT_A_COMPLAINT.search(low) or not _quoted_plainly(low)
            or SWEAR.search(low) or AT_PEOPLE.search(low) or _dangling(low) or _heading(low)):
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


# A common word written with a capital (or in capitals) in mid-sentence for stress ("you've charged
# Again", "failed AGAIN"), not a name.
_SHOUTED = re.compile(r"(?<=\w )(?:Again|Still|Now|Even|Never|Always|Just|Only|Also|Twice|Today|Yet|AGAIN|STILL|NOW"
                      r"|EVEN|NEVER|ALWAYS|TWICE|TODAY)\b")
# "your lads", "your lot" are the customer's words for our people; the reply says "our team".
_OUR_CREW = re.compile(r"\bour\s+(?:lads|guys|boys|men|lot|people|folks|crew)\b")


def said_back(unit: str) -> str:
    """``unit`` in the reply's person: I -> you, you -> we/us, my -> your, your -> our."""
    def swap(m: re.Match[str]) -> str:
        word = m.group()
        key = " ".join(word.lower().split())
        if word == "US":                      # the country
            return word
        said = _SWAP[key] if key != "you" else "we" if _subject(unit, m.start(), m.end()) else "us"
        return said.upper() if word.isupper() and len(word) > 1 else said

    said = _SHOUTED.sub(lambda m: m.group().lower(), _OUR_CREW.sub("our team", _PRONOUN.sub(swap, unit)))
    first = said.split()[0]
    return said if first.isupper() and len(first) > 1 else said[0].lower() + said[1:]


def _subject(unit: str, start: int, end: int) -> bool:
    """Whether the "you" at unit[start:end] is a subject ("you charged" -> "we charged") rather
    than an object ("I told you" -> "you told us")."""
    before = unit[:start].split()
    return (not before or before[-1].lower().strip(",") in _BEFORE_SUBJECT
            or _VERB_AFTER.match(unit, end) is not None)


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
_NEEDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((form, rx(pattern + r"(?P<x>[^.!?\n]{1,90}?)" + _COND_END))
    for form, pattern in (
        ("get", r"\b(?:if\s+(?:i|we)\s+(?:don't|do\s+not|dont|can't|cannot|haven't|have\s+not|didn't|did\s+not)"
                r"|unless\s+(?:i|we))\s+(?P<v>get|receive|hear|see|have)\s+"),
        ("state", rf"\b(?:if\s+(?P<s>{_NP})\s+{_NOT_BE}"
                  rf"|unless\s+(?P<s2>{_NP})\s+(?:is|are|has\s+been|have\s+been|gets?))\s+(?={_STATE})"),
        ("do", rf"\b(?:if\s+(?P<s>you|your\s+\w+)\s+{_DONT}|unless\s+(?P<s2>you|someone|somebody|your\s+\w+)"
               r"(?:\s+(?:can|will|could))?)\s+(?!(?:like|want|mind|think|care|agree|understand|believe|know"
               r"|need|have|see|hear|feel|mean|do|be|get|let|accept|respond|reply|answer)\b)(?P<v>[a-z]+)\s+"),
    ))
_THREAT_NEAR = rx(r"\b(?:i|we)(?:'ll|'m|'re|\s+will|\s+won't|\s+will\s+not|\s+shall|\s+am|\s+are|\s+would|'d"
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


def need(t: Text, spans: list[tuple[int, int]]) -> str:
    """What the condition of a threat asks for, as words after "you need ..." ("" when none)."""
    for s0, s1 in spans:
        for form, pattern in _NEEDS:
            m = pattern.search(t.low, s0, s1)
            if not m or not _THREAT_NEAR.search(t.low[s0:m.start()] + " " + t.low[m.end():s1]):
                continue
            said = _needed(t, m, form)
            if 2 <= len(said.split()) <= _NEED_WORDS and not SWEAR.search(said.lower()):
                return said
    return ""


_NEED_WORDS = 14


def _needed(t: Text, m: re.Match[str], form: str) -> str:
    x = t.norm[m.start("x"):m.end("x")].strip(" ,")
    if form == "get":
        return ("to hear " if m.group("v") == "hear" else "") + said_back(x)
    name = "s" if m.group("s") else "s2"
    who = t.norm[m.start(name):m.end(name)]
    if form == "state":
        return said_back(f"{who} {x}")
    third_person = name == "s2" and who.lower() != "you"      # "unless someone explains" -> "explain"
    verb = _plain(m.group("v")) if third_person else m.group("v")
    doer = "us" if who.lower() == "you" else said_back(who)
    return f"{doer} to {said_back(verb + ' ' + x)}"


# A payment held back on a condition: "we won't be paying INV-2087 until the banners are delivered",
# "the invoice is on hold till the app works", "no payment before the site is live".
_HELD = rx(r"\b(?:pay(?:ing|ment)?|invoices?|bills?|rent|fees?|inv-?\d+|settle)\b[^.!?\n]{0,60}?\b(?:until|till|unless"
            r"|before|as\s+long\s+as|once)\s+(?P<condition>[^.!?\n;]{6,120})")
_HELD_WORDS = 16
# Work asked for: "could he also rewire the garage", "can you also do the Instagram posts for launch",
# "we need you to add a German version".
_REQUEST = rx(r"\b(?:(?:can|could|would|will)\s+(?:you|he|she|they|your\s+\w+)\s+(?:please\s+)?(?:also|just)\s+"
               r"|(?:i|we)\s+(?:also\s+)?(?:need|want|expect)\s+you\s+to\s+(?:also\s+)?)(?P<work>[^.!?\n;]{4,120})")
# A thing "also" wanted: "we also need an online shop and a German version" -> "also provide an online shop ...".
_ALSO_THING = rx(r"\b(?:i|we)\s+(?:also\s+(?:need|want|expect|require)|(?:would|'d)\s+also\s+like)\s+"
                  r"(?P<work>(?:an?|the|some|more|extra|another)\s+[^.!?\n;]{3,120})")


# Where a restated clause stops: its reason or the next clause ("..., seeing as we paid", "..., and I ...").
_REQUEST_END = re.compile(r",\s+(?:seeing|since|as|because|given|for\s+free|free|at\s+no|obviously|surely|please"
                          r"|and\s+(?:it|that|this))\b|\s+(?:seeing\s+as|since|because)\s")
_HELD_END = re.compile(r",\s+(?:and|but|so|or)\b|\s+(?:and|but)\s+(?:i|we|you)\b")


# Work they expect to be included: "if we have to pay extra for a mobile version ...", "assumed the
# flyers would be included with the brand package" -> "include a mobile version ...".
_INCLUDED = (rx(r"\bpay\s+(?:extra|more|again|separately|additionally)\s+for\s+(?![^.!?\n;]*\bthan\b)"
                r"(?P<work>[^.!?\n;]{4,120})"),
             rx(r"\b(?P<work>(?:the|a|an|my|our|your)\s+[^.!?\n,;]{2,60}?)\s+(?:would|should|will|to)\s+(?:be|have\s+been)"
                 r"\s+included(?P<rest>\s+(?:in|with)\s+[^.!?\n,;]{2,50})?"))
_INCLUDED_END = re.compile(r"\s+(?:then|and\s+(?:i|we|it|that)|or|so|but)\b|,\s")


def request(t: Text) -> str:
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
            return f"include {work}" + (said_back(t.norm[m.start("rest"):m.end("rest")]) if rest else "")
    return ""


def held_until(t: Text) -> str:
    """The condition a payment is held on, in the reply's person, or "" (none, or too long to restate)."""
    return _restated(t, _HELD.search(t.low), "condition", _HELD_END)


def _restated(t: Text, m: re.Match[str] | None, group: str, end: re.Pattern[str]) -> str:
    """A matched clause (``group`` of ``m``, cut at ``end``) in the reply's person; "" when there
    is none, or it is too short or long to restate, or it swears."""
    if not m:
        return ""
    clause = end.split(t.norm[m.start(group):m.end(group)].strip().rstrip(","), maxsplit=1)[0].strip(" ,")
    if not 2 <= len(clause.split()) <= _HELD_WORDS or SWEAR.search(clause.lower()):
        return ""
    return said_back(clause)


# More than was booked or quoted: "we booked catering for 60 but we'll actually have about 85 now",
# "the quote was for 3 pages but we need 5" -> "you booked catering for 60 but you'll actually have ...".
_CHANGE = rx(r"\b(?:(?:i|we)\s+(?:\w+\s+)?(?:booked|ordered|reserved|agreed|paid\s+for|signed\s+up\s+for|bought)"
              r"|(?:the|my|our|your)\s+(?:quote|order|booking|estimate|contract)\s+(?:was|is|said))\b"
              r"[^.!?\n;]{0,50}?\b\d+\b[^.!?\n;]{0,30}?\bbut\s+(?:now\s+)?(?:i|we)(?:'ll|\s+will|'re|\s+are|'ve|\s+have)?"
              r"\s+(?:\w+\s+){0,3}?(?:have|need|want|be|got|expect)\b[^.!?\n;]{0,30}?\b\d+\b[^.!?\n;,]{0,20}")
_CHANGE_WORDS = 24


def change(t: Text) -> str:
    """A change from what was booked or quoted, in the reply's person, or ""."""
    m = _CHANGE.search(t.low)
    if not m:
        return ""
    clause = t.norm[m.start():m.end()].strip(" ,")
    if len(clause.split()) > _CHANGE_WORDS or SWEAR.search(clause.lower()):
        return ""
    return said_back(clause)


# What they cancel: "cancel my subscription" -> "your subscription", "cancel all three locations",
# "Cancel everything. All three locations." -> "all three locations".
_CANCELS = rx(r"\bcancel(?:l?ing|l?ed)?\s+(?P<what>(?:my|our|the|this|that|all|both|every|each)\s+(?:[\w-]+\s+){0,3}?"
               r"(?:subscriptions?|plans?|orders?|accounts?|memberships?|contracts?|services?|renewals?|bookings?"
               r"|packages?|licen[cs]es?|locations?|sites?|stores?|seats?|users?|products?|policy|policies))\b")
_EVERYTHING = rx(r"\bcancel\s+(?:everything|it\s+all)[.!,;:\s-]+(?P<what>(?:all|both|every|each)\s+(?:[\w-]+\s+){0,2}?"
                  r"[\w-]+s)\b(?=\s*(?:[.!\n]|\Z))")


def cancelling(t: Text) -> str:
    """What they ask to cancel, in the reply's person ("your subscription", "all three locations"), or ""."""
    m = _CANCELS.search(t.low) or _EVERYTHING.search(t.low)
    return said_back(t.norm[m.start("what"):m.end("what")]) if m else ""
