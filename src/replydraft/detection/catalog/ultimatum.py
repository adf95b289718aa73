"""ultimatum: a deadline, or a threat to cancel or leave."""

from __future__ import annotations

from functools import partial

from replydraft.detection.catalog.fragments import (
    _COMPLAINT_IF,
    _DEADLINE,
    _GAP_NO_WISH,
    _LEAVE_VERB,
    _NAMED,
    _SENTENCE_START,
    INTENT,
    LEAD,
    LEAD_AND,
    PROG,
)
from replydraft.detection.catalog.spec import RuleSpec

rule = partial(RuleSpec, signal="ultimatum")

RULES: tuple[RuleSpec, ...] = (
    rule("ult.never_again", weight=0.85,
         pattern=r"\bnever\s+(?:ever\s+)?again\b",
         examples=("Worst trip of my life. Never again.",),
         not_before=r"(?:happen\w*|occur\w*|do\s+(?:that|this|it)|mak\w*\s+(?:that|this|the\s+same)"
                    r"\s+mistake|hope|ensure|sure|so\s+that)[^.!?\n]{0,20}$",
         negatable=False, question=False, positive=True),
    rule("ult.will_never_return", weight=0.85,
         pattern=r"\b(?:will|wil|['’]ll|shall|would|['’]d|am\s+going\s+to|['’]m\s+going\s+to|are\s+going\s+to|"
                 r"gonna)\s+never\s+(?:ever\s+)?(?:again\s+)?(?:fly|shop|buy\s+from|come\s+back|return|recommend|"
                 r"do\s+business|make\s+another|set\s+foot|step\s+foot|purchase\s+from|order\s+from|book\s+with|"
                 r"deal\s+with|work\s+with|use\s+(?:you|u|your|this|them)|choose\s+(?:you|u|your)|trust\s+(?:you|u|"
                 r"your)|give\s+(?:you|u|your\s+\w+)\s+(?:my\s+|another\s+|a\s+)?(?:money|business|cent|dime|penny)|"
                 r"buy\s+another|renew|stay\s+(?:with|at)|travel\s+with|bank\s+with)\b",
         examples=("I will never make another booking with you.",),
         negatable=False),
    rule("ult.never_verb_again", weight=0.85,
         pattern=r"\bnever\s+(?:ever\s+)?(?:be\s+)?(?:fly\w*|flown|buy\w*|use|using|shop\w*|order\w*|book\w*|"
                 r"com(?:e|ing)\s+back|return\w*|recommend\w*|deal\w*\s+with|do\w*\s+business|work\w*\s+with|"
                 r"purchas\w*|stay\w*|choos\w*|trust\w*|renew\w*|subscrib\w*|visit\w*|eat\w*|download\w*|"
                 r"install\w*|travel\w*|step\s+foot|set\s+foot|touch|updat\w*|upgrad\w*|pay\w*)\b[^.!?\n]{0,50}?\b"
                 r"(?:ever\s+)?again\b",
         examples=("Never ordering from this shop again.",),
         negatable=False),
    rule("ult.not_coming_back", weight=0.8,
         pattern=r"\b(?:never|not|won['’]?t|will\s+not|wont)\s+(?:be\s+)?(?:ever\s+)?(?:(?:coming|come)\s+back(?!\s+"
                 r"(?:tonight|today|"
                 r"tomorrow|until|till|this|next|later|for|in|before|after|on|at|to\s+(?:the|my|this)))|"
                 r"returning(?!\s+(?:the|it|this|that|my|your|a|an|them|to\s+(?:the\s+)?(?:office|work))\b)|"
                 r"be\s+back(?=\s*(?:[.!,;]|$|\s+(?:again|ever|here|there|to\s+(?:this|your|that)\s+\w+))))",
         examples=("We won't be back.",),
         not_before=r"\b(?:it|this|that|they|he|she|money|refund|charge|email|package|bag|item)\s+$",
         negatable=False),
    rule("ult.last_time", weight=0.85,
         pattern=r"\b(?:last|final)\s+time\s+(?:i|we)\s+(?:will\s+|['’]ll\s+)?(?:ever\s+)?(?:fly|use|buy|order|book|"
                 r"shop|purchase|deal|do\s+business|choose|trust|come|give|renew|stay|eat|visit|recommend|pay\s+you|"
                 r"travel|raise|write|contact|ask|complain|chase|remind)\b",
         examples=("This is the last time I order from you.",),
         not_examples=("Last time I ordered, it arrived in two days, great service.",),
         negatable=False),
    rule("ult.last_chance", weight=0.85,
         pattern=r"\b(?:(?:your|my|this\s+is\s+(?:your|the|my)|consider\s+this\s+(?:a|my|your|the))\s+(?:last|final)\s+"
                 r"(?:chance|warning|notice|opportunity)(?!\s+(?:for|to)\s+(?:\w+\s+)?(?:guaranteed|save|savings|order|buy|"
                 r"register|enrol\w*|sign|book|take\s+advantage|get\s+(?:in|yours|the\s+deal)|delivery|discount|shop))|\bi['’]?m\s+out(?=\s*(?:[.!,;]|$))|"
                 r"(?:last|final)\s+(?:chance|warning)\s+(?:before|or)\b)",
         examples=("This is your last chance to make it right.",),
         not_examples=("It's your last chance for guaranteed Christmas delivery!",)),
    # "... or else!" ends a threat; "or else I am wasting money" is only "otherwise"
    rule("ult.or_else", weight=0.6,
         pattern=r"\bor\s+else\b(?=\s*(?:[.!?…]|$))",
         examples=("Fix the heating, or else.",),
         negatable=False),
    rule("ult.all_you_get", weight=0.7,
         pattern=r"\b(?:(?:that['’]?s|this\s+is)\s+all\s+you\s+get|you\s+get\s+one\s+(?:more\s+)?(?:chance|shot))\b",
         examples=("One more chance, that's all you get.",),
         negatable=False),
    rule("ult.done_here", weight=0.7,
         pattern=r"\b(?:i\s*['’]?\s*m|i\s+am|we\s*['’]\s*re|we\s+are)\s+(?:so\s+|totally\s+|"
                 r"completely\s+)?done\s+here\b",
         examples=("We're done here.",),
         negatable=False),
    rule("ult.switch_away", weight=0.8,
         pattern=r"(?:" + LEAD_AND + r"|\btime\s+to\s+(?:\w+\s+){0,6}?|\blooks\s+like\s+(?:i|we)\s*['’]?\s*(?:ll|m|"
                 r"re)\s+)"
                 r"(?:switch\w*|mov\w*|go\w*|chang\w*|migrat\w*|transfer\w*|look\w*|find\w*|shop\w*|buy\w*|fly\w*|"
                 r"book\w*|tak\w*\s+(?:my|our)\s+(?:\w+\s+)?(?:business|money|custom)|tak\w*\s+(?:it|this)|"
                 r"sign\w*\s+up)\s+(?:(?!not\b)\w+\s+){0,4}?(?:elsewhere|somewhere\s+else|(?:to|with|for|from)\s+"
                 r"(?:a|your|one\s+of\s+your|another|the)\s+(?:\w+\s+)?competitors?|(?:to|with|for|from|at)\s+"
                 r"(?:another|a\s+different|a\s+new|a\s+better|other|a\s+real|an\s+actual)\s+(?:\w+\s+)?(?:company|"
                 r"provider|vendor|airline|carrier|service|supplier|bank|agency|developer|app|tool|platform|host|"
                 r"product|firm|contractor|freelancer|business|store|shop|plugin)\b|(?:to|with)\s+some(?:one|body)\s+"
                 r"else\b|to\s+"
                 r"(?:an?\s+)?(?:alternative|competitor)s?\b)",
         examples=("I'm going to switch to a different provider.",),
         not_examples=("Should I switch to a different plan?",)),
    rule("ult.switch_to_named", weight=0.8,
         pattern=r"(?:" + LEAD + r"|\btime\s+to\s+(?:\w+\s+){0,6}?|(?:^|(?<=[.!?,;\n]))\s*(?=switching|migrating))"
                 r"(?:switch\w*|migrat\w*|go\w*\s+back)\s+"
                 r"(?:(?:over|back|all|everything|(?:all\s+(?:of\s+)?)?(?:my|our)\s+(?:\w+\s+)?\w+)\s+)?to\s+" + _NAMED,
         examples=("Switching to Vodafone.",)),
    rule("ult.switch_back", weight=0.75,
         pattern=r"(?:" + LEAD + r"|\btime\s+to\s+)(?:switch\w*|go\w*|mov\w*)\s+back\s+to\s+(?!(?:the|my|our|a|an|your|"
                 r"old|older|previous|original|default|free|basic|monthly|annual|normal|work|sleep|bed|school|"
                 r"you|it|this|that|version|v\d)\b)[@\w]",
         examples=("Honestly, I'm going back to excel.",)),
    rule("ult.never_patronise", weight=0.7,
         pattern=r"\bnever\s+(?:ever\s+)?(?:fly|shop|book|stay|eat|bank|do\s+business|buy\s+from|order\s+from|"
                 r"deal\s+with|travel)\s+(?:with\s+|at\s+|from\s+)?(?:this|these|that|those|your|you|u)\s+"
                 r"(?:airline|carrier|company|store|shop|business|brand|place|restaurant|hotel|bank|vendor|outfit|"
                 r"clowns|people|guys)\b",
         examples=("Never fly with this airline.",),
         negatable=False),
    rule("ult.move_to_named", weight=0.6,
         pattern=r"(?:" + INTENT + r"|\btime\s+to\s+(?:\w+\s+){0,6}?)mov(?:e|ing)\s+(?:(?:over|back|all|everything|"
                 r"my\s+\w+)\s+)?to\s+" + _NAMED + r"|" + PROG + r"mov(?:e|ing)\s+(?:(?:over|back|all)\s+)?to\s+@\w+",
         examples=("We will move to Shopify next month.",)),
    rule("ult.find_another", weight=0.7,
         pattern=r"(?:" + LEAD + r"|\btime\s+to\s+(?:\w+\s+){0,6}?(?:or\s+)?)"
                 r"(?:find|look\w*\s+for|search\w*\s+for|hire|us(?:e|ing))\s+(?:another|a\s+different|a\s+new|"
                 r"a\s+better|a\s+real|an\s+actual|other)\s+(?:\w+\s+)?(?:company|provider|vendor|airline|carrier|"
                 r"supplier|bank|agency|developer|host|hosting\s+company|firm|contractor|freelancer|"
                 r"service\s+provider|platform|app|tool|theme|plugin|extension|client|editor|solution|product|"
                 r"software|program)\b",
         examples=("We will find another hosting company.", "Then I'll find another SMS app that keeps it.",
                   "Looks like it's time to search for a new solution."),
         not_examples=("Is it time to find a new host for the staging site, or can yours take it?",)),
    rule("ult.take_business_elsewhere", weight=0.85,
         pattern=r"\btak\w*\s+(?:my|our)\s+(?:\w+\s+)?(?:(?:business|custom|loyalty)\s+(?:\w+\s+){0,2}?(?:elsewhere|"
                 r"somewhere\s+else|to\s+(?:a|an|another|some(?:one|body)|your|one|\S+))|money\s+(?:\w+\s+){0,2}?"
                 r"(?:elsewhere|somewhere\s+else))",
         examples=("I'll take my business elsewhere.",),
         not_examples=("I would never take my business elsewhere, you've been great.",)),
    rule("ult.lost_customer", weight=0.8,
         pattern=r"\b(?:you(?:['’]ve|\s+have)?\s+(?:just\s+)?lost|you(?:['’]re|\s+are)\s+(?:about\s+to\s+)?los\w+|you"
                 r"(?:['’]ll|"
                 r"\s+will)\s+lose|(?:u|you)\s+(?:just\s+)?lost|say\s+goodbye\s+to)\s+(?:me\s+as\s+(?:a|an)\s+|a|"
                 r"another|my|our|"
                 r"a\s+(?:loyal|long-?time|good)|this)\s+(?:[\w-]+\s+){0,3}?"
                 r"(?:customer|client|business|custom|account|member|passenger)\b|(?:^|(?<=\s))@\w+\s+(?:just\s+)?"
                 r"(?:lost|"
                 r"has\s+lost|lose)\s+(?:a|another|one|this)\s+(?:\w+\s+)?(?:customer|client|passenger|member)\b"
                 r"|\b(?:lost|cost)\s+you\s+(?:a|another|one|this|my|our)\s+(?:[\w-]+\s+){0,2}?(?:customer|client|"
                 r"business|custom|passenger|member)\b",
         examples=("You've lost a loyal customer.",
                   "Your new bag policy just lost you my business."),
         not_examples=("The outage cost you a lot of money, I imagine.",)),
    rule("ult.competitor", weight=0.7,
         pattern=r"\b(?:from|with|to|at|use|choose|prefer|find|found|try|tried|trying)\s+(?:a|your|one\s+of\s+your|"
                 r"the)\s+competitors?\b",
         examples=("I found a competitor that does it cheaper.",),
         not_examples=("Steve will be taking a similar role with a competitor.",),
         not_before=r"(?:compar\w*|than|vs\.?|versus|unlike|like)\s+$",
         near=r"\b(?:i|we|my|our|me|us)\b"),
    rule("ult.done_with_you", weight=0.75,
         pattern=r"\b(?:i\s*['’]?\s*m|i\s+am|we\s*['’]\s*re|we\s+are)\s+(?:so\s+|totally\s+|completely\s+|"
                 r"officially\s+)?"
                 r"(?:done|finished|through)\s+with\s+(?:you|u|ya|y['’]?all|@\w+|your\s+(?:company|service|airline|app|"
                 r"product|business|crap|nonsense|bs)|this\s+(?:company|airline|app|service|crap|nonsense))\b",
         examples=("I'm done with your company.",)),
    rule("ult.if_not_then_leave", weight=0.85,
         pattern=r"\b(?:if\s+(?:(?!i\b|we\b)|(?:i|we)\s+(?:don['’]?t|do\s+not|dont|can['’]?t|cannot|haven['’]?t|"
                 r"have\s+not|still|keep|get\s+charged|am\s+charged|see\s+another|hear\s+nothing)\b)" + _COMPLAINT_IF
                 + r"|unless\s+)[^.!?\n]{1,80}?(?:,\s*|\s+then\s+|\s+)"
                 r"(?:i|we)\s*(?:['’]\s*ll|\s+will|['’]?\s*m|\s+am|\s+are|['’]\s*re|\s+shall|\s+would|['’]\s*d|\s+wil)?"
                 r"\s+" + _GAP_NO_WISH + _LEAVE_VERB + r"\b",
         examples=("If you don't fix it by Friday I cancel.",),
         negatable=False),
    rule("ult.leave_if_not", weight=0.85,
         pattern=INTENT + _GAP_NO_WISH + _LEAVE_VERB + r"\b[^.!?\n]{0,60}?\b(?:if\s+(?!i\b|we\b)" + _COMPLAINT_IF
                 + r"|unless\s+)",
         examples=("I will be cancelling my subscription if this isn't fixed.",),
         not_examples=("I'm not cancelling, even if this isn't fixed right away.",)),
    rule("ult.or_i_leave", weight=0.85,
         pattern=r"\b(?:or|otherwise|else)\s*,?\s+(?:i(?![a-kn-z0-9])|we\b)\s*(?:['’]\s*ll|\s+will|\s+am\s+going\s+to|"
                 r"['’]\s*m\s+going\s+to|"
                 r"['’]?\s*m|\s+am|['’]\s*re|\s+are|"
                 r"['’]\s*m\s+gonna|\s+shall|\s+have\s+to|\s+will\s+have\s+to|['’]\s*ll\s+have\s+to|\s+must)?\s*"
                 + _GAP_NO_WISH + _LEAVE_VERB + r"\b",
         examples=("Fix it or I'm leaving.",),
         not_examples=("Call me about the swap or if an early termination fee applies.",),
         negatable=False),
    rule("ult.deadline_or", weight=0.85,
         pattern=r"\b(?:" + _DEADLINE + r"[^.!?\n]{0,60}?\b|(?:today|tonight|now|right\s+now|immediately|right\s+away|"
                 r"asap|tomorrow|this\s+(?:week|afternoon|evening|morning)|(?:by\s+)?(?:the\s+)?end\s+of\s+"
                 r"(?:the\s+)?(?:day|week))"
                 r"\s*,?\s*)(?:or\s+(?:else|i|we|you|lose|say\s+goodbye|don['’]?t\s+bother)|otherwise|"
                 r"if\s+not(?!\s+(?:they|he|she|the|it)\b)|"
                 r"failing\s+"
                 r"(?:which|that)|or\s+there\s+will\s+be)\b",
         examples=("Refund me by Friday or I'm gone.",)),
    rule("ult.deadline_threat", weight=0.85,
         pattern=r"\b(?:if|unless)\b[^.!?\n]{0,100}?"
                 r"\b" + _DEADLINE + r"[^.!?\n]{0,30}?(?:,\s*|\s+)(?:then\s+)?(?:i|we)\s*"
                 # "... I'll assume it's approved", "... we'll move the launch": planning, no threat
                 r"(?!(?:['’]\s*ll|\s+will|\s+shall)\s+(?:just\s+|simply\s+)?(?:assume|take\s+(?:it|that|this)\s+as|"
                 r"move\s+the|"
                 r"push\s+the|reschedule)\b)"
                 r"(?:['’]\s*ll|\s+will|\s+shall|\s+am\s+going\s+to|['’]\s*m\s+going\s+to|\s+(?:will|"
                 r"shall)\s+have\s+to|"
                 r"\s+must|(?:['’]\s*m|\s+am|['’]\s*re|\s+are)\s+(?:(?:just|simply|then)\s+)?(?:issuing|filing|"
                 r"taking|going|"
                 r"cancel\w*|leaving|switching|reporting|contacting|calling|posting|disputing|suing|moving|walking|"
                 r"finding|hiring|"
                 r"getting\s+(?:someone|somebody|my|our|a)\b|charging|reversing|escalating|writing))\b",
         examples=("If this isn't sorted by Monday, I'm calling my bank.",),
         not_examples=("If the invoice isn't approved by Friday, we'll move the launch to next week.",),
         negatable=False),
    rule("ult.you_have_until", weight=0.85,
         pattern=r"\b(?:you\s+have|(?:i|we)\s*(?:['’]\s*ll|\s+will|['’]?\s*m|\s+am|\s+are)\s+(?:be\s+)?giv\w*\s+you|"
                 r"you['’]?ve\s+got)\s+(?:(?:until|till)\s+\S+|(?:exactly\s+|just\s+|only\s+)?(?:\d+|one|two|three|"
                 r"a|an|twenty[\s-]?four|forty[\s-]?eight|seventy[\s-]?two)\s+(?:more\s+)?(?:business\s+|working\s+)?"
                 r"(?:hours?|days?|weeks?|minutes?|hrs?)\s+(?:to|or|before)\b)",
         examples=("You have until Friday to fix this.",),
         not_examples=("If you would like to make changes to your selections, you have until this Friday.",),
         not_before=r"\bif\s+you\s+(?:would\s+like|wish|want|need|plan)\b[^.!?\n]{0,80}$"),
    rule("ult.insist_deadline", weight=0.65,
         pattern=r"\b(?:i|we)\s+(?:must\s+)?(?:insist|demand|require)\b[^.!?\n]{0,80}?\b" + _DEADLINE,
         examples=("I must insist the repair is done within seven days.",)),
    rule("ult.demand_deadline", weight=0.45,
         pattern=r"\b(?:please|kindly|i\s+(?:need|want|expect|demand|require|insist)|we\s+(?:need|want|expect|demand|"
                 r"require)|must|have\s+to|need\s+to)\b[^.!?\n]{0,80}?\b" + _DEADLINE,
         examples=("Please send the refund within 14 days.",)),
    rule("ult.if_not_resolved", weight=0.45,
         pattern=r"\b(?:if|unless)\s+(?:it|(?:this|the|that|my|our)\s+(?:\w+\s+)?(?:matter|issue|problem|situation|"
                 r"charge|"
                 r"refund|case|order|complaint|account|bag|money|ticket|request|error|bug))\s+(?:is\s+not|isn['’]?t|"
                 r"does\s+not|doesn['’]?t|do\s+not|don['’]?t|has\s+not|hasn['’]?t|cannot|can['’]?t|won['’]?t|"
                 r"will\s+not|are\s+not|aren['’]?t|is)\s+(?:\w+\s+)?(?:resolved|fixed|sorted|addressed|handled|"
                 r"refunded|corrected|rectified|settled|returned|reversed|done|get\s+(?:resolved|fixed|sorted)|"
                 r"be\s+(?:resolved|fixed))\b",
         examples=("If this matter is not resolved we will take further steps.",),
         negatable=False),
    rule("ult.now_shout", weight=0.6,
         pattern=r"(?:(?-i:\bNOW\b)(?=\s*(?:[!.?]|$|(?-i:OR\b)))|\bnow\s*!{2,})",
         examples=("I want my money back NOW.",),
         # an advert's or a memo's call to act ("ORDER NOW!", "mark your calendars NOW!") is no demand
         not_examples=("MARK YOUR LUNCH CALENDARS NOW ! You are invited.", "ORDER NOW! WAS $19.96!"),
         not_before=r"\b(?:order|register|registration|mark|rsvp|enrol+\w*|sign\s+up|subscribe|download|act)\b"
                    r"[^.!?\n]{0,60}$",
         negatable=False, question=False, positive=True),
    rule("ult.impatience", weight=0.5,
         pattern=r"\b(?:(?:i|we)\s*(?:['’]\s*ve|\s+have)\s+(?:been\s+)?wait\w*\s+(?:long\s+enough|(?:for\s+)?"
                 r"(?:over\s+|"
                 r"more\s+than\s+)?(?:\d+|two|three|four|several|many)\s+(?:weeks|months))|(?:done|tired\s+of|sick\s+"
                 r"of|fed\s+up\s+(?:with|of))\s+waiting|patience\s+(?:is|has)\s+(?:\w+\s+)?(?:run(?:ning)?\s+out|"
                 r"wearing\s+thin|gone|exhausted)|running\s+out\s+of\s+patience|enough\s+is\s+enough)\b",
         examples=("I'm sick of waiting for an answer.",),
         negatable=False),
    rule("ult.hurry_up", weight=0.4,
         pattern=r"\bhurry\s+(?:the\s+\w+\s+)?up\b",
         examples=("Hurry up and fix it.",),
         negatable=False),
    rule("ult.cancel_announce", weight=0.4,
         pattern=PROG + r"(?:cancel+ing|leaving|quitting|closing\s+(?:my|our)\s+account)\b(?!\s+(?:a|the)\s+"
                 r"(?:review|comment)\b)",
         examples=("I'm cancelling my membership.",),
         not_examples=("How do I cancel my membership?",)),
    # leaving, said as a refusal: "I certainly won't use it ever again", "we will not be flying with you again"
    rule("ult.wont_again", weight=0.85,
         pattern=r"\b(?:won['’]?t|wont|will\s+not|shall\s+not|will\s+never|wil\s+never|['’]ll\s+never|would\s+never|"
                 r"not\s+(?:going\s+to|gonna)|never\s+(?:going\s+to|gonna)|do\s+my\s+best\s+never\s+to|nvr)\s+"
                 r"(?:be\s+)?(?:ever\s+)?(?:\w+\s+)?(?:fly\w*|flown|use|using|utili[sz]\w*|buy\w*|shop\w*|order\w*|"
                 r"book\w*|"
                 r"purchas\w*|do\w*\s+business|deal\w*|work\w*|travel\w*|subscrib\w*|recommend\w*|return\w*|choos\w*|"
                 r"spend\w*|stay\w*)(?:\s+(?:with|from|at|on|to|in|w/))?\s+(?:you|u|ya|y['’]?all|your\s+\w+|"
                 r"this\s+\w+|these\s+\w+|"
                 r"them|it|@\w+|" + _NAMED + r")(?![\w'’])[^.!?\n]{0,40}?\b(?:ever\s+again|again)\b",
         examples=("I won't be booking with you ever again.",),
         negatable=False),
    rule("ult.done_verbing", weight=0.8,
         pattern=r"(?=[iw])(?<!\w)(?:i\s*['’]?\s*m|i\s+am|we\s*['’]\s*re|we\s+are)\s+(?:so\s+|totally\s+|completely\s+|"
                 r"officially\s+|absolutely\s+|just\s+|really\s+)?done\s+(?:flying|using|buying|shopping|ordering|"
                 r"booking|"
                 r"dealing|doing\s+business|paying\s+for|giving\s+you)\b",
         examples=("I'm done dealing with this company.",),
         negatable=False),
    rule("ult.try_another", weight=0.7,
         pattern=r"\b(?:trying|going\s+with|switching\s+to|moving\s+to|looking\s+(?:at|for)|try|go\s+with|"
                 r"book\w*\s+with|"
                 r"fly\w*\s+(?:with|on))\s+(?:out\s+)?(?:another|a\s+different|a\s+new|other|a\s+competing|"
                 r"some\s+other|"
                 r"a\s+better|a\s+real)\s+(?:\w+\s+)?(?:airlines?|carriers?|company|companies|providers?|vendors?|"
                 r"suppliers?|"
                 r"banks?|agency|agencies|hosts?|hosting\s+(?:company|provider)|insurers?|stores?|shops?|contractors?|"
                 r"freelancers?|services?|developers?|designers?)\b(?!\s+(?:account|key|portal|license|licence|id|"
                 r"plan|tier|"
                 r"option|setting|endpoint|api|tab|window|page|mode|version))",
         examples=("Next time I'm trying another airline.",),
         not_before=r"\b(?:tried|you|u|they|he|she|have\s+to|had\s+to)\s+(?:\w+\s+)?$"),
    rule("ult.new_provider", weight=0.7,
         pattern=r"\b(?:have|found|got|get|getting|need|needs|finding|find|look\w*\s+for|time\s+(?:for|to\s+find))\s+"
                 r"(?:a|my|our|myself\s+a|ourselves\s+a)\s+new\s+(?:favou?rite\s+)?(?:airline|carrier|provider|vendor|"
                 r"supplier|bank|agency|host|hosting\s+(?:company|provider)|insurer|designer|contractor|freelancer|"
                 r"service\s+provider)\b(?!\s+(?:account|key|portal|license|licence|id|number|plan|access|login|"
                 r"console|"
                 r"tools?|mode|edition|version|card)\b)",
         examples=("I've already got a new provider lined up.",)),
    rule("ult.next_elsewhere", weight=0.75,
         pattern=r"\b(?:my|our)\s+next\s+(?:\w+\s+){0,2}?(?:flights?|trips?|orders?|purchases?|bookings?|vacations?|"
                 r"holidays?|"
                 r"renewals?|subscriptions?|projects?|contracts?|phones?|laptops?|cars?)\b[^.!?\n]{0,40}?\b"
                 r"(?:will\s+be|is|"
                 r"are|['’]s\s+going\s+to\s+be|goes)\s+(?:on|with|through|via)\s+(?:another|a\s+different|other|"
                 r"a\s+competitor|"
                 r"your\s+competitor|"
                 r"@\w+|" + _NAMED + r")|(?:^|(?<=[.!?\n]))\s*next\s+(?:\w+\s+){0,2}?(?:flights?|trips?)\s+"
                 r"(?:will\s+be\s+|is\s+)?(?:on|with)\s+(?:another\s+\w+|@\w+|" + _NAMED + r")",
         examples=("Next trip is with Ryanair.",)),
    rule("ult.back_on_named", weight=0.7,
         pattern=LEAD + r"(?:be\s+)?(?:going\s+)?back\s+(?:on|with|to)\s+(?:@\w+|(?-i:(?!(?:Monday|Tuesday|Wednesday|"
                 r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
                 r"November|December|Mon|Tue|Wed|Thu|Fri|Sat|Sun|The|This|That|My|Our|Your|You|It|I|A|An|"
                 r"Work)\b)[A-Z][\w.+-]*))",
         examples=("I'll be back on @Lufthansa next time.",)),
    rule("ult.take_custom_to", weight=0.8,
         pattern=r"\btak\w*\s+(?:my|our)\s+(?:\S+\s+){0,2}?(?:status|miles|points|dollars|bookings?|family|families|"
                 r"team|"
                 r"clients?|customers?|company|contracts?|spend|budget|travel)\s+(?:\w+\s+){0,2}?(?:elsewhere|"
                 r"somewhere\s+else|"
                 r"to\s+(?:@\w+|another|a\s+competitor|your\s+competitor|" + _NAMED + r"))",
         examples=("Taking our whole team to Basecamp.",)),
    rule("ult.hashtag_never", weight=0.7,
         pattern=r"#(?:never\w*again|never(?:fly|flying|using|buying|shopping|booking|ordering)\w*|done\w+|byebye\w*|"
                 r"goodbye\w+)\b",
         examples=("Lost my bags again #neveragain",),
         negatable=False, question=False),
    rule("ult.give_it_until", weight=0.7,
         pattern=r"(?=[iw])(?<!\w)(?:i\s*['’]\s*ll|i\s+will|we\s*['’]\s*ll|we\s+will|i\s*['’]?\s*m\s+going\s+to|"
                 r"i\s+am\s+going\s+to)"
                 r"\s+give\s+(?:it|you|u|them|this)\s+(?:one\s+more|another|a\s+few\s+more|until|till|\d+\s+more|"
                 r"two\s+more|"
                 r"three\s+more|a\s+couple\s+more)\b(?!\s+(?:look|read|glance|review|pass|check|thought|proof))[^.!?\n]{0,40}?\b(?:then|before|after\s+that|otherwise|or\s+"
                 r"(?:else|i|we))\b",
         examples=("I'll give it until Friday, then I'm cancelling.",),
         not_examples=("I'm going to give it another look, then I think we will be ready to go.",)),
    rule("ult.fix_it_now", weight=0.6,
         pattern=r"(?:^|(?<=[.!?\n,;:]))\s*(?:please\s+|just\s+|now\s+)?(?:sort|fix|refund|resolve|give|send|return|"
                 r"answer|"
                 r"respond|reply|call|process|cancel|deliver|do|pay|get|put|bring|tell|show|release|"
                 r"ship)\b[^.!?\n]{0,40}?\bnow\s*!",
         examples=("Fix this now!",),
         negatable=False, positive=True),
    rule("ult.last_straw", weight=0.75,
         pattern=r"\b(?:last|final)\s+straw\b",
         examples=("This is the last straw.",),
         negatable=False),
    rule("ult.cancel_now", weight=0.7,
         pattern=r"(?:" + PROG + r"|" + INTENT + r")" + _GAP_NO_WISH + r"(?:cancel+(?:ing)?|terminat\w*|clos\w*|"
                 r"end\w*|leav\w*|"
                 r"quit\w*)"
                 r"(?:\s+(?:my|our|the|this|your)\s+(?:\w+\s+)?(?:subscriptions?|accounts?|membership|contract|"
                 r"orders?|plan|"
                 r"service|licen[cs]es?|policy|booking|reservation|card))?\s+(?:effective\s+(?:immediately|today|"
                 r"now)|immediately|right\s+now|as\s+of\s+(?:today|now)|"
                 r"this\s+(?:instant|minute|second)|today)\b",
         examples=("I'm cancelling my subscription today.",),
         not_examples=("Can I cancel my subscription today and still use it until the end of the month?",)),
    rule("ult.goodbye_named", weight=0.7,
         pattern=_SENTENCE_START + r"\s*(?:good\s*-?\s*bye|bye\s*-?\s*bye|farewell|so\s+long|adios|sayonara)"
                 r"(?!\s*,?\s+(?-i:[A-Z]{1,3})\s*$)\s*,?\s+"
                 r"(?:@\w+|"
                 r"(?-i:(?!(?:The|This|That|My|Our|Your|You|It|I|A|An|And|For|Now|Then|Thanks|Thank|See|"
                 r"Have)\b)[A-Z][\w.+-]*))",
         examples=("Goodbye Spotify.",),
         negatable=False, positive=True),
    rule("ult.caps_deadline", weight=0.6,
         pattern=r"(?-i:\b(?:TODAY|IMMEDIATELY|RIGHT\s+NOW|THIS\s+INSTANT)\b)(?=\s*(?:[!.]|$))",
         examples=("I need the refund TODAY.",),
         not_examples=("WHAT IS THE DEAN TALKING ABOUT TODAY?", "PLEASE LOG OFF BEFORE YOU LEAVE TODAY."),
         near=r"(?-i:\b[a-z]{3,}\b)", near_text=True,
         negatable=False, question=False, positive=True),
    rule("ult.expect_by_deadline", weight=0.65,
         pattern=r"\b(?:i|we)\s+(?:\w+\s+)?(?:expect|demand|require|insist\s+on)\s+(?:(?:a|an|your|my|the|full|"
                 r"complete|proper|"
                 r"written)\s+){0,2}(?:response|reply|answer|refund|resolution|fix|solution|call|callback|update|"
                 r"confirmation|"
                 r"money|credit|explanation|apology)\s+(?:\w+\s+){0,4}?" + _DEADLINE +
                 r"(?![^.!?\n]*\bas\s+(?:per\s+)?(?:your|the|our)\s+(?:policy|terms|agreement|contract|website)|"
                 r"[^.!?\n]*\bas\s+"
                 r"(?:promised|agreed|stated|discussed))",
         examples=("I expect a full refund within 48 hours.",)),
    rule("ult.never_a_customer", weight=0.8,
         pattern=r"\b(?:won['’]?t|wont|will\s+not|never|['’]ll\s+never|will\s+never|no\s+longer)\s+(?:ever\s+)?"
                 r"(?:again\s+)?(?:be\s+)?"
                 r"(?:a|your|their|one\s+of\s+your)\s+(?:\w+\s+)?(?:customer|client|member|passenger|subscriber|"
                 r"user)s?\s+"
                 r"(?:again|there|here|of\s+(?:yours|you|this)|anymore|any\s+more)?(?=\s*(?:[.!,;]|$|again|there|"
                 r"here))",
         examples=("I will never be a customer of yours again.",),
         negatable=False),
    rule("ult.last_dollar", weight=0.8,
         pattern=r"\b(?:last|final)\s+(?:dollar|cent|penny|pound|euro|money|purchase|order|flight|booking|payment)\s+"
                 r"(?:you|u)\s+"
                 r"(?:will\s+)?(?:ever\s+)?(?:get|see|receive|make|take)\b",
         examples=("That's the last penny you will ever see.",),
         negatable=False),
    rule("ult.try_named", weight=0.7,
         pattern=LEAD + r"(?:try|trying|go\s+with|going\s+with|fly|flying|book|booking|use|using)\s+(?:out\s+)?"
                 r"(?:#\w+|@\w+)"
                 r"(?:\s+(?:next\s+time|instead|from\s+now\s+on))?(?=\s*(?:[.!,;]|$|next|instead|from))",
         examples=("I'll try @Ryanair next time.",)),
    rule("ult.or_it_ends", weight=0.75,
         pattern=r"\bor\s+(?:it|this|things|we|that)\s+(?:will|is\s+going\s+to|['’]ll)\s+(?:end|finish|go|get)\s+"
                 r"(?:badly|ugly|"
                 r"differently|another\s+way|in\s+another\s+way|a\s+different\s+way|very\s+differently)\b",
         examples=("Sort it out or this will end badly.",),
         negatable=False),
    rule("ult.taking_forever", weight=0.5,
         pattern=r"\b(?:(?:it['’]?s|this\s+is|this\s+has\s+been|it\s+has\s+been)\s+taking\s+(?:forever|ages|"
                 r"way\s+too\s+long)|"
                 r"how\s+(?:much\s+)?long(?:er)?\s+(?:do|does|will|must|should)\s+(?:i|we)\s+(?:have\s+to\s+)?wait|"
                 r"still\s+waiting|"
                 r"what\s+is\s+taking\s+so\s+long|this\s+is\s+ridiculous)\b",
         examples=("Still waiting, this is taking forever.",),
         negatable=False, question=False),
    rule("ult.exclaim_immediately", weight=0.6,
         pattern=r"\b(?:immediately|right\s+now|right\s+away|now)\s*!{2,}",
         examples=("Refund me immediately!!",),
         negatable=False, positive=True),
    # "(?=[iwuy])" (was [iwu]): "you're fired" could never match, only "u r fired"; "fired up" is no dismissal
    rule("ult.we_are_through", weight=0.75,
         pattern=r"(?=[iwuy])(?<!\w)(?:(?:we|i)\s*(?:['’]\s*re|\s+are|['’]\s*m|\s+am)\s+(?:so\s+|totally\s+|"
                 r"officially\s+)?(?:through|finished)"
                 r"(?=\s*(?:[.!]|$|here|with\s+you))|(?:u|you)\s*(?:['’]?\s*re|r|\s+are)\s+fired\b(?!\s+up\b))",
         examples=("We're through.", "You're fired."),
         not_examples=("You're fired up about the launch, I can tell!",),
         negatable=False),
    rule("ult.your_loss", weight=0.7,
         pattern=r"\b(?:your\s+loss|(?:their|@\w+['’]?s?)\s+gain)\b",
         examples=("Your loss.",),
         negatable=False, question=False),
    rule("ult.not_a_customer_anymore", weight=0.75,
         pattern=r"\b(?:don['’]?t|do\s+not|no\s+longer)\s+(?:want\s+to\s+)?(?:be|being)\s+(?:a|your)\s+(?:\w+\s+)?"
                 r"(?:customer|client|"
                 r"member|subscriber)\s+(?:anymore|any\s+more|again|of\s+yours)?\b",
         examples=("I don't want to be your customer anymore.",),
         negatable=False),
    rule("ult.looking_for_alternatives", weight=0.65,
         pattern=r"\b(?:(?:now|already|am|are|i['’]?m|we['’]?re|starting\s+to|started|start|been|be|currently)\s+)"
                 r"(?:look\w*|shop\w*|search\w*)"
                 r"\s+(?:around\s+)?(?:for\s+|at\s+|into\s+)?(?:(?:an?|another)\s+)?(?:(?:cheaper|better|new|different|"
                 r"free)\s+)?(?:alternatives?|other\s+options|"
                 r"(?:a\s+)?new\s+(?:\w+\s+){0,3}?(?:provider|"
                 r"company|vendor|carrier|service|supplier|host|bank|airline))\b"
                 # "looking at alternatives for the dinner menu": options for a thing, not for the vendor
                 r"(?!\s+for\s+(?:the|our|my|this|that|a|an)\b)",
         examples=("Now looking for alternatives.", "I'll be looking for a cheaper alternative from now on.")),
    rule("ult.contemplating_leaving", weight=0.65,
         pattern=r"\b(?:(?:seriously|absolutely|really|now|am|i['’]?m|we['’]?re)\s+)(?:contemplating|considering|"
                 r"thinking\s+(?:about|of))"
                 r"\s+(?:ending|cancel+ing|leaving|closing|terminating|switching|dropping|quitting|moving|dumping|"
                 r"ditching)\b",
         examples=("I'm seriously considering leaving.",)),
    rule("ult.cancelled_because", weight=0.75,
         pattern=r"\b(?:i|we)(?:\s+have|['’]ve|\s+just|\s+finally)*\s+cancell?ed\s+(?:my|our)\s+(?:\w+\s+)?"
                 r"(?:subscription|plan|membership|account|licen[cs]e)\b[^.!?\n]{0,30}?\b(?:until\s+(?:you|they)\s+"
                 r"(?:figure|fix|sort|work)\w*|(?:as|because|since|due\s+to)\s+"
                 r"(?:there\s+(?:are|were|is)\s+(?:just\s+|simply\s+)?(?:too|so)\s+many|of\s+(?:the\s+)?(?:constant|"
                 r"endless|many|all\s+the|repeated)|(?:it|the\s+app|the\s+service|this|nothing)\s+(?:doesn['’]?t|does\s+not|"
                 r"never|keeps|is\s+(?:too|so|still)|works)))",
         examples=("We cancelled our team plan today because nothing works after the update.",
                   "I've cancelled my subscription until you fix the sync."),
         not_examples=("I cancelled my plan today as instructed by your billing team.",)),
    rule("ult.not_putting_it_back", weight=0.7,
         pattern=r"\b(?:i|we)\s+(?:won['’]?t|will\s+not|am\s+not\s+going\s+to|['’]m\s+not\s+going\s+to)\s+(?:be\s+)?"
                 r"(?:adding|add|installing|install|reinstalling|reinstall|putting|put)\s+(?:it|this|the\s+\w+|your\s+\w+)"
                 r"\s+back\b",
         examples=("After the ads showed up we won't be installing your extension back.",),
         not_examples=("Don't worry, I'll put the old theme back myself.",)),
    rule("ult.not_yours_anymore", weight=0.75,
         pattern=r"\b(?:i|we)\s+(?:won['’]?t|will\s+not|will\s+no\s+longer|am\s+not\s+going\s+to|['’]m\s+not\s+going\s+to)\s+"
                 r"(?:be\s+)?(?:using|use|buying|buy|renewing|renew|recommending|recommend)\s+(?:your|any\s+of\s+your|"
                 r"anything\s+from\s+you)\s+(?:\w+\s+){1,2}?(?:any\s*more|any\s+longer)\b",
         examples=("We won't be using your plugins anymore.",),
         not_examples=("I won't be using it anymore since I changed jobs, please cancel the renewal.",)),
    rule("ult.decided_on_another", weight=0.75,
         pattern=r"\b(?:i|we)\s+(?:have\s+|['’]ve\s+|now\s+|just\s+|finally\s+)*decided\s+to\s+(?:use|go\s+with|"
                 r"switch\s+to|move\s+to|buy|try)\s+(?:another|a\s+different|an\s+alternative|other)\s+(?:\w+\s+)?"
                 r"(?:themes?|apps?|tools?|providers?|company|companies|vendors?|services?|plugins?|extensions?|products?|"
                 r"solutions?|platforms?|host|hosting|suppliers?|agency|agencies|clients?|editors?|software|programs?|"
                 r"banks?|airlines?|carriers?|options?)\b",
         examples=("After the third broken update we have decided to use another theme.",),
         not_examples=("We decided to try another colour for the header, can you send a mock-up?",)),
    rule("ult.better_be_or", weight=0.7,
         pattern=r"\b(?:this|that|it|you)\s+(?:had\s+)?better\s+(?:be|get|work)\b[^.!?\n]{0,40}?\bor\s+(?:else|we|i|"
                 r"you)\b",
         examples=("This had better be fixed or we walk.",)),
    rule("ult.lose_my_business", weight=0.75,
         pattern=r"\b(?:los(?:e|t|ing)|lost\w*)\s+(?:my|our)\s+(?:\w+\s+)?(?:business|custom|loyalty)\b|#lost\w*"
                 r"(?:business|customer)\b",
         examples=("Keep this up and you risk losing my business.",),
         negatable=False),
    rule("ult.reconsider", weight=0.65,
         pattern=r"(?:" + LEAD + r"|\bmake\s+(?:me|us)\s+)(?:\w+\s+)?(?:reconsider|rethink|re-?evaluate|review)\s+"
                 r"(?:my|"
                 r"our)\s+(?:\w+\s+)?"
                 r"(?:options|choices?|business|subscription|membership|loyalty|relationship|partnership|contract|"
                 r"flights?|"
                 r"travel|account|plans?)\b",
         examples=("I'll have to reconsider my subscription.",)),
    rule("ult.spending_no_more", weight=0.75,
         pattern=r"\b(?:spend\w*|giv\w*)\s+(?:any\s*more|another|more|a\s+single)\s+(?:\w+\s+)?(?:money|dime|cent|"
                 r"penny|dollar|"
                 r"pound|euro)s?\s+(?:with|on|to)\s+(?:you|u|ya|your|this|them|@\w+)\b",
         examples=("I'm not spending another penny with you.",),
         negatable=False),
    rule("ult.sticking_to", weight=0.65,
         pattern=r"\bstick\w*\s+(?:to|with)\s+@\w+",
         examples=("From now on I'm sticking to @easyJet.",)),
    rule("ult.loyal_no_more", weight=0.65,
         pattern=r"\b(?:loyal|faithful|long-?time|longtime)\b[^.!?\n]{0,60}?\b(?:but\s+)?no\s+(?:more|longer)\s*[.!]",
         examples=("Loyal customer for ten years, but no more.",),
         negatable=False),
    rule("ult.lost_me", weight=0.8,
         pattern=r"\byou(?:['’]ve|\s+have)?\s+(?:just\s+)?lost\s+me(?:\s+(?:as\s+a\s+(?:customer|client|passenger|"
                 r"member)|for\s+good|"
                 r"forever))?(?=\s*(?:[.!,;]|$|as\b|for\b))",
         examples=("You've lost me.",),
         negatable=False),
    rule("ult.one_word_now", weight=0.6,
         pattern=r"(?:(?<![\s\S])|(?<=[.!?][ \t\n])|(?<=[.!?][ \t\n]{2}))(?<![ap]\.m\.\s)(?<![ap]\.m\.\s\s)"
                 r"(?:now|today|immediately|right\s+now|asap)\s*[.!]+(?=\s|$)",
         examples=("Refund. Now.",),
         not_examples=("The meeting is at 1:00 p.m. today.",),
         negatable=False, question=False, positive=True),
    rule("ult.not_in_future", weight=0.75,
         pattern=r"\b(?:in\s+(?:the\s+)?future|from\s+now\s+on|next\s+time|ever\s+again)\s*,?\s+(?:i|we)\s*"
                 r"(?:['’]\s*m|\s+am|['’]\s*re|"
                 r"\s+are)?\s+(?:not\s+going\s+to|won['’]?t|will\s+not|will\s+never|never)\s+(?:\w+\s+)?(?:choose|"
                 r"use|buy|fly|"
                 r"book|order|shop|pick|go\s+with|trust|recommend)\b",
         examples=("In future, I won't choose you.",),
         negatable=False),
    rule("ult.not_going_back", weight=0.8,
         pattern=r"\b(?:not|never|won['’]?t)\s+(?:be\s+)?(?:going|go|gonna\s+go)\s+back\s+(?:there\s+|to\s+(?:you|"
                 r"them|\w+)\s+)?"
                 r"(?:ever\s+)?again\b|\b(?:won['’]?t|will\s+not|never)\s+(?:be\s+)?(?:going|go)\s+back\s+to\s+"
                 r"(?:you|u|your\s+\w+|them)\b",
         examples=("Not going back there ever again.",),
         negatable=False),
    rule("ult.not_renewing", weight=0.5,
         pattern=r"\b(?:will\s+not|won['’]?t|not\s+going\s+to)\s+(?:be\s+)?renew(?:ed|ing)?\s+(?:with|our|my|the|it|"
                 r"this)\b",
         examples=("Our contract will not be renewed with you.",),
         negatable=False),
    rule("ult.former_customer", weight=0.75,
         pattern=r"\b(?:call\s+me\s+a|i['’]?m\s+(?:now\s+)?a|i\s+am\s+(?:now\s+)?a|consider\s+me\s+a|we['’]?re\s+"
                 r"(?:now\s+)?|"
                 r"we\s+are\s+(?:now\s+)?)\s*(?:former|ex-?)\s*(?:customer|client|member|passenger|subscriber)s?\b",
         examples=("Consider me a former customer.",),
         negatable=False),
    rule("ult.nor_will_i", weight=0.8,
         pattern=r"\b(?:nor|never|neither)\s+will\s+(?:i|we)\s+(?:ever\s+|evr\s+|eva\s+)?(?:again\s+)?(?:fly|use|buy|"
                 r"shop|order|book|"
                 r"purchase|return|come\s+back|recommend|travel|stay|choose|do\s+business)\b",
         examples=("Nor will I ever order from you again.",),
         negatable=False),
    rule("ult.ill_leave", weight=0.6,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ll|\s+will|['’]\s*m\s+going\s+to|\s+am\s+going\s+to|"
                 r"['’]\s*re\s+going\s+to|"
                 r"\s+are\s+going\s+to|['’]\s*m\s+gonna)\s+(?:just\s+)?(?:leave|go\s+elsewhere|walk\s+out|"
                 r"take\s+my\s+business\s+"
                 r"elsewhere)(?=\s*(?:!|\.|$))",
         examples=("Honestly, I'll just leave.",)),
    rule("ult.wont_be_another", weight=0.7,
         pattern=r"\bthere\s+(?:won['’]?t|will\s+not|will\s+never)\s+be\s+(?:a|another)\s+(?:second|third|fourth|"
                 r"fifth|next)(?:\s+(?:time|one|"
                 r"chance))?\b",
         examples=("There won't be a second booking.",),
         negatable=False),
    rule("ult.last_warning_or_lose", weight=0.8,
         pattern=r"\b(?:giv\w*\s+(?:you|u)\s+(?:one\s+)?(?:last|final)\s+(?:chance|opportunity)|(?:last|"
                 r"final)\s+warning\s*[:!.\-–]|"
                 r"or\s+(?:you\s+)?(?:(?:will|'ll)\s+)?lose\s+(?:us|me|my\s+business|our\s+business|a\s+customer|"
                 r"the\s+account|the\s+contract))\b",
         examples=("Final warning: fix it or lose us.",),
         negatable=False),
    rule("ult.done_with_this_bare", weight=0.7,
         pattern=_SENTENCE_START + r"\s*(?:so\s+|totally\s+|completely\s+|officially\s+)?(?:done\s+with\s+(?:this|"
                 r"you|u|it|"
                 r"your\s+\w+|you\s+guys)|"
                 r"not\s+renewing)(?=\s*(?:[.!]|$))",
         examples=("Done with this.",),
         negatable=False),
    rule("ult.switching_plural", weight=0.8,
         pattern=LEAD + r"(?:switch\w*|chang\w*)\s+(?:carriers|providers|banks|airlines|vendors|hosts|"
                 r"hosting\s+companies|agencies|"
                 r"companies|suppliers|insurers|services|platforms)\b",
         examples=("I'm switching providers.",)),
    rule("ult.booking_named", weight=0.75,
         pattern=r"\b(?:booking|flying|going|sticking|switching|moving)\s+(?:with\s+|to\s+)?@\w+\s+(?:for\s+(?:my|"
                 r"our|the)\s+next|next\s+time|"
                 r"from\s+now\s+on|instead|going\s+forward)\b",
         examples=("Booking @Ryanair for my next holiday.",)),
    rule("ult.closing_accounts", weight=0.65,
         pattern=r"\bclos(?:ing|e)\s+(?:all\s+(?:of\s+)?)?(?:my|our)\s+(?:\w+\s+)?accounts?\s+(?:\w+\s+)?(?:tomorrow|"
                 r"today|immediately|now|"
                 r"this\s+week|effective)\b",
         examples=("Closing my accounts this week.",)),
    rule("ult.not_renewing_after_this", weight=0.75,
         pattern=r"\b(?:not|never)\s+(?:gonna|going\s+to)\s+renew\b[^.!?\n]{0,30}?\b(?:after\s+this|again|anymore)\b",
         examples=("Not gonna renew after this.",),
         negatable=False),
    rule("ult.one_word_goodbye", weight=0.55,
         pattern=_SENTENCE_START + r"\s*(?:uninstalled|unsubscribed|deleted|bye(?:\s*-?\s*bye)?|goodbye|adios|"
                 r"so\s+long)\s*[.!]+(?=\s|$)",
         examples=("Uninstalled.",),
         negatable=False, positive=True, question=False),
    rule("ult.leaving_because", weight=0.75,
         pattern=r"\b(?:not\s+(?:be\s+)?renewing|cancel+ing|terminating|ending|leaving|moving\s+(?:away|on)|"
                 r"switching)\b[^.!?\n]{0,50}?"
                 r"\b(?:given|due\s+to|because\s+of|in\s+light\s+of|following|after)\s+(?:the\s+|your\s+|these\s+|"
                 r"this\s+|all\s+the\s+)?"
                 r"(?:ongoing|repeated|continued|continuing|recent|poor|persistent|constant|many)?\s*(?:issues|"
                 r"problems|service|failures|"
                 r"delays|experience|outages|mistakes|errors)\b",
         examples=("We will not be renewing our contract given the repeated outages.",)),
    rule("ult.conditional_leave", weight=0.8,
         pattern=r"\b(?:should\s+(?:this|it|the\s+\w+|that)\s+not\s+be\s+\w+|if\s+(?:this|it|the\s+\w+|that)\s+"
                 r"(?:cannot|can['’]?t|isn['’]?t|is\s+not|won['’]?t\s+be)\s+(?:be\s+)?(?:resolved|fixed|sorted)(?:\s+\w+){0,3}|"
                 r"failing\s+(?:that|which|this|resolution|"
                 r"a\s+\w+)|in\s+the\s+"
                 r"absence\s+of\s+(?:a\s+)?\w+)\s*,?\s+(?:i|we)(?:\s+(?:will|shall|would)|['’](?:ll|d))\s+(?:\w+\s+){0,7}?"
                 r"(?:terminat\w*|cancel\w*|end\s+"
                 r"(?:the|our|my)|leav\w*|withdraw\w*|seek\w*\s+(?:an?\s+)?alternative|mov\w*\s+(?:to|our)|switch\w*|"
                 r"take\s+(?:our|my)\s+"
                 r"business)",
         examples=("Should this not be resolved, we will terminate the contract.",
                   "If this can't be fixed this week, I'd like to cancel my plan."),
         negatable=False),
    rule("ult.no_option_but_to_leave", weight=0.8,
         pattern=r"\b(?:no\s+(?:other\s+)?(?:option|choice|alternative)\s+(?:but|than)\s+to|(?:be\s+)?(?:forced|"
                 r"obliged|compelled)\s+to)\s+"
                 + _LEAVE_VERB,
         examples=("You leave us no option but to cancel.",),
         not_examples=("When the card page hangs we are forced to cancel the order by hand.",),
         negatable=False),
    rule("ult.patience_run_out", weight=0.65,
         pattern=r"\b(?:our|my)\s+patience\s+(?:has|is)\s+(?:now\s+)?(?:run\s+out|worn\s+thin|been\s+exhausted|"
                 r"exhausted|gone|at\s+an\s+end)\b",
         examples=("My patience has run out.",),
         negatable=False),
    rule("ult.consider_closed", weight=0.8,
         pattern=r"\bconsider\s+(?:my|our|this)\s+(?:\w+\s+)?(?:account|contract|subscription|membership|"
                 r"relationship|business|order)\s+"
                 r"(?:closed|cancell?ed|terminated|ended|over)\b",
         examples=("Consider my account closed.",),
         negatable=False),
    rule("ult.reviewing_options", weight=0.55,
         pattern=r"\b(?:reviewing|considering|exploring|weighing|looking\s+at)\s+(?:our|my|all|other)\s+(?:\w+\s+)?"
                 r"(?:options|alternatives)\b",
         examples=("With these problems we are reviewing our options.",),
         near=r"\b(?:issues?|problems?|continues?|again|service|unacceptable|disappointed|frustrat\w*|if\s+this)\b"),
    rule("ult.im_leaving_exclaimed", weight=0.6,
         pattern=PROG + r"(?:leaving|out\s+of\s+here|outta\s+here|done)\s*!",
         examples=("That's it, I'm leaving!",)),
    rule("ult.find_someone_who", weight=0.7,
         pattern=LEAD + r"(?:just\s+)?(?:find(?:ing)?|hir(?:e|ing)|us(?:e|ing)|go(?:ing)?\s+to|go(?:ing)?\s+with)\s+"
                 r"(?:someone|somebody|people|(?:a|an)\s+(?:\w+\s+)?(?:company|provider|business|supplier|vendor|"
                 r"firm|agency|contractor|builder|studio|"
                 r"developer|designer|printer|plumber|electrician|mechanic|host|platform|service|team|caterer|"
                 r"photographer|"
                 r"translator|accountant|bookkeeper|cleaner|installer))"
                 r"\s+(?:else\b|who\s+(?:actually|really|does|can|will|answers|cares)|that\s+(?:actually|really|does|"
                 r"can|will|answers|cares))",
         examples=("I'll find someone who actually answers the phone.",)),
    rule("ult.started_evaluating", weight=0.65,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have|\s+had)?\s+(?:already\s+)?(?:started|begun|began|"
                 r"been)\s+(?:evaluating|"
                 r"looking\s+(?:at|for|into)|testing|trialing|trialling|exploring|comparing)\s+(?:\w+\s+)?"
                 r"(?:alternatives|other\s+options|"
                 r"competitors|other\s+(?:providers|vendors|tools|services|products|solutions))\b",
         examples=("We've started evaluating other providers.",)),
    rule("ult.cant_continue", weight=0.65,
         pattern=r"\b(?:can['’]?t|cannot|won['’]?t\s+be\s+able\s+to|will\s+not\s+be\s+able\s+to)\s+(?:continue|"
                 r"go\s+on|carry\s+on|keep\s+going)\s+"
                 r"(?:like\s+this|this\s+way|working\s+with\s+you|with\s+you|with\s+your\s+\w+)\b",
         examples=("We can't continue like this.",),
         negatable=False),
    rule("ult.my_last_order", weight=0.75,
         pattern=r"\b(?:this|it|that)\s+(?:will|would|is\s+going\s+to)\s+be\s+(?:my|our)\s+(?:very\s+)?(?:last|"
                 r"final)\s+(?:order|purchase|booking|"
                 r"flight|payment|renewal|project|stay|visit|subscription)\b",
         examples=("This will be my last order.",),
         negatable=False),
    rule("ult.looking_elsewhere", weight=0.7,
         pattern=r"\b(?:look\w*|shop\w*|tak\w*\s+(?:my|our)\s+(?:money|business))\s+elsewhere\b",
         examples=("Shopping elsewhere from now on.",)),
    rule("ult.moved_off", weight=0.75,
         pattern=r"\b(?:mov\w*|migrat\w*|pull\w*|took|tak\w*)\s+(?:all\s+)?(?:\w+\s+){0,3}?off\s+(?:of\s+)?(?:your|"
                 r"this|the)\s+(?:platform|service|"
                 r"product|app|servers?|cloud|hosting|network)\b",
         examples=("We've moved our websites off your servers.",)),
    # "then honestly we're done", "another delay and we're done", "if it happens again, I'm out"
    rule("ult.and_were_done", weight=0.75,
         pattern=r"(?:\b(?:honestly|frankly|quite\s+frankly|quite\s+simply|simply\s+put)\s*,?\s+|"
                 r"\b(?:one|another|any)\s+(?:more\s+)?(?:\w+\s+)?(?:delay|mistake|excuse|error|problem|issue|outage|"
                 r"failure|screw-?up|"
                 r"cock-?up|no-?show|missed\s+\w+|day|week|email|chance|time|incident|bug)s?\s+(?:like\s+this\s+)?"
                 r"(?:and|&)\s+|"
                 r"\bif\s+(?!i\b|we\b)" + _COMPLAINT_IF + r"[^.!?\n]{1,80}?(?:,\s*|\s+then\s+))"
                 r"(?:i|we)\s*(?:['’]\s*re|\s+are|['’]\s*m|\s+am|['’]\s*ll\s+be|\s+will\s+be)\s+(?:(?:so|totally|"
                 r"completely|officially)\s+)?"
                 r"(?:done|finished|through|out(?:\s+of\s+here)?|gone)\b(?=\s*(?:[.!,;]|$|with\s+(?:you|u|your)))",
         examples=("One more outage and we're done.",),
         negatable=False, positive=True),
    # a deadline with a threat in the same sentence: "I'm happy to let my bank reverse it if I don't hear
    # from a human by Monday", "unless I get the refund within 48 hours my lawyer takes over"
    rule("ult.if_not_by_deadline", weight=0.65,
         pattern=r"\b(?:if\s+(?:i|we)\s+(?:don['’]?t|do\s+not|dont|haven['’]?t|have\s+not|can['’]?t|cannot)|unless\s+"
                 r"(?:i|we))\s+"
                 r"(?:hear|get|receive|see|have)\b[^.!?\n]{0,50}?" + _DEADLINE,
         examples=("If I don't hear back by Monday, the bank gets involved.",),
         near=r"\b(?:bank|card\s+company|chargeback|charge\s*back|claw\w*|reverse\w*|dispute\w*|lawyers?|solicitors?|"
              r"attorneys?|court|small\s+claims|sue|legal|regulator|trading\s+standards|ombudsman|(?:bad|negative|"
              r"1[\s-]*star|one[\s-]*star)\s+reviews?|someone\s+else|somebody\s+else|elsewhere|competitor\w*|"
              r"another\s+(?:company|supplier|provider|firm|vendor|agency|builder|contractor))\b"),
    rule("ult.expect_cancellation", weight=0.75,
         pattern=r"\bexpect\s+(?:our|my|a)\s+(?:formal\s+|written\s+)?(?:cancell?ation|termination|"
                 r"notice\s+of\s+termination|chargeback)"
                 r"(?:\s+notice|\s+request|\s+letter)?\b(?!\s+(?:credit|fee|refund|confirmation|e-?mail|number))",
         examples=("Expect our cancellation by Friday.",),
         not_examples=("I submitted a request and expect a cancellation credit to my account.",)),
    # Buying elsewhere announced: "I'm just going to buy from someone else".
    rule("ult.buy_elsewhere", weight=0.7,
         pattern=LEAD + r"(?:(?:going\s+to|gonna)\s+)?(?:just\s+)?"
                 r"(?:buy|shop|order|purchase|get\s+(?:it|them|one|mine))\s+(?:it\s+|them\s+)?"
                 r"(?:from|at|with)\s+(?:someone|somewhere|some\s+other\s+(?:place|shop|store|company|seller))\s+else\b",
         examples=("You know what? I'm just going to buy from someone else.",)),
    # "Fix it ASAP - or refund ...": the repair demanded with the way out as the alternative.
    rule("ult.fix_or_refund", weight=0.75,
         pattern=r"\bfix\s+(?:it|this|that|the\s+\w+|my\s+\w+)\s+(?:[\w'’]+\s+){0,4}?(?:asap|now|immediately|today|"
                 r"right\s+away|at\s+once)\s*[-–—,!]*\s*or\s+(?:else\s+)?(?:refund|cancel|give\s+me\s+(?:a|my)\s+"
                 r"(?:refund|money\s+back)|i\s*['’]?\s*ll\s+(?:cancel|leave|go))",
         examples=("Please fix it for me asap - or refund and remove the paid subscription!",),
         not_examples=("Could you fix it today or refund it, whichever is easier for you?",)),
    # A formal last warning: "this communication serves as a final notice".
    rule("ult.final_notice", weight=0.75,
         pattern=r"\bthis\s+(?:\w+\s+)?(?:is|serves\s+as)\s+(?:a|my|our|your)\s+(?:formal\s+)?final\s+(?:notice|warning|"
                 r"demand)\b",
         examples=("This communication serves as a final notice.",),
         not_examples=("Please find attached the final notice from the council about the road closure.",)),
    # Leaving told as a break-up: "I'm leaving you", "Today, I say goodbye".
    rule("ult.leaving_you", weight=0.75,
         pattern=r"\b(?:i\s*['’]?\s*m|i\s+am|we\s*['’]\s*re|we\s+are)\s+(?:officially\s+)?leaving\s+you\b"
                 r"(?!\s+(?:a|an|my|the|some|this|with|to)\b)|\b(?:i|we)\s+(?:say|bid)\s+(?:you\s+)?(?:goodbye|"
                 r"farewell)\b|\bthis\s+is\s+(?:my|our)\s+(?:goodbye|farewell)\b",
         examples=("Dear Comcast, I'm leaving you because you keep raising prices.",
                   "Today, I say goodbye."),
         not_examples=("I'm leaving you a voicemail as well.",)),
    # Another supplier chosen: "we've decided to go for a professional web designer".
    rule("ult.decided_for_a_new", weight=0.7,
         pattern=r"\b(?:we|i)\s*(?:['’]\s*ve|\s+have)?\s+decided\s+to\s+(?:go|move|switch)\s+(?:with|for|to)\s+"
                 r"(?:a|an|another|someone|a\s+different)\s+(?:[\w-]+\s+){0,3}?(?:provider|company|designer|developer|"
                 r"agency|vendor|supplier|service|firm|contractor|host|bank|carrier|platform)\b",
         examples=("We've decided to go for a professional web designer who can give the site some zip.",)),
    # Paying stopped for good: "I'm not paying anymore".
    rule("ult.not_paying_anymore", weight=0.7,
         pattern=r"\b(?:i|we)\s*(?:['’]\s*m|\s+am|\s+are|['’]\s*re)\s+not\s+paying\s+(?:for\s+(?:it|this|that)\s+)?"
                 r"any\s*more\b",
         examples=("The project is dead, this is why I'm not paying anymore.",)),
    # Using the product no more, announced: "we will have to stop using Postman".
    rule("ult.stop_using", weight=0.7,
         pattern=r"\b(?:will|['’]ll|going\s+to|gonna|have\s+to|had\s+to|need\s+to|decided\s+to|plan\s+to)\s+"
                 r"(?:(?:now|just|probably|definitely|simply|have\s+to|be\s+forced\s+to)\s+)*(?:stop|quit)\s+using\s+"
                 r"(?:you|your\s+\w+|it|this|(?-i:[A-Z])\w*|the\s+(?:app|service|product|software|tool|platform|"
                 r"plugin|extension))\b",
         examples=("Because of this I will have to stop using Postman.",),
         not_examples=("You will have to stop using the old API key by May.",),
         not_before=r"\b(?:you|u|users|customers|people)\s+(?:\w+\s+){0,2}$"),
    # Another product announced in its place: "my whole company will now use another tool".
    rule("ult.use_another", weight=0.65,
         pattern=r"\b(?:will|['’]ll|going\s+to|gonna)\s+(?:(?:now|just|probably|definitely|simply|have\s+to)\s+)*"
                 r"(?:use|try|find|switch\s+to|go\s+with|move\s+to|look\s+for|buy)\s+(?:an\s*other|a\s+different|"
                 r"a\s+competing)\s+(?:\w+\s+)?(?:tool|app|service|provider|product|solution|platform|vendor|company|"
                 r"client|option|alternative|host|bank|carrier|airline|brand|software)\b",
         examples=("My whole company will now remove postman and will use another tool.",),
         not_examples=("Will you use another tool for the report, or the same one?",),
         not_before=r"\b(?:you|u|if|whether)\s+(?:\w+\s+){0,3}$"),
    # Continuing refused: "I will not be able to continue to use Postman", "won't continue the subscription".
    rule("ult.wont_continue", weight=0.7,
         pattern=r"\b(?:i|we)\s+(?:will\s+not|won['’]?t|cannot|can['’]?t|shall\s+not|am\s+not\s+going\s+to|"
                 r"['’]m\s+not\s+going\s+to)\s+(?:be\s+able\s+to\s+)?continue\s+(?:to\s+use\s+(?:you|it|this|your|"
                 r"(?-i:[A-Z]))|using|paying|(?:with\s+)?(?:the|my|our|your|this)\s+(?:\w+\s+)?(?:subscription|plan|"
                 r"membership|service|contract|account|license|licence))",
         examples=("I will not be able to continue to use Postman for our next project.",
                   "If this goes on I won't continue the subscription for sure."),
         not_examples=("We can't continue with the migration until you send the file.",),
         negatable=False),
    # A bare switch announced: "Thanks guys! Will switch for sure."
    rule("ult.will_switch", weight=0.65,
         pattern=INTENT + r"switch(?:\s+(?:away|over|providers?|services?|tools?|apps?|banks?|carriers?))?"
                 r"(?:\s+(?:for\s+sure|asap|soon|now|then|immediately))?\s*(?:[.!]|$)",
         examples=("Lost all my data without a restore option. Will switch for sure.",),
         not_examples=("I'll switch the setting and report back, thanks!",)),
)
