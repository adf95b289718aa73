"""The context the detector reads around a hit (compiled caseless by rules.py), and where the
customer's own intent can start."""

from __future__ import annotations

from replydraft.detection.catalog.fragments import ANY_AND, INTENT, LEAD, LEAD_AND, LEAD_PERF_AND, PERF, PROG

# Where INTENT, PROG and PERF can start: "I", "we", "I'm", "im", "ill", "I'd", "gonna", "no choice". Rules that
# begin with them are only tried at these positions (found once per text): ~4x faster. Written to begin
# with a set of first letters (case spelled out, so not IGNORECASE): re then skips to those letters
# instead of trying every alternative at every position (6x faster than the plain alternation).
SUBJECT_ANCHOR = (   # compiled as it is, case-sensitive
    r"[iIİıwWgGnNcC](?<!\w.)(?i:"
    r"(?<=i)(?=\s|['’]|m\b|ll\b|d\b)"
    r"|(?<=w)(?=e(?:\s|['’]|m\b|ll\b|d\b))"
    r"|(?<=g)(?<!['’]g)(?=onna\b)"
    r"|(?<=n)(?=o\s+(?:other\s+)?(?:choice|option|alternative)\b)"
    r"|(?<=w)(?=ill\b)"
    r"|(?<=g)(?=oing\s+to\b)"
    r"|(?<=c)(?=an['’]?t\s+wait\b))")
# Context vocabulary used by the engine (compiled caseless).
NEGATION = (
    r"\bno\b(?=\s+(?:intention|intentions|plans?|desire|need|way|interest|wish|reason\s+to|point)\b|\s*$)|"
    r"\b(?:not|never|nor|neither|without|hardly|unlikely|cannot|"
    r"\w+n['’]t|(?:do|does|did|is|are|was|were|has|have|had|would|could|should|wo|ca|ai)nt)\b"
    r"(?!\s+(?:hesitate|only|just|choice|other\s+(?:choice|option)|option|longer|more\s+than))"
)
HYPOTHETICAL = (
    r"\b(?:what\s+if|what\s+happens\s+if|in\s+case|suppose|supposing|hypothetically|"
    r"for\s+(?:example|instance)|e\.g|such\s+as|whether|"
    r"(?:when|if|once)\s+(?:a|an|the|some|any)\s+(?:user|customer|client|buyer|person|member|"
    r"passenger|guest)s?|(?:users?|customers?|clients?|people|someone|somebody|anyone|others)\s+"
    r"(?:who|that|which))\b")
POSITIVE = (
    r"(?:\b(?:5|five|4|four)[\s-]*stars?\b|\b(?:great|glowing|positive|good|excellent|amazing|"
    r"awesome|stellar|rave|wonderful|fantastic|nice|favou?rable|lovely)\s+(?:\w+\s+)?(?:reviews?|"
    r"ratings?|feedback|testimonials?|words?)\b|\b(?:thank(?:s|\s+you|\s+u)|thx|thanku|ty)\b(?!\s+for\s+nothing)|"
    r"\b(?:problem|issue|bug|error)s?\s+(?:is|are|was|got|has\s+been)\s+(?:now\s+)?(?:fix|fixed|solved|resolved|"
    r"sorted|gone)\b|"
    r"\bappreciat\w+|\blove\b|\bkudos\b|\bshout[\s-]?out\b|\bhappy\s+(?:with|to)\b|"
    r"(?<!until )(?<!unless )(?<!when )(?<!once )(?<!till )(?<!if )(?<!before )(?<!after )"
    r"\b(?:it|this|that|everything|all)(?:['’]s|\s+is|\s+was|\s+are)\s+(?:now\s+)?(?:working|fixed|resolved|"
    r"sorted)\b|\bworks\s+(?:now|again|perfectly|great)\b|\bworking\s+(?:now|again)\b|"
    r"\bbest\s+(?:decision|choice|thing)\b|\b(?:sorry|apologi[sz]e|apologies)\s+for\s+the\s+(?:delay|late)|"
    r"\bhow\s+(?:great|good|amazing|awesome|"
    r"helpful|wonderful|fantastic|excellent|nice|kind|fast|quick|responsive|easy|simple|smooth|painless|"
    r"seamless|pleasant|patient|professional)\b|"
    r"(?<!never )(?<!not )(?<!n't )\brecommend\b(?!\s+(?:against|avoiding))|\bloved\b)")
# Questions that ask for information rather than threaten: "can I cancel?", "what is ...?"
INFO_QUESTION = (
    r"^(?:\W*(?:@\w+|hi|hello|hey|dear\s+\w+|team|so|ok|okay|and|but|also|quick\s+question)\W*)*"
    r"(?:can|could|may|how|what|when|where|which|who|whom|whose|is|are|am|do|does|did|will|"
    r"would|if|has|have|any)\b(?!\s+you\s+want\s+me\s+to)")
ANCHORED_STARTS = (LEAD_PERF_AND, ANY_AND, LEAD_AND, LEAD, INTENT, "(?:" + INTENT + "|" + PROG + "|" + PERF + ")",
                    "(?:" + LEAD + "|" + PERF + ")")
