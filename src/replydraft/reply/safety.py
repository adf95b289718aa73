"""Whether a message is a matter for a person, which no template may answer: threats of
violence or wishes of death, words of self-harm, and allegations that the product or service
made someone ill or hurt them (``safety_matter``). Pure.

A templated reply to "I want to end it all" or "my son was burned by your kettle" would be wrong
however polite, so this reading is kept apart from detection's signals (which choose what a draft
says) and overrides them: a message it finds gets no draft at all.

The patterns are written for how people write, with care for the idioms that borrow these
words ("this price is killing me", "I'm sick of waiting", "shoot me an email", "the fire
sale"): each pattern needs a person or a body as its object, a physical cause, or a word
that has no figurative use in a complaint. A false alarm costs a person one read; a miss
costs much more, so where a phrase is mostly literal it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from replydraft.detection.detector import Evidence
from replydraft.reply.text import Text

__all__ = ["KINDS", "SafetyKind", "SafetyMatter", "safety_matter", "safety_of"]

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
     r"|\bbreak\s+your\s+(?:legs?|neck|face|jaw|nose|arms?)\b|\bsmash\s+your\s+(?:face|head|teeth)\b"
     # "I want to give him a good beating": a wish to hurt someone, not only a plan
     rf"|\b(?:{_I_WILL}|want\s+to|wanna|(?:would|'d)\s+(?:like|love)\s+to|going\s+to|gonna)\s+give\s+"
     r"(?:you|him|her|them|the\s+\w+)\s+(?:a\s+)?(?:good\s+|proper\s+|real\s+)?"
     r"(?:beating|hiding|thrashing|kicking|slap|punch|smack)\b"
     r"|\b(?:want|wanna|like|love)\s+to\s+(?:kill|strangle|punch|beat\s+up|slap|throttle)\s+(?:you|him|her|them|the\s+\w+)\b"),
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
    return safety_of(Text.of(text))


def safety_of(t: Text) -> SafetyMatter | None:
    """``safety_matter`` on a text already read."""
    found: list[tuple[SafetyKind, Evidence]] = []
    for kind, rule, pattern in _COMPILED:
        for m in pattern.finditer(t.low):
            found.append((kind, t.evidence(m.start(), m.end(), rule)))
    if not found:
        return None
    kind = min((k for k, _ in found), key=KINDS.index)
    return SafetyMatter(kind, tuple(sorted((e for _, e in found), key=lambda e: (e.start, e.end))))

