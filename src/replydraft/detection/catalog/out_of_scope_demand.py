"""out_of_scope_demand: work, refunds or terms demanded beyond what was agreed or paid for."""

from __future__ import annotations

from functools import partial

from replydraft.detection.catalog.fragments import (
    _SENTENCE_START,
)
from replydraft.detection.catalog.spec import RuleSpec

rule = partial(RuleSpec, signal="out_of_scope_demand")

RULES: tuple[RuleSpec, ...] = (
    rule("scope.should_be_free", weight=0.7,
         pattern=r"\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|better)\s+(?:(?!not\b|never\b)\w+\s+)"
                 r"{0,2}?(?:be|have\s+been|come)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(?:free(?!\s+(?:of|to|from)\b)|"
                 r"free\s+of\s+charge|"
                 r"complimentary|(?:obviously|clearly|surely|definitely|of\s+course)\s+(?:be\s+)?included|included\s+"
                 r"(?:for\s+free|at\s+no|in\s+(?:the|my|our|your)\s+(?:price|plan|package|subscription|contract|deal|"
                 r"fee|"
                 r"cost|quote|licen[cs]e))|part\s+of\s+(?:the|my|our)\s+(?:deal|package|plan|contract|price|"
                 r"subscription|quote|scope|project)|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|on\s+the\s+"
                 r"house|thrown\s+in|comped)\b",
         examples=("After all these delays the upgrade should be free.",),
         not_examples=("Is the upgrade free for existing customers?",),
         not_before=r"(?:\bwhich|\bwhat)\s+$"),
    rule("scope.demand_for_free", weight=0.7,
         pattern=r"(?:\b(?:i|we)\s+(?:\w+\s+)?(?:want|expect|demand|insist|deserve|require|should\s+(?:get|have|"
                 r"receive|be\s+given))|(?:^|(?<=[.!?\n]))\s*(?:please\s+)?(?:do|fix|add|include|throw|give|send|redo|"
                 r"build|make|replace|repair|upgrade|extend|deliver)\b|\b(?:you|u)\s+"
                 r"(?:should|must|need\s+to|have\s+to|better|will|['’]ll)|\bjust\s+(?:do|fix|add|include|throw|give|"
                 r"send|redo|build|make|replace|repair|upgrade|extend|deliver))\b"
                 r"(?:(?!\b(?:try|trial|test|demo|know|ask|check|whether|if)\b)[^.!?\n]){0,50}?\b(?:for\s+free|"
                 r"free\s+of\s+charge|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|without\s+(?:any\s+)?"
                 r"(?:extra\s+|additional\s+)?(?:charge|cost|paying|payment)|without\s+charging\s+(?:us|me)|"
                 r"on\s+the\s+house|for\s+nothing|gratis)\b",
         examples=("I expect the extra pages done for free.",),
         not_before=r"\b(?:thank\w*|appreciat\w*|grateful|kind|nice|generous|offer\w*)\b[^.!?\n]*$"),
    rule("scope.least_you_can_do", weight=0.4,
         pattern=r"\b(?:(?:that['’]?s|it['’]?s|is)\s+the\s+least\s+you\s+(?:can|could)\s+do|"
                 r"i\s+shouldn['’]?t\s+have\s+to\s+"
                 r"ask|it['’]?s\s+only\s+fair)\b",
         examples=("Waiving the fee is the least you can do.",)),
    rule("scope.on_you", weight=0.5,
         pattern=r"\b(?:that|this|it|these|those|the\s+\w+)\s+(?:is|are|['’]s|['’]re)\s+on\s+(?:you|u)\b(?!\s+"
                 r"(?:guys\s+)?to\s+decide)",
         examples=("That is on you, so fix it for free.",),
         near=r"\b(?:pay\w*|cost\w*|charg\w*|free|fix\w*|revision\w*|change\w*|work)\b",
         near_text=True),
    rule("scope.not_paying_for_it", weight=0.4,
         pattern=r"\b(?:not|won['’]?t|will\s+not|refuse\s+to|never)\s+(?:going\s+to\s+|gonna\s+)?pay(?:ing)?\s+for\s+"
                 r"(?:it|them|that|those|this)\b",
         examples=("The extra banner was never quoted and I will not pay for it.",),
         negatable=False),
    rule("scope.refund_despite_use", weight=0.65,
         pattern=r"\b(?:refund|money\s+back)\b[^.!?\n]{0,40}?\b(?:even\s+though|although|even\s+if|despite|though)\s+"
                 r"(?:i|we)\s*(?:['’]ve|\s+have|\s+had)?\s*(?:\w+\s+)?(?:used|using|downloaded|had|been\s+using|"
                 r"received)\b",
         examples=("I want a full refund even though I used it for two months.",)),
    rule("scope.unlimited", weight=0.8,
         pattern=r"\b(?:expect|want|need|demand|deserve|should\s+(?:get|have|include)|entitled\s+to|give\s+(?:me|us)|"
                 r"insist\s+on|implied|promised|included|part\s+of)\w*\s+(?:\w+\s+){0,2}?unlimited\s+(?:revisions?|"
                 r"changes|edits|rounds|support|updates|"
                 r"iterations|calls|meetings|tweaks|amendments|redos|drafts|versions|access|hours)\b|\bunlimited\s+"
                 r"(?:revisions?|"
                 r"changes|edits|rounds|support|updates|tweaks|amendments)\s+(?:were|was|are|is)\s+(?:implied|"
                 r"promised|included|"
                 r"part\s+of)",
         examples=("We expect unlimited changes until launch.",)),
    rule("scope.not_paying_for_more", weight=0.75,
         pattern=r"\b(?:not|never|won['’]?t|will\s+not|refuse\s+to|shouldn['’]?t|should\s+not|don['’]?t|do\s+not|"
                 r"aren['’]?t|are\s+not)\s+(?:going\s+to\s+|gonna\s+|have\s+to\s+|be\s+)?pay(?:ing)?\s+(?:\w+\s+)?"
                 r"(?:for\s+)?(?:any\s+)?(?:additional|extra|more|further|another|separate(?:ly)?|the\s+extra)\s+"
                 r"(?:work|changes|revisions?|edits|hours|time|rounds?|features?|design|development|labou?r|pages?|"
                 r"versions?|drafts?)\b",
         examples=("We are not paying for any additional hours.",),
         negatable=False),
    rule("scope.shouldnt_pay_extra", weight=0.65,
         pattern=r"\b(?:shouldn['’]?t|should\s+not|won['’]?t\s+be|not\s+going\s+to\s+be|not|never|won['’]?t|will\s+not|"
                 r"refuse\s+to)\s+(?:have\s+to\s+|be\s+|going\s+to\s+)?pay(?:ing)?\s+(?:extra|more|anything(?:\s+"
                 r"(?:extra|"
                 r"more))?|a\s+(?:single\s+)?(?:dime|penny|cent)(?:\s+more)?|any\s+more)\s+for\b",
         examples=("I shouldn't have to pay extra for a working login page.",),
         negatable=False),
    rule("scope.not_paying_for_replacement", weight=0.6,
         pattern=r"\b(?:not|won['’]?t|will\s+not|refuse\s+to|never)\s+(?:going\s+to\s+|gonna\s+)?pay(?:ing)?\s+"
                 r"(?:for\s+)?(?:a|the|any|this|that|my)\s+(?:new|replacement|repairs?|fix|damage|replac\w+)\b",
         examples=("I'm not paying for a new charger when yours broke.",),
         negatable=False),
    rule("scope.wont_pay_anything", weight=0.4,
         pattern=r"\b(?:won['’]?t|will\s+not|not\s+going\s+to|refuse\s+to)\s+pay\s+(?:anything|a\s+(?:thing|dime|"
                 r"penny|cent))\b",
         examples=("Honestly, we refuse to pay a penny.",),
         negatable=False),
    rule("scope.dont_care_policy", weight=0.8,
         pattern=r"\b(?:don['’]?t|do\s+not)\s+care\s+(?:about|what)\s+(?:your|the)\s+(?:\w+\s+){0,2}?(?:polic(?:y|ies)|"
                 r"terms|contract|rules|tos|t&c|agreement|fine\s+print)",
         examples=("I don't care what your cancellation policy says.",),
         negatable=False),
    rule("scope.refund_regardless", weight=0.8,
         pattern=r"\b(?:(?:polic(?:y|ies)|terms|contract|rules)\s+or\s+(?:not|no)\b|(?:regardless|irrespective)\s+of\s+"
                 r"(?:your|the)\s+(?:\w+\s+)?(?:polic(?:y|ies)|terms|rules)|(?:i|we)\s+(?:still\s+)?(?:want|demand|"
                 r"expect|insist\s+on)\s+(?:a|my|the|our)?\s*(?:full\s+)?(?:refund|money\s+back)\s+(?:anyway|"
                 r"regardless|anyhow|no\s+matter))",
         examples=("I want my money back regardless.",)),
    rule("scope.policy_pushback", weight=0.65,
         pattern=r"\b(?:(?:this|that|it|your\s+(?:[\w-]+\s+){0,2}?(?:polic(?:y|ies)|terms|rules))\s+(?:is|are)\s+"
                 r"(?:simply\s+|just\s+|really\s+|totally\s+|completely\s+)?"
                 r"(?:not\s+fair|unfair|ridiculous|absurd|outrageous|a\s+joke|a\s+scam)|what\s+do\s+you\s+mean|"
                 r"you\s+can['’]?t\s+be\s+serious|are\s+you\s+(?:kidding|serious|joking))",
         examples=("What do you mean no refunds?",),
         near=r"(?:not\s+(?:giving|give|offer\w*|issu\w*|do\w*)\s+refunds?|no[\s-]+refunds?|"
              r"non-?refundable|not\s+refundable|not\s+(?:eligible|entitled)\s+(?:for|to)\s+a\s+refund|"
              r"(?:don['’]?t|do\s+not|won['’]?t)\s+(?:give|offer|issue|do|provide)\s+refunds?|"
              r"refund\s+polic(?:y|ies))",
         negatable=False, question=False, near_text=True),
    rule("scope.dont_see_why_not", weight=0.65,
         pattern=r"\bdon['’]?t\s+see\s+(?:why|how)\s+(?:i|we)\s*(?:shouldn['’]?t|should\s+not|can['’]?t|cannot|"
                 r"wouldn['’]?t|couldn['’]?t|am\s+not|are\s+not|['’]m\s+not)\s+(?:be\s+)?(?:eligible|entitled|allowed|"
                 r"get|receive|have|qualify)",
         examples=("I don't see why I shouldn't get the discount too.",),
         negatable=False, question=False),
    rule("scope.discount_demand", weight=0.65,
         pattern=r"(?:\bgive\s+(?:me|us)|\b(?:i|we)\s+(?:want|expect|deserve|demand)|\bthere\s+(?:should|must|"
                 r"has\s+to)\s+be|\bat\s+least\s+(?:give|offer)|\byou\s+(?:should|must|"
                 r"need\s+to|have\s+to|owe\s+(?:me|us))|\b(?:can['’]?t|cannot|couldn['’]?t)\s+you\s+(?:just\s+)?"
                 r"(?:give|knock|take|do))\s+(?:me\s+|us\s+)?(?:\w+\s+){0,3}?(?:discount|freebie|price\s+(?:cut|"
                 r"reduction|break)|\d+\s*%\s+off|cheaper\s+price|(?:better|special|lower)\s+(?:price|rate|deal))\b",
         examples=("You should give us a discount.",)),
    rule("scope.discount_rhetorical", weight=0.65,
         pattern=r"\b(?:(?:isn['’]?t|aren['’]?t)\s+there|(?:can['’]?t|cannot|couldn['’]?t)\s+you\s+(?:just\s+)?"
                 r"(?:give|do))\s+"
                 r"(?:me\s+|us\s+)?(?:\w+\s+){0,3}?(?:discount|freebie|price\s+(?:cut|reduction|break)|cheaper\s+price|"
                 r"(?:better|special|lower)\s+(?:price|rate|deal))\b",
         examples=("Can't you just give me a better price?",),
         question=False),
    rule("scope.enough_for_compensation", weight=0.6,
         pattern=r"\bshould\s+be\s+(?:more\s+than\s+)?enough\s+to\s+(?:give|get|warrant|justify|earn|deserve)\s+"
                 r"(?:me\s+|us\s+)?(?:\w+\s+){0,2}?(?:compensation|credit|voucher|refund|discount|miles|points|"
                 r"upgrade|free\s+\w+|money\s+back)\b",
         examples=("A four-hour delay should be enough to get some compensation.",)),
    rule("scope.deserve_compensation", weight=0.45,
         pattern=r"\b(?:(?:i|we)\s+(?:\w+\s+)?deserve|you\s+owe\s+(?:me|us)|entitles?\s+(?:me|us)\s+to)\s+"
                 r"(?:\w+\s+){0,2}?(?:compensation|credit|voucher|refund|discount|upgrade|free\s+\w+|money\s+back)\b",
         examples=("We deserve a refund.",)),
    rule("scope.assumed_included", weight=0.5,
         pattern=r"\b(?:i|we)\s+(?:\w+\s+)?(?:expected|assumed|thought|believed)\s+(?:that\s+)?(?:this|it|that|these|"
                 r"those|the\s+\w+)\s+(?:would|should|will|is|was|were|are)\s+(?:be\s+)?(?:\w+\s+)?(?:included|free|"
                 r"complimentary|part\s+of\s+the\s+(?:deal|package|price|plan))\b",
         examples=("We thought this would be free.",)),
    rule("scope.do_it_for_free", weight=0.7,
         pattern=r"\b(?:do|make|fix|add|design|build|redo|create|handle|finish|include|throw\s+in|deliver)\s+(?:this|"
                 r"it|that|"
                 r"them|these|those|the\s+\w+|all\s+(?:of\s+)?(?:this|it|that))\s+(?:\w+\s+){0,2}?(?:for\s+free|"
                 r"free\s+of\s+charge|"
                 r"at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|without\s+(?:charging|charge|extra\s+cost))\b",
         examples=("You can do the translation for free.",),
         not_examples=("They said they will do it at no cost to us.",),
         not_before=r"\b(?:they|he|she|who)\s+(?:will|would|can|could|['’]ll|might|may)\s+$"),
    rule("scope.dont_want_to_pay_extra", weight=0.6,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s+(?:really\s+)?(?:don['’]?t|do\s+not|dont)\s+(?:want|wish|intend|plan|"
                 r"expect)\s+to\s+"
                 r"pay\s+(?:you\s+)?(?:any(?:thing)?\s+)?(?:extra|more|additional|for\s+(?:extra|additional|more|"
                 r"the\s+extra|"
                 r"(?:the\s+)?changes|(?:the\s+)?revisions))\b",
         examples=("We don't want to pay extra for the mobile version.",),
         negatable=False),
    rule("scope.also_part_of", weight=0.65,
         pattern=r"\b(?:also|additionally|as\s+well|too)\b[^.!?\n]{0,60}?\b(?:as\s+(?:a\s+)?part\s+of|included\s+in|"
                 r"within)\s+"
                 r"(?:this|the|our|my|that)\s+(?:project|price|budget|package|deal|contract|fee|quote|scope|job|"
                 r"order)\b",
         examples=("We also need the brochure done as part of this project.",),
         near=r"\b(?:need|want|expect|require|should|must|have\s+to|include)\w*\b"),
    rule("scope.exposure", weight=0.65,
         pattern=r"\b(?:(?<=for\s)exposure|(?:the|great|good|lots\s+of|free|some|huge|massive)\s+exposure|shout[\s-]?outs?|free\s+(?:advertising|publicity|promotion)|promote\s+you|tag\s+you|"
                 r"credit\s+you|(?:great|good)\s+for\s+your\s+portfolio|build\s+your\s+portfolio|word\s+of\s+mouth)\b",
         examples=("We can't pay, but think of the exposure.", "Unpaid, but you'd be working for exposure."),
         not_examples=("Send the net market exposure of the contracts we never paid for.",),
         near=r"\b(?:instead\s+of\s+(?:pay\w*|money|charg\w*|cash)|in\s+exchange|rather\s+than\s+pay\w*|"
              r"(?:don['’]?t|not|no|can['’]?t|cannot|won['’]?t)\s+(?:\w+\s+)?(?:to\s+)?pay\b|for\s+free|"
              r"free\s+of\s+charge|as\s+payment|in\s+lieu|"
              r"unpaid|no\s+budget)",
         near_text=True),
    rule("scope.that_should_be_included", weight=0.6,
         pattern=r"(?:\b(?:that|this|it|these|those|they|"
                 r"which)\s+|" + _SENTENCE_START + r"(?:surely\s+|obviously\s+|honestly\s+)?)"
                 r"(?:should|must|ought\s+to)\s+(?:obviously\s+|surely\s+|clearly\s+|"
                 r"really\s+|already\s+)?(?:have\s+been|be)\s+(?:\w+\s+)?(?:included|part\s+of\s+(?:this|it|that)\b|"
                 r"part\s+of\s+(?:the|my|our)\s+(?:\w+\s+)?"
                 r"(?:package|price|deal|plan|contract|project|order|purchase|subscription))\b(?!\s+in\s+(?:the\s+)?"
                 r"(?:next|upcoming|"
                 r"new|future|release|update|version|docs|documentation|changelog|readme|build)\b)"
                 r"(?!\s+(?:in|with|on)\s+(?:the|this|your|my|our)\s+(?:\w+\s+)?(?:e-?mail|message|zip|folder|"
                 r"attachment|box|parcel|"
                 r"shipment|pack|invoice|link|report|pdf|file)\b)",
         examples=("It should be included, we need it too.",),
         near=r"\b(?:want|need|expect|demand|insist|too|also|as\s+well|should|must|paid|price|free|cost)\b"),
    rule("scope.waive_fee", weight=0.65,
         pattern=r"\b(?:you\s+(?:should|must|need\s+to|have\s+to|better|ought\s+to|will)|(?:i|we)\s+(?:expect|demand|"
                 r"insist|require)"
                 r"(?:\s+(?:that\s+)?you(?:\s+to)?)?|least\s+you\s+(?:can|could)\s+do\s+is(?:\s+to)?)\s+(?:\w+\s+)?"
                 r"(?:waive|drop|remove|"
                 r"cancel|forgive|refund|credit|reimburse|cover|comp|eat)\s+(?:\w+\s+)?(?:the|this|that|my|our|these|"
                 r"those|all|any)\s+"
                 r"(?:\w+\s+)?(?:fees?|charges?|penalt(?:y|ies)|costs?|interest|surcharges?|shipping|postage|"
                 r"expenses)\b",
         examples=("You need to waive the late fee.",),
         not_examples=("Can you waive the fee if I pay by Friday?",)),
    rule("scope.free_obviously", weight=0.7,
         pattern=r"\b(?:no\s+(?:extra\s+|additional\s+)?charge|free\s+of\s+charge|for\s+free|no\s+extra\s+cost|"
                 r"at\s+no\s+cost|"
                 r"on\s+the\s+house)\s*,?\s*(?:obviously|of\s+course|surely|naturally|needless\s+to\s+say|i\s+assume|"
                 r"i\s+presume|"
                 r"right\s*\?)",
         examples=("I assume that's at no charge, right?",),
         negatable=False),
    rule("scope.for_my_trouble", weight=0.7,
         pattern=r"\b(?:(?:i|we)\s+(?:\w+\s+)?(?:want|expect|demand|deserve|insist\s+on|require|should\s+get|"
                 r"should\s+receive)|"
                 r"give\s+(?:me|us)|you\s+(?:owe|should\s+give|must\s+give|have\s+to\s+give|need\s+to\s+give)\s+"
                 r"(?:me|us))\s+"
                 r"(?:\w+\s+){0,3}?(?:free|discount\w*|compensation|credit|voucher|upgrade|refund|money|gift\s+card|"
                 r"\d+\s*%)\b"
                 r"[^.!?\n]{0,40}?\bfor\s+(?:my|our|the|this|all\s+(?:my|our|the|this))\s+(?:\w+\s+)?(?:trouble|"
                 r"troubles|inconvenience|time|"
                 r"hassle|wasted\s+time|frustration|suffering|stress|patience|problem|issue|bug|mess|outage|delay|"
                 r"downtime)\b",
         examples=("I expect a refund for my trouble.",)),
    rule("scope.compensation_demand", weight=0.65,
         pattern=r"\b(?:compensate\s+(?:me|us|them|your\s+(?:customers|passengers|users))|(?:how|what)\s+about\s+"
                 r"(?:a|some|an)\s+"
                 r"(?:\w+\s+)?(?:voucher|credit|discount|upgrade|compensation|free\s+\w+|miles|points|gift\s+card)|"
                 r"(?:i|we)\s+"
                 r"(?:\w+\s+)?(?:want|expect|demand|deserve|require|insist\s+on|should\s+(?:get|receive|be\s+given)|"
                 r"ought\s+to\s+get)\s+(?:a|an|some|full|proper|fair|"
                 r"adequate|"
                 r"considerable|significant|substantial|big|huge)?\s*(?:\w+\s+)?(?:compensation|voucher|credit"
                 r"(?!\s*card)|discount|"
                 r"free\s+(?:flight|ticket|upgrade|month|year|service)|upgrade|miles|points|reduction|price\s+cut|"
                 r"goodwill\s+"
                 r"gesture))\b",
         examples=("I expect a voucher for the next trip.", "For all this trouble I should get a discount."),
         not_examples=("Should I get a discount code for the conference by email?",)),
    rule("scope.give_me_off", weight=0.6,
         pattern=r"\b(?:i\s+should\s+get|give\s+(?:me|us)|make\s+(?:it|them|both|them\s+both))\s+(?:(?:at\s+least|just)\s+)?"
                 r"(?:[$£€]\s?\d+(?:[.,]\d+)?|\d+\s*%)\s+off\b",
         examples=("The sticker says clearance, so I should get 30% off.", "Fine, just give me $5 off the order then."),
         not_examples=("Could you give us 10% off if we order two hundred?",)),
    rule("scope.as_a_favour", weight=0.6,
         pattern=r"\b(?:do|give|make|throw|fix|add|include)\s+(?:\w+\s+){0,4}?as\s+a\s+(?:favou?r|courtesy|freebie|"
                 r"gift|"
                 r"goodwill\s+gesture)\b",
         examples=("You should throw in the logo as a favour after all this.",),
         near=r"\b(?:should|must|expect|after\s+all|least|customer|deserve|owe)\b"),
    rule("scope.you_get_exposure", weight=0.65,
         pattern=r"\b(?:you(?:['’]ll|\s+will|\s+would|['’]d)?|it(?:['’]ll|\s+will|\s+would)?)\s+(?:be\s+)?(?:get"
                 r"(?:ting)?|gain(?:ing)?|"
                 r"receiv\w*|be\s+great|be\s+good|give\s+you|bring\s+you)\s+(?:\w+\s+){0,2}?(?:exposure|referrals|"
                 r"publicity|"
                 r"free\s+advertising|portfolio\s+pieces?)\b",
         examples=("You'd get loads of referrals from this.",)),
    rule("scope.should_not_have_to_pay", weight=0.6,
         pattern=r"\b(?:(?:i|we)\s+(?:don['’]?t|do\s+not|dont)\s+think\s+(?:i|we)\s+should\s+(?:have\s+to\s+)?pay|"
                 r"(?:it['’]?s|it\s+is|"
                 r"that['’]?s|that\s+is)\s+(?:ridiculous|absurd|outrageous|unfair|a\s+joke|crazy)\s+that\s+(?:i|we)\s+"
                 r"(?:should|have\s+to|would\s+have\s+to|must)\s+pay)\b",
         examples=("I don't think I should have to pay for the second visit.",),
         negatable=False),
    rule("scope.want_it_free", weight=0.6,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*d|\s+would)?\s+(?:like|love|want|need|expect)\s+(?:to\s+"
                 r"(?:have|get|receive)\s+)?"
                 r"(?:\S+\s+){1,6}?(?:for\s+free|free\s+of\s+charge|at\s+no\s+(?:extra\s+)?(?:cost|charge))\b",
         examples=("I'd like the premium month for free.",)),
    rule("scope.good_faith", weight=0.6,
         pattern=r"\b(?:as\s+a\s+|a\s+)?(?:show|gesture|token|sign)\s+of\s+good\s*(?:faith|will)\b",
         examples=("As a show of good faith, give us the extra licence.",),
         near=r"\b(?:give|given|license|licence|free|credit|refund|discount|voucher|upgrade|asking|want|expect|"
              r"least)\w*\b"),
    # a thing named as included, where the sentence says why it should come free: "the flyers should be included, it's
    # the same design anyway", "surely the hosting should be part of the package"
    rule("scope.thing_should_be_included", weight=0.6,
         pattern=r"\b(?:the|those|these|our|my)\s+(?!(?:invoice|receipt|attachment|files?|link|documents?|forms?|"
                 r"reports?|e-?mail|tax|"
                 r"vat|gst|postage|shipping|tip|gratuity|breakfast|parking|wifi|details|address|logo|tagline|clause|"
                 r"disclaimer)\b)"
                 r"(?:[\w-]+\s+)?[\w-]+s?\s+(?:should|must|ought\s+to)\s+(?:obviously\s+|surely\s+|clearly\s+|"
                 r"really\s+|already\s+)?"
                 r"(?:have\s+been|be)\s+(?:included|part\s+of\s+(?:this|it|that|the\s+(?:\w+\s+)?(?:package|price|"
                 r"deal|plan|contract|"
                 r"project|order|job|quote)))\b(?!\s+(?:in|with|on)\s+(?:the|this|your|my|our)\s+(?:\w+\s+)?"
                 r"(?:e-?mail|message|zip|"
                 r"folder|attachment|box|parcel|shipment|pack|invoice|link|report|pdf|file|header|footer|banner|"
                 r"page)\b)",
         examples=("The flyers should be included, it's the same design anyway.",),
         near=r"\b(?:assum\w*|expect\w*|too|also|as\s+well|paid|price|free|cost|anyway|same|standard|extra|"
              r"charge\w*)\b"),
    # more work on a visit already paid for: "while your electrician is here could he also rewire the garage, seeing
    # as we've paid for the callout", "while you're here do the garage too, same price"
    rule("scope.while_here_free", weight=0.65,
         pattern=r"\bwhile\s+(?:you['’]?re|you\s+are|ur|(?:your|the)\s+(?:[\w-]+\s+){0,2}?(?:is|are|['’]s)|(?:he|she|"
                 r"they)\s*(?:['’]s|['’]re|"
                 r"\s+is|\s+are))\s+(?:here|there|on\s+site|onsite|round|over|in\s+there|at\s+(?:it|the\s+house|ours|"
                 r"mine))\b",
         examples=("While you're here, could you fix the gutter too, no charge?",),
         near=r"\b(?:same\s+(?:price|rate|cost|fee)|no\s+(?:extra\s+)?charge|free|already\s+paid|"
              r"(?:paid|paying)\s+for\s+(?:the|a|your)\s+(?:call-?\s?out|visit|trip)|without\s+(?:any\s+)?"
              r"(?:extra\s+)?charg\w*|on\s+the\s+house|"
              r"included|for\s+nothing|no\s+extra\s+cost)\b",
         negatable=False, question=False),
    rule("scope.already_paid_callout", weight=0.6,
         pattern=r"\b(?:seeing|since|as)\s+(?:as\s+|how\s+)?(?:we|i)\s*(?:['’]\s*ve|\s+have)?\s+already\s+paid\s+"
                 r"(?:for\s+)?(?:the|a|your|his|"
                 r"her|their)\s+(?:\w+\s+)?(?:call-?\s?out|visit|trip|travel|day\s+rate|hourly\s+rate|session|setup|"
                 r"set-up|booking|"
                 r"delivery)(?:\s+fee|\s+charge)?\b",
         examples=("Since we already paid for the call-out fee, could you also look at the boiler?",),
         near=r"\b(?:also|too|as\s+well|while|add|another|extra|more|could|can|quickly|just)\b",
         question=False),
    # "I assume that's fine at the same price" after asking for more
    rule("scope.same_price", weight=0.6,
         pattern=r"\b(?:at|for)\s+(?:the\s+)?same\s+(?:price|rate|cost|fee|quote|budget|money)\b",
         examples=("Add the two extra rooms at the same price.",),
         near=r"\b(?:also|too|extra|more|additional|another|as\s+well|while\s+you|assume|assuming|presume|surely|"
              r"actually|instead\s+of|now\s+(?:have|need|want)|fine|ok|okay)\b",
         not_before=r"\b(?:last\s+(?:year|time|order)|as\s+before|reorder|repeat)\b[^.!?\n]*$",
         question=False, negatable=False),
    # "keep going until we're happy", "I don't see why we should pay for the extra rounds"
    rule("scope.until_happy", weight=0.65,
         pattern=r"\b(?:keep|carry\s+on|continue)\s+(?:going|revising|working(?:\s+on\s+(?:it|this))?|tweaking|"
                 r"changing\s+(?:it|things)|"
                 r"making\s+(?:changes|edits|revisions)|with\s+the\s+(?:edits|changes|revisions|rounds))\s+"
                 r"(?:\w+\s+){0,2}?"
                 r"(?:until|till|til)\s+(?:we|i)\s*(?:['’]\s*re|\s+are|['’]\s*m|\s+am)\s+(?:\w+\s+)?(?:happy|"
                 r"satisfied|pleased)\b|"
                 r"(?:(?<=n't )|(?<=n’t )|(?<=not )|(?<=dont ))see\s+why\s+(?:i|we)\s+should\s+(?:have\s+to\s+)?pay\s+"
                 r"(?:extra\s+|anything\s+)?for\s+(?:the\s+|any\s+)?(?:extra\s+|additional\s+|further\s+|more\s+)?"
                 r"(?:rounds?|revisions?|"
                 r"changes|edits|amendments|tweaks|iterations)\b",
         examples=("You'll keep revising until we're happy.",),
         not_before=r"\b(?:we|i)\s*(?:['’]\s*ll|\s+will|['’]\s*re|\s+are|['’]\s*m|\s+am|\s+can|\s+could|\s+would|"
                    r"['’]\s*d)?\s+(?:just\s+)?$",
         negatable=False),
    # "every agency we've worked with included that as standard"
    rule("scope.others_include", weight=0.65,
         pattern=r"\b(?:every|any|all|most)\s+(?:other\s+)?(?:\w+\s+)?(?:agency|agencies|company|companies|"
                 r"designers?|developers?|"
                 r"providers?|suppliers?|studios?|firms?|vendors?|builders?|hosts?|printers?|photographers?|"
                 r"caterers?|one|body)\b"
                 r"[^.!?\n]{0,50}?\b(?:includes?|included|would\s+include|throws?|threw|would\s+throw|does|did|"
                 r"would\s+do|offers?|offered|gives?|gave)\s+(?:that|this|it|them|these|those)\s+(?:in\s+)?(?:as\s+"
                 r"(?:standard|"
                 r"a\s+matter\s+of\s+course|part\s+of\s+the\s+(?:package|price|deal))|for\s+free|at\s+no\s+"
                 r"(?:extra\s+)?cost|"
                 r"free\s+of\s+charge|without\s+charging)\b",
         examples=("Every other agency I've used includes that as standard.",)),
    rule("scope.while_youre_at_it", weight=0.6,
         pattern=r"\bwhile\s+you['’]?re\s+at\s+it\b|\bwhile\s+you\s+are\s+at\s+it\b",
         examples=("While you're at it, redo the footer.",),
         negatable=False, question=False),
    rule("scope.its_only_small", weight=0.4,
         pattern=r"\b(?:(?:it|that|this)\s+)?(?:shouldn['’]?t|won['’]?t|wouldn['’]?t|can['’]?t|doesn['’]?t|"
                 r"does\s+not)\s+take\s+(?:you\s+)?"
                 r"(?:long|more\s+than\s+\w+\s+\w+|much\s+(?:time|effort))\b|\b(?:it['’]?s|it\s+is|that['’]?s|"
                 r"that\s+is|this\s+is)\s+"
                 r"(?:only|just)\s+(?:a\s+)?(?:small|tiny|quick|minor|little|simple|five-?\s*minute|"
                 r"two-?\s*minute)\s+(?:tweak|change|thing|"
                 r"fix|addition|job|edit|task|request|favou?r)\b",
         examples=("It's only a small change.",),
         negatable=False, question=False),
    rule("scope.expect_included", weight=0.6,
         pattern=r"(?:\b(?:i|we)\s+(?:\w+\s+)?|" + _SENTENCE_START + r"(?:just\s+|always\s+|kind\s+of\s+)?)"
                 r"(?:expect|assume|assumed|presume|presumed|take\s+it|thought|believed|expected)\s+(?:that\s+)?"
                 r"(?:the\s+|a\s+|an\s+|my\s+|our\s+|all\s+|it\s+|this\s+|that\s+)?(?:[\w/-]+\s+){0,4}?(?:to\s+be|is|"
                 r"are|will\s+be|"
                 r"would\s+be|was|were)\s+(?:obviously\s+|of\s+course\s+|already\s+)?(?:included|part\s+of|covered|"
                 r"complimentary|"
                 r"on\s+the\s+house|free\s+of\s+charge|at\s+no\s+(?:extra\s+|additional\s+)?cost)\b|"
                 r"\b(?:i|we)\s+(?:\w+\s+)?(?:assumed|thought|expected|believed|took\s+it\s+for\s+granted)\s+"
                 r"(?:that\s+)?(?:this|it|that|"
                 r"the\s+\w+|they|you)\s+(?:would|will|could)\s+(?:\S+\s+){1,10}?(?:for\s+free|at\s+no\s+(?:extra\s+|"
                 r"additional\s+)?cost|"
                 r"free\s+of\s+charge|without\s+(?:any\s+)?(?:extra\s+)?(?:cost|charge|paying))\b",
         examples=("I assumed the setup was part of the price.",)),
    rule("scope.surely_included", weight=0.6,
         pattern=r"\b(?:surely|obviously|of\s+course|clearly|naturally)\b[^.!?\n]{0,60}?\b(?:(?:is|are|be)\s+included|"
                 r"(?:is|are)\s+part\s+of\s+(?:the|my|our|this)\s+(?:\w+\s+)?(?:package|price|deal|contract|plan|"
                 r"project|quote|order|"
                 r"subscription))\b",
         examples=("Surely the copywriting is included.",)),
    rule("scope.include_in_price", weight=0.6,
         pattern=r"\binclude\s+(?:\w+\s+){0,3}?in\s+(?:the|your|our|my)\s+(?:original\s+)?(?:price|quote|package|fee|"
                 r"deal|budget|"
                 r"estimate|rate)\b",
         examples=("Just include the extra photos in the price.",)),
    rule("scope.big_client", weight=0.35,
         pattern=r"\b(?:we['’]?re|we\s+are|i['’]?m|i\s+am)\s+(?:a|your|such\s+a|one\s+of\s+your)\s+(?:very\s+|"
                 r"really\s+)?(?:big|biggest|"
                 r"loyal|long-?time|important|major|valued|top|best|premium)\s+(?:clients?|customers?|accounts?)\b",
         examples=("We're a big client, so we expect the extra work covered.",),
         negatable=False),
    rule("scope.make_up_for", weight=0.6,
         pattern=r"\bmake\s+up\s+for\s+(?:the|this|that|your|all\s+(?:the|this))\b",
         examples=("A free month might make up for the trouble.",),
         near=r"\b(?:free|credit|discount|refund|months?|compensat\w*|voucher|upgrade|waive\w*)\b"),
    rule("scope.basic_plan_demand", weight=0.6,
         pattern=r"\b(?:expect|demand|want|require|deserve|should\s+get|should\s+have)\s+(?:\w+\s+){0,4}?(?:for|on|"
                 r"with|in)\s+(?:the|my|our|a)\s+"
                 r"(?:basic|free|cheapest|starter|standard|lite|entry|lowest)\s+(?:plan|tier|version|package|account|"
                 r"level|subscription)\b",
         examples=("I expect exports to work on the basic plan.",)),
    rule("scope.you_owe_me", weight=0.55,
         pattern=r"\byou\s+owe\s+(?:me|us)\s+(?:that\s+much|this\s+much|at\s+least\s+that|at\s+least\s+this|one|"
                 r"a\s+\w+|big\s+time)\b",
         examples=("After all this, you owe me big time.",),
         negatable=False),
    rule("scope.not_paying_extra_bare", weight=0.6,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*m|\s+am|['’]\s*re|\s+are)\s+not\s+"
                 r"(?:going\s+to\s+be\s+)?paying\s+(?:any(?:thing)?\s+)?"
                 r"(?:extra|more|anything\s+more|a\s+penny\s+more|a\s+cent\s+more)(?=\s*(?:[.!,;]|$|for\b))",
         examples=("I'm not paying extra.",),
         negatable=False),
    rule("scope.pro_features_on_basic", weight=0.65,
         pattern=r"\b(?:expect|want|demand|deserve|should\s+get|should\s+have|entitled\s+to)\s+(?:all\s+)?(?:the\s+)?"
                 r"(?:\w+\s+)?(?:pro|premium|"
                 r"paid|full|enterprise|plus|business|ultimate)\s+(?:features|version|functions?|tier|plan|access)\b",
         examples=("I want the pro features on my basic plan.",),
         near=r"\b(?:basic|free|cheap\w*|starter|lite|standard|old|lifetime|original)\b"),
    rule("scope.within_scope", weight=0.7,
         pattern=r"\b(?:consider|regard|deem|believe)\s+(?:that\s+)?(?:the|these|this|that|those|all)\s+"
                 r"(?:\w+\s+){0,3}?(?:to\s+be|as|is|are)\s+"
                 r"(?:within|part\s+of|included\s+in|covered\s+by)\s+(?:the\s+)?(?:original|agreed|initial|existing|"
                 r"current)?\s*(?:scope|"
                 r"contract|agreement|fee|price|budget|quote|project)\b|\bwill\s+not\s+(?:accept|pay|be\s+paying)\s+"
                 r"(?:any\s+)?(?:further|"
                 r"additional|extra)\s+(?:charges|costs|fees|invoices|payments)\b",
         examples=("We will not accept any further charges for this.",)),
    rule("scope.included_in_fee", weight=0.65,
         pattern=r"\bshould\s+(?:be|have\s+been)\s+(?:included|covered)\s+(?:in|by)\s+(?:the|our|your)\s+"
                 r"(?:agreed\s+|original\s+|quoted\s+|"
                 r"fixed\s+|initial\s+)?(?:fee|price|quote|budget|contract|package|scope|cost|estimate)\b",
         examples=("Those revisions should have been covered by the original quote.",)),
    rule("scope.should_get_free_forever", weight=0.65,
         pattern=r"\b(?:i|we)\s+(?:should|deserve\s+to|expect\s+to|ought\s+to)\s+(?:get|have|receive)\s+"
                 r"(?:\w+\s+){0,4}?(?:free|for\s+free|"
                 r"forever|for\s+life|at\s+no\s+(?:extra\s+)?cost)\b|\b(?:i|we)\s+(?:\w+\s+)?(?:expect|want|demand|"
                 r"deserve)\s+(?:\w+\s+)?"
                 r"(?:lifetime|free|all\s+future|unlimited|permanent)\s+(?:updates|upgrades|versions|support|access|"
                 r"features)\b",
         examples=("As early backers we should get it forever.",)),
    rule("scope.shouldnt_need_higher_plan", weight=0.6,
         pattern=r"\b(?:shouldn['’]?t|should\s+not|don['’]?t\s+see\s+why\s+(?:i|we)\s+should)\s+(?:need\s+to|"
                 r"have\s+to|need)\s+(?:pay\s+for\s+|"
                 r"buy\s+|upgrade\s+to\s+)?(?:the\s+|an?\s+)?(?:enterprise|pro|premium|business|team|higher|paid)\s*"
                 r"(?:plan|tier|"
                 r"version|licen[cs]e)?\s+(?:for|just\s+for|to\s+get)\s+(?:that|this|it|one\s+\w+)\b",
         examples=("I shouldn't need the premium plan for that.",)),
    rule("scope.should_be_on_you", weight=0.7,
         pattern=r"\b(?:should|ought\s+to|must|has\s+to|needs?\s+to)\s+be\s+(?:on\s+(?:you|your\s+(?:dime|tab|"
                 r"cost|account))|at\s+your\s+(?:own\s+)?(?:cost|expense))\b(?!\s+to\b)",
         examples=("That repair should be on you, not me.",
                   "The second visit should be at your own expense."),
         not_examples=("Which plan we pick should be on you to recommend.",)),
    rule("scope.not_paying_twice", weight=0.7,
         pattern=r"\b(?:not|never|won['’]?t|refuse\s+to)\s+(?:going\s+to\s+)?pay(?:ing)?\s+(?:you\s+)?(?:for\s+)?"
                 r"(?:(?:another|a\s+second|a\s+third|a\s+further)\s+(?:[£$€]\s?\d[\d,.]*\s+)?(?:\w+\s+){0,2}?"
                 r"(?:fee|charge|visit|call[\s-]?out|repair|fix|trip|appointment|round|time|bill)s?|"
                 r"(?:it|this|that|the\s+\w+)\s+(?:again|twice))\b",
         examples=("I'm not paying another £85 call-out fee for the same fault.",
                   "I'm not paying for a second visit.",
                   "We won't pay for the fix twice."),
         not_examples=("I'm happy paying for a second visit if it needs one.",)),
    rule("scope.refund_not_offer", weight=0.7,
         pattern=r"\b(?:i|we)\s+(?:\w+\s+)?(?:want|expect|demand|need|deserve)\s+(?:a|an|my|our|the)\s+(?:partial\s+|full\s+)?"
                 r"(?:refund|money\s+back|discount|credit|compensation)[,;]?\s+(?:and\s+)?not\s+(?:a|an|the|your|another|"
                 r"some)\b",
         examples=("I want a partial refund, not the free mini session your assistant offered.",),
         not_examples=()),
    rule("scope.within_budget", weight=0.65,
         pattern=r"\b(?:additional|extra|more|further|new)\s+(?:\w+\s+)?(?:could|can|should|would|will|must)\s+be\s+"
                 r"(?:done|included|covered|"
                 r"absorbed|delivered|handled)\s+(?:within|in|under|inside)\s+(?:the\s+)?(?:existing|current|"
                 r"original|agreed|same|initial)\s+"
                 r"(?:budget|fee|price|quote|scope|contract|estimate)\b",
         examples=("The extra pages can be done within the agreed budget.",)),
    # The price itself refused: "you should not charge more for opening the inside doors".
    rule("scope.should_not_charge", weight=0.7,
         pattern=r"\byou\s+(?:should(?:n['’]?t|\s+not)|can(?:not|['’]t)|have\s+no\s+right\s+to)\s+(?:be\s+)?"
                 r"charg\w*\s+(?:me\s+|us\s+|him\s+|her\s+|them\s+)?(?:more|extra|anything|any\s+more|a\s+(?:penny|"
                 r"cent))\s+for\b",
         examples=("My father thinks you should not charge more for opening these inside doors.",),
         not_examples=("Why would you charge extra for delivery to the same town?",)),
    # What the writer thinks is owed on top, said as due: "a discount is in order given the delays".
    rule("scope.is_in_order", weight=0.65,
         pattern=r"\b(?:a|some|an)\s+(?:\w+\s+)?(?:discount|credit|refund|compensation|goodwill\s+gesture|reduction|"
                 r"rebate|voucher)\s+(?:is|would\s+be|seems)\s+(?:\w+\s+)?(?:in\s+order|warranted|called\s+for|"
                 r"only\s+fair|the\s+least)\b",
         examples=("I think a discount is in order given the delays.",),
         not_examples=("Is a discount in order if we renew for two years?",)),
    rule("scope.should_be_waived", weight=0.65,
         pattern=r"\b(?:fees?|charges?|costs?|penalty|penalties|surcharges?)\s+(?:should|must|ought\s+to|need\s+to|"
                 r"has\s+to|have\s+to)\s+be\s+(?:waived|dropped|removed|refunded|written\s+off)\b",
         examples=("Surely the setup fee should be waived considering how long this took.",),
         not_examples=("Which fees should be waived under the new policy?",)),
)
