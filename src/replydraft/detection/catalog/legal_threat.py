"""legal_threat: lawyers, lawsuits, small claims, regulators, chargebacks and data-protection rights."""

from __future__ import annotations

from functools import partial

from replydraft.detection.catalog.fragments import (
    _LAWYER,
    _LEGAL_ACTION,
    _PAYMENT_CO,
    _REGULATOR,
    _SENTENCE_START,
    ANY_AND,
    INTENT,
    LEAD,
    LEAD_AND,
    LEAD_PERF_AND,
    PERF,
    PROG,
)
from replydraft.detection.catalog.spec import RuleSpec

rule = partial(RuleSpec, signal="legal_threat")

RULES: tuple[RuleSpec, ...] = (
    rule("legal.intent_lawyer", weight=0.9,
         pattern=LEAD_PERF_AND + r"(?:reach\w*\s+out|contact|call|get|hire|involv|consult|speak|talk|"
                 r"retain|seek|forward|pass|hand|send|"
                 r"refer|escalat|bring|see|instruct|engag|tak|loop|cc|copy|get\s+in\s+touch)\w*"
                 r"(?:\s+(?:in|with|to|this|it|(?:this|the|that)\s+(?:matter|issue|case|dispute)|everything|on|over|"
                 r"along)){0,3}\s+"
                 r"(?:(?:my|our|a|an|the)\s+)?(?:own\s+)?(?:\w+\s+)?" + _LAWYER + r"\b(?!\s+for\s+(?-i:[A-Z]))"
                 r"(?!\s+(?:for|to|about|regarding|on)\s+(?:(?:the|this|your|a)\s+)?(?:review|approv\w*|sign\w*|"
                 r"look|check|vet\w*|contract|agreement|nda|terms|paperwork|draft|proposal)\b)",
         examples=("I'm going to contact my lawyer about this.",
                   "I'll leave a 1-star review everywhere and talk to my lawyer.",
                   "We'll put a bad review on Google and get our solicitor involved."),
         not_examples=("Our lawyer will review the contract before we sign.",
                       "I'm going to ask my lawyer to look over the NDA.",
                       "I have contacted counsel for CES and sent the consents for signature.")),
    rule("legal.lawyer_up", weight=0.8,
         pattern=r"\blawyer(?:ing)?\s+up\b",
         examples=("Looks like it's time to lawyer up.",)),
    rule("legal.lawyer_will_contact", weight=0.9,
         pattern=r"\b(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\s+(?:will|['’]ll|shall|is\s+going\s+to|are\s+going\s+to|"
                 r"is\s+gonna|are\s+gonna|would)\s+(?:be\s+)?(?:\w+\s+)?(?:in\s+touch|in\s+contact|contact(?:ing)?\s+"
                 r"(?:you|your)|reach(?:ing)?\s+out|call(?:ing)?\s+you|writ(?:e|ing)\s+(?:to\s+)?you|send(?:ing)?\s+"
                 r"you|follow(?:ing)?\s+up\s+with\s+you|deal(?:ing)?\s+with\s+(?:you|this|it)|handl(?:e|ing)\s+"
                 r"(?:this|it|the\s+matter)|tak(?:e|ing)\s+(?:it|this|the\s+matter|over|action)|"
                 r"fil(?:e|ing)\s+(?:a|the)\s+\w+)",
         examples=("My solicitor will be in touch with you this week.",),
         not_examples=("Our lawyer will contact you to sign the renewal, thanks for all your help.",),
         positive=True),
    rule("legal.lawyer_copied", weight=0.85,
         pattern=r"\b(?:cc['’]?d?|cc['’]?ing|copied|copying|looped\s+in|looping\s+in|forwarded\s+(?:this|it)\s+to)"
                 r"\s+(?:in\s+)?(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\b",
         examples=("I have copied in my solicitor.",)),
    rule("legal.hear_from_lawyer", weight=0.9,
         pattern=r"\bhear(?:ing)?\s+from\s+(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\b(?!\s+(?:about|regarding|on|re|"
                 r"with)\s+(?:the\s+)?"
                 r"(?:\w+\s+)?(?:contract|agreement|nda|terms|renewal|paperwork|draft|proposal|signature))",
         examples=("You'll be hearing from my attorney.",),
         not_examples=("You'll hear from our lawyer about the contract renewal.",),
         not_before=r"\b(?:said|says|mentioned|told\s+(?:me|us))\s+(?:that\s+)?(?:you|u)\s*(?:['’]d|['’]ll|would|"
                    r"will)?\s*$"),
    rule("legal.working_with_lawyer", weight=0.55,
         pattern=r"\b(?:i|we)\s*(?:['’]?\s*m|\s+am|\s+are|['’]\s*re|['’]\s*ve|\s+have|\s+had)?\s+"
                 r"(?:(?:already|now|currently|been|also)\s+){0,2}(?:working|talking|speaking|consulting|consulted|"
                 r"talked|spoken|spoke|contacted|contacting|in\s+touch|in\s+contact|meeting)\s+(?:with\s+|to\s+)?"
                 r"(?:(?:my|our|a|an)\s+)(?:own\s+)?" + _LAWYER + r"\b",
         examples=("I'm already working with a lawyer on this.",)),
    rule("legal.lawyer_about_this", weight=0.8,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have|\s+had)?\s+(?:(?:already|now|also|just)\s+){0,2}"
                 r"(?:spoken|spoke|talked|"
                 r"consulted|contacted|been\s+in\s+touch\s+with|gone\s+to|instructed|engaged|retained)\s+(?:to\s+|"
                 r"with\s+)?(?:my|our|a|an)\s+"
                 r"(?:own\s+)"
                 r"?" + _LAWYER + r"\s+(?:about|regarding|over|on)\s+(?:this|it|the\s+(?:matter|issue|situation|charge|"
                 r"refund|problem)|your|what)\b",
         examples=("We have spoken to our lawyer about this.",)),
    rule("legal.next_step", weight=0.8,
         pattern=r"\b(?:next\s+steps?|only\s+(?:option|choice|recourse|way\s+forward)|last\s+resort)\s+(?:left\s+)?"
                 r"(?:is|will\s+be|"
                 r"would\s+be|are|[:\-–]|=)\s*(?:to\s+)?(?:\w+\s+){0,3}?(?:legal|lawyers?|attorneys?|court|"
                 r"law\s*suit|charge\s*-?\s*back|"
                 r"small\s+claims|sue|my\s+bank|dispute|regulators?)",
         examples=("The next step will be legal action.",)),
    rule("legal.formal_notice", weight=0.6,
         pattern=r"\b(?:formal\s+(?:notice|demand)|letter\s+before\s+action|notice\s+of\s+(?:intent(?:ion)?\s+to\s+"
                 r"(?:sue|file|claim|commence|bring|pursue|take\s+legal)|claim)|"
                 r"cease\s+and\s+desist|(?:my|our)\s+intent(?:ion)?\s+to\s+(?:pursue|file|sue|take|"
                 r"seek|"
                 r"claim|start|bring))\b",
         examples=("Please treat this email as formal notice of my claim.",
                   "This is our notice of intent to file suit."),
         not_examples=("We hereby give 10 days notice of intent to terminate our arrangement letter.",)),
    # A demand letter counts when it is aimed at the reader: a company's own lawyers talk about
    # the demand letters they send to others all day ("a draft of the demand letter to ...").
    rule("legal.demand_letter", weight=0.6,
         pattern=r"\b(?:send(?:ing)?|issu(?:e|ing)|serv(?:e|ing))\s+(?:you|your\s+(?:company|firm|business))\s+"
                 r"(?:a|our|my)\s+(?:formal\s+)?demand\s+letter\b|\b(?:you\s+(?:will|['’]ll)\s+(?:receive|get|be\s+"
                 r"(?:receiving|getting))|this\s+(?:e-?mail|letter|message)\s+(?:is|serves\s+as|constitutes))\s+"
                 r"(?:a|our|my)\s+(?:formal\s+)?demand\s+letter\b|\b(?:consider|treat)\s+this\s+(?:e-?mail\s+|"
                 r"letter\s+|message\s+)?(?:as\s+)?(?:a|our|my)\s+(?:formal\s+)?demand\s+letter\b",
         examples=("My solicitor is sending you a formal demand letter on Monday.",
                   "Consider this email a demand letter.",
                   "You will receive a demand letter from us this week."),
         not_examples=("I have attached a draft of the demand letter for the supplier.",
                       "Please add the paid invoices to the demand letter log.")),
    rule("legal.police_on_you", weight=0.85,
         pattern=r"\b(?:report\w*|call\w*\s+the\s+police\s+on)\s+(?:you|u|your\s+(?:\w+\s+)?(?:company|business|staff|"
                 r"shop|store|driver|technician|employees?))(?:\s+to\s+the\s+(?:police|cops|authorities))?\b",
         examples=("I'm reporting you to the police for this.",),
         near=r"\b(?:police|cops)\b"),
    rule("legal.sue", weight=0.85,
         pattern=r"\b(?:sue|suing|sueing)\s+(?:you|u|ya|y['’]?all|your\s+(?:\w+\s+)?(?:company|business|firm|"
                 r"ass|asses|pants)|the\s+(?:company|business|firm)|them|the\s+pants|every\s*one|the\s+hell)\b",
         examples=("Next stop: suing your company.",),
         not_examples=("Can someone sue you for a late delivery?",
                       "It's their team using bots, y'all should sue them."),
         not_before=r"\b(?:you|u|y['’]?all|yall|ya|you\s+guys)\s+(?:should|could|must|need\s+to|ought\s+to|can|"
                    r"might)\s+$"),
    rule("legal.intent_sue", weight=0.9,
         pattern=INTENT + r"sue\b",
         examples=("I'm going to sue.",),
         not_examples=("I'm not going to sue anyone, I just want my refund.",
                       "Would I be able to sue the airline for the lost luggage, or is that on you?")),
    rule("legal.you_will_be_sued", weight=0.85,
         pattern=r"\b(?:you|u|your\s+company)\s*(?:will|['’]ll|are\s+going\s+to|['’]re\s+going\s+to|gonna|could|"
                 r"may|might)\s+(?:\w+\s+)?(?:be|get)\s+sued\b|\b(?:before|or|otherwise|unless)\s+(?:you|u|"
                 r"your\s+company)\s+"
                 r"(?:get|are|is)\s+sued\b",
         examples=("You're going to get sued over this.",)),
    rule("legal.intent_action", weight=0.9,
         pattern=LEAD_AND + r"(?:fil|issu|tak|start|bring|pursu|initiat|launch|consider|seek|explor|proceed|go|begin|"
                 r"commenc|open|escalat|resort|join|submit|lodg|look)\w*\s+(?:\w+\s+){0,4}?"
                 + _LEGAL_ACTION + r"\b",
         examples=("We will be taking legal action.",),
         not_examples=("We will not be taking legal action, we just want this fixed.",)),
    rule("legal.action_against_you", weight=0.85,
         pattern=_LEGAL_ACTION + r"\s+against\s+(?:you|u|your|the\s+company|this\s+company)\b",
         examples=("A lawsuit against you is being drafted.",)),
    rule("legal.action_will_follow", weight=0.85,
         pattern=_LEGAL_ACTION + r"\s+(?:will|shall)\s+(?:be\s+)?(?:follow|taken|pursued|initiated|commenced|"
                 r"started|filed|next)\b",
         examples=("Legal action will follow.",)),
    rule("legal.take_to_court", weight=0.9,
         pattern=r"\b(?:tak\w*|drag\w*|bring\w*)\s+(?:you|u|this|it|the\s+matter|them|your\s+(?:\w+\s+)?company)\s+"
                 r"to\s+(?:court|small[\s-]+claims(?:\s+court)?|(?:a|the)\s+tribunal|arbitration)\b",
         examples=("Fine, taking you to small claims court then.",),
         not_examples=("My neighbour took them to small claims court last year.",),
         not_before=r"\b(?:they|he|she|it|[A-Z]\w+|people|someone|companies|customers)\s+(?:\w+\s+){0,4}?$"),
    rule("legal.see_you_in_court", weight=0.95,
         pattern=r"\bsee\s+(?:you|u|y['’]?all)\s+in\s+(?:small[\s-]+claims\s+)?court\b",
         examples=("See you in court.",)),
    rule("legal.breach", weight=0.5,
         pattern=r"\b(?:breach(?:ed|ing)?\s+(?:of\s+)?(?:the\s+|our\s+|my\s+)?(?:contract|agreement|warranty)|"
                 r"(?:false|deceptive|misleading)\s+advertising|consumer\s+(?:protection\s+)?(?:law|rights|act))\b",
         examples=("This is a clear breach of the Consumer Rights Act.",)),
    rule("legal.legal_options", weight=0.7,
         pattern=r"\b(?:consider\w*|explor\w*|weigh\w*|review\w*|look\w*\s+into|reserv\w*|pursu\w*)\s+"
                 r"(?:all\s+)?(?:my|our|the)\s+(?:legal\s+(?:options|rights|remedies|avenues)|rights\s+to\s+"
                 r"(?:legal|take))",
         examples=("We are considering our legal options.",)),
    rule("legal.regulator", weight=0.85,
         pattern=ANY_AND + r"(?:report|complain|fil|escalat|lodg|tak|"
                 r"rais|submit|contact|notif|inform|alert|go|writ|forward|send|refer)\w*\s+"
                 r"(?:[^.!?\n]{0,50}?\s)?(?:(?:to|with|at)\s+)?(?:the\s+)?(?:\w+\s+){0,3}?\(?" + _REGULATOR + r"\b",
         examples=("I will be reporting you to Trading Standards.",
                   "I am considering contacting the federal authorities (FTC) about this."),
         not_examples=("Are you regulated by the FCA?",
                       "We are not going to report anything to the FTC, we just want an answer.")),
    # A data-protection right invoked as law: a formal legal step with a deadline the company must meet
    # ("under GDPR, delete my data", "this is a subject access request", "my right to erasure").
    rule("legal.data_protection_right", weight=0.8,
         pattern=r"\b(?:under|per|pursuant\s+to|in\s+line\s+with|according\s+to|as\s+required\s+by|"
                 r"as\s+is\s+my\s+right\s+under)\s+"
                 r"(?:the\s+)?(?:uk\s+|eu\s+)?(?:gdpr|ccpa|cpra|data\s+protection\s+(?:law|act|legislation|"
                 r"regulations?)|article\s+1[57]"
                 r"(?:\s+(?:of\s+the\s+)?gdpr)?)\b(?=[^.!?\n]{0,80}\b(?:delet|eras|remov|wip|access|cop(?:y|ies)|"
                 r"send|provid|give"
                 r"|disclos|export|stop\s+process|every\w*\s+you\s+hold|all\s+(?:the\s+)?(?:data|information)))"
                 r"|\b(?:this\s+is\s+a|i\s+am\s+making\s+a|i'm\s+making\s+a|please\s+treat\s+this\s+(?:email\s+)?as\s+a"
                 r"|formal|my)\s+(?:formal\s+)?(?:data\s+)?subject\s+access\s+request\b"
                 r"|\b(?:exercis\w+|invok\w+|using)\s+(?:my|our)\s+right\s+to\s+(?:erasure|be\s+forgotten|access|"
                 r"data\s+portability)\b"
                 r"|\b(?:my|our)\s+(?:gdpr|ccpa|legal)\s+right\s+to\s+(?:erasure|be\s+forgotten|have\s+(?:my|"
                 r"our)\s+data\s+deleted)\b",
         examples=("Under GDPR I want a copy of all the data you hold on me.",),
         not_examples=("Is your app GDPR compliant?",)),
    # The law named beside a request for one's data, in either order ("delete all my data under GDPR",
    # "send me everything you have on me. CCPA. then delete it all").
    rule("legal.data_protection_named", weight=0.75,
         pattern=r"\b(?:gdpr|ccpa|cpra|data\s+protection\s+act)\b(?!\s+(?:compliant|compliance|policy|training|audit))",
         examples=("Please delete all my data, the GDPR gives me that right.",),
         near=r"\b(?:delete|erase|remove|wipe)\s+(?:all\s+)?(?:(?:of\s+)?(?:my|our)\s+(?:\w+\s+)?"
              r"(?:data|details|information|records|account)|it\s+all|everything)\b|\b(?:everything|all\s+(?:the\s+)?"
              r"(?:data|information))\s+(?:that\s+)?"
              r"you\s+(?:have|hold|keep|store)\s+(?:on|about)\s+(?:me|us)\b|\bcopy\s+of\s+(?:all\s+)?(?:my|our)\s+"
              r"(?:personal\s+)?(?:data|information)\b",
         near_text=True),
    rule("legal.complaint_with_regulator", weight=0.75,
         pattern=r"\b(?:complaint|report|case|claim)\s+(?:\w+\s+){0,3}?(?:with|to)\s+(?:the\s+)?(?:\w+\s+){0,2}?"
                 + _REGULATOR + r"\b",
         examples=("A complaint has been sent to the ombudsman.",)),
    rule("legal.intent_chargeback", weight=0.9,
         pattern=ANY_AND + r"(?:(?:fil|do|open|initiat|issu|rais|request|start|"
                 r"submit|process|go\s+for|proceed\s+with|put\s+in|mak|lodg|pursu|seek|get|call\s+for)\w*\s+"
                 r"(?:\w+\s+){0,3}?)?(?:charge\s*-?\s*backs?|chargebacks?)\b",
         examples=("I'm going to file a chargeback.",),
         not_examples=("How do I avoid a chargeback fee?",
                       "I will never do a chargeback, I'd rather talk it through.")),
    rule("legal.intent_dispute", weight=0.85,
         pattern=LEAD_AND + r"(?:(?<!call\sand\s)(?<!phone\sand\s)(?:disput|contest)\w*\s+(?:\w+\s+){0,4}?(?:charges?|"
                 r"transactions?|payments?|bills?|invoices?|purchases?|it|this|that|them)\b|(?:disput|contest|revers|"
                 r"report|flag)\w*\s+[^.!?\n]{0,40}?\b(?:with|through|via|to)\s+" + _PAYMENT_CO + r"\b)",
         examples=("I will dispute this charge with my bank.",),
         # a bill disputed by calling the company is a complaint to it, not a card dispute
         not_examples=("I was told I would then have to call and dispute the bill to have my account credited.",)),
    rule("legal.dispute_done_with_provider", weight=0.7,
         pattern=r"\b(?:i|we)(?:['’]ve|\s+have|\s+had)?\s+(?:already\s+|just\s+|now\s+)?(?:reported|disputed|flagged|"
                 r"contested)\s+(?:(?!\b(?:lost|stolen|missing|expired)\b)[^.!?\n]){0,40}?\b(?:with|to)\s+"
                 + _PAYMENT_CO + r"\b",
         examples=("Please note I have reported this issue with Paypal.",
                   "We've already flagged the renewal to our card company."),
         not_examples=("I have reported the card as stolen to my bank, please cancel the old one.",)),
    rule("legal.bank_reverse", weight=0.8,
         pattern=LEAD_AND + r"(?:call|contact|ask|get|have|tell|phone|instruct|go\s+to)\w*\s+" + _PAYMENT_CO
                 + r"\s+(?:to\s+|and\s+(?:have\s+(?:them|it)\s+|get\s+(?:them|it)\s+to\s+)?)?(?:reverse|dispute|"
                 r"claw\s+back|charge\s*-?\s*back|recall|refund|pull|take\s+back)\w*",
         examples=("I'll have my bank reverse the charge.",)),
    rule("legal.dispute_with_bank", weight=0.8,
         pattern=r"\bdisput\w*\s+(?:[^.!?\n]{0,40}?\s)?(?:with|through|via|by|to)\s+" + _PAYMENT_CO + r"\b",
         examples=("Disputing the charge with my credit card company today.",)),
    rule("legal.bank_opened_dispute", weight=0.8,
         pattern=r"\b(?:bank|card\s+issuer|credit\s+card\s+company|paypal|visa|mastercard|amex|card\s+company)\b"
                 r"[^.!?\n]{0,60}?\b(?:opened|filed|started|initiated|raised|processing|investigating|rejected|"
                 r"denied|reviewing|handling|declined|approved)\b[^.!?\n]{0,25}?\b(?:dispute|charge\s*-?\s*back|"
                 r"fraud\s+(?:claim|case|report|investigation)|investigation)\b"
                 r"(?![^.!?\n]{0,25}\bautomatic)|"   # a fraud filter acting by itself is no threat
                 r"\b(?:my|our)\s+(?:bank|card\s+issuer|credit\s+card\s+company|card\s+company|paypal)\s+"
                 r"(?:is|are|has|have)\s+(?:now\s+|already\s+)?(?:investigating|reversing|disputing|reversed|"
                 r"disputed|blocked|"
                 r"blocking|recalling|recalled)\s+(?:the|this|that|your|my)\s+(?:charges?|transactions?|payments?)\b",
         examples=("My bank has opened a dispute for the whole amount.",)),
    rule("legal.filed_dispute_with", weight=0.85,
         pattern=r"(?:" + INTENT + r"|" + PROG + r"|" + PERF + r")(?:opened|open|filed|file|started|start|"
                 r"initiated|initiate|raised|raise|lodged|lodge|submitted|submit|made|make|put\s+in|do|did|"
                 r"opening|filing|raising|lodging)\s+(?:a\s+|an\s+|the\s+|my\s+)?(?:\w+\s+){0,2}?(?:dispute|"
                 r"charge\s*-?\s*back|fraud\s+claim|claim|complaint|case|refund(?:\s+\w+)?|request)\b"
                 r"[^.!?\n]{0,60}?\b(?:with|through|via|at|on|to)\s+" + _PAYMENT_CO + r"\b",
         examples=("I've started a refund claim with my bank.",
                   "We are going to open a request to get our money back through PayPal.",
                   "Otherwise I'll have to resort to filing a complaint with both Stripe and the bank.")),
    rule("legal.filed_provider_dispute", weight=0.85,
         pattern=r"(?:" + INTENT + r"|" + PROG + r"|" + PERF + r")(?:opened|open|filed|file|started|start|initiated|"
                 r"initiate|raised|raise|lodged|lodge|submitted|submit|made|make|put\s+in|opening|filing|raising)\s+"
                 r"(?:a\s+|an\s+|the\s+)?(?:paypal|bank|card|credit\s+card|visa|mastercard|amex|stripe|klarna|"
                 r"fraud)\s+(?:dispute|chargeback|claim|case|complaint)\b",
         examples=("I have opened a PayPal claim for the order.",)),
    rule("legal.disputed_by_bank", weight=0.8,
         pattern=r"\b(?:is|was|has\s+been|being|will\s+be|been)\s+(?:\w+\s+)?(?:disputed|charged\s*back|reported\s+"
                 r"as\s+fraud\w*)\s+(?:by|with|through)\s+" + _PAYMENT_CO + r"\b",
         examples=("This order was charged back by my bank.",)),
    rule("legal.report_fraud", weight=0.75,
         pattern=r"\breport\w*\s+(?:this|it|the\s+(?:charge|transaction|payment)|you|them|your\s+company)\s+"
                 r"(?:as\s+(?:fraud\w*|unauthori[sz]ed|a\s+scam|stolen)|to\s+(?:my|the)\s+(?:bank|card\s+issuer|"
                 r"credit\s+card\s+company|fraud\s+(?:department|team)))\b",
         examples=("I have reported the charge as fraud to my bank.",)),
    rule("legal.chargeback_mention", weight=0.35,
         pattern=r"\bcharge\s*-?\s*backs?\b",
         examples=("One more week and it's a chargeback.",)),
    # a card or PayPal dispute announced or already filed: "finally opened a paypal dispute"
    rule("legal.opened_dispute", weight=0.8,
         pattern=r"\b(?:open|opened|opening|file|filed|filing|start|started|starting|raise|raised|raising|lodge|lodged|"
                 r"lodging|submit|submitted|submitting|initiate|initiated|initiating|put\s+in|make|made|making)\s+"
                 r"(?:a|an|the)?\s*(?:(?:paypal|pay\s*pal|card|credit\s+card|debit\s+card|bank|visa|amex|mastercard|"
                 r"stripe|klarna)\s+)?(?:dispute|chargeback|charge[\s-]back|claim(?:ing)?(?:\s+process)?|case)\b",
         examples=("I opened a dispute.",),
         near=r"\b(?:paypal|pay\s*pal|bank|card|visa|amex|mastercard|stripe|klarna|chargeback|charge[\s-]back|"
              r"dispute)\b",
         not_before=r"\b(?:bank|they|he|she|paypal|issuer|someone|somebody)\b(?![^.!?\n]*\b(?:i|we)\b)[^.!?\n]*$|"
                    r"\b(?:assumed|assumes|thinks?|thought|claims?|claimed|says?|said|accused\s+me\s+of|accuses)\s+"
                    r"(?:that\s+)?"
                    r"(?:i|we)\s+(?:\w+\s+)?$|\bwho\s+(?:\w+\s+)?$"),
    rule("legal.will_be_disputed", weight=0.8,
         pattern=r"\b(?:charges?|payments?|transactions?|it|this|that|they|everything|each\s+one)\s+(?:will|shall|"
                 r"is\s+going\s+"
                 r"to|are\s+going\s+to|have\s+been|has\s+been|was|were|are\s+being|is\s+being|will\s+all)\s+(?:be\s+)?"
                 r"(?:all\s+)?(?:disputed|charged\s*back|reversed\s+(?:by|with|through)\s+(?:my|the|our)\s+(?:bank|"
                 r"card))\b"
                 r"(?!\s+(?:only\s+)?(?:if|unless|should|in\s+case|when)\b)",
         examples=("These charges will be disputed.",)),
    rule("legal.then_dispute", weight=0.8,
         pattern=r"\b(?:then|or\s+else|otherwise|else|after\s+that|or)\s*,?\s*(?:(?:it['’]?s|it\s+is|"
                 r"it\s+will\s+be)\s+)?(?:a\s+)?"
                 r"(?:(?:paypal|card|credit\s+card|bank)\s+(?:dispute|chargeback|claim)|chargeback|charge[\s-]back|"
                 r"law\s*suit|small\s+claims|court)\b(?!\s+(?:is|was|policy|process|fees?|would|could|will|may|"
                 r"might|can|must|should|has|had|decide\w*|rule\w*|found|order\w*)\b)",
         examples=("Refund me today or it's a PayPal dispute.",),
         not_examples=("They may not finish on time, and then a court would have to decide what is fair.",)),
    rule("legal.in_court", weight=0.8,
         pattern=r"\b(?:see|meet|laughing|laugh|explain\w*|prove|answer\s+for\s+(?:it|this)|settle\s+(?:it|this)|"
                 r"deal\s+with\s+(?:it|this))\b[^.!?\n]{0,40}?\bin\s+(?:a\s+)?court\b|\btell\s+(?:it|"
                 r"that)\s+to\s+the\s+judge\b",
         examples=("You can explain that to a judge in court.",)),
    rule("legal.had_to_dispute", weight=0.75,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s+(?:\w+\s+){0,3}?(?:had|have|needed|was\s+forced|were\s+forced)\s+to\s+"
                 r"(?:\w+\s+){0,8}?(?:dispute|charge\s*back|chargeback)\b",
         examples=("We had to dispute the transaction.",),
         near=r"\b(?:paypal|pay\s*pal|bank|card|visa|amex|mastercard|charges?|transactions?)\b"),
    rule("legal.contacted_bank", weight=0.8,
         pattern=r"(?:" + LEAD + r"|" + PERF + r")(?:contact\w*|call\w*|email\w*|phon\w*|ask\w*|notif\w*|told|"
                 r"tell\w*|instruct\w*|"
                 r"speak\w*\s+to|spoke\s+to|spoken\s+to|talk\w*\s+to|reach\w*\s+out\s+to|get\s+in\s+touch\s+with)\s+"
                 r"(?:with\s+)?"
                 r"(?:my|our|the)\s+(?:bank|credit\s+card\s+company|card\s+(?:company|issuer|provider)|"
                 r"card\s+provider|paypal|"
                 r"visa|amex|mastercard|card)\s+(?:\w+\s+){0,3}?(?:to|and|so\s+they\s+can)\s+(?:\w+\s+){0,2}?"
                 r"(?:dispute\w*|"
                 r"revers\w*|stop\w*\s+(?:the\s+|my\s+|this\s+|your\s+|all\s+)?payments?|charge\s*back|chargeback|"
                 r"recall\w*|claw\w*|"
                 r"report\w*\s+(?:\w+\s+){0,3}?(?:fraud\w*|unauthori[sz]ed|scam))\b",
         examples=("I've called my bank to stop the payment.",)),
    rule("legal.letter_from_lawyer", weight=0.85,
         pattern=r"\b(?:expect|you['’]?ll\s+(?:get|receive|be\s+getting|be\s+receiving)|you\s+will\s+(?:get|receive|"
                 r"be\s+getting|"
                 r"be\s+receiving))\s+(?:a|an|to\s+hear|to\s+receive\s+a|formal)\s+(?:\w+\s+)?(?:letter|call|e-?mail|"
                 r"notice|"
                 r"papers|contact|from)\b[^.!?\n]{0,20}?\bfrom\s+(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\b",
         examples=("Expect a letter from my lawyer.",)),
    rule("legal.lawyer_is_copied", weight=0.85,
         pattern=r"\b(?:my|our)\s+"
                 r"(?:\w+\s+)?" + _LAWYER + r"\s+(?:is|are|has\s+been|have\s+been|was|were)\s+(?:\w+\s+)?"
                 r"(?:cc['’]?d|cced|copied|included|looped\s+in|in\s+copy|on\s+copy|in\s+cc|on\s+cc|on\s+this|"
                 r"informed)\b",
         examples=("My solicitor is copied on this email.",)),
    # a threat wrapped as reluctance: "I don't want to have to dispute the payment with PayPal, but ..."
    rule("legal.reluctant", weight=0.75,
         pattern=r"\b(?:don['’]?t|do\s+not|dont|(?:would|['’]d)\s+(?:hate|rather\s+not)|really\s+don['’]?t)\s+"
                 r"(?:want|wish|like)?\s*(?:to\s+)?"
                 r"(?:have\s+to\s+)?(?:dispute|file\s+(?:a\s+)?(?:chargeback|dispute|claim|complaint|lawsuit)|"
                 r"open\s+a\s+(?:dispute|case|"
                 r"claim)|charge\s*back|involve\s+(?:(?:my|a|our|the)\s+)?"
                 r"(?:\w+\s+)?" + _LAWYER + r"|take\s+(?:legal\s+action|"
                 r"this\s+(?:to|further)|"
                 r"it\s+(?:to|further))|go\s+to\s+(?:court|small\s+claims)|get\s+(?:my|a|the)\s+(?:bank|lawyer|"
                 r"attorney)|"
                 r"contact\s+(?:my|the)\s+(?:bank|card|credit\s+card|lawyer|attorney|paypal)|sue|report\s+(?:you|"
                 r"this))\b",
         examples=("I don't want to take this to court, but I will if I have to.",),
         negatable=False, positive=True),
    rule("legal.money_back_via_provider", weight=0.75,
         pattern=r"\b(?:paypal|pay\s*pal|(?:my|the)\s+bank|(?:my|the)\s+card\s+(?:company|issuer))\s+(?:did\s+|has\s+|have\s+)?"
                 r"(?:refund\w*|reimburs\w*|return\w*)\s+(?:me|us|the\s+money)\b[^.!?\n]{0,60}?\b(?:claim|dispute|"
                 r"case|chargeback)\b|"
                 r"\b(?:got|get|getting|received|recovered|retrieved)\s+(?:my|our|the)\s+(?:money|funds|payment|"
                 r"refund)\s+back\s+"
                 r"(?:\w+\s+){0,3}?(?:through|via|from|with\s+the\s+help\s+of|thanks\s+to)\s+(?:my\s+|the\s+|our\s+)?"
                 r"(?:bank|paypal|"
                 r"pay\s*pal|card\s+(?:company|issuer)|credit\s+card\s+company|visa|amex|mastercard|stripe|"
                 r"chargeback)\b|"
                 r"\b(?:thanks|thank\s+you)\s+(?:to\s+)?(?:paypal|my\s+bank|visa|amex|"
                 r"mastercard)\b[^.!?\n]{0,20}[.!]?\s*"
                 r"(?:i|we)\s+got\s+(?:my|our|the)\s+(?:money|funds|refund)\s+back\b|\b(?:the\s+)?(?:bank|paypal|"
                 r"card\s+company)\s+"
                 r"(?:has|have)\s+(?:\w+\s+)?(?:taken\s+action|refunded\s+me|reversed\s+(?:it|the\s+\w+)|"
                 r"sided\s+with\s+me)\b",
         examples=("I'll get my money back through PayPal one way or another.",)),
    rule("legal.informed_bank_fraud", weight=0.75,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have|\s+had)?\s+(?:\w+\s+)?(?:informed|told|notified|"
                 r"alerted|warned)\s+"
                 r"(?:my|our|the)\s+(?:bank|card\s+(?:company|issuer)|credit\s+card\s+company|paypal)\s+"
                 r"(?:\w+\s+){0,6}?(?:fraud\w*|"
                 r"unauthori[sz]ed|scam|stolen|dispute\w*|charge\s*backs?)\b",
         examples=("I have told my bank it was fraud.",)),
    # "I am writing to formally dispute an incorrect charge" is a complaint to the vendor: weak alone
    rule("legal.formally_dispute", weight=0.3,
         pattern=r"\b(?:formally|officially)\s+(?:dispute|contest|challenge|object\s+to)\b",
         examples=("We formally dispute this invoice.",)),
    rule("legal.pursue_it", weight=0.55,
         pattern=LEAD + r"(?:be\s+)?(?:pursu\w*|tak\w*)\s+(?:this|it|the\s+matter)\s*(?:further|legally|"
                 r"through\s+the\s+(?:courts|proper\s+"
                 r"channels))?(?=\s*(?:[.!,;]|$|further|legally))",
         examples=("If I have to, I will pursue it legally.",)),
    rule("legal.provider_will_hear", weight=0.8,
         pattern=r"\b(?:paypal|pay\s*pal|my\s+bank|the\s+bank|my\s+card\s+company|visa|amex|mastercard|my\s+"
                 r"(?:\w+\s+)?" + _LAWYER
                 + r"|(?:the\s+)?(?:\w+\s+)?" + _REGULATOR + r")\s+(?:will|is\s+going\s+to|are\s+going\s+to|"
                 r"['’]ll|shall)\s+(?:(?:definitely|certainly|soon|be)\s+){0,2}hear(?:ing)?\s+"
                 r"(?:from|about)\s+(?:me|us|this|it)\b",
         examples=("The ombudsman will hear about this.",)),
    rule("legal.reported_to_provider", weight=0.8,
         pattern=r"\breport\w*\s+(?:it|this|the\s+\w+|you|them)?\s*(?:to\s+)(?:paypal|pay\s*pal|my\s+bank|the\s+bank|"
                 r"visa|amex|mastercard|"
                 r"my\s+card\s+(?:company|issuer|provider)|my\s+credit\s+card\s+(?:company|provider))\s+(?:as\s+)?"
                 r"(?:an?\s+)?"
                 r"(?:unauthori[sz]ed|fraud\w*|scam|stolen|not\s+received)",
         examples=("Reported to my bank as an unauthorised payment.",)),
    rule("legal.reserve_rights", weight=0.7,
         pattern=r"\breserve\s+(?:the|our|my|all\s+(?:of\s+)?(?:our|my))\s+rights?\b(?:\s+to\s+(?:take|pursue|seek|"
                 r"commence|bring)\s+"
                 r"(?:\w+\s+)?(?:legal|further|appropriate|formal)\s+(?:action|remedies|steps|proceedings|measures))?",
         examples=("We reserve the right to take legal action.",),
         near=r"\b(?:legal|court|damages|losses|claim|breach|action|remedies|proceedings)\b",
         near_text=True),
    rule("legal.go_to_police_court", weight=0.8,
         pattern=LEAD_AND + r"(?:go(?:ing)?\s+to\s+|report\s+(?:you|this|it)\s+to\s+|call\s+)?(?:the\s+)?(?:police|"
                 r"court|cops|"
                 r"authorities|"
                 r"small\s+claims(?:\s+court)?)(?:\s+and\s+(?:the\s+)?(?:police|court|cops|authorities))?"
                 r"(?=\s*(?:[.!,;]|$|and\b|for\s+this|over\s+this|about\s+this|against\s+you|with\s+this))",
         examples=("If it's not back by Friday I'll go to the police.",)),
    rule("legal.bank_will_sort_it", weight=0.7,
         pattern=r"(?:\b(?:my|our|the)\s+(?:bank|card\s+company|credit\s+card\s+company|card\s+issuer)|\bpaypal)"
                 r"\s+(?:will|is\s+going\s+to|['’]ll)\s+(?:have\s+to\s+)?(?:sort\s+(?:this|it)\s+out|deal\s+with\s+"
                 r"(?:this|it|you)|handle\s+"
                 r"(?:this|it)|resolve\s+(?:this|it)|take\s+care\s+of\s+(?:this|it)|get\s+involved)\b",
         examples=("My bank will sort this out for me then.",)),
    rule("legal.contacted_about_unauthorized", weight=0.8,
         pattern=r"(?:" + LEAD + r"|" + PERF + r")(?:contact\w*|call\w*|email\w*|told|tell\w*|notif\w*|talk\w*\s+to|"
                 r"spok\w*\s+to|reach\w*\s+out\s+to)"
                 r"\s+(?:my\s+|the\s+|our\s+)?(?:bank|stripe|paypal|pay\s*pal|visa|amex|mastercard|card\s+(?:company|"
                 r"issuer|provider)|"
                 r"credit\s+card\s+(?:company|provider))\s+(?:about|regarding|over|re)\s+(?:these|the|this|those|"
                 r"your|my)\s+(?:\w+\s+)?"
                 r"(?:unauthori[sz]ed|fraudulent|duplicate|illegal|bogus|unknown)\s+(?:charges?|transactions?|"
                 r"payments?|debits?)\b|"
                 r"(?:" + LEAD + r"|" + PERF + r")(?:talk\w*|spok\w*|speak\w*)\s+(?:to|with)\s+(?:my|our|the)\s+"
                 r"(?:bank|"
                 r"card\s+company|"
                 r"credit\s+card\s+company)\s+about\s+(?:charg\w*\s+(?:it|this|that|them)\s+back|disput\w*|revers\w*|"
                 r"a\s+chargeback)",
         examples=("I have contacted my bank about these unauthorised charges.",)),
    rule("legal.becomes_legal_matter", weight=0.7,
         pattern=r"\b(?:before|so\s+that|in\s+case|if)\s+(?:this|it|the\s+matter)\s+(?:becomes|turns\s+into|"
                 r"escalates\s+(?:in)?to|ends\s+up|goes|"
                 r"gets)\s+(?:a\s+|in\s+|to\s+)?(?:legal\s+(?:matter|issue|dispute|case)|court|a\s+lawsuit|lawsuit|"
                 r"litigation|small\s+claims)\b|"
                 r"\b(?:i|we)\s+(?:\w+\s+){0,4}?(?:have|had)\s+(?:good\s+|solid\s+|strong\s+)?(?:grounds|a\s+"
                 r"(?:strong\s+)?case|a\s+basis)\s+"
                 r"for\s+(?:a\s+)?(?:legal\s+)?(?:claim|lawsuit|legal\s+action|complaint|suit|case)\b",
         examples=("Let's resolve it before this becomes a legal matter.",),
         negatable=False),
    rule("legal.gerund_report", weight=0.8,
         pattern=_SENTENCE_START + r"\s*(?:reporting|reported|filing|filed|escalating|escalated|complaint\s+"
                 r"(?:lodged|filed|"
                 r"submitted))\s+"
                 r"(?:(?:this|it|you|a\s+complaint)\s+)?(?:to|with)\s+(?:the\s+)?" + _REGULATOR + r"\b",
         examples=("Reporting this to Trading Standards.",)),
    # the lawyer takes it from here: "or my lawyer handles it from here", "guess my attorney gets to sort you out"
    rule("legal.lawyer_takes_over", weight=0.8,
         pattern=r"\b(?:(?:or|otherwise|or\s+else|else|then|so|(?:i\s+)?guess|now|from\s+(?:here|now)"
                 r"(?:\s+on)?)\s*,?\s+)"
                 r"(?:my|our)\s+"
                 r"(?:\w+\s+)?" + _LAWYER + r"\s+(?:can|gets?\s+to|will\s+get\s+to|handles?|deals?\s+with|takes?|"
                 r"sorts?|is\s+handling|is\s+taking)\s+(?:(?:it|this|you|the\s+matter|things|over|out|it\s+over)\b|"
                 r"(?:deal|sort|"
                 r"handle)\b)|"
                 r"\b(?:my|our)\s+"
                 r"(?:\w+\s+)?" + _LAWYER + r"\s+(?:handles?|takes?|deals?\s+with|is\s+handling|is\s+taking)\s+"
                 r"(?:it|this|the\s+matter|over|it\s+over)\s+from\s+(?:here|now)\b",
         examples=("Otherwise my lawyer takes it from here.",),
         positive=True),
    # the customer's bank or card company has said it will take the money back
    rule("legal.provider_can_reverse", weight=0.75,
         pattern=r"\b(?:my|our)\s+(?:bank|card\s+(?:company|issuer|provider)|credit\s+card(?:\s+(?:company|issuer|"
                 r"provider))?|"
                 r"paypal|visa|amex|mastercard)\s+(?:(?:says?|said|told\s+(?:me|us)|tells\s+(?:me|us)|confirmed|"
                 r"has\s+confirmed|"
                 r"assured\s+(?:me|us)|advised\s+(?:me|us))\s+(?:that\s+)?(?:they|it)\s*)?(?:can|could|will|would|"
                 r"['’]ll|['’]d|are\s+able\s+to)\s+"
                 r"(?:\w+\s+)?(?:claw\s+(?:it|this|that|the\s+\w+|my\s+\w+|the\s+money)\s+back|claw\s+back|charge\s*"
                 r"(?:it|this|that)?\s*back|"
                 r"chargeback|reverse|recall|dispute|refund\s+(?:me|us|it)|get\s+(?:it|my\s+money|our\s+money|"
                 r"the\s+money)\s+back|"
                 r"take\s+(?:it|the\s+money)\s+back)",
         examples=("My credit card company says they can reverse the charge.",
                   "My credit card company can claw it back."),
         not_examples=("My bank will refund the fee they charged me, so that's sorted.",)),
    # off to the bank over the money: "answer today or I'm going to my bank"
    rule("legal.going_to_bank", weight=0.7,
         pattern=LEAD + r"(?:go|going|tak\w*\s+(?:this|it)|turn\w*|escalat\w*\s+(?:this|it))\s+(?:straight\s+)?to\s+"
                 r"(?:my|our)\s+"
                 r"(?:bank|card\s+(?:company|issuer|provider)|credit\s+card\s+(?:company|provider)|paypal)"
                 r"(?=\s*(?:[.!;]|$|about\s+(?:this|it|the\s+\w+)|over\s+(?:this|it)|instead|next|then|and\s+"
                 r"(?:dispute|report|get|have)))",
         examples=("I'm taking this straight to my bank. I want my money back.",),
         near=r"\b(?:refund\w*|charg\w*|money|paid|payment|debit\w*|dispute|fraud\w*|stolen)\b",
         near_text=True),
    # "this is exactly the kind of thing companies get sued over"
    rule("legal.sued_over_this", weight=0.65,
         pattern=r"\b(?:(?:kind|sort|type)\s+of\s+(?:thing|stuff|behaviou?r|practice|conduct|negligence)\s+"
                 r"(?:that\s+)?(?:people|companies|"
                 r"businesses|firms|you)?\s*(?:get|gets|got|are|is|have\s+been|end\s+up)\s+(?:being\s+)?(?:sued|"
                 r"taken\s+to\s+court)"
                 r"|(?:kind|sort|type)\s+of\s+(?:thing|stuff|behaviou?r|practice|conduct|negligence)\s+that\s+"
                 r"(?:ends?|lands?)\s+"
                 r"(?:\w+\s+)?(?:up\s+)?in\s+court"
                 r"|(?:companies|businesses|firms|people)\s+(?:have\s+)?(?:been\s+|get\s+|got\s+)(?:sued|"
                 r"taken\s+to\s+court)\s+"
                 r"(?:for|over)\s+(?:less|exactly\s+this|this\s+(?:exact\s+)?(?:thing|kind))\b)",
         examples=("This is the kind of thing companies get sued over.",),
         negatable=False),
    rule("legal.purchase_protection", weight=0.7,
         pattern=r"\b(?:through|via|using|under|with|claim\w*\s+on|fil\w*\s+(?:a\s+)?(?:claim\s+)?(?:with|under))\s+"
                 r"(?:my\s+|the\s+)?"
                 r"(?:(?:card|credit\s+card|bank|paypal)['’]?s?\s+)?(?:purchase|buyer|chargeback|"
                 r"consumer)\s+protection\b",
         examples=("I'll claim through PayPal buyer protection.",)),
    # The law named as broken, the writer's claim that leverages it: "you are breaking EU consumer
    # law", "this is a GDPR violation", "your marketing e-mails are illegal here".
    rule("legal.law_broken", weight=0.7,
         pattern=r"\b(?:you\s*(?:are|['’]re|r)|this\s+(?:is|was)|that\s+(?:is|was)|it\s*(?:is|['’]s)|which\s+is|"
                 r"(?:your|this|these)\s+(?:\w+\s+){0,2}?(?:is|are))\s+(?:(?:clearly|blatantly|obviously|also|"
                 r"probably|likely|definitely|simply|in\s+fact)\s+)?(?:breaking|breaching|violating|"
                 r"in\s+(?:breach|violation)\s+of|against)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:law|laws|regulations?|"
                 r"gdpr|ccpa|can-?spam(?:\s+act)?|casl|consumer\s+rights\s+act|data\s+protection\s+act)\b"
                 r"|\b(?:this|that|it)\s*(?:is|was|['’]s)\s+(?:a\s+)?(?:clear\s+|blatant\s+|serious\s+)?(?:gdpr|ccpa|"
                 r"can-?spam|data\s+protection|consumer\s+(?:law|protection))\s+(?:violation|breach|infringement)\b",
         examples=("You are breaking EU consumer law.",
                   "This is a GDPR violation."),
         not_examples=("You're not breaking any law, I just think it's unfair.",)),
    # "It's illegal" alone may be a lament ("it's illegal, but I can't do anything"): it counts
    # beside other evidence.
    rule("legal.called_illegal", weight=0.5,
         pattern=r"\b(?:this|that|it|which|(?:your|these|those)\s+(?:\w+\s+){0,2}?(?:e-?mails?|practices?|terms|"
                 r"charges?|fees?|policy|policies))\s*(?:is|are|was|were|['’]s)\s+(?:(?:clearly|simply|plainly|"
                 r"frankly|also|just)\s+)?(?:illegal|unlawful)\b",
         examples=("Your marketing emails are illegal here.",),
         not_examples=("Is it illegal to share my licence with my wife?",)),
    # A data-protection request made under the law, the law named after the request
    # ("I am requesting erasure of my data under Article 17 GDPR").
    rule("legal.data_request_under_law", weight=0.8,
         pattern=r"\b(?:request\w*|demand\w*|ask\w*\s+for|exercis\w*)\s+(?:[\w'’()]+\s+){0,8}?"
                 r"(?:under|according\s+to|pursuant\s+to|per|in\s+accordance\s+with)\s+(?:the\s+)?"
                 r"(?:art(?:icle|\.)?\s*\d+(?:\s*\(\d\))?\s+(?:of\s+(?:the\s+)?)?)?(?:uk\s+|eu\s+)?(?:gdpr|ccpa|cpra|"
                 r"dsgvo|data\s+protection\s+act)\b",
         examples=("I am requesting erasure of my data under Article 17 GDPR.",
                   "I hereby request access to my personal data according to Art. 15 GDPR."),
         not_examples=("Can I ask for my data under the GDPR if I live in Canada?",)),
    # A complaint under a named law: "I'm making a complaint under CASL today".
    rule("legal.complaint_under_law", weight=0.8,
         pattern=r"\b(?:complaint|report|claim)\s+(?:under|per|citing)\s+(?:the\s+)?(?:can-?spam|casl|gdpr|tcpa|pecr|"
                 r"ccpa|anti-?spam|consumer\s+(?:rights|protection)|data\s+protection)\b",
         examples=("I'm going to be making a complaint under CASL legislation today.",)),
    # Court as the only way left: "we have no other option than going to court".
    rule("legal.only_option_court", weight=0.8,
         pattern=r"\b(?:no\s+(?:other\s+)?(?:option|choice|alternative)s?(?:\s+left)?\s+(?:than|but|except)|"
                 r"only\s+(?:option|choice|recourse|way\s+forward)\s+(?:left\s+)?(?:is|will\s+be))\s+(?:to\s+)?"
                 r"(?:[\w'’]+\s+){0,3}?" + _LEGAL_ACTION + r"\b",
         examples=("We have no other option than going to court.",)),
    # Grounds for a lawsuit named, or the company said to deserve one.
    rule("legal.grounds_for_suit", weight=0.65,
         pattern=r"\b(?:grounds|basis|qualif\w*)\s+(?:for\s+)?(?:a\s+)?(?:[\w-]+\s+){0,3}?(?:law\s*suit|class[\s-]+action|"
                 r"legal\s+action|litigation)\b|\b(?:must|should|ought\s+to|deserve\s+to)\s+be\s+sued\b",
         examples=("This is fraud and grounds for a lawsuit.",
                   "Honestly, you should be sued for this."),
         not_examples=("What are the grounds for a lawsuit in a case like this?",)),
    # The card company told already, about the charge: "I've already notified my credit card company".
    rule("legal.card_company_told", weight=0.75,
         pattern=PERF + r"(?:notified|informed|alerted|told|reported\s+(?:it|this)\s+to)\s+" + _PAYMENT_CO
                 + r"\b(?![^.!?\n]{0,80}\b(?:block|froze|freez|compromis|precaution|new\s+card|replace))",
         examples=("I've already notified my credit card company that this order was cancelled.",),
         not_examples=("I have told my bank that I will be travelling in June.",
                       "I have already informed my bank and blocked the card, as my details may be compromised."),
         near=r"\b(?:charg\w*|cancel\w*|refund\w*|fraud\w*|unauthori[sz]ed|disput\w*|orders?|payments?|"
              r"transactions?|scam\w*|money)\b"),
    rule("legal.claim_under_way", weight=0.85,
         pattern=PERF + r"(?:started|begun|began|filed|lodged|submitted|prepared|drafted|filled\s+(?:in|out))\s+"
                 r"(?:the\s+|a\s+|my\s+|our\s+)?(?:paperwork|papers|forms?|claim|application)\s+(?:for|with|at|in)\s+"
                 r"(?:the\s+|a\s+)?(?:small[\s-]+claims|county\s+court|court|tribunal|arbitration)\b",
         examples=("I've started the paperwork for small claims.",)),
    rule("legal.enforce_rights", weight=0.75,
         pattern=LEAD + r"(?:enforce|assert|exercise|defend)\s+(?:it|them|this|that|my\s+(?:legal\s+|statutory\s+|"
                 r"consumer\s+)?rights)\b",
         examples=("I am entitled to a full refund under the Consumer Rights Act and I will enforce it.",),
         near=r"\b(?:entitled|rights?|law|act|legal|statutory)\b"),
    # A class action named as the way to be paid back: "if not, class-action".
    rule("legal.class_action", weight=0.65,
         pattern=r"\bclass[\s-]+action\b",
         examples=("You think they'll pay the subscriptions back to us? If not, class-action for $20.",),
         not_examples=("The newsletter covers the class action against the utility.",
                       "How much are we talking about for the class action suit? Let's discuss."),
         near=r"\b(?:if\s+not|or\s+else|otherwise|unless|join\w*|start\w*|fil\w+|launch\w*|bring\w*|"
              r"organi[sz]\w+|will|['’]ll|gonna|going\s+to|should)\b"),
)
