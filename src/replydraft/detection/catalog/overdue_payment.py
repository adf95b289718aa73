"""overdue_payment: a payment that is owed refused, delayed or held back."""

from __future__ import annotations

from functools import partial

from replydraft.detection.catalog.fragments import (
    _ABOUT_PAYING,
    _AS_AGREED,
    _INVOICE_REF,
    _PAID_ALREADY,
    _PAY_TOKEN,
)
from replydraft.detection.catalog.spec import RuleSpec

rule = partial(RuleSpec, signal="overdue_payment")

RULES: tuple[RuleSpec, ...] = (
    rule("pay.not_until", weight=0.85,
         pattern=r"\b(?:not|never|won['’]?t|wont|will\s+not|shan['’]?t|refuse\s+to|refusing\s+to|ain['’]?t)\s+"
                 r"(?:going\s+to\s+|gonna\s+|be\s+)?(?:(?:releas|mak|send|process|issu|transferr?)\w*\s+(?:the\s+|"
                 r"any\s+|a\s+|"
                 r"further\s+|final\s+|your\s+)*)?(?:pay(?:ing|ment)?|settl\w*|clear\w*)\s+" + _PAY_TOKEN
                 + r"{0,6}?(?:until|till|til|"
                 r"untill|unless)\b(?!\s+(?:i|we|you)\s+(?:\w+\s+)?(?:get|receive|have|send|see)\s+(?:the|an?|your|"
                 r"our|my)\s+"
                 r"(?:\w+\s+)?(?:invoice|receipt|bill|quote|w-?9|w-?8\w*|tax|bank|details|paperwork|forms?|contract|po|"
                 r"purchase\s+order|approval)\b)",
         examples=("We're not paying until the site actually works.",
                   "I'm not paying invoice INV-1042 until that work is done.",
                   "We won't be paying invoice #5531 until the missing pages are delivered.",
                   "I'm not paying INV-2291 until the roof is fixed."),
         not_examples=("Would it be a problem if we're not paying until the invoice arrives?",),
         negatable=False),
    rule("pay.no_money_until", weight=0.75,
         pattern=r"\bno\s+(?:more\s+)?(?:money|payment|pay|cash|cheque|check|dime|penny|cent)\s+(?:until|till|til|"
                 r"unless)\b",
         examples=("No money until the roof stops leaking.",),
         negatable=False),
    rule("pay.refuse_owed", weight=0.75,
         pattern=r"\b(?:won['’]?t|wont|will\s+not|refuse\s+to|refusing\s+to|not\s+going\s+to|not\s+gonna|am\s+not|"
                 r"i\s*['’]?\s*m\s+not|are\s+not|aren['’]?t|we\s*['’]\s*re\s+not|shouldn['’]?t|should\s+not|"
                 r"don['’]?t\s+(?:think\s+"
                 r"(?:i|we)\s+)?(?:have|need)\s+to|do\s+not\s+(?:have|need)\s+to)\s+(?:\w+\s+)?pay(?:ing)?\s+"
                 r"(?:you\s+)?"
                 r"(?:for\s+)?(?:the|this|that|your|my|our|these|those|any\s+of\s+(?:the|these|your))\s+(?:\w+\s+)?"
                 r"(?:invoices?|bills?|balance|remainder|rest|final\s+\w+|outstanding\s+\w+|amount\s+due|deposit|"
                 r"installment|tab|food|meal|order|room|stay|work|late\s+fees?)\b",
         examples=("I refuse to pay this invoice.",),
         not_examples=("Do I have to pay this invoice before the 30th?",),
         not_before=r"\b(?:you|u|they|he|she|it)\s+(?:\w+\s+)?$",
         negatable=False),
    rule("pay.withhold", weight=0.8,
         pattern=r"\b(?:withh[oe]ld\w*|hold\w*\s+(?:back|off)(?:\s+on)?|holding|hold|stop(?:ped|ping)?\s+payment\s+on|"
                 r"froze|frozen|freez\w*|suspend\w*|halt\w*|paus\w*|"
                 r"put\w*\s+(?:the\s+|my\s+|our\s+|all\s+|any\s+|further\s+)?payments?\s+on\s+hold\b()|"
                 r"hold\w*\s+(?:back|off)\s+on)\s*(?:the\s+|my\s+|our\s+|any\s+|all\s+|"
                 r"further\s+|your\s+|this\s+|that\s+)?(?:final\s+|remaining\s+|next\s+|outstanding\s+|last\s+)?"
                 r"(?:payments?|paying|invoice\s+payments?|the\s+check|checks?|cheques?|money|funds|balance|remittance|"
                 r"transfer|remaining\s+\d+\s*%|\d+\s*%|rest)\b",
         examples=("We are withholding payment until the defects are fixed.",),
         not_examples=("You're unjustifiably holding my money and holding me to ransom.",),
         not_before=r"\b(?:you|u|they|he|she)(?:\s*['’]?\s*re|\s+are|\s+r|\s+is)?\s+(?:[\w&;]+\s+){0,3}$"),
    rule("pay.later", weight=0.55,
         pattern=r"\b(?:i|we)\s*(?:['’]\s*ll|\s+will|\s+can|\s+shall|['’]\s*d|\s+would)\s+(?:\w+\s+)?(?:pay\b|"
                 r"(?:settle|"
                 r"clear|sort\s+out|take\s+care\s+of|deal\s+with)\s+(?:up\s+)?(?:the|this|that|my|our|your)\s+"
                 r"(?:\w+\s+)?"
                 r"(?:bills?|invoices?|balance|payments?|amount|tab|account|debt)\b)(?:\s+[\w$£€.,]+){0,4}?\s+"
                 r"(?:later|next\s+(?:week|"
                 r"month|year|time|quarter)|eventually|another\s+(?:time|day|week|month)|at\s+some\s+point|"
                 r"sometime|some\s+time|down\s+the\s+(?:road|line)|whenever|when\s+(?:i|we)\s+feel\s+like\s+it|"
                 r"when\s+(?:i|we)\s+(?:can|get\s+(?:around|"
                 r"a\s+chance))|in\s+(?:a\s+few|another|a\s+couple\s+of)\s+(?:weeks|months))\b",
         examples=("I'll pay the balance next month.",),
         not_examples=("Thanks, I'll pay the balance later today, it's already scheduled.",),
         positive=True),
    rule("pay.when_i_feel_like_it", weight=0.75,
         pattern=r"\b(?:pay|settle|clear)\b[^.!?\n]{0,40}?\b(?:when|whenever|if)\s+(?:i|we)\s+(?:feel\s+like\s+it|"
                 r"get\s+(?:a)?round\s+"
                 r"to\s+it|(?:damn\s+)?well\s+please|am\s+good\s+and\s+ready|are\s+good\s+and\s+ready|pay\s+(?:you|"
                 r"u))\b",
         examples=("Maybe I'll settle up whenever I feel like it.",)),
    rule("pay.settle_old_later", weight=0.8,
         pattern=r"\b(?:settle|pay|clear|deal\s+with|sort\s+out)\s+(?:up\s+)?(?:the\s+|my\s+|our\s+|that\s+|those\s+)?"
                 r"(?:old|previous|outstanding|overdue|unpaid|last|past|earlier|prior|other)\s+(?:invoices?|bills?|"
                 r"balance|amount|debt|payments?)\b[^.!?\n]{0,30}?\b(?:later|eventually|next\s+(?:week|month)|"
                 r"another\s+time|afterwards|after)\b",
         examples=("We'd rather clear the previous balance afterwards.",)),
    rule("pay.cannot_pay_yet", weight=0.65,
         pattern=r"\b(?:can['’]?t|cannot|unable\s+to|not\s+able\s+to|won['’]?t\s+be\s+able\s+to|couldn['’]?t|"
                 r"won['’]?t\s+be)\s+"
                 r"pay(?:ing)?\s+(?:you\s+|u\s+|the\s+\w+\s+|it\s+|this\s+\w+\s+)?(?:yet|right\s+now|"
                 r"at\s+the\s+moment|this\s+"
                 r"(?:week|month)|until|till|for\s+(?:now|a\s+while|another|a\s+few))\b|"
                 r"\b(?:(?:so|and)\s+)?(?:i|we)\s+(?:can['’]?t|cannot|are\s+unable\s+to|am\s+unable\s+to)\s+pay\s+"
                 r"(?:you|u|the\s+"
                 r"(?:invoice|bill|balance))(?=\s*(?:[.!…]|$|\.\.\.|,?\s+(?:sorry|because|since|as|so)))",
         examples=("Sorry, we can't pay you yet.",),
         not_before=r"\b(?:you|u|they|he|she)\s+$",
         negatable=False, question=False),
    rule("pay.before_we_can_pay", weight=0.6,
         pattern=r"\b(?:another|a\s+few|a\s+couple\s+of|at\s+least|several|weeks|months|a\s+while|some\s+time)\b"
                 r"[^.!?\n]{0,30}?\b(?:before|until|till)\s+(?:we|i)\s+(?:can|could|are\s+able\s+to|am\s+able\s+to|"
                 r"will\s+be\s+able\s+to)\s+pay\b",
         examples=("It'll be another six weeks before we can pay.",)),
    rule("pay.release_only_when", weight=0.75,
         pattern=r"\b(?:release|make|send|pay|transfer)\s+(?:you\s+)?(?:the\s+|your\s+)?(?:final\s+|remaining\s+|"
                 r"last\s+|next\s+"
                 r"|outstanding\s+)?(?:payment|balance|invoice|deposit|money|funds|installment)\s+only\s+(?:when|once|"
                 r"after|if)\b",
         examples=("We will release the final payment only when the app is in the store.",)),
    rule("pay.payment_delayed", weight=0.65,
         pattern=r"\b(?:payments?|invoices?|checks?|cheques?|transfers?|money)\s+(?:will\s+be|might\s+be|may\s+be|is|"
                 r"are|has\s+been|"
                 r"have\s+been|['’]s\s+going\s+to\s+be|is\s+going\s+to\s+be|are\s+going\s+to\s+be)\s+(?:a\s+(?:bit|"
                 r"little)\s+|slightly\s+)?(?:late|"
                 r"delayed|held\s+up|postponed|on\s+hold|stuck|pending\s+approval|waiting\s+for\s+approval)\b",
         examples=("Our payment will be a bit late this month.",),
         near=r"\b(?:we|our|i|my)\b"),
    rule("pay.get_paid_later", weight=0.5,
         pattern=r"\b(?:you['’]?ll|you\s+will)\s+(?:\w+\s+)?(?:get|be)\s+(?:paid|it|your\s+money|the\s+money|"
                 r"what\s+you['’]?re\s+owed)\s+"
                 r"(?:in\s+(?:another|a\s+few|a\s+couple|the\s+next)|next\s+(?:week|month)|eventually|later|soon|"
                 r"when|once|at\s+some\s+"
                 r"point|sometime|one\s+day)\b|\b(?:the\s+)?(?:payment|money|cheque|check)\s+(?:will\s+come|"
                 r"is\s+coming|is\s+on\s+its\s+"
                 r"way)\b(?!\s+(?:today|tomorrow|on\s+\w+day))",
         examples=("Your payment is coming, just not this month.",)),
    rule("pay.money_when_done", weight=0.6,
         pattern=r"\b(?:you['’]?ll|you\s+will|you\s+can)\s+(?:only\s+)?(?:get|see|have)\s+(?:your|the|any|my)\s+"
                 r"(?:money|"
                 r"payment|cash|check|cheque)(?!\s+back)\s+(?:\w+\s+)?(?:when|once|after|next|until)\b",
         examples=("You'll get your money when the job is finished.",)),
    rule("pay.when_i_get_paid", weight=0.5,
         pattern=r"\b(?:when|once|after|as\s+soon\s+as)\s+(?:i|we)\s+(?:get|am|are)\s+paid\b",
         examples=("Once we are paid by our customer, your bill is next.",),
         near=r"\bpa(?:y|id)\w*", positive=True),
    # the payer puts a bill on hold: "Accounts has put invoice 2026-118 on hold", "we're holding back this
    # month's rent until the lock is fixed", "invoice #88 stays on hold until ..."
    rule("pay.invoice_on_hold", weight=0.7,
         pattern=r"\b(?:put\w*|plac\w*|kept|keep\w*)\s+(?:" + _INVOICE_REF
                 + r"|(?:(?:the|this|that|these|any|your)\s+|all\s+(?:the\s+|our\s+)?)"
                 r"(?:\w+\s+)?(?:invoices?|bills?|payments?))\s+on\s+hold\b|"
                 r"\b" + _INVOICE_REF + r"\s+(?:is|are|has\s+been|have\s+been|was|stays|remains|will\s+stay|"
                 r"will\s+remain)\s+"
                 r"(?:\w+\s+)?on\s+hold\b",
         examples=("Accounts has put your invoice on hold.",),
         not_before=r"\b(?:you|u|they|(?:your|the|my|our)\s+(?:\w+\s+)?(?:system|bank|paypal|stripe|processor|"
                    r"card\s+\w+)|your\s+(?:\w+\s+)?(?:team|accounts?))\s+(?:\w+\s+)?$",
         unless_text=_AS_AGREED),
    rule("pay.hold_back", weight=0.8,
         pattern=r"\b(?:withh[oe]ld\w*|hold\w*\s+back|stop\w*\s+paying)\s+(?:the\s+|my\s+|our\s+|this\s+|that\s+|"
                 r"your\s+|any\s+)?"
                 r"(?:(?:this|last|next|the|each|every)\s+(?:month|week|quarter)['’]?s?\s+)?(?:rent|retainer|"
                 r"service\s+charge|"
                 r"instal+ments?|monthly\s+(?:fee|payment)|subscription\s+fee|fees?)\b"
                 r"(?=[^.!?\n]{0,60}?\b(?:until|till|unless|while|as\s+long\s+as|pending)\b)",
         examples=("We're holding back the instalment until the snagging is done.",)),
    rule("pay.on_hold", weight=0.65,
         pattern=r"\b(?:payments?|invoices?|checks?|cheques?|transfers?)(?:\s+(?:of|for|on)"
                 r"(?:\s+[\w$£€.,#-]+){1,4}?)?\s+"
                 r"(?:is|are|has\s+been|have\s+been)\s+"
                 r"(?:\w+\s+)?(?:on\s+hold|withheld|frozen|suspended)\b",
         examples=("Payment is on hold until further notice.",),
         not_before=r"\b(?:your|the\s+bank['’]?s?|paypal['’]?s?|stripe['’]?s?)\s+(?:\w+\s+)?$"),
    # A stall: one alone is a near-miss, two together (or one with a firmer rule) raise the signal,
    # and only where the message -- or its subject -- is about paying, and nothing says it was paid.
    rule("pay.be_patient", weight=0.4,
         pattern=r"\b(?:(?:please|kindly|pls)\s+(?:\w+\s+)?(?:be\s+patient|bear\s+with\s+(?:us|me))|"
                 r"be\s+patient\s+with\s+(?:us|me)|"
                 r"(?:you['’]?ll|you\s+will|you['’]?d|you\s+would)\s+(?:\w+\s+)?(?:have|need)\s+to\s+be\s+patient|"
                 r"bear\s+with\s+(?:us|me)(?=\s*(?:[.!,;]|$|\s+(?:a\s+(?:little|bit|few|while)|for|on\s+this|"
                 r"please)\b))|"
                 r"give\s+(?:us|me)\s+(?:some\s+|a\s+(?:bit|little)\s+)?(?:more\s+)?time|"
                 r"give\s+(?:us|me)\s+(?:a|one|two|another|an\s+extra|a\s+(?:few|couple)(?:\s+of)?|\d+)\s+"
                 r"(?:more\s+)?(?:days?|weeks?|months?)|"
                 r"(?:we|i)\s+(?:need|require)\s+(?:a\s+(?:bit|little)\s+|some\s+)?more\s+time|"
                 r"the\s+(?:check|cheque)\s+is\s+in\s+the\s+(?:mail|post))\b",
         examples=("About the overdue invoice: please bear with us a little longer.",),
         near=_ABOUT_PAYING, near_text=True, unless_text=_PAID_ALREADY),
    # the payer's own circumstances are in the way: money, approvals, the one person who signs, a restructuring
    rule("pay.internal_hold", weight=0.4,
         pattern=r"\b(?:cash\s*flow\s+(?:issues?|problems?|difficult\w*|is\s+tight)|money['’]?s?\s+(?:is\s+)?"
                 r"(?:a\s+bit\s+)?tight|"
                 r"tight\s+on\s+(?:money|cash|funds)|low\s+on\s+(?:funds|cash)|"
                 r"(?:person|one|colleague|manager)\s+who\s+(?:approves|signs|authori[sz]es|handles|releases)\s+"
                 r"(?:the\s+|our\s+)?"
                 r"(?:payments?|invoices?|cheques?|checks?|transfers?)\s+is\s+(?:on\s+(?:leave|holiday|vacation|"
                 r"sick\s+leave)|away|"
                 r"out\s+of\s+(?:the\s+)?office|off\s+sick|travell?ing)|(?:still\s+)?waiting\s+(?:on|for)\s+"
                 r"(?:the\s+)?(?:sign-?\s?off|approval|authori[sz]ation|go-?ahead|"
                 r"the\s+(?:management|owner|boss|director|board|finance|accounts?|accounting)\b)|"
                 r"(?:not|n['’]?t|never)\s+(?:been\s+)?able\s+to\s+(?:get\s+in\s+touch|reach|speak|talk|"
                 r"get\s+hold\s+of|meet)"
                 r"(?:\s+[\w,]+){0,8}?\s+(?:(?:the|our|my)\s+)?(?:management|owner|boss|director|ceo|board|finance|"
                 r"accounts?|accounting)\b|"
                 r"(?:management|the\s+owner|(?:our|my)\s+(?:boss|director|ceo|board|finance\s+\w+|accounts?\s+\w+)|"
                 r"the\s+board)\s+"
                 r"(?:has|have)\s*(?:n['’]?t|\s+not)\s+(?:yet\s+)?(?:approved|signed|released|authori[sz]ed|agreed)|"
                 r"(?:changes|restructuring|reorgani[sz]ation|re-?structuring)\s+(?:(?:happening|going\s+on|"
                 r"taking\s+place)\b|(?:in|at|within)\s+(?:the|our)\s+(?:office|company|team|department|"
                 r"organi[sz]ation)\b|internally\b)|"
                 r"(?:with|because\s+of|due\s+to|after|during)\s+(?:the|our|a|all\s+the)\s+(?:changes|restructuring|"
                 r"reorgani[sz]ation|re-?structuring)\b|"
                 r"(?:accounting|accounts|payment|payroll|banking|finance|erp|billing)\s+(?:system|software|"
                 r"platform)\s+"
                 r"(?:is|are|was)\s+(?:being\s+)?(?:migrated|changed|updated|upgraded|replaced|down)|"
                 r"only\s+(?:one|person)\s+(?:who\s+)?(?:can|is\s+allowed\s+to|able\s+to)\s+(?:sign|approve|"
                 r"authori[sz]e|release|make)\b|"
                 r"passed\s+(?:this|it|your\s+\w+)\s+(?:on\s+)?to\s+(?:our|the)\s+(?:accounts?|finance|accounting)\s+"
                 r"(?:department|dept|team|people))",
         examples=("The invoice payment is waiting on sign-off from finance.",
                   "There are changes going on in the company, so the invoice will have to wait."),
         not_examples=("The amendment adds changes to the payment netting provisions.",),
         near=_ABOUT_PAYING, near_text=True, unless_text=_PAID_ALREADY, question=False),
    rule("pay.when_you_fix", weight=0.55,
         pattern=r"\b(?:i|we)\s*(?:['’]\s*ll|\s+will)\s+(?:only\s+)?pay\s+(?:you\s+|the\s+\w+\s+|it\s+)?(?:when|once|"
                 r"after|as\s+soon\s+as)\s+(?:you|it['’]?s|this\s+is|the\s+(?:\w+\s+)?(?:is|gets?))\b",
         examples=("I'll pay when the invoice is corrected.",),
         unless_text=_AS_AGREED),
    rule("pay.decided_not_to_pay", weight=0.85,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have)?\s+(?:\w+\s+)?(?:decided|chosen|agreed|"
                 r"made\s+the\s+decision)"
                 r"\s+not\s+to\s+pay\b",
         examples=("We have decided not to pay the second invoice.",),
         negatable=False),
    rule("pay.not_going_to_pay", weight=0.75,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*m|\s+am|['’]\s*re|\s+are|\s+just|\s+simply)?\s*(?:just\s+|"
                 r"simply\s+|"
                 r"definitely\s+|certainly\s+|absolutely\s+)?(?:not\s+(?:going\s+to|gonna)|aren['’]?t\s+"
                 r"(?:going\s+to|gonna)|"
                 r"won['’]?t|will\s+not|refuse\s+to|not|are\s+not)\s+(?:be\s+)?pay(?:ing)?\b"
                 r"(?:\s+(?:you|u|him|her|them|this|that|it|the\s+(?:invoice|bill|balance|rest|remainder|final\s+\w+)|"
                 + _INVOICE_REF + r"|for\s+(?:this|that|it|the\s+work|your\s+work)|"
                 r"for\s+(?:a|an|the|this|that|something)\s+(?:\w+\s+){0,3}?"
                 r"(?:that|which)\s+(?:doesn['’]?t|does\s+not|isn['’]?t|is\s+not|never|won['’]?t|don['’]?t|"
                 r"didn['’]?t)\s+\w+)\b)?"
                 r"(?=\s*(?:[.!,;]|$|\s+(?:a\s+(?:cent|penny|dime)|at\s+all|you|u|him|her|them)\b))",
         examples=("I'm not paying for this.",),
         not_examples=("I'm not paying by cheque any more, I'll switch to bank transfer.",),
         not_before=r"\b(?:you|u|they|he|she|it)\s+(?:\w+\s+)?$",
         unless_text=r"\b(?:i|we)\s*(?:['’]\s*ll|\s+will)\s+(?:gladly\s+|happily\s+|still\s+)?pay\s+(?:the|your|"
                     r"this)\s+"
                     r"(?:invoice|bill|balance|rest)\b",
         negatable=False),
    rule("pay.why_should_i_pay", weight=0.65,
         pattern=r"\b(?:don['’]?t|do\s+not|dont|can['’]?t|cannot)\s+see\s+why\s+(?:i|we)\s+(?:should|would|have\s+to|"
                 r"need\s+to|"
                 r"must)\s+(?:have\s+to\s+)?pay\b|\bwhy\s+(?:should|would|do)\s+(?:i|we)\s+(?:have\s+to\s+|"
                 r"need\s+to\s+)?pay\s+"
                 r"(?:you|u|for\s+(?:this|that|it|your\s+work)|anything|at\s+all)\b|\bnever\s+thought\s+(?:i|we)\s*"
                 r"(?:['’]\s*d|"
                 r"\s+would)\s+(?:have\s+to|need\s+to)\s+pay\b",
         examples=("Why should I pay for this?",),
         negatable=False, question=False),
    rule("pay.will_be_paid_when", weight=0.7,
         pattern=r"\b(?:invoices?|bills?|balance|payments?|remainder|rest|final\s+\w+|you)\s+(?:will|shall|"
                 r"is\s+going\s+to|are\s+going\s+to)"
                 r"\s+(?:only\s+)?(?:be\s+|get\s+)(?:paid|settled|released|sent|transferred|made|issued)\s+"
                 r"(?:only\s+)?(?:once|when|after|"
                 r"as\s+soon\s+as|"
                 r"if|the\s+day)\s+(?:you|it|the|this|your|everything|we['’]?re|we\s+are|i['’]?m|i\s+am)\b",
         examples=("Payment will be made when we're satisfied with the result.",),
         not_before=r"\b(?:your|their|his|her)\s+$",
         unless_text=_AS_AGREED),
    rule("pay.dont_expect_payment", weight=0.8,
         pattern=r"\b(?:don['’]?t|do\s+not|dont|never)\s+expect\s+(?:any\s+|a\s+|the\s+|my\s+|our\s+)?(?:payment|"
                 r"money|cent|penny|dime|"
                 r"check|cheque|transfer|cash)\w*\b(?:\s+(?:from\s+(?:me|us)|for\s+(?:this|that|it)))?\s*(?:until|"
                 r"unless|before|till|"
                 r"any\s*time\s+soon|soon|[.!]|$)",
         examples=("Don't expect payment until the faults are fixed.",),
         negatable=False),
    rule("pay.when_satisfied", weight=0.6,
         pattern=r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ll|\s+will)\s+(?:only\s+)?pay\s+(?:you\s+|it\s+|the\s+\w+\s+)?"
                 r"(?:when|once|if)\s+"
                 r"(?:i|we)\s*(?:['’]\s*m|\s+am|['’]\s*re|\s+are|\s+feel|\s+decide)\s+(?:\w+\s+)?(?:satisfied|happy|"
                 r"ready|good\s+and\s+ready|"
                 r"like\s+it|it['’]?s\s+worth)\b",
         examples=("I'll pay when I'm happy with it.",),
         negatable=False),
    rule("pay.not_worry_about_paying", weight=0.8,
         pattern=r"\b(?:not\s+(?:to\s+)?worry\s+about\s+paying|no\s+need\s+to\s+pay)\s+(?:you|u|him|her|them|the\s+"
                 r"(?:invoice|bill|"
                 r"balance))\b",
         examples=("My boss told me not to worry about paying you.",),
         negatable=False),
    rule("pay.when_business_succeeds", weight=0.7,
         pattern=r"\b(?:pay|paid)\s+(?:you\s+|u\s+)?(?:when|once|after|as\s+soon\s+as|if)\s+(?:my|our|the)\s+"
                 r"(?:\w+\s+)?(?:website|site|"
                 r"business|app|product|company|sales|ads?|campaign|shop|store|book|channel|startup|launch)\s+"
                 r"(?:\w+\s+){0,2}?"
                 r"(?:becomes?|takes?\s+off|makes?\s+(?:money|a\s+profit|sales)|performs?|sells?|succeeds?|"
                 r"picks?\s+up|goes\s+viral)\b|"
                 r"\b(?:paid|pay\s+you)\s+when\s+you['’]?ve\s+earned\s+it\b",
         examples=("We'll pay you when our shop takes off.",),
         unless_text=_AS_AGREED),
    rule("pay.when_they_pay_us", weight=0.7,
         pattern=r"\b(?:(?:as\s+soon\s+as|when|once|after|until|till)\s+(?:they|our\s+client|the\s+client|"
                 r"my\s+client|our\s+customer|"
                 r"the\s+customer|(?:we|i)\s+get\s+paid\s+by\s+\w+)\s*(?:pays?|paid|have\s+paid|has\s+paid)?\s*(?:us|"
                 r"me)?\b"
                 r"(?<=\s(?:us|me))|(?:client|customer)\s+(?:hasn['’]?t|has\s+not|haven['’]?t|have\s+not)\s+paid\s+"
                 r"(?:us|me)\b)",
         examples=("Our client hasn't paid us yet, so you'll have to wait for your invoice.",),
         near=r"\b(?:pay|check|cheque|money|invoice|transfer)\w*\b"),
    rule("pay.no_money", weight=0.55,
         pattern=r"\b(?:(?:i|we)\s+(?:have|got)\s+no\s+money(?:\s+left)?|no\s+money\b|(?:i|we)\s*(?:['’]\s*m|\s+am|"
                 r"['’]\s*re|\s+are)\s+"
                 r"(?:broke|skint)|(?:just\s+)?(?:got|been)\s+laid\s+off)\b",
         examples=("There's no money to pay the invoice this month.",),
         near=r"\b(?:pay|paid|check|cheque|owed|owe|invoice|bill)\w*\b"),
    # payment put off until some event that isn't the paperwork ("once our funding round closes")
    rule("pay.deferred_until", weight=0.6,
         pattern=r"\b(?:we|i)\s*(?:['’]\s*ll|\s+will|\s+can|\s+shall)\s+(?:be\s+(?:happy|glad|willing|able)\s+to\s+)?"
                 r"(?:only\s+)?"
                 r"(?:pay|settle|clear|(?:release|make|send|process|authori[sz]e)\s+(?:the\s+|your\s+|any\s+)?"
                 r"(?:payment|funds|money))\s+"
                 r"(?:you\s+|it\s+|the\s+(?:\w+\s+)?"
                 r"(?:invoice|bill|balance|rest|remainder|fee)\s+|invoice\s+\S+\s+|(?:on|"
                 r"for)\s+" + _INVOICE_REF + r"\s+)?"
                 r"(?:once|when|after|as\s+soon\s+as|not\s+before)\s+"
                 r"(?!(?:i|we)\s+(?:get|receive|have|see)\s+(?:it|them)\b|(?:i|we)\s+(?:get|receive|have|see)\s+"
                 r"(?:the|an|a|your)\s+(?:\w+\s+)?(?:invoice|receipt|bill|quote|po|purchase|"
                 r"details|w-?\d|paperwork|bank|form)|(?:the|your)\s+(?:\w+\s+)?(?:invoice|receipt|po|contract|"
                 r"paperwork|details)\s+"
                 r"(?:arrives?|is|are|has|have|gets?|comes?)|(?:it['’]?s|it\s+is|it\s+gets?)\s+approved|approved|"
                 r"i['’]?m\s+back|we['’]?re\s+back)",
         examples=("We'll pay once the launch is behind us.",),
         negatable=False, unless_text=_AS_AGREED),
    rule("pay.paid_after_event", weight=0.6,
         pattern=r"\b(?:invoice|invoices|bill|balance|payment)\s*(?:#?\s*\w*\d\w*\s+)?(?:will|shall)\s+"
                 r"(?:only\s+)?be\s+(?:paid|settled)\s+"
                 r"(?:after|once|when)\s+(?:the\s+)?(?:launch|release|go-?live|funding|project|site|website|app|"
                 r"sales?|season|"
                 r"client|campaign|event|holidays?)\b[^.!?\n]{0,30}?(?:not\s+before|,?\s*not\s+earlier)?",
         examples=("The balance will be settled after launch.",),
         unless_text=_AS_AGREED),
    rule("pay.catch_up_later", weight=0.6,
         pattern=r"\bcatch\s+up\s+on\s+(?:the\s+)?(?:payments?|invoices?|bills?|money|balance)\s+(?:later|eventually|"
                 r"next\s+"
                 r"(?:month|quarter)|down\s+the\s+(?:road|line)|at\s+some\s+point)\b(?!\s+(?:this|today|tomorrow|"
                 r"tonight))",
         examples=("We'll catch up on the payments later.",)),
    rule("pay.talk_about_payment_later", weight=0.65,
         pattern=r"\b(?:first|before)\b[^.!?\n]{0,60}?\b(?:then\s+)?(?:we['’]?ll|we\s+will|i['’]?ll|i\s+will|"
                 r"we\s+can)\s+(?:talk|discuss|"
                 r"think|worry)\s+(?:about\s+)?(?:the\s+)?(?:payment|money|invoice|fee|paying)\b",
         examples=("Finish the site first and then we'll talk about payment.",)),
    rule("pay.keep_working_unpaid", weight=0.35,
         pattern=r"\b(?:keep\s+(?:going|working)|continue\s+(?:working|with\s+the\s+(?:project|work))|carry\s+on|"
                 r"start\s+the\s+next\s+"
                 r"(?:phase|stage|sprint|project)|send\s+(?:the\s+)?(?:files|order|goods|rest)|keep\s+(?:the|my|"
                 r"our)\s+(?:account|servers?|"
                 r"service|site|subscription)\s+(?:active|running|on|live|going|open))\b",
         examples=("Keep working on the build and we'll sort the invoices later.",),
         near=r"\b(?:overdue|unpaid|owe|money|pay|payment|invoice|cash)\w*\b",
         near_text=True),
    rule("pay.cant_release_while", weight=0.75,
         pattern=r"\b(?:can['’]?t|cannot|won['’]?t|will\s+not|are\s+not\s+able\s+to|aren['’]?t\s+able\s+to)\s+"
                 r"(?:release|make|send|process|"
                 r"authori[sz]e|approve)\s+(?:the\s+|any\s+|final\s+|further\s+|your\s+)?(?:payments?|invoices?|"
                 r"funds|balance)\s+(?:while|as\s+long\s+"
                 r"as|until|unless|before)\b",
         examples=("We can't release payment while the site is down.",),
         negatable=False),
    rule("pay.nothing_before", weight=0.8,
         pattern=r"\b(?:not|never|won['’]?t|will\s+not|refuse\s+to)\s+(?:be\s+)?pay(?:ing)?\s+(?:you\s+)?(?:for\s+)?"
                 r"(?:anything|a\s+(?:penny|cent|dime)|any(?:thing)?\s+more|the\s+rest|it)\s+(?:before|until|till)\b",
         examples=("No, I'm not paying for anything before it is done.",),
         negatable=False),
    # Funds that won't go out before a date: "we will not be able to issue additional funds until July 1st".
    rule("pay.funds_not_until", weight=0.7,
         pattern=r"\b(?:not|n['’]t)\s+(?:be\s+able\s+to\s+)?(?:issu|send|releas|mak|transferr?|process|pay)\w*\s+"
                 r"(?:(?:the|any|additional|further|remaining|your|final|outstanding)\s+)*(?:funds|payments?|money|"
                 r"balance|amount)\s+(?:until|till|before)\b",
         examples=("We will not be able to issue additional funds until July 1st.",),
         negatable=False),
    # The debt admitted and set aside: "Yeah, I owe you money, but ...".
    rule("pay.owe_but", weight=0.7,
         pattern=r"\bi\s+(?:know\s+(?:that\s+)?i\s+)?owe\s+(?:you|u)\s+(?:[\w$£€.,]+\s+){0,3}?(?:money|[$£€]?\d[\d,.]*|"
                 r"the\s+\w+)\s*,?\s+but\b",
         examples=("Yeah, I owe you money, but you'll have to wait.",)),
    # Part paid now, the rest held to a condition: "we can only pay half now, the rest when ...".
    rule("pay.only_part_now", weight=0.7,
         pattern=r"\b(?:i|we)\s+(?:can|will|shall|are\s+going\s+to)\s+only\s+pay\s+(?:you\s+)?(?:half|part|some|"
                 r"a\s+(?:part|portion)|\d+\s*%|[$£€]?\d[\d,.]*)\b[^.!?\n]{0,40}?\b(?:the\s+rest|the\s+remainder|"
                 r"the\s+balance)\s+(?:when|once|after|if|later)\b",
         examples=("We can only pay half now, the rest when the project is complete.",)),
    rule("pay.not_for_unfinished", weight=0.75,
         pattern=r"\b(?:not|never|won['’]?t|will\s+not|refuse\s+to)\s+(?:be\s+)?pay(?:ing)?\s+(?:you\s+)?(?:for\s+)?"
                 r"(?:a|an|the|this|that|your)\s+(?:\w+\s+)?(?:job|work|project|site|website|repair|renovation)\s+"
                 r"(?:(?:that['’]?s|that\s+is|which\s+is)\s+)?(?:only\s+)?(?:half[\s-]+(?:done|finished)|unfinished|"
                 r"incomplete|botched|not\s+(?:done|finished|complete))\b",
         examples=("I'm not paying for a job half done.",),
         negatable=False),
    # An amount refused outright: "NO I'M NOT GOING TO PAY 61.00".
    rule("pay.refuse_amount", weight=0.7,
         pattern=r"\b(?:(?:not|never)\s+(?:going\s+to|gonna)\s+pay|won['’]?t\s+pay|wont\s+pay|will\s+not\s+pay|"
                 r"(?:refuse|refusing)\s+to\s+pay|(?:am|['’]m|are|['’]re)\s+not\s+paying)\s+(?:you\s+|u\s+)?"
                 r"(?:the\s+|that\s+|this\s+|a\s+)?(?:[$£€]\s?\d[\d,.]*|"
                 r"\d[\d,.]*\s*(?:dollars|pounds|euros?|usd|gbp|eur)?)(?![\d,.]*\s*(?:%|percent|more|extra|per|a\s+month|"
                 r"a\s+year|/))",
         examples=("NO I'AM NOT GOING TO PAY 61.00. PLEASE EXAMINE THE ATTACHMENT.",),
         not_examples=("I won't pay $20 more a month for the same plan.", "We did not pay $860.00 of expense in May."),
         not_before=r"\b(?:you|u|they|he|she|customers|people)\s+(?:\w+\s+){0,2}$",
         negatable=False),
)
