"""The built-in detection rules as data: (rule id, signal, weight, pattern source, context flags).

Plain strings, nothing compiled: :mod:`replydraft.detection.rules` compiles them (with their
start stems and keys) when a detector is built, so reading a config (which checks rule ids
against :data:`RULE_SIGNALS`) costs no regex compile.

A rule's weight is how sure one hit makes us of its signal on its own; ``detect``
combines the hits of a signal as ``1 - prod(1 - w)``. With the default threshold of
0.6, a rule weighted >= 0.6 can raise a signal alone; weaker rules (0.3-0.55) only
count together with other evidence and otherwise end up as near-misses.

Most threat rules are anchored on the customer speaking about their own intent
("I will ...", "I'm ...", "or I ...") so that third-person, past and reported uses
("people leave 1-star reviews", "I left you 5 stars") never match. Context flags then
veto hits that are negated, hypothetical, asked as a question or clearly positive.

Patterns are written for phrasings in general, not for any one corpus: every
alternation is bounded (``{0,4}``, ``[^.!?\\n]{0,60}``) so that matching stays linear
in practice and no pattern can backtrack catastrophically.
"""

from __future__ import annotations

__all__ = [
           "ANCHORED_STARTS",
           "HYPOTHETICAL",
           "INFO_QUESTION",
           "NEGATION",
           "POSITIVE",
           "RULE_KEYS",
           "RULE_SIGNALS",
           "RULE_TABLE",
           "SUBJECT_ANCHOR",
]


# -- shared fragments ----------------------------------------------------------------

_FILL = (
    r"(?:\s+(?:definitely|certainly|surely|absolutely|immediately|now|also|then|just|simply|"
    r"gladly|happily|personally|probably|likely|seriously|really|actually|first|soon|shortly|"
    r"today|tomorrow|still|officially|be\s+(?:forced|obliged|compelled|happy|glad)\s+to|"
    r"(?:have|need|got)\s+to|have\s+no\s+(?:other\s+)?(?:choice|option)\s+(?:but|than)\s+to|"
    r"be\s+left\s+with\s+no\s+(?:other\s+)?(?:choice|option)\s+(?:but|than)\s+to|"
    r"make\s+sure\s+(?:to|that\s+i)|be\s+sure\s+to|not\s+hesitate\s+to|to|be|start|proceed\s+to|"
    r"go\s+ahead\s+and|go\s+and|go|try\s+and|try\s+to|hate\s+to(?:\s+have\s+to)?|resort\s+to)){0,4}"
)
_GOING = (
    r"(?:going\s+to|gonna|goin\s+to|gon\s+to|about\s+to|ready\s+to|prepared\s+to|"
    r"planning\s+(?:to|on)|(?:seriously\s+)?considering|thinking\s+(?:of|about)|"
    r"left\s+with\s+no\s+(?:other\s+)?choice\s+but\s+to|forced\s+to|obliged\s+to)"
)
# Where a sentence starts: the text's start, or just after . ! ? or a line break (and up to two spaces).
_SENTENCE_START = r"(?:(?<![\s\S])|(?<=[.!?\n])|(?<=[.!?\n][ \t])|(?<=[.!?\n][ \t]{2}))"
# The customer announcing their own intent: "I will", "I'll", "im gonna", "we are going to",
# "I have to", "I decided to", non-native "I go to", "I will to", and, with the subject dropped as in
# tweets, "Will be posting this ..." at the start of a sentence.
INTENT = (
    r"(?=[iwgnc])(?:(?<!\w)(?:i(?:\s*['’]?\s*ll)|we(?:\s*['’]\s*ll|\s+ll))(?![\w'’])"
    r"|(?<!\w)(?:(?:i|we)\s+)?can['’]?t\s+wait\s+to"
    r"|(?<!\w)(?:i|we)(?:\s*['’]\s*d|\s+(?:will|wil|wll|shall|would|must|may|might|"
    r"gonna|wanna|gotta)|\s+(?:have|need|plan|intend|want|decided|chose|got)\s+to|"
    r"\s*(?:['’]\s*ve|\s+have)\s+decided\s+to|\s+go\s+to)"
    r"|(?<!\w)i\s*(?:['’]?\s*m|\s+am)?\s+" + _GOING +
    r"|(?<!\w)we\s*(?:['’]\s*re|\s+are)?\s+" + _GOING +
    r"|(?<![\w'’])(?<!you )(?<!they )(?<!he )(?<!she )gonna"
    r"|(?<!\w)no\s+(?:other\s+)?(?:choice|option|alternative)\s+(?:but|than)\s+to"
    r"|" + _SENTENCE_START + r"(?:will|going\s+to)(?!\s+(?:you|u|it|this|that|they|he|she|there|we|i|your|the|my|"
    r"these|those|someone|somebody|anyone)\b))" + _FILL + r"\s+"
)
# "I'm ...", "we are ..." + a present participle: an announcement ("I'm switching to ...").
PROG = (r"(?=[iw])(?<!\w)(?:i\s*['’]?\s*m|i\s+am|we\s*['’]\s*re|we\s+are)\s+"
        r"(?:(?:now|currently|already|officially|definitely|actually|just|also|seriously|literally)\s+){0,2}")
# "I have (already) filed", "we've opened", "I filed" (things already done count too).
PERF = (r"(?=[iw])(?<!\w)(?:i|we)(?:\s*['’]\s*ve|\s+have|\s+had)?\s+"
        r"(?:(?:already|also|now|just|since|officially|even)\s+){0,2}")
LEAD = r"(?:" + INTENT + r"|" + PROG + r")"
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
# the same intent carried over a coordination: "I will call my bank and (then) post ...", "I'll leave a
# 1-star review everywhere and talk to my lawyer", "I've left a review and contacted trading standards"
AND_MORE = (r"(?:[^.!?\n,;]{0,60}?\s(?:and|&)\s+(?:then\s+|also\s+)?(?:may\s+|might\s+|will\s+|could\s+|"
            r"probably\s+)?)?")
LEAD_AND = LEAD + AND_MORE
LEAD_PERF_AND = r"(?:" + LEAD + r"|" + PERF + r")" + AND_MORE
ANY_AND = r"(?:" + INTENT + r"|" + PROG + r"|" + PERF + r")" + AND_MORE

# up to five words that stay inside one clause ("I will leave a very bad review")
_GAP5 = (r"(?:(?!(?:because|since|about|of|after|before|regarding|but|and|when|if|that|which|due|who|"
         r"where|why|how)\b)[\w'’@-]+\s+){0,5}?")

_LAWYER = (r"(?:lawyers?|lawer|lawyr|counsel|attorneys?|attornies|attorny|atorney|atty|solicitors?|"
           r"barristers?|law\s*firm|legal\s+(?:team|counsel|department|dept|representatives?|representation|advis[eo]rs?|"
           r"advice|aid|help|professionals?|firm))")
_LEGAL_ACTION = (r"(?:law\s*suits?|lawsuite|legal\s+(?:action|actions|proceedings?|steps|measures|"
                 r"recourse|route|remed(?:y|ies)|case)|litigation|class[\s-]+action|"
                 r"small[\s-]+claims?(?:\s+court)?|court\s+(?:case|action|claim|proceedings)|"
                 r"court|tribunal|arbitration)")
_REGULATOR = (r"(?:ftc|f\.t\.c\.?|federal\s+trade\s+commission|cfpb|consumer\s+(?:financial\s+)?"
              r"protection(?:\s+(?:agency|bureau|authority|office|board))?|consumer\s+(?:affairs|"
              r"council|ombudsman|authority|agency|tribunal|cent(?:re|er)s?|watchdog|association|rights\s+(?:agency|authority|body|"
              r"organi[sz]ation))|attorney\s+general|trading\s+standards|ombudsman|"
              r"financial\s+(?:authorit(?:y|ies)|regulators?|ombudsman|conduct\s+authority|"
              r"services\s+authority)|(?-i:FCA|DOT|FAA|FCC|SEC|ICO|ACCC|CNIL|ASIC|CMA|IC3)|"
              r"regulators?|regulatory\s+(?:body|bodies|authorit(?:y|ies))|(?:relevant|appropriate|"
              r"proper|competent|consumer|financial)\s+authorities|department\s+of\s+(?:transportation|consumer\s+affairs)|"
              r"information\s+commissioner|data\s+protection\s+(?:authority|commissioner|regulator)|"
              r"gdpr\s+(?:authority|regulator)|european\s+commission|eu\s+commission|"
              r"competition\s+(?:bureau|authority)|chamber\s+of\s+commerce|ofcom|ofgem|bafin|verbraucherzentrale|"
              r"consumer\s+advice\s+(?:centre|center)|citizens\s+advice)")
_PAYMENT_CO = (r"(?:(?:my|the|our)\s+)?(?:bank|card\s+(?:issuer|company|provider)|credit\s+card(?:\s+"
               r"(?:company|issuer|provider))?|debit\s+card|card|paypal|alipay|wechat\s*pay|visa|"
               r"mastercard|amex|american\s+express|stripe|klarna|venmo|apple\s+pay|google\s+pay|"
               r"financial\s+institution)")
_NEWS = (r"(?:(?:the|my|our|a)\s+)?(?:local\s+|tech\s+|trade\s+|industry\s+|national\s+)?(?:news(?:papers?|"
         r"\s+stations?|"
         r"\s+channels?)?|media|"
         r"press|reporters?|journalists?|tv\s+stations?|television|(?:local|evening|tv|cable|fox|cbs|"
         r"nbc|abc|cnn|bbc|eyewitness|action|\d+)\s+news|channel\s+\d+|consumer\s+(?:reporters?|"
         r"watchdogs?|advocates?))")
_PLATFORM = (r"(?:google|yelp|trustpilot|tripadvisor|facebook|fb|twitter|instagram|insta|ig|tiktok|linkedin|"
           r"reddit|(?:the\s+)?subreddit|r/\w+|youtube|glassdoor|amazon|(?:the\s+)?(?:app|play)\s*store|google\s+play|g2|"
           r"capterra|clutch|upwork|fiverr|nextdoor|hacker\s*news|product\s*hunt|social\s+media|quora|discord|"
           r"mastodon|bluesky|substack|sitejabber|trustradius|ripoff\s*report|complaints?\s*board|"
           r"pissed\s*consumer|consumer\s*affairs|dev\.to|hashnode|lobste\.rs|"
           r"socials|my\s+(?:[\w-]+\s+){0,2}?(?:blog|channel|podcast|page|website|site|newsletter|followers|audience|"
           r"readers|subscribers)|(?:the\s+)?(?:whole\s+)?(?:internet|web)|online|publicly|far\s+and\s+wide|"
           r"every\s+(?:forum|platform|site|review\s+site)|review\s+(?:sites?|platforms?|websites?)|" + _NEWS + r")")
_PUBLIC = (r"(?:" + _PLATFORM + r"|every\s*(?:one|body)(?!\s+(?:in|on|at)\s+(?:my|our|the)\s+"
           r"(?:team|office|company|department|family|house))|all\s+(?:my|of\s+my)\s+(?:friends|"
           r"followers|contacts?|clients|colleagues|network)|my\s+network|the\s+(?:whole\s+)?(?:world|public)|"
           r"anyone\s+who\s+will\s+listen|other\s+(?:users|customers|people|buyers|travell?ers))")
_BAD_REVIEW = (r"(?:(?:bad|negative|terrible|horrible|awful|scathing|poor|nasty|harsh|brutal|damning|"
               r"low|lousy|angry|critical)\s+(?:\w+\s+){0,2}?(?:reviews?|reveiws?|reviw|ratings?|"
               r"feedback|write-?ups?|testimonials?|comments?|posts?)|(?:1|one|zero|0|no|a\s+single|single|minus\s+\w+)"
               r"[\s-]*stars?(?:\s+(?:reviews?|ratings?))?|1\s*/\s*(?:5|10)|one\s+out\s+of\s+(?:five|ten))")
_REVIEW = r"(?:reviews?|reveiws?|reviw|ratings?|testimonials?)"
# "I gave it one star by accident": a slip to undo, no threat
_BY_MISTAKE = r"(?![^.!?\n]{0,30}\b(?:by\s+(?:accident|mistake)|accidentally|mistakenly|in\s+error)\b)"
# "I've removed my negative rating": a review taken back is no threat
_REVIEW_REMOVED = (r"\b(?:removed|deleted|took\s+down|taken\s+down|retracted|withdrew|withdrawn)\s+"
                   r"(?:my|our|the|that)\s+(?:\w+\s+)?(?:reviews?|ratings?)\b")
# who a public warning is for: "so other agencies know what to expect", "so other homeowners are warned"
_BUYERS = (r"(?:(?:would-?be|prospective|potential|future|small)\s+)?(?:customers|people|users|businesses|buyers|"
           r"agencies|clients|companies|firms|shoppers|consumers|travell?ers|passengers|guests|homeowners|tenants|renters|parents|"
           r"families|couples|brides|patients|freelancers|developers|studios|shops|landlords|drivers|owners)")

_LEAVE_VERB = (r"(?:cancel\w*|leav(?:e|ing)(?!\s+(?:a|an|my|the|you|u|1|one|bad|negative|reviews?|"
               r"feedback|it|this|that|comments?)\b)|switch\w*|clos\w*\s+(?:my|our|the)\s+"
               r"(?:account|subscription)|terminat\w*|stop\s+(?:using|paying|buying|ordering|flying|"
               r"working\s+with)|quit\w*|walk\w*\s+away|go\s+elsewhere|going\s+elsewhere|"
               r"tak\w*\s+(?:my|our)\s+business|find\w*\s+(?:someone|somebody|another|a\s+new|a\s+"
               r"different)|(?:get|getting|bring|bringing|call|calling|hir\w*)\s+(?:someone|somebody|another\s+\w+|a\s+different\s+\w+)\s+"
               r"(?:else\s+)?in\b|hir\w*\s+(?:someone|somebody)\s+else|mov\w*\s+(?:on|elsewhere|to\s+(?:a|another))|unsubscrib\w*|end\s+(?:my|"
               r"our|the)\s+(?:contract|subscription|relationship|membership|account)|pull\s+(?:my|"
               r"our)\s+(?:account|business|contract)|uninstall\w*|delet\w*\s+(?:my\s+account|the\s+app|your\s+app|it))")

# A competitor named as the destination: "@Delta", a URL, or a capitalised name that is not
# one of the vendor's own plan names ("switching to Pro" is an upgrade, not a threat).
_NAMED = (r"(?:@\w+|https?://\S+|(?-i:(?!(?:Pro|Premium|Plus|Business|Enterprise|Annual|Monthly|Yearly|"
          r"Team|Teams|Basic|Free|Standard|Lifetime|Version|The|This|That|My|Our|Your|Settings|Dark|Light|"
          r"I|A|An|It|V\d)\b)[A-Z][\w.+-]*))")

# "if ..." that complains ("isn't fixed", "keep charging", "happens again"), unlike "if possible".
_COMPLAINT_IF = (r"(?=[^.!?\n]{0,80}?\b(?:not|no|never|again|more|keep\w*|continu\w*|still|fail\w*|refus\w*|"
                 r"ignor\w*|\w+n['’]t|(?:do|does|did|is|are|was|were|has|have|had|would|could|should|wo|ca|ai)nt)\b)")
# words between "I will" and "cancel", but not a wish ("I'd like to cancel" is a polite request)
_GAP_NO_WISH = (r"(?:(?!(?:like|love|wish|want|prefer|need|please|help|how|would|could|might|may|should|"
                r"can)\b)\w+\s+){0,3}?")

_DEADLINE = (r"(?:by|before|until|till|within|in\s+the\s+next|no\s+later\s+than|not\s+later\s+than)"
             r"\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:day|week|month|business(?:\s+day)?|today|"
             r"tomorrow)|eod|cob|eow|close\s+of\s+business|tomorrow(?:\s+(?:morning|night|evening))?|"
             r"tonight|today|noon|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
             r"this\s+(?:afternoon|evening|week)|(?:\d+|one|two|three|four|five|six|seven|ten|fourteen|"
             r"thirty|a|an|a\s+few|twenty[\s-]?four|forty[\s-]?eight|seventy[\s-]?two)\s+(?:more\s+)?"
             r"(?:business\s+|working\s+|calendar\s+)?(?:hours?|days?|weeks?|hrs?|minutes?|mins?)\b|"
             r"\d{1,2}(?::\d\d)?\s*(?:am|pm|o['’]?clock))")

_FWORD = (r"(?:f+u+c+k+\w*|f+u+k+(?:ing?|in|ed|er|ers|s)?\b|fuq\w*|fcuk\w*|fck\w*|fk(?:ing|in|n)?\b|"
          r"phuck\w*|f[u*#@]{1,2}[c*#@]{1,2}[k*#@]\w*|f[*#@$%!]{2,4}(?:k\w*|ing|in)?|"
          r"f[*'’-](?:ing|in|ed|k\w*|ck\w*)\b|effing|eff\s+(?:you|off)|motherf\w*|mofo|stfu|gtfo)")
_INSULT = (r"(?:idiots?|idiotic|morons?|moronic|imbeciles?|retard\w*|dumb\s*ass\w*|dumb-?fucks?|"
           r"jackass\w*|ass\s*holes?|a[*$@]{2}\s*holes?|a\*+hole|arse\s*holes?|ass\s*hats?|"
           r"dick\s*heads?|dip\s*shits?|shit\s*heads?|bastards?|bitch\w*|b[*#]tch\w*|cunts?|c[*#]nt|"
           r"twats?|wankers?|pricks?|scum\s*bags?|douche\w*|cretins?|half\s*wits?|nit\s*wits?|"
           r"numpt(?:y|ies)|muppets?|bums|jerks?(?<!knee-jerk)(?<!knee\sjerk)|scumbags?|pussy|pussies|"
           r"tossers?|dipsticks?|sleaze\s*bags?|buffoons?|parasites|leeches|vultures|con\s+artists?|thugs|"
           r"shitbags?|fuckwits?|dumbf\w+|prats?|plonkers?|pillocks?|knob\s*heads?|tosspots?|numb\s*skulls?|bell\s*ends?)")
_WEAK_INSULT = (r"(?:stupidest|dumbest|laziest|stupid|dumb|incompetent|clueless|brainless|pathetic|useless|"
                r"worthless|lazy|"
                r"clowns?|crooks?|thie(?:f|ves)|thieving|liars?|losers?|scammers?|frauds?|amateurs?|cheats?|greedy|"
                r"jokers?|brain\s*-?dead|a\s+joke|a\s+disgrace|a\s+bunch\s+of\s+(?:idiots|clowns|morons|amateurs|crooks|"
                r"thieves|liars|losers|incompetents?)|suc?ks?|suck(?:ed|ing)?)")
_TARGET = (r"(?:you|u|ya|y['’]?all|you\s+guys|you\s+people|you\s+lot|your\s+(?:\w+\s+)?(?:staff|team|"
           r"agents?|people|employees|company|support|devs?|developers?|reps?|representatives?|"
           r"supervisors?|managers?|ceo|crew|pilots?|captain|workers|guys|airline|(?:flight\s+)?attendants|"
           r"technicians?|engineers?|operators?|moderators?|admins?|owners?|founders?|"
           r"customer\s+service|management|service|firm|business|cashiers?|clerks?|drivers?)|"
           r"ur\s+(?:\w+\s+)?(?:staff|team|agents?|people|employees|company|support|supervisors?|"
           r"managers?|service|airline|crew)|(?:this|that|the)\s+(?:airline|company|business|"
           r"team|crew|captain|pilot|agent|clerk|cashier|staff|manager|supervisor|developer|dev)|"
           r"airline|customer\s+service|management|@\w+)")

# A payment tied to a milestone the contract names is no stall: "we'll pay once the site is live, as agreed".
_AS_AGREED = (r"\b(?:as\s+agreed|as\s+per\s+(?:the|our)|per\s+(?:the|our)\s+(?:contract|agreement)|as\s+discussed|"
              r"as\s+planned|as\s+in\s+the\s+contract|according\s+to\s+(?:the|our)\s+(?:contract|agreement|schedule))\b")

# the message is about money owed (searched in the text and the subject line)
_ABOUT_PAYING = (r"\b(?:pay|paid|payment|invoice|bill|money|cash|funds|balance|overdue|outstanding|owed|cheque|"
                 r"remittance)\w*")
# ... and nothing says it has been paid: a stall over a payment already made is no stall
# A word of an amount or a reference between "paying" and "until": "invoice INV-1042", "#5531", "2026/118".
_PAY_TOKEN = r"(?:(?!(?:so|but|because|and\s+(?:i|we))\b)[\w$£€.,#/-]+\s+)"
# "invoice INV-1042", "the bill #5531", "invoice no. 2026-118", "INV-2087"
_INVOICE_REF = (r"(?:(?:the|this|that|our|your|my)\s+)?(?:(?:invoice|bill)\s*(?:no\.?\s*|number\s+|nr\.?\s*)?#?\s*"
                r"[a-z]{0,4}[-/#]?\d[\w/-]*|inv[-#]?\s*\d[\w/-]*)")

_PAID_ALREADY = (r"\b(?:payment|transfer|cheque|check|it|the\s+money)\s+(?:has\s+(?:just\s+|already\s+)?been|was|"
                 r"went|is)\s+"
                 r"(?:sent|made|out|paid|processed|initiated|posted|on\s+(?:its|the)\s+way)\b|\b(?:we|i)\s*(?:['’]ve|\s+have)?\s+"
                 r"(?:just\s+|already\s+)?(?:paid|sent\s+(?:the\s+|your\s+)?payment|transferred|wired)\b")

# Insults and profanity count whatever the clause: no negation, question or hypothetical veto.
_ALWAYS: dict[str, object] = {"negatable": False, "question": False, "hypothetical": False}

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
    r"\b(?:problem|issue|bug|error)s?\s+(?:is|are|was|got|has\s+been)\s+(?:now\s+)?(?:fix|fixed|solved|resolved|sorted|gone)\b|"
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


# -- the rules -------------------------------------------------------------------------

RULE_TABLE: list[tuple[str, str, float, str, dict[str, object]]] = [
    # ------------------------------------------------------------------ review_threat
    ("review.intent_bad_review", "review_threat", 0.85,
     LEAD_AND + r"(?:leav|writ|post|giv|put|publish|submit|shar|drop|add|mak|do|rat|review|reveiw|"
            r"award|updat|chang|edit|lower|downgrad)\w*\s+" + _GAP5 + _BAD_REVIEW, {}),
    ("review.intent_public", "review_threat", 0.8,
     LEAD_AND + r"(?:post|shar|tweet|blog|writ|talk|tell|spread|put|publish|broadcast|expos|shout|"
            r"let|warn|report|complain|rant|inform|alert|contact|call|email|make\s+(?:sure|certain)"
            r")\w*(?:\s+(?:that|it|this|about\s+\w+|everything|my\s+(?:story|experience)|"
            r"up|the\s+(?:story|whole\s+(?:thing|experience|story)))){0,3}\s+(?:(?:on|to|with|across|all\s+over|in|out\s+to)\s+)?"
            + _PUBLIC + r"\b", {"positive": True}),
    ("review.intent_post_on_platform", "review_threat", 0.75,
     LEAD_AND + r"(?:post|shar|tweet|blog|publish|put|upload|broadcast|expos|rant|complain|writ)\w*\s+"
     + _GAP5 + r"(?:on|to|across|all\s+over|in)\s+" + _PLATFORM + r"\b", {"positive": True}),
    ("review.people_should_know", "review_threat", 0.7,
     r"\b(?:people|everyone|everybody|the\s+(?:world|public)|others|other\s+(?:customers|users|people)|"
     r"(?:future|potential|prospective|new)\s+(?:buyers|customers|users|clients|subscribers)|"
     r"(?:your\s+)?(?:customers|clients))\s+(?:need|needs|deserve|deserves|should|ought|have\s+a\s+right|"
     r"has\s+a\s+right|must)\s+(?:to\s+)?(?:know|hear|be\s+warned|be\s+told|be\s+aware)\s+(?:how|what|about|the\s+truth|"
     r"that)\b",
     {"positive": True}),
    ("review.you_get_bad_review", "review_threat", 0.8,
     r"\b(?:you|u|your\s+(?:\w+\s+)?(?:company|business|app|shop|store|firm|airline))\s*(?:['’]ll|\s+will|"
     r"\s+are|['’]re|\s+is|['’]s)?\s*(?:be\s+)?(?:getting|get|receiv\w*|earn\w*)\s+(?:\w+\s+){0,2}?"
     + _BAD_REVIEW + r"(?:\s+from\s+me)?", {}),
    ("review.enjoy_one_star", "review_threat", 0.8,
     r"\benjoy\s+(?:the|your|my)\s+(?:new\s+)?" + _BAD_REVIEW, {"negatable": False}),
    ("review.contact_media", "review_threat", 0.75,
     r"\b(?:conta\w*|call\w*|e-?mail\w*|reach\w*\s+out\s+to|alert\w*|notify\w*|tip\w*\s+off|"
     r"talk\w*\s+to|speak\w*\s+to|writ\w*\s+to|go(?:ing)?\s+to|tak\w*\s+(?:this|it)\s+to)\s+"
     + _NEWS + r"\b", {}),
    ("review.go_public", "review_threat", 0.75,
     r"\b(?:i|we)\b[^.!?\n]{0,25}?\bgo(?:ing)?\s+(?:public|to\s+the\s+(?:press|media|news|papers))\b",
     {}),
    ("review.bbb", "review_threat", 0.85,
     r"\b(?:bbb|better\s+business\s+(?:bureau|beureau|bureu))\b",
     {"near": r"\b(?:complain\w*|report\w*|fil(?:e|ed|ing)|contact\w*|lodg\w*|submit\w*|expect|"
              r"writ\w*|go(?:ing)?\s+to|escalat\w*|notif\w*|call\w*)"}),
    ("review.warn_others", "review_threat", 0.8,
     r"\bwarn(?:ing|ed|s)?\s+(?:all\s+|the\s+)?(?:(?:other|fellow|future|potential|prospective)\s+\w+|every\s*one|"
     r"every\s*body|people|others|anyone|the\s+(?:public|community|world)|users|customers|buyers|"
     r"consumers|travell?ers|passengers|shoppers|my\s+(?:friends|followers|family|network|readers|"
     r"subscribers))\b", {"not_before": r"\b(?:least|please|should|could|must|you)\s+$"}),
    ("review.everyone_will_know", "review_threat", 0.75,
     r"\b(?:every\s*one|every\s*body|the\s+(?:whole\s+)?(?:world|internet|public|town|city|industry|"
     r"community|neighbou?rhood)|all\s+(?:my|your)\s+(?:\w+\s+)?(?:friends|followers|customers|clients|"
     r"contacts)|your\s+(?:other|future)\s+(?:customers|clients)|(?:thousands|hundreds|millions|all)\s+of\s+"
     r"(?:my|our)\s+(?:\w+\s+)?(?:followers|readers|subscribers|friends|customers|clients|contacts)|"
     r"my\s+[\d,.]+k?\s+(?:\w+\s+)?(?:followers|readers|subscribers))(?:\s+(?:in|at|on|from)\s+"
     r"(?!(?:my|our|the)\s+(?:team|office|company|department|family|house)\b)[^.!?\n]{1,50}?)?\s*(?:will|is\s+going\s+to|"
     r"are\s+going\s+to|['’]ll|shall|gonna)\s+(?:\w+\s+)?"
     r"(?:know|hear|find\s+out|learn|see|read)\b", {}),
    ("review.reviews_coming", "review_threat", 0.8,
     _BAD_REVIEW + r"\s+(?:\w+\s+)?(?:are|is|will\s+be)\s+(?:coming|incoming|on\s+(?:its|their)\s+way|"
     r"heading\s+your\s+way|next|imminent)\b", {}),
    ("review.make_content", "review_threat", 0.75,
     LEAD_AND + r"(?:mak|creat|film|record|writ|publish|put|do|shoot)\w*\s+(?:out\s+)?(?:a|an)\s+(?:[\w-]+\s+)?"
     r"(?:video|vlog|tiktok|reel|thread|blog\s+post|post|article|story|expos[eé])\s+(?:about|on|exposing|"
     r"detailing|showing|warning)\b", {"positive": True}),
    ("review.you_will_see_my_review", "review_threat", 0.7,
     r"\bmy\s+(?:next\s+)?(?:[\w-]+\s+){0,3}?(?:reviews?|rating|tweet|post|video|blog\s+post|thread)\s+(?:\w+\s+)"
     r"{0,3}?(?:will|is\s+going\s+to)\s+(?:reflect|mention|describe|say|tell|show|be\s+about|cover|detail|"
     r"explain|not\s+be\s+(?:kind|pretty|positive|good|nice|favou?rable|flattering|glowing))\b|"
     r"\bwait\s+(?:un)?till?\s+(?:my\s+(?:\w+\s+)?(?:followers|readers|subscribers|friends|audience)|"
     r"every\s*(?:one|body)|people|the\s+(?:world|internet|public))\s+(?:see|sees|hear|hears|read|reads|find\s+out|"
     r"learn)\b|\b(?:you['’]?ll\s+see|you\s+will\s+see|when\s+you\s+see|wait\s+(?:un)?til\s+you\s+see|look\s+out\s+for)"
     r"\s+my\s+(?:[\w-]+\s+)?(?:reviews?|post|video|tweets?|thread|write-?up)\b", {"negatable": False}),
    ("review.already_posted", "review_threat", 0.75,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have|\s+had)?\s+(?:already\s+|also\s+|just\s+)*(?:written|wrote|"
     r"posted|blogged|tweeted|shared|complained|ranted|vented)\s+about\s+(?:this|it|you|your\s+\w+|my\s+experience|"
     r"how|what)\b[^.!?\n]{0,40}?\b(?:on|to|in)\s+" + _PLATFORM + r"\b", {"positive": True}),
    ("review.wont_be_pretty", "review_threat", 0.6,
     r"\b(?:it|that|this|mine)\s+(?:won['’]?t|will\s+not|isn['’]?t\s+going\s+to)\s+be\s+(?:pretty|kind|nice|"
     r"flattering|positive|glowing|favou?rable)\b",
     {"negatable": False, "near": r"\b(?:review\w*|rating|post\w*|tweet\w*|yelp|google|trustpilot|blog\w*)\b"}),
    ("review.rate_one_star", "review_threat", 0.75,
     r"\b(?:rate|review|give|giving|rating|reviewing|leave|leaving|put|putting|drop|dropping|"
     r"rated|reviewed|gave|given|left|dropped)\s+"
     r"(?:it|this|them|you|u|the\s+(?:app|product|extension|plugin|company|game|business|service)|"
     r"your\s+\w+)(?:\s+(?:on|at)\s+" + _PLATFORM + r")?(?:\s+|\s*[.:,;!-]+\s*)(?:at\s+|with\s+|as\s+|a\s+)?"
     r"(?:only\s+|just\s+)?(?:1|one|a\s+one|a\s+1|zero|0|no|"
     r"a\s+single)[\s-]*stars?\b" + _BY_MISTAKE,
     {"not_before": r"\b(?:someone|somebody|people|they|he|she|others|customers|users|reviewers|who|accidentally|"
                    r"mistakenly|had)\s+(?:\w+\s+)?$", "unless_text": _REVIEW_REMOVED}),
    # a bad review already posted: "I've left a 1-star review on Google", "we gave you one star"
    ("review.posted_bad_review", "review_threat", 0.8,
     PERF + r"(?:left|posted|written|wrote|given|gave|put\s+up|put|dropped|published|submitted|added|changed|updated|"
     r"lowered|downgraded)\s+(?:(?:you|u|them|it|this|your\s+\w+|my\s+(?:review|rating))\s+)?(?:to\s+|as\s+)?"
     r"(?:\w+\s+){0,3}?" + _BAD_REVIEW +
     r"(?![^.!?\n]{0,30}\b(?:for|of|on|about|to)\s+(?:the\s+|a\s+)?(?:other|previous|last|old|another|different)\b)"
     + _BY_MISTAKE, {"positive": True, "unless_text": _REVIEW_REMOVED}),
    # a review already up on a platform: "posted my review on Trustpilot last night", "my review is live on Google"
    ("review.posted_review_on_platform", "review_threat", 0.65,
     r"(?:" + PERF + r"|" + _SENTENCE_START + r"(?:just\s+|already\s+)?)(?:posted|put\s+up|put|left|published|wrote|"
     r"written|shared|submitted|added|dropped)\s+(?:my|our|a|an)\s+(?:[\w-]+\s+){0,2}?(?:review|rating|write-?up)\s+"
     r"(?:\w+\s+){0,2}?(?:on|to|at)\s+" + _PLATFORM + r"\b"
     r"(?![^.!?\n]{0,40}\b(?:as\s+(?:you\s+)?(?:asked|requested|suggested)|like\s+you\s+asked|has\s*n['’]?t\s+"
     r"(?:shown|appeared)|not\s+(?:showing|appearing)))|"
     r"\bmy\s+(?:[\w-]+\s+){0,2}?(?:reviews?|rating|write-?up|post|thread|video)\s+(?:is|['’]s|went|has\s+gone|goes)\s+"
     r"(?:now\s+|already\s+)?(?:up|live|online|out|published|posted|visible)\s+(?:now\s+)?(?:on|at|in)\s+"
     + _PLATFORM + r"\b",
     {"positive": True,
      "unless_text": r"\b(?:hope\s+(?:it|this|that)\s+helps|happy\s+to|glad|pleasure|enjoy\w*|great|excellent|"
                     r"well\s+done|keep\s+(?:it\s+)?up|as\s+promised|(?:4|5|four|five)[\s-]*stars?)\b"}),
    ("review.report_to_store", "review_threat", 0.6,
     r"\b(?:report|flag)\w*\s+(?:it|this|them|you|the\s+app|this\s+app|the\s+extension|this\s+extension|"
     r"your\s+app|(?:these|those|this|the)\s+\w+)\s+(?:to|in|on)\s+"
     r"(?:apple|google|microsoft|amazon|the\s+(?:app\s*|play\s*|chrome\s+web\s+|web\s+)?store|the\s+marketplace)\b",
     {}),
    ("review.boycott_hashtag", "review_threat", 0.75,
     r"#\s?(?:dont(?:fly|buy|use|shop|book|trust|go|ever)|donot|never(?!\w*again\b)|boycott|avoid|"
     r"stop(?:using|flying))\w{3,}|#(?:fly|use|try|go|book|buy)\w{2,}instead\b",
     {"negatable": False, "question": False}),
    ("review.be_sharing", "review_threat", 0.65,
     r"\b(?:i|we)\s*(?:['’]\s*ll|\s+will|['’]?\s*m|\s+am)\s+(?:definitely\s+|certainly\s+|surely\s+)?"
     r"(?:be\s+)?(?:sharing|posting|tweeting|blogging|spreading\s+the\s+word)\b"
     r"(?!\s+(?:the|my|a|an|some|more|those|these|them|it|any|logs?|screenshots?|details)\b)",
     {"positive": True}),
    ("review.spread_the_word", "review_threat", 0.6,
     r"\bspread(?:ing)?\s+the\s+word\b", {"positive": True}),
    ("review.review_on_my_channel", "review_threat", 0.65,
     r"\b(?:review|reviewing|writ(?:e|ing)\s+about|blog(?:ging)?\s+about|post(?:ing)?\s+about|"
     r"talk(?:ing)?\s+about|rant(?:ing)?\s+about|vlog(?:ging)?\s+about)\b[^.!?\n]{0,40}?\b(?:on|in)\s+"
     r"(?:my|our)\s+(?:blog|channel|podcast|vlog|newsletter|youtube|twitter|facebook|instagram|"
     r"tiktok|page|website|site|socials|column|show|stream)\b", {"positive": True}),
    ("review.honest_review", "review_threat", 0.45,
     LEAD + r"(?:leav|writ|post|giv|put|publish|submit|shar)\w*\s+(?:\w+\s+){0,3}?honest\s+"
            r"(?:reviews?|feedback|ratings?)\b", {"positive": True}),
    ("review.intent_review", "review_threat", 0.4,
     LEAD + r"(?:leav|writ|post|giv|put|publish|submit|updat|chang|edit)\w*\s+(?:\w+\s+){0,3}?"
     + _REVIEW + r"\b", {"positive": True}),

    ("review.done_public", "review_threat", 0.75,
     PERF + r"(?:posted|shared|tweeted|blogged|written|wrote|published|put|told|warned|informed|alerted|"
     r"emailed|messaged|complained\s+to)(?:\s+(?:this|it|that|everything|my\s+(?:story|experience|review)|"
     r"about\s+(?:this|it|you|your\s+\w+)|the\s+(?:story|whole\s+thing))){0,2}\s+(?:(?:on|to|with|across|all\s+over|"
     r"in|out\s+to)\s+)?" + _PUBLIC + r"\b", {"positive": True}),
    ("review.expect_to_see", "review_threat", 0.75,
     r"\b(?:expect\s+to|you['’]?ll|you\s+will|you\s+can|watch\s+(?:out\s+)?for\s+(?:it|this)|look\s+out\s+for\s+(?:it|this))"
     r"\s+(?:soon\s+)?(?:see|read|find)\s+(?:this|it|me|us|my\s+\w+|a\s+(?:post|review|thread|video)|all\s+of\s+this)\s+"
     r"(?:\w+\s+){0,2}?(?:on|in|all\s+over)\s+" + _PLATFORM + r"\b", {"positive": True}),
    ("review.platform_will_hear", "review_threat", 0.75,
     r"\b(?:the\s+)?(?:bbb|better\s+business\s+bureau|trustpilot|yelp|google|reddit|twitter|facebook|the\s+press|"
     r"the\s+media|the\s+news|my\s+(?:followers|readers|subscribers|audience|network))\s+(?:will|is\s+going\s+to|"
     r"are\s+going\s+to|['’]ll|shall|gonna)\s+(?:\w+\s+)?(?:hear|know|learn|find\s+out|read|love|enjoy)\s+"
     r"(?:about\s+)?(?:this|it|you|all\s+about|the\s+story|how)\b", {"positive": True}),
    ("review.reviews_will_reflect", "review_threat", 0.7,
     r"\b(?:my|your|the)\s+(?:next\s+)?(?:reviews?|ratings?|stars?|feedback)\s+(?:will|is\s+going\s+to|are\s+going\s+to|"
     r"shall)\s+(?:\w+\s+)?reflect\b|" + LEAD + r"(?:leav|writ|post|giv|put|publish|updat)\w*\s+(?:a|an|my|the)\s+"
     r"(?:\w+\s+)?(?:reviews?|ratings?)\s+(?:reflecting|that\s+reflects|accordingly|describing|detailing|"
     r"explaining|on\s+how)\b", {"positive": True}),
    ("review.nobody_i_know", "review_threat", 0.75,
     r"\bmake\s+(?:sure|certain)\s+(?:that\s+)?(?:no\s*one|nobody|none\s+of\s+my\s+\w+|no\s+friend\s+of\s+mine)\s+"
     r"(?:\w+\s+){0,3}?(?:ever\s+)?(?:uses?|buys?|hires?|flies|books?|shops?|orders?|works?|deals?|goes|trusts?|"
     r"recommends?)\b", {}),
    # a warning to other buyers in the imperative: "DO NOT FLY @USAirways", "never buy from them"
    ("review.do_not_buy", "review_threat", 0.7,
     _SENTENCE_START + r"\s*(?:please\s+)?(?:do\s+not|don['’]?t|dont|never\s+(?:ever\s+)?)\s+(?:ever\s+)?(?:fly|buy|"
     r"purchase|pay\s+for|use|trust|book|order|download|install|subscribe|believe|hire|deal\s+with|shop)\b"
     r"(?:\s+(?:with|from|at|on|to))?\s+(?:@\w+|this\b|these\b|it\b|them\b|their\b|him\b|her\b|any\b|anything\b|"
     r"(?-i:[A-Z][A-Za-z]+\b)|someone\b|a\s+(?:license|licence|subscription|plan)\b)",
     {"negatable": False, "positive": True, "question": False}),
    ("review.advise_everyone", "review_threat", 0.7,
     r"\b(?:i|we)\s+(?:would\s+|strongly\s+|highly\s+|really\s+)*(?:advise|recommend|urge|encourage|suggest|warn|beg|"
     r"tell)\s+(?:every\s*(?:one|body)|anyone|any\s*body|others|other\s+(?:users|customers|people|buyers)|people|"
     r"all\s+(?:users|customers|of\s+you)|you\s+all|y['’]?all)\s+(?:\w+\s+){0,3}?(?:to|not\s+to|against|who)\b",
     {"positive": True}),
    ("review.consider_this_a_warning", "review_threat", 0.55,
     r"\b(?:consider\s+(?:this|it)\s+(?:a|my|your)\s+(?:public\s+)?warning|(?:keeps?|stops?|saves?|prevents?)\s+"
     r"(?:any\s*one|any\s*body|others|someone|people|other\s+\w+)\s+(?:else\s+)?from\s+(?:falling|buying|making|"
     r"wasting|getting|paying|going\s+through)|you\s+have\s+been\s+warned|buyer\s+beware|caveat\s+emptor)\b",
     {"negatable": False, "positive": True}),
    ("review.sharing_on_platform", "review_threat", 0.7,
     r"\b(?:shar|post|tweet|blog|publish|spread|expos|broadcast|upload)\w*\s+(?:all\s+)?(?:this|it|that|these|the\s+"
     r"(?:story|video|photos?|pictures?|screenshots?|emails?|conversation|details)|my\s+(?:story|experience)|"
     r"everything)\s+(?:\w+\s+){0,2}?(?:on|to|across|all\s+over|with)\s+" + _PLATFORM + r"\b",
     {"positive": True, "not_before": r"\b(?:you|u|they|he|she|please|can|could|may)\s+(?:\w+\s+)?$"}),
    ("review.bring_attention", "review_threat", 0.7,
     r"\b(?:bring|brought|bringing|draw|drawing|call|calling)\s+(?:this|it|the)\s+(?:\w+\s+)?(?:to\s+the\s+attention\s+"
     r"of|to)\s+(?:the\s+)?(?:broader\s+|wider\s+|whole\s+|entire\s+)?(?:community|public|press|media|world|"
     r"industry|internet|users|customers|other\s+\w+|" + _PLATFORM + r")\b", {"positive": True}),
    ("review.regulator_would_care", "review_threat", 0.6,
     r"\b(?:maybe|perhaps|i\s+bet|i['’]m\s+sure)\s+(?:the\s+)?(?:@\w*bbb\w*|bbb|better\s+business\s+bureau|press|media|"
     r"news|reporters?|journalists?|" + _PLATFORM + r"|my\s+followers|every\s*one)\s+(?:\w+\s+){0,3}?(?:would|will|"
                                                    r"might)\s+"
     r"(?:\w+\s+)?(?:care|like|love|want|be\s+interested)\b", {"positive": True}),
    ("review.tell_everyone_you_see", "review_threat", 0.6,
     r"\btell\s+(?:every\s*(?:one|body)|all\s+(?:my\s+)?\w+)\s+(?:i|you|they|he|she)\s+(?:see|meet|know)\b",
     {"positive": True}),
    ("review.beware", "review_threat", 0.7,
     r"\b(?:(?:i|we)\s+(?:do\s+not|don['’]?t|dont)\s+recommend(?=\s*(?:[.!]|$|it\b|them\b|this\b|you\b))|"
     r"beware\s+(?:of\s+)?(?:this|these|them|their|the\s+\w+)|be\s+(?:very\s+)?careful\s+(?:with|of|and)\s+"
     r"(?:this|these|them|their|immediately|stop)|(?:i|we)\s+(?:do\s+not|don['’]?t|dont|would\s+not|wouldn['’]?t|"
     r"can['’]?t|cannot)\s+recommend\s+(?:this|these|them|it|upgrading|buying|using|paying|purchasing|the\s+\w+|"
     r"your\s+\w+|anyone|any\s*body|\w+ing\s+(?:with\s+)?(?:you|them|this|your\s+\w+)))\b", {"positive": True}),
    ("review.flagged_publicly", "review_threat", 0.75,
     r"\b(?:you['’]?ll|you\s+will|you['’]?re\s+going\s+to|you\s+are\s+going\s+to)\s+(?:be\s+)?(?:flagged|reported|"
     r"exposed|named|listed|known|called\s+out)(?:\s+and\s+\w+)?\s+(?:as\s+(?:a\s+)?\w+\s+)?"
     r"(?:on|in|across|to)\s+" + _PLATFORM + r"\b", {}),
    ("review.dont_want_this_public", "review_threat", 0.6,
     r"\byou\s+(?:don['’]?t|do\s+not)\s+want\s+(?:this|me\s+to\s+\w+\s+this|it)\s+(?:\w+\s+){0,2}?(?:here|public|"
     r"online|out\s+there|on\s+\w+)\b", {"negatable": False}),
    # "THE APP IS DEAD DON'T BUY IT", "Dont pay for the bot": an imperative anywhere, with no subject before it
    ("review.dont_buy_it", "review_threat", 0.7,
     r"\b(?:do\s+not|don['’]?t|dont)\s+(?:ever\s+)?(?:buy|pay|use|trust|download|install|purchase|hire|waste)\s+"
     r"(?:it|this|that|him|her|them|anything|from|for\s+(?:it|this|the|their|his)|the\s+\w+|their|his|your\s+(?:money|time))\b",
     {"negatable": False, "positive": True, "question": False,
      "not_before": r"\b(?:i|we|they|he|she|you|u|people|customers|users|who|that|which|probably|just|really|still|"
                    r"if|why|would|should|could|and\s+i|so\s+i)\s+$"}),
    ("review.my_blog_post", "review_threat", 0.65,
     r"\b(?:see|read|check\s+out|watch|look\s+(?:out\s+)?for)\s+my\s+(?:\w+\s+)?(?:blog|post|review|video|thread|"
     r"tweet|article|vlog|channel)\b|\bmy\s+(?:fb|facebook|twitter|insta(?:gram)?|blog|linkedin|reddit)\s+(?:post|"
     r"thread|tweet|story|video)\b|\b(?:great|good|nice|fine|perfect)\s+(?:story|material|content|headline)\s+for\s+"
     r"(?:the\s+)?(?:media|press|news|papers|my\s+blog|my\s+followers|the\s+internet)\b|\btell\w*\s+(?:the\s+)?"
     r"public\b", {"positive": True}),
    ("review.keep_posting", "review_threat", 0.7,
     LEAD + r"(?:keep|continue)\s+(?:on\s+)?(?:tweeting|posting|sharing|complaining|writing|blogging|telling)\b"
     r"[^.!?\n]{0,40}?\b(?:every\s*(?:one|body)|publicly|online|" + _PLATFORM + r")\b", {"positive": True}),
    ("review.news_hashtags", "review_threat", 0.6,
     r"#(?:cnn|abcnews|nbcnews|cbsnews|foxnews|msnbc|bbc\w*|nytimes|wsj|ap|reuters|news\w*)\b",
     {"negatable": False, "question": False}),
    ("review.goes_on_platform", "review_threat", 0.75,
     r"\b(?:this|it|that|all\s+(?:of\s+)?this|everything|(?:the|this|that)\s+(?:whole\s+)?(?:thread|story|conversation|email|"
     r"exchange|video|recording|chat))(?:\s+\w+)?\s*(?:goes|is\s+going|['’]s\s+going|will\s+go|ends?\s+up|ended\s+up|gets?\s+"
     r"posted|will\s+be\s+posted|is\s+getting\s+posted)\s+(?:up\s+)?(?:on|to|all\s+over)\s+" + _PLATFORM + r"\b",
     {"positive": True, "hypothetical": False}),
    ("review.my_review_is_ready", "review_threat", 0.7,
     r"\bmy\s+(?:\w+\s+)?(?:review|post|video|thread|blog\s+post|article|tweet)\s+(?:is\s+)?(?:already\s+)?(?:written|ready|"
     r"drafted|done|waiting|scheduled|queued)\b|\b(?:waiting|ready)\s+to\s+(?:hit\s+)?(?:publish|post|send\s+it\s+out)\b",
     {"positive": True}),
    ("review.writing_about_you", "review_threat", 0.65,
     r"\b(?:writing|recording|filming|drafting|making|preparing)\s+(?:a|an|my)\s+(?:[\w-]+\s+){0,2}?(?:post|review|video|"
     r"article|thread|blog|vlog|complaint|expos[eé])\s+(?:about|on|exposing)\s+(?:you|your|this|how|the\s+way)\b",
     {"positive": True, "question": False,
      "not_before": r"\b(?:you|they|he|she|someone|somebody|people)\s+(?:\w+\s+)?(?:are|is|were|was)\s+$"}),
    ("review.my_audience", "review_threat", 0.6,
     r"\b(?:i\s+have|i['’]?ve\s+got|we\s+have|my|our)\s+(?:over\s+|nearly\s+|almost\s+|about\s+)?(?:[\d,.]+\s*[km]?|thousands\s+of|"
     r"hundreds\s+of|tens\s+of\s+thousands\s+of)\s+(?:\w+\s+)?(?:followers|subscribers|readers|viewers|members|connections|"
     r"fans)\b", {"positive": True}),
    ("review.score_about_to_drop", "review_threat", 0.75,
     r"\byour\s+(?:\w+\s+)?(?:ratings?|score|reviews?|stars?|reputation)\s+(?:is|are|will\s+be)\s+(?:about|going)\s+to\s+"
     r"(?:drop|tank|plummet|take\s+a\s+(?:hit|dive)|fall|suffer|go\s+down)\b", {}),
    ("review.attention_it_deserves", "review_threat", 0.6,
     r"\b(?:gets?|get|receives?|given)\s+the\s+(?:public\s+)?(?:attention|exposure|publicity)\s+(?:it|this|they)\s+deserves?\b",
     {"positive": True}),
    ("review.thinking_of_review", "review_threat", 0.6,
     r"\b(?:thinking|considering)\s+(?:about|of)\s+(?:leaving|writing|posting|giving)\s+(?:a|an|my|you\s+a)\s+(?:\w+\s+)?"
     r"(?:review|rating)\s+(?:that|which|to)\s+(?:matches|reflects|describes|match|reflect)\b", {"positive": True}),
    ("review.gerund_bad_review", "review_threat", 0.8,
     _SENTENCE_START + r"\s*(?:leaving|giving|writing|posting|dropping|changing\s+my\s+(?:rating|review)\s+to|"
                       r"changed\s+my\s+"
     r"(?:rating|review|stars?)\s+to|updated\s+my\s+(?:rating|review)\s+to|downgraded\s+my\s+(?:rating|review)\s+to)\s+"
     r"(?:\w+\s+){0,3}?" + _BAD_REVIEW, {"positive": True}),
    ("review.gerund_public", "review_threat", 0.7,
     _SENTENCE_START + r"\s*(?:posting|sharing|tweeting|spreading|telling\s+everyone|blasting)\s+(?:this|it|"
                       r"my\s+story|the\s+word)?"
     r"\s*(?:everywhere|all\s+over|on\s+every|to\s+every|far\s+and\s+wide|on\s+" + _PLATFORM + r")\b",
     {"positive": True}),
    ("review.psa", "review_threat", 0.65,
     r"\b(?:psa|public\s+service\s+announcement|heads\s+up\s+(?:everyone|all|people|guys|folks)|warning\s+to\s+(?:all|everyone|"
     r"others|other\s+\w+|anyone))\b", {"negatable": False}),
    ("review.so_no_one_else", "review_threat", 0.6,
     r"\bso\s+(?:that\s+)?(?:no\s*one|nobody|none\s+of\s+you|others\s+don['’]?t)\s+(?:else\s+)?(?:gets?|has\s+to|falls?|loses?|makes?|"
     r"ends?\s+up|wastes?|goes)\b", {"negatable": False}),
    ("review.tagging_so_they_see", "review_threat", 0.7,
     r"\btag(?:ging|ged)?\s+@\w+\b[^.!?\n]{0,40}?\b(?:so|to|and)\s+(?:they|everyone|people|the\s+world|others)\s+(?:can\s+)?"
     r"(?:see|know|hear)\b", {"negatable": False}),
    ("review.so_others_aware", "review_threat", 0.6,
     r"\bso\s+(?:that\s+)?(?:others|other\s+" + _BUYERS + r"|people|peoples|everyone)\s+(?:are|is|"
     r"will\s+be|can\s+be|become)\s+(?:aware|warned|informed)\b|\bso\s+(?:that\s+)?(?:others|other\s+" + _BUYERS
     + r"|people|peoples|everyone)\s+(?:can\s+|will\s+)?(?:know|see|learn|find\s+out)\b", {"negatable": False}),
    ("review.drafted_review", "review_threat", 0.7,
     PERF + r"(?:drafted|written|prepared|wrote)\s+(?:a|an|my)\s+(?:\w+\s+){0,2}?(?:review|post|article|complaint|"
            r"blog\s+post)\b"
     r"[^.!?\n]{0,60}?\b(?:publish|post|share|submit|send)\w*\b", {"positive": True}),
    ("review.members_informed", "review_threat", 0.7,
     r"\b(?:our|my)\s+(?:\w+\s+)?(?:members|customers|clients|network|followers|readers|subscribers|community|association|"
     r"partners|peers|contacts)\s+(?:will|shall|are\s+going\s+to)\s+be\s+(?:\w+\s+)?(?:informed|told|made\s+aware|notified|"
     r"warned|updated)\s+(?:of|about|on)\b", {}),
    ("review.thousands_have_read", "review_threat", 0.7,
     r"\b(?:(?:a\s+few\s+)?(?:thousands?|hundreds?|dozens?)|[\d,.]+\s*k?|many|lots\s+of)\s+(?:of\s+)?(?:people|readers|followers|"
     r"users|viewers|customers)\s+(?:have\s+)?(?:already\s+)?(?:read|seen|watched|heard|shared|liked|retweeted)\s+(?:about\s+)?"
     r"(?:your|this|it|my\s+(?:post|review|story|video|thread))\b", {}),
    ("review.take_it_to_platform", "review_threat", 0.75,
     r"\btak\w*\s+(?:it|this|the\s+matter|my\s+complaint|my\s+story)\s+(?:public\b|to\s+" + _PLATFORM + r"\b)",
     {"positive": True}),
    ("review.anyone_considering", "review_threat", 0.7,
     r"\b(?:any\s*one|any\s*body|every\s*one|people|others)\s+(?:who\s+is\s+|who['’]?s\s+)?(?:considering|thinking\s+(?:of|about)|"
     r"planning\s+(?:on|to)|looking\s+(?:at|to)|about\s+to)\s+(?:buy\w*|us\w*|purchas\w*|subscrib\w*|hir\w*|sign\w*\s+up)\b",
     {"positive": True}),
    ("review.updating_review", "review_threat", 0.7,
     LEAD + r"(?:updat\w*|chang\w*|edit\w*|lower\w*|downgrad\w*|revis\w*)\s+(?:my|the|"
            r"our)\s+(?:\w+\s+){0,2}?(?:reviews?|ratings?)"
     r"\b[^.!?\n]{0,20}?\b(?:to\s+reflect|accordingly|to\s+match|to\s+one|to\s+1|down)\b", {"positive": True}),
    ("review.polite_public", "review_threat", 0.65,
     r"\b(?:privately|quietly|between\s+us|directly)\s+(?:rather\s+than|instead\s+of|before\s+(?:going|taking\s+(?:it|this)))\s+"
     r"(?:publicly|in\s+public|online|public)\b|\b(?:our|my)\s+(?:\w+\s+)?(?:review|post|rating|write-?up|tweet)\s+(?:had|would\s+have|"
     r"will\s+have|has)\s+to\s+(?:mention|include|reflect|describe|cover)\b|\b(?:your\s+)?(?:other|future|potential)\s+"
     r"(?:customers|clients|users|buyers)\s+(?:would|will|might)\s+be\s+(?:very\s+)?(?:interested|curious|keen|fascinated)\s+to\s+"
     r"(?:hear|know|learn|read|see)\b", {"negatable": False}),
    # warnings addressed to other buyers, as in a public review: "Stay far away", "don't waste your money"
    ("review.warn_imperative", "review_threat", 0.7,
     r"(?:^|(?<=[.!?\n:;])|\b(?:but|so|just|and|please)\s)\s*(?:stay\s+(?:far\s+(?:,?\s*far\s+)?|well\s+|"
     r"the\s+hell\s+)?away(?=\s*(?:[.!,;]|$|from\s+(?:this|these|those|them|him|her|it|that|their)\b))|"
     r"avoid\s+(?:this\s+\w+|these\s+\w+|them|him|her|paying\s+(?:the|this|them|him|her)|buying\s+(?:from|this|it)|"
     r"(?:it|them)\s+at\s+all\s+costs|at\s+all\s+costs)|do\s+not\s+buy\b|don['’]?t\s+buy\s+(?:it|this|from|their|"
     r"anything)|do\s+not\s+waste\s+your\s+(?:money|time)|don['’]?t\s+waste\s+your\s+(?:money|time)|"
     r"save\s+your\s+(?:money|time)\s+and|buyer\s+beware)\b", {"positive": True}),
    ("review.everyone_should_avoid", "review_threat", 0.75,
     r"\b(?:every\s*(?:one|body)|people|users|others|other\s+(?:users|customers|people)|you\s+all|y['’]?all|"
     r"anyone)\s+(?:else\s+)?(?:should|must|needs?\s+to|ought\s+to|better)\s+(?:really\s+|just\s+|definitely\s+)?"
     r"(?:uninstall|avoid|stay\s+away|delete|boycott|stop\s+using|steer\s+clear|run|unsubscribe|be\s+warned)\b",
     {"positive": True}),
    ("review.get_vocal", "review_threat", 0.7,
     r"(?:" + LEAD + r"|\btime\s+to\s+)(?:(?:get|getting|go|going|be|become)\s+(?:very\s+|really\s+)?(?:vocal|loud|"
     r"public)|make\s+(?:some\s+)?noise|writ\w*\s+(?:all\s+)?(?:this|it|everything)\s+up)\b", {"positive": True}),

    # ------------------------------------------------------------------- legal_threat
    ("legal.intent_lawyer", "legal_threat", 0.9,
     LEAD_PERF_AND + r"(?:reach\w*\s+out|contact|call|get|hire|involv|consult|speak|talk|"
            r"retain|seek|forward|pass|hand|send|"
            r"refer|escalat|bring|see|instruct|engag|tak|loop|cc|copy|get\s+in\s+touch)\w*"
            r"(?:\s+(?:in|with|to|this|it|(?:this|the|that)\s+(?:matter|issue|case|dispute)|everything|on|over|"
            r"along)){0,3}\s+"
            r"(?:(?:my|our|a|an|the)\s+)?(?:own\s+)?(?:\w+\s+)?" + _LAWYER + r"\b"
            r"(?!\s+(?:for|to|about|regarding|on)\s+(?:(?:the|this|your|a)\s+)?(?:review|approv\w*|sign\w*|"
            r"look|check|vet\w*|contract|agreement|nda|terms|paperwork|draft|proposal)\b)", {}),
    ("legal.lawyer_up", "legal_threat", 0.8, r"\blawyer(?:ing)?\s+up\b", {}),
    ("legal.lawyer_will_contact", "legal_threat", 0.9,
     r"\b(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\s+(?:will|['’]ll|shall|is\s+going\s+to|are\s+going\s+to|"
     r"is\s+gonna|are\s+gonna|would)\s+(?:be\s+)?(?:\w+\s+)?(?:in\s+touch|in\s+contact|contact(?:ing)?\s+"
     r"(?:you|your)|reach(?:ing)?\s+out|call(?:ing)?\s+you|writ(?:e|ing)\s+(?:to\s+)?you|send(?:ing)?\s+"
     r"you|follow(?:ing)?\s+up\s+with\s+you|deal(?:ing)?\s+with\s+(?:you|this|it)|handl(?:e|ing)\s+"
     r"(?:this|it|the\s+matter)|tak(?:e|ing)\s+(?:it|this|the\s+matter|over|action)|"
     r"fil(?:e|ing)\s+(?:a|the)\s+\w+)", {"positive": True}),
    ("legal.lawyer_copied", "legal_threat", 0.85,
     r"\b(?:cc['’]?d?|cc['’]?ing|copied|copying|looped\s+in|looping\s+in|forwarded\s+(?:this|it)\s+to)"
     r"\s+(?:in\s+)?(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\b", {}),
    ("legal.hear_from_lawyer", "legal_threat", 0.9,
     r"\bhear(?:ing)?\s+from\s+(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\b(?!\s+(?:about|regarding|on|re|"
                                                                     r"with)\s+(?:the\s+)?"
     r"(?:\w+\s+)?(?:contract|agreement|nda|terms|renewal|paperwork|draft|proposal|signature))",
     {"not_before": r"\b(?:said|says|mentioned|told\s+(?:me|us))\s+(?:that\s+)?(?:you|u)\s*(?:['’]d|['’]ll|would|"
                    r"will)?\s*$"}),
    ("legal.working_with_lawyer", "legal_threat", 0.55,
     r"\b(?:i|we)\s*(?:['’]?\s*m|\s+am|\s+are|['’]\s*re|['’]\s*ve|\s+have|\s+had)?\s+"
     r"(?:(?:already|now|currently|been|also)\s+){0,2}(?:working|talking|speaking|consulting|consulted|"
     r"talked|spoken|spoke|contacted|contacting|in\s+touch|in\s+contact|meeting)\s+(?:with\s+|to\s+)?"
     r"(?:(?:my|our|a|an)\s+)(?:own\s+)?" + _LAWYER + r"\b", {}),
    ("legal.lawyer_about_this", "legal_threat", 0.8,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have|\s+had)?\s+(?:(?:already|now|also|just)\s+){0,2}(?:spoken|spoke|talked|"
     r"consulted|contacted|been\s+in\s+touch\s+with|gone\s+to|instructed|engaged|retained)\s+(?:to\s+|with\s+)?(?:my|our|a|an)\s+"
     r"(?:own\s+)?" + _LAWYER + r"\s+(?:about|regarding|over|on)\s+(?:this|it|the\s+(?:matter|issue|situation|charge|"
     r"refund|problem)|your|what)\b", {}),
    ("legal.next_step", "legal_threat", 0.8,
     r"\b(?:next\s+steps?|only\s+(?:option|choice|recourse|way\s+forward)|last\s+resort)\s+(?:left\s+)?(?:is|will\s+be|"
     r"would\s+be|are|[:\-–]|=)\s*(?:to\s+)?(?:\w+\s+){0,3}?(?:legal|lawyers?|attorneys?|court|law\s*suit|charge\s*-?\s*back|"
     r"small\s+claims|sue|my\s+bank|dispute|regulators?)", {}),
    ("legal.formal_notice", "legal_threat", 0.6,
     r"\b(?:formal\s+(?:notice|demand)|letter\s+before\s+action|notice\s+of\s+(?:intent|claim)|"
     r"demand\s+letter|cease\s+and\s+desist|(?:my|our)\s+intent(?:ion)?\s+to\s+(?:pursue|file|sue|take|seek|"
     r"claim|start|bring))\b", {}),
    ("legal.police_on_you", "legal_threat", 0.85,
     r"\b(?:report\w*|call\w*\s+the\s+police\s+on)\s+(?:you|u|your\s+(?:\w+\s+)?(?:company|business|staff|"
     r"shop|store|driver|technician|employees?))(?:\s+to\s+the\s+(?:police|cops|authorities))?\b",
     {"near": r"\b(?:police|cops)\b"}),
    ("legal.sue", "legal_threat", 0.85,
     r"\b(?:sue|suing|sueing)\s+(?:you|u|ya|y['’]?all|your\s+(?:\w+\s+)?(?:company|business|firm|"
     r"ass|asses|pants)|the\s+(?:company|business|firm)|them|the\s+pants|every\s*one|the\s+hell)\b",
     {}),
    ("legal.intent_sue", "legal_threat", 0.9, INTENT + r"sue\b", {}),
    ("legal.you_will_be_sued", "legal_threat", 0.85,
     r"\b(?:you|u|your\s+company)\s*(?:will|['’]ll|are\s+going\s+to|['’]re\s+going\s+to|gonna|could|"
     r"may|might)\s+(?:\w+\s+)?(?:be|get)\s+sued\b|\b(?:before|or|otherwise|unless)\s+(?:you|u|your\s+company)\s+"
     r"(?:get|are|is)\s+sued\b", {}),
    ("legal.intent_action", "legal_threat", 0.9,
     LEAD_AND + r"(?:fil|issu|tak|start|bring|pursu|initiat|launch|consider|seek|explor|proceed|go|begin|"
            r"commenc|open|escalat|resort|join|submit|lodg|look)\w*\s+(?:\w+\s+){0,4}?"
     + _LEGAL_ACTION + r"\b", {}),
    ("legal.action_against_you", "legal_threat", 0.85,
     _LEGAL_ACTION + r"\s+against\s+(?:you|u|your|the\s+company|this\s+company)\b", {}),
    ("legal.action_will_follow", "legal_threat", 0.85,
     _LEGAL_ACTION + r"\s+(?:will|shall)\s+(?:be\s+)?(?:follow|taken|pursued|initiated|commenced|"
     r"started|filed|next)\b", {}),
    ("legal.take_to_court", "legal_threat", 0.9,
     r"\b(?:tak\w*|drag\w*|bring\w*)\s+(?:you|u|this|it|the\s+matter|them|your\s+(?:\w+\s+)?company)\s+"
     r"to\s+(?:court|small[\s-]+claims(?:\s+court)?|(?:a|the)\s+tribunal|arbitration)\b",
     {"not_before": r"\b(?:they|he|she|it|[A-Z]\w+|people|someone|companies|customers)\s+(?:\w+\s+){0,4}?$"}),
    ("legal.see_you_in_court", "legal_threat", 0.95,
     r"\bsee\s+(?:you|u|y['’]?all)\s+in\s+(?:small[\s-]+claims\s+)?court\b", {}),
    ("legal.breach", "legal_threat", 0.5,
     r"\b(?:breach(?:ed|ing)?\s+(?:of\s+)?(?:the\s+|our\s+|my\s+)?(?:contract|agreement|warranty)|"
     r"(?:false|deceptive|misleading)\s+advertising|consumer\s+(?:protection\s+)?(?:law|rights|act))\b", {}),
    ("legal.legal_options", "legal_threat", 0.7,
     r"\b(?:consider\w*|explor\w*|weigh\w*|review\w*|look\w*\s+into|reserv\w*|pursu\w*)\s+"
     r"(?:all\s+)?(?:my|our|the)\s+(?:legal\s+(?:options|rights|remedies|avenues)|rights\s+to\s+"
     r"(?:legal|take))", {}),
    ("legal.regulator", "legal_threat", 0.85,
     ANY_AND + r"(?:report|complain|fil|escalat|lodg|tak|"
     r"rais|submit|contact|notif|inform|alert|go|writ|forward|send|refer)\w*\s+"
     r"(?:[^.!?\n]{0,50}?\s)?(?:(?:to|with|at)\s+)?(?:the\s+)?(?:\w+\s+){0,3}?" + _REGULATOR + r"\b",
     {}),
    # A data-protection right invoked as law: a formal legal step with a deadline the company must meet
    # ("under GDPR, delete my data", "this is a subject access request", "my right to erasure").
    ("legal.data_protection_right", "legal_threat", 0.8,
     r"\b(?:under|per|pursuant\s+to|in\s+line\s+with|according\s+to|as\s+required\s+by|as\s+is\s+my\s+right\s+under)\s+"
     r"(?:the\s+)?(?:uk\s+|eu\s+)?(?:gdpr|ccpa|cpra|data\s+protection\s+(?:law|act|legislation|regulations?)|article\s+1[57]"
     r"(?:\s+(?:of\s+the\s+)?gdpr)?)\b(?=[^.!?\n]{0,80}\b(?:delet|eras|remov|wip|access|cop(?:y|ies)|send|provid|give"
     r"|disclos|export|stop\s+process|every\w*\s+you\s+hold|all\s+(?:the\s+)?(?:data|information)))"
     r"|\b(?:this\s+is\s+a|i\s+am\s+making\s+a|i'm\s+making\s+a|please\s+treat\s+this\s+(?:email\s+)?as\s+a"
     r"|formal|my)\s+(?:formal\s+)?(?:data\s+)?subject\s+access\s+request\b"
     r"|\b(?:exercis\w+|invok\w+|using)\s+(?:my|our)\s+right\s+to\s+(?:erasure|be\s+forgotten|access|data\s+portability)\b"
     r"|\b(?:my|our)\s+(?:gdpr|ccpa|legal)\s+right\s+to\s+(?:erasure|be\s+forgotten|have\s+(?:my|our)\s+data\s+deleted)\b",
     {}),
    # The law named beside a request for one's data, in either order ("delete all my data under GDPR",
    # "send me everything you have on me. CCPA. then delete it all").
    ("legal.data_protection_named", "legal_threat", 0.75,
     r"\b(?:gdpr|ccpa|cpra|data\s+protection\s+act)\b(?!\s+(?:compliant|compliance|policy|training|audit))",
     {"near": r"\b(?:delete|erase|remove|wipe)\s+(?:all\s+)?(?:(?:of\s+)?(?:my|our)\s+(?:\w+\s+)?"
              r"(?:data|details|information|records|account)|it\s+all|everything)\b|\b(?:everything|all\s+(?:the\s+)?(?:data|information))\s+(?:that\s+)?"
              r"you\s+(?:have|hold|keep|store)\s+(?:on|about)\s+(?:me|us)\b|\bcopy\s+of\s+(?:all\s+)?(?:my|our)\s+"
              r"(?:personal\s+)?(?:data|information)\b", "near_text": True}),
    ("legal.complaint_with_regulator", "legal_threat", 0.75,
     r"\b(?:complaint|report|case|claim)\s+(?:\w+\s+){0,3}?(?:with|to)\s+(?:the\s+)?(?:\w+\s+){0,2}?"
     + _REGULATOR + r"\b", {}),
    ("legal.intent_chargeback", "legal_threat", 0.9,
     ANY_AND + r"(?:(?:fil|do|open|initiat|issu|rais|request|start|"
     r"submit|process|go\s+for|proceed\s+with|put\s+in|mak|lodg|pursu|seek|get|call\s+for)\w*\s+"
     r"(?:\w+\s+){0,3}?)?(?:charge\s*-?\s*backs?|chargebacks?)\b", {}),
    ("legal.intent_dispute", "legal_threat", 0.85,
     LEAD_AND + r"(?:(?:disput|contest)\w*\s+(?:\w+\s+){0,4}?(?:charges?|"
     r"transactions?|payments?|bills?|invoices?|purchases?|it|this|that|them)\b|(?:disput|contest|revers|"
     r"report|flag)\w*\s+[^.!?\n]{0,40}?\b(?:with|through|via|to)\s+" + _PAYMENT_CO + r"\b)", {}),
    ("legal.bank_reverse", "legal_threat", 0.8,
     LEAD_AND + r"(?:call|contact|ask|get|have|tell|phone|instruct|go\s+to)\w*\s+" + _PAYMENT_CO
     + r"\s+(?:to\s+|and\s+(?:have\s+(?:them|it)\s+|get\s+(?:them|it)\s+to\s+)?)?(?:reverse|dispute|"
     r"claw\s+back|charge\s*-?\s*back|recall|refund|pull|take\s+back)\w*", {}),
    ("legal.dispute_with_bank", "legal_threat", 0.8,
     r"\bdisput\w*\s+(?:[^.!?\n]{0,40}?\s)?(?:with|through|via|by|to)\s+" + _PAYMENT_CO + r"\b", {}),
    ("legal.bank_opened_dispute", "legal_threat", 0.8,
     r"\b(?:bank|card\s+issuer|credit\s+card\s+company|paypal|visa|mastercard|amex|card\s+company)\b"
     r"[^.!?\n]{0,60}?\b(?:opened|filed|started|initiated|raised|processing|investigating|rejected|"
     r"denied|reviewing|handling|declined|approved)\b[^.!?\n]{0,25}?\b(?:dispute|charge\s*-?\s*back|"
     r"fraud\s+(?:claim|case|report|investigation)|investigation)\b"
     r"(?![^.!?\n]{0,25}\bautomatic)|"   # a fraud filter acting by itself is no threat
     r"\b(?:my|our)\s+(?:bank|card\s+issuer|credit\s+card\s+company|card\s+company|paypal)\s+"
     r"(?:is|are|has|have)\s+(?:now\s+|already\s+)?(?:investigating|reversing|disputing|reversed|disputed|blocked|"
     r"blocking|recalling|recalled)\s+(?:the|this|that|your|my)\s+(?:charges?|transactions?|payments?)\b", {}),
    ("legal.filed_dispute_with", "legal_threat", 0.85,
     r"(?:" + INTENT + r"|" + PROG + r"|" + PERF + r")(?:opened|open|filed|file|started|start|"
     r"initiated|initiate|raised|raise|lodged|lodge|submitted|submit|made|make|put\s+in|do|did|"
     r"opening|filing|raising|lodging)\s+(?:a\s+|an\s+|the\s+|my\s+)?(?:\w+\s+){0,2}?(?:dispute|"
     r"charge\s*-?\s*back|fraud\s+claim|claim|complaint|case|refund(?:\s+\w+)?)\b"
     r"[^.!?\n]{0,60}?\b(?:with|through|via|at|on|to)\s+" + _PAYMENT_CO + r"\b", {}),
    ("legal.filed_provider_dispute", "legal_threat", 0.85,
     r"(?:" + INTENT + r"|" + PROG + r"|" + PERF + r")(?:opened|open|filed|file|started|start|initiated|"
     r"initiate|raised|raise|lodged|lodge|submitted|submit|made|make|put\s+in|opening|filing|raising)\s+"
     r"(?:a\s+|an\s+|the\s+)?(?:paypal|bank|card|credit\s+card|visa|mastercard|amex|stripe|klarna|"
     r"fraud)\s+(?:dispute|chargeback|claim|case|complaint)\b", {}),
    ("legal.disputed_by_bank", "legal_threat", 0.8,
     r"\b(?:is|was|has\s+been|being|will\s+be|been)\s+(?:\w+\s+)?(?:disputed|charged\s*back|reported\s+"
     r"as\s+fraud\w*)\s+(?:by|with|through)\s+" + _PAYMENT_CO + r"\b", {}),
    ("legal.report_fraud", "legal_threat", 0.75,
     r"\breport\w*\s+(?:this|it|the\s+(?:charge|transaction|payment)|you|them|your\s+company)\s+"
     r"(?:as\s+(?:fraud\w*|unauthori[sz]ed|a\s+scam|stolen)|to\s+(?:my|the)\s+(?:bank|card\s+issuer|"
     r"credit\s+card\s+company|fraud\s+(?:department|team)))\b", {}),
    ("legal.chargeback_mention", "legal_threat", 0.35,
     r"\bcharge\s*-?\s*backs?\b", {}),

    # a card or PayPal dispute announced or already filed: "finally opened a paypal dispute"
    ("legal.opened_dispute", "legal_threat", 0.8,
     r"\b(?:open|opened|opening|file|filed|filing|start|started|starting|raise|raised|raising|lodge|lodged|"
     r"lodging|submit|submitted|submitting|initiate|initiated|initiating|put\s+in|make|made|making)\s+"
     r"(?:a|an|the)?\s*(?:(?:paypal|pay\s*pal|card|credit\s+card|debit\s+card|bank|visa|amex|mastercard|"
     r"stripe|klarna)\s+)?(?:dispute|chargeback|charge[\s-]back|claim(?:ing)?(?:\s+process)?|case)\b",
     {"near": r"\b(?:paypal|pay\s*pal|bank|card|visa|amex|mastercard|stripe|klarna|chargeback|charge[\s-]back|"
              r"dispute)\b",
      # the bank or someone else opened it ("our bank flagged the charge and opened a dispute")
      "not_before": r"\b(?:bank|they|he|she|paypal|issuer|someone|somebody)\b(?![^.!?\n]*\b(?:i|we)\b)[^.!?\n]*$|"
                    r"\b(?:assumed|assumes|thinks?|thought|claims?|claimed|says?|said|accused\s+me\s+of|accuses)\s+(?:that\s+)?"
                    r"(?:i|we)\s+(?:\w+\s+)?$|\bwho\s+(?:\w+\s+)?$"}),
    ("legal.will_be_disputed", "legal_threat", 0.8,
     r"\b(?:charges?|payments?|transactions?|it|this|that|they|everything|each\s+one)\s+(?:will|shall|is\s+going\s+"
     r"to|are\s+going\s+to|have\s+been|has\s+been|was|were|are\s+being|is\s+being|will\s+all)\s+(?:be\s+)?"
     r"(?:all\s+)?(?:disputed|charged\s*back|reversed\s+(?:by|with|through)\s+(?:my|the|our)\s+(?:bank|card))\b"
     r"(?!\s+(?:only\s+)?(?:if|unless|should|in\s+case|when)\b)", {}),
    ("legal.then_dispute", "legal_threat", 0.8,
     r"\b(?:then|or\s+else|otherwise|else|after\s+that|or)\s*,?\s*(?:(?:it['’]?s|it\s+is|it\s+will\s+be)\s+)?(?:a\s+)?"
     r"(?:(?:paypal|card|credit\s+card|bank)\s+(?:dispute|chargeback|claim)|chargeback|charge[\s-]back|"
     r"law\s*suit|small\s+claims|court)\b(?!\s+(?:is|was|policy|process|fees?)\b)", {}),
    ("legal.in_court", "legal_threat", 0.8,
     r"\b(?:see|meet|laughing|laugh|explain\w*|prove|answer\s+for\s+(?:it|this)|settle\s+(?:it|this)|"
     r"deal\s+with\s+(?:it|this))\b[^.!?\n]{0,40}?\bin\s+(?:a\s+)?court\b|\btell\s+(?:it|that)\s+to\s+the\s+judge\b",
     {}),
    ("legal.had_to_dispute", "legal_threat", 0.75,
     r"(?=[iw])(?<!\w)(?:i|we)\s+(?:\w+\s+){0,3}?(?:had|have|needed|was\s+forced|were\s+forced)\s+to\s+"
     r"(?:\w+\s+){0,8}?(?:dispute|charge\s*back|chargeback)\b",
     {"near": r"\b(?:paypal|pay\s*pal|bank|card|visa|amex|mastercard|charges?|transactions?)\b"}),

    ("legal.contacted_bank", "legal_threat", 0.8,
     r"(?:" + LEAD + r"|" + PERF + r")(?:contact\w*|call\w*|email\w*|phon\w*|ask\w*|notif\w*|told|tell\w*|instruct\w*|"
     r"speak\w*\s+to|spoke\s+to|spoken\s+to|talk\w*\s+to|reach\w*\s+out\s+to|get\s+in\s+touch\s+with)\s+(?:with\s+)?"
     r"(?:my|our|the)\s+(?:bank|credit\s+card\s+company|card\s+(?:company|issuer|provider)|card\s+provider|paypal|"
     r"visa|amex|mastercard|card)\s+(?:\w+\s+){0,3}?(?:to|and|so\s+they\s+can)\s+(?:\w+\s+){0,2}?(?:dispute\w*|"
     r"revers\w*|stop\w*\s+(?:the\s+|my\s+|this\s+|your\s+|all\s+)?payments?|charge\s*back|chargeback|recall\w*|claw\w*|"
     r"report\w*\s+(?:\w+\s+){0,3}?(?:fraud\w*|unauthori[sz]ed|scam))\b", {}),
    ("legal.letter_from_lawyer", "legal_threat", 0.85,
     r"\b(?:expect|you['’]?ll\s+(?:get|receive|be\s+getting|be\s+receiving)|you\s+will\s+(?:get|receive|be\s+getting|"
     r"be\s+receiving))\s+(?:a|an|to\s+hear|to\s+receive\s+a|formal)\s+(?:\w+\s+)?(?:letter|call|e-?mail|notice|"
     r"papers|contact|from)\b[^.!?\n]{0,20}?\bfrom\s+(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\b", {}),
    ("legal.lawyer_is_copied", "legal_threat", 0.85,
     r"\b(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\s+(?:is|are|has\s+been|have\s+been|was|were)\s+(?:\w+\s+)?"
     r"(?:cc['’]?d|cced|copied|included|looped\s+in|in\s+copy|on\s+copy|in\s+cc|on\s+cc|on\s+this|informed)\b", {}),
    # a threat wrapped as reluctance: "I don't want to have to dispute the payment with PayPal, but ..."
    ("legal.reluctant", "legal_threat", 0.75,
     r"\b(?:don['’]?t|do\s+not|dont|(?:would|['’]d)\s+(?:hate|rather\s+not)|really\s+don['’]?t)\s+(?:want|wish|like)?\s*(?:to\s+)?"
     r"(?:have\s+to\s+)?(?:dispute|file\s+(?:a\s+)?(?:chargeback|dispute|claim|complaint|lawsuit)|open\s+a\s+(?:dispute|case|"
     r"claim)|charge\s*back|involve\s+(?:(?:my|a|our|the)\s+)?(?:\w+\s+)?" + _LAWYER + r"|take\s+(?:legal\s+action|"
                                                                                       r"this\s+(?:to|further)|"
     r"it\s+(?:to|further))|go\s+to\s+(?:court|small\s+claims)|get\s+(?:my|a|the)\s+(?:bank|lawyer|attorney)|"
     r"contact\s+(?:my|the)\s+(?:bank|card|credit\s+card|lawyer|attorney|paypal)|sue|report\s+(?:you|this))\b",
     {"negatable": False, "positive": True}),
    ("legal.money_back_via_provider", "legal_threat", 0.75,
     r"\b(?:got|get|getting|received|recovered|retrieved)\s+(?:my|our|the)\s+(?:money|funds|payment|refund)\s+back\s+"
     r"(?:\w+\s+){0,3}?(?:through|via|from|with\s+the\s+help\s+of|thanks\s+to)\s+(?:my\s+|the\s+|our\s+)?(?:bank|paypal|"
     r"pay\s*pal|card\s+(?:company|issuer)|credit\s+card\s+company|visa|amex|mastercard|stripe|chargeback)\b|"
     r"\b(?:thanks|thank\s+you)\s+(?:to\s+)?(?:paypal|my\s+bank|visa|amex|mastercard)\b[^.!?\n]{0,20}[.!]?\s*"
     r"(?:i|we)\s+got\s+(?:my|our|the)\s+(?:money|funds|refund)\s+back\b|\b(?:the\s+)?(?:bank|paypal|card\s+company)\s+"
     r"(?:has|have)\s+(?:\w+\s+)?(?:taken\s+action|refunded\s+me|reversed\s+(?:it|the\s+\w+)|sided\s+with\s+me)\b", {}),
    ("legal.informed_bank_fraud", "legal_threat", 0.75,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have|\s+had)?\s+(?:\w+\s+)?(?:informed|told|notified|alerted|warned)\s+"
     r"(?:my|our|the)\s+(?:bank|card\s+(?:company|issuer)|credit\s+card\s+company|paypal)\s+(?:\w+\s+){0,6}?(?:fraud\w*|"
     r"unauthori[sz]ed|scam|stolen|dispute\w*|charge\s*backs?)\b", {}),
    # "I am writing to formally dispute an incorrect charge" is a complaint to the vendor: weak alone
    ("legal.formally_dispute", "legal_threat", 0.3,
     r"\b(?:formally|officially)\s+(?:dispute|contest|challenge|object\s+to)\b", {}),
    ("legal.pursue_it", "legal_threat", 0.55,
     LEAD + r"(?:be\s+)?(?:pursu\w*|tak\w*)\s+(?:this|it|the\s+matter)\s*(?:further|legally|"
            r"through\s+the\s+(?:courts|proper\s+"
     r"channels))?(?=\s*(?:[.!,;]|$|further|legally))", {}),
    ("legal.provider_will_hear", "legal_threat", 0.8,
     r"\b(?:paypal|pay\s*pal|my\s+bank|the\s+bank|my\s+card\s+company|visa|amex|mastercard|my\s+(?:\w+\s+)?" + _LAWYER
     + r"|(?:the\s+)?(?:\w+\s+)?" + _REGULATOR + r")\s+(?:will|is\s+going\s+to|are\s+going\s+to|"
       r"['’]ll|shall)\s+(?:(?:definitely|certainly|soon|be)\s+){0,2}hear(?:ing)?\s+"
     r"(?:from|about)\s+(?:me|us|this|it)\b", {}),
    ("legal.reported_to_provider", "legal_threat", 0.8,
     r"\breport\w*\s+(?:it|this|the\s+\w+|you|them)?\s*(?:to\s+)(?:paypal|pay\s*pal|my\s+bank|the\s+bank|visa|amex|mastercard|"
     r"my\s+card\s+(?:company|issuer|provider)|my\s+credit\s+card\s+(?:company|provider))\s+(?:as\s+)?(?:an?\s+)?"
     r"(?:unauthori[sz]ed|fraud\w*|scam|stolen|not\s+received)", {}),
    ("legal.reserve_rights", "legal_threat", 0.7,
     r"\breserve\s+(?:the|our|my|all\s+(?:of\s+)?(?:our|my))\s+rights?\b(?:\s+to\s+(?:take|pursue|seek|commence|bring)\s+"
     r"(?:\w+\s+)?(?:legal|further|appropriate|formal)\s+(?:action|remedies|steps|proceedings|measures))?",
     {"near": r"\b(?:legal|court|damages|losses|claim|breach|action|remedies|proceedings)\b", "near_text": True}),
    ("legal.go_to_police_court", "legal_threat", 0.8,
     LEAD_AND + r"(?:go(?:ing)?\s+to\s+|report\s+(?:you|this|it)\s+to\s+|call\s+)?(?:the\s+)?(?:police|court|cops|"
            r"authorities|"
     r"small\s+claims(?:\s+court)?)(?:\s+and\s+(?:the\s+)?(?:police|court|cops|authorities))?"
     r"(?=\s*(?:[.!,;]|$|and\b|for\s+this|over\s+this|about\s+this|against\s+you|with\s+this))", {}),
    ("legal.bank_will_sort_it", "legal_threat", 0.7,
     r"(?:\b(?:my|our|the)\s+(?:bank|card\s+company|credit\s+card\s+company|card\s+issuer)|\bpaypal)"
     r"\s+(?:will|is\s+going\s+to|['’]ll)\s+(?:have\s+to\s+)?(?:sort\s+(?:this|it)\s+out|deal\s+with\s+(?:this|it|you)|handle\s+"
     r"(?:this|it)|resolve\s+(?:this|it)|take\s+care\s+of\s+(?:this|it)|get\s+involved)\b", {}),
    ("legal.contacted_about_unauthorized", "legal_threat", 0.8,
     r"(?:" + LEAD + r"|" + PERF + r")(?:contact\w*|call\w*|email\w*|told|tell\w*|notif\w*|talk\w*\s+to|"
                                   r"spok\w*\s+to|reach\w*\s+out\s+to)"
     r"\s+(?:my\s+|the\s+|our\s+)?(?:bank|stripe|paypal|pay\s*pal|visa|amex|mastercard|card\s+(?:company|issuer|provider)|"
     r"credit\s+card\s+(?:company|provider))\s+(?:about|regarding|over|re)\s+(?:these|the|this|those|your|my)\s+(?:\w+\s+)?"
     r"(?:unauthori[sz]ed|fraudulent|duplicate|illegal|bogus|unknown)\s+(?:charges?|transactions?|payments?|debits?)\b|"
     r"(?:" + LEAD + r"|" + PERF + r")(?:talk\w*|spok\w*|speak\w*)\s+(?:to|with)\s+(?:my|our|the)\s+(?:bank|"
                                   r"card\s+company|"
     r"credit\s+card\s+company)\s+about\s+(?:charg\w*\s+(?:it|this|that|them)\s+back|disput\w*|revers\w*|"
     r"a\s+chargeback)", {}),
    ("legal.becomes_legal_matter", "legal_threat", 0.7,
     r"\b(?:before|so\s+that|in\s+case|if)\s+(?:this|it|the\s+matter)\s+(?:becomes|turns\s+into|escalates\s+(?:in)?to|ends\s+up|goes|"
     r"gets)\s+(?:a\s+|in\s+|to\s+)?(?:legal\s+(?:matter|issue|dispute|case)|court|a\s+lawsuit|lawsuit|litigation|small\s+claims)\b|"
     r"\b(?:i|we)\s+(?:\w+\s+){0,4}?(?:have|had)\s+(?:good\s+|solid\s+|strong\s+)?(?:grounds|a\s+(?:strong\s+)?case|a\s+basis)\s+"
     r"for\s+(?:a\s+)?(?:legal\s+)?(?:claim|lawsuit|legal\s+action|complaint|suit|case)\b", {"negatable": False}),
    ("legal.gerund_report", "legal_threat", 0.8,
     _SENTENCE_START + r"\s*(?:reporting|reported|filing|filed|escalating|escalated|complaint\s+(?:lodged|filed|"
                       r"submitted))\s+"
     r"(?:(?:this|it|you|a\s+complaint)\s+)?(?:to|with)\s+(?:the\s+)?" + _REGULATOR + r"\b", {}),
    # the lawyer takes it from here: "or my lawyer handles it from here", "guess my attorney gets to sort you out"
    ("legal.lawyer_takes_over", "legal_threat", 0.8,
     r"\b(?:(?:or|otherwise|or\s+else|else|then|so|(?:i\s+)?guess|now|from\s+(?:here|now)(?:\s+on)?)\s*,?\s+)"
     r"(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\s+(?:can|gets?\s+to|will\s+get\s+to|handles?|deals?\s+with|takes?|"
     r"sorts?|is\s+handling|is\s+taking)\s+(?:(?:it|this|you|the\s+matter|things|over|out|it\s+over)\b|(?:deal|sort|"
     r"handle)\b)|"
     r"\b(?:my|our)\s+(?:\w+\s+)?" + _LAWYER + r"\s+(?:handles?|takes?|deals?\s+with|is\s+handling|is\s+taking)\s+"
     r"(?:it|this|the\s+matter|over|it\s+over)\s+from\s+(?:here|now)\b", {"positive": True}),
    # the customer's bank or card company has said it will take the money back
    ("legal.provider_can_reverse", "legal_threat", 0.75,
     r"\b(?:my|our)\s+(?:bank|card\s+(?:company|issuer|provider)|credit\s+card(?:\s+(?:company|issuer|provider))?|"
     r"paypal|visa|amex|mastercard)\s+(?:says?|said|told\s+(?:me|us)|tells\s+(?:me|us)|confirmed|has\s+confirmed|"
     r"assured\s+(?:me|us)|advised\s+(?:me|us))\s+(?:that\s+)?(?:they|it)\s*(?:can|could|will|would|['’]ll|['’]d|are\s+able\s+to)\s+"
     r"(?:\w+\s+)?(?:claw\s+(?:it|this|that|the\s+\w+|my\s+\w+|the\s+money)\s+back|claw\s+back|charge\s*(?:it|this|that)?\s*back|"
     r"chargeback|reverse|recall|dispute|refund\s+(?:me|us|it)|get\s+(?:it|my\s+money|our\s+money|the\s+money)\s+back|"
     r"take\s+(?:it|the\s+money)\s+back)", {}),
    # off to the bank over the money: "answer today or I'm going to my bank"
    ("legal.going_to_bank", "legal_threat", 0.7,
     LEAD + r"(?:go|going|tak\w*\s+(?:this|it)|turn\w*|escalat\w*\s+(?:this|it))\s+(?:straight\s+)?to\s+(?:my|our)\s+"
     r"(?:bank|card\s+(?:company|issuer|provider)|credit\s+card\s+(?:company|provider)|paypal)"
     r"(?=\s*(?:[.!;]|$|about\s+(?:this|it|the\s+\w+)|over\s+(?:this|it)|instead|next|then|and\s+(?:dispute|report|get|have)))",
     {"near": r"\b(?:refund\w*|charg\w*|money|paid|payment|debit\w*|dispute|fraud\w*|stolen)\b", "near_text": True}),
    # "this is exactly the kind of thing companies get sued over"
    ("legal.sued_over_this", "legal_threat", 0.65,
     r"\b(?:(?:kind|sort|type)\s+of\s+(?:thing|stuff|behaviou?r|practice|conduct|negligence)\s+(?:that\s+)?(?:people|companies|"
     r"businesses|firms|you)?\s*(?:get|gets|got|are|is|have\s+been|end\s+up)\s+(?:being\s+)?(?:sued|taken\s+to\s+court)"
     r"|(?:kind|sort|type)\s+of\s+(?:thing|stuff|behaviou?r|practice|conduct|negligence)\s+that\s+(?:ends?|lands?)\s+"
     r"(?:\w+\s+)?(?:up\s+)?in\s+court"
     r"|(?:companies|businesses|firms|people)\s+(?:have\s+)?(?:been\s+|get\s+|got\s+)(?:sued|taken\s+to\s+court)\s+"
     r"(?:for|over)\s+(?:less|exactly\s+this|this\s+(?:exact\s+)?(?:thing|kind))\b)",
     {"negatable": False}),
    ("legal.purchase_protection", "legal_threat", 0.7,
     r"\b(?:through|via|using|under|with|claim\w*\s+on|fil\w*\s+(?:a\s+)?(?:claim\s+)?(?:with|under))\s+(?:my\s+|the\s+)?"
     r"(?:(?:card|credit\s+card|bank|paypal)['’]?s?\s+)?(?:purchase|buyer|chargeback|consumer)\s+protection\b", {}),
    # ------------------------------------------------------------ out_of_scope_demand
    ("scope.should_be_free", "out_of_scope_demand", 0.7,
     r"\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|better)\s+(?:(?!not\b|never\b)\w+\s+)"
     r"{0,2}?(?:be|have\s+been|come)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(?:free(?!\s+(?:of|to|from)\b)|free\s+of\s+charge|"
     r"complimentary|(?:obviously|clearly|surely|definitely|of\s+course)\s+(?:be\s+)?included|included\s+"
     r"(?:for\s+free|at\s+no|in\s+(?:the|my|our|your)\s+(?:price|plan|package|subscription|contract|deal|fee|"
     r"cost|quote|licen[cs]e))|part\s+of\s+(?:the|my|our)\s+(?:deal|package|plan|contract|price|"
     r"subscription|quote|scope|project)|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|on\s+the\s+"
     r"house|thrown\s+in|comped)\b",
     {"not_before": r"(?:\bwhich|\bwhat)\s+$"}),
    ("scope.demand_for_free", "out_of_scope_demand", 0.7,
     r"(?:\b(?:i|we)\s+(?:\w+\s+)?(?:want|expect|demand|insist|deserve|require|should\s+(?:get|have|"
     r"receive|be\s+given))|(?:^|(?<=[.!?\n]))\s*(?:please\s+)?(?:do|fix|add|include|throw|give|send|redo|"
     r"build|make|replace|repair|upgrade|extend|deliver)\b|\b(?:you|u)\s+"
     r"(?:should|must|need\s+to|have\s+to|better|will|['’]ll)|\bjust\s+(?:do|fix|add|include|throw|give|"
     r"send|redo|build|make|replace|repair|upgrade|extend|deliver))\b"
     r"(?:(?!\b(?:try|trial|test|demo|know|ask|check|whether|if)\b)[^.!?\n]){0,50}?\b(?:for\s+free|"
     r"free\s+of\s+charge|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|without\s+(?:any\s+)?"
     r"(?:extra\s+|additional\s+)?(?:charge|cost|paying|payment)|without\s+charging\s+(?:us|me)|"
     r"on\s+the\s+house|for\s+nothing|gratis)\b",
     {"not_before": r"\b(?:thank\w*|appreciat\w*|grateful|kind|nice|generous|offer\w*)\b[^.!?\n]*$"}),
    ("scope.least_you_can_do", "out_of_scope_demand", 0.4,
     r"\b(?:(?:that['’]?s|it['’]?s|is)\s+the\s+least\s+you\s+(?:can|could)\s+do|i\s+shouldn['’]?t\s+have\s+to\s+"
     r"ask|it['’]?s\s+only\s+fair)\b", {}),
    ("scope.on_you", "out_of_scope_demand", 0.5,
     r"\b(?:that|this|it|these|those|the\s+\w+)\s+(?:is|are|['’]s|['’]re)\s+on\s+(?:you|u)\b(?!\s+(?:guys\s+)?to\s+decide)",
     {"near": r"\b(?:pay\w*|cost\w*|charg\w*|free|fix\w*|revision\w*|change\w*|work)\b", "near_text": True}),
    ("scope.not_paying_for_it", "out_of_scope_demand", 0.4,
     r"\b(?:not|won['’]?t|will\s+not|refuse\s+to|never)\s+(?:going\s+to\s+|gonna\s+)?pay(?:ing)?\s+for\s+"
     r"(?:it|them|that|those|this)\b", {"negatable": False}),
    ("scope.refund_despite_use", "out_of_scope_demand", 0.65,
     r"\b(?:refund|money\s+back)\b[^.!?\n]{0,40}?\b(?:even\s+though|although|even\s+if|despite|though)\s+"
     r"(?:i|we)\s*(?:['’]ve|\s+have|\s+had)?\s*(?:\w+\s+)?(?:used|using|downloaded|had|been\s+using|received)\b",
     {}),
    ("scope.unlimited", "out_of_scope_demand", 0.8,
     r"\b(?:expect|want|need|demand|deserve|should\s+(?:get|have|include)|entitled\s+to|give\s+(?:me|us)|"
     r"insist\s+on|implied|promised|included|part\s+of)\w*\s+(?:\w+\s+){0,2}?unlimited\s+(?:revisions?|changes|edits|rounds|support|updates|"
     r"iterations|calls|meetings|tweaks|amendments|redos|drafts|versions|access|hours)\b|\bunlimited\s+(?:revisions?|"
     r"changes|edits|rounds|support|updates|tweaks|amendments)\s+(?:were|was|are|is)\s+(?:implied|promised|included|"
     r"part\s+of)", {}),
    ("scope.not_paying_for_more", "out_of_scope_demand", 0.75,
     r"\b(?:not|never|won['’]?t|will\s+not|refuse\s+to|shouldn['’]?t|should\s+not|don['’]?t|do\s+not|"
     r"aren['’]?t|are\s+not)\s+(?:going\s+to\s+|gonna\s+|have\s+to\s+|be\s+)?pay(?:ing)?\s+(?:\w+\s+)?"
     r"(?:for\s+)?(?:any\s+)?(?:additional|extra|more|further|another|separate(?:ly)?|the\s+extra)\s+"
     r"(?:work|changes|revisions?|edits|hours|time|rounds?|features?|design|development|labou?r|pages?|"
     r"versions?|drafts?)\b", {"negatable": False}),
    ("scope.shouldnt_pay_extra", "out_of_scope_demand", 0.65,
     r"\b(?:shouldn['’]?t|should\s+not|won['’]?t\s+be|not\s+going\s+to\s+be|not|never|won['’]?t|will\s+not|"
     r"refuse\s+to)\s+(?:have\s+to\s+|be\s+|going\s+to\s+)?pay(?:ing)?\s+(?:extra|more|anything(?:\s+(?:extra|"
     r"more))?|a\s+(?:single\s+)?(?:dime|penny|cent)(?:\s+more)?|any\s+more)\s+for\b",
     {"negatable": False}),
    ("scope.not_paying_for_replacement", "out_of_scope_demand", 0.6,
     r"\b(?:not|won['’]?t|will\s+not|refuse\s+to|never)\s+(?:going\s+to\s+|gonna\s+)?pay(?:ing)?\s+"
     r"(?:for\s+)?(?:a|the|any|this|that|my)\s+(?:new|replacement|repairs?|fix|damage|replac\w+)\b",
     {"negatable": False}),
    ("scope.wont_pay_anything", "out_of_scope_demand", 0.4,
     r"\b(?:won['’]?t|will\s+not|not\s+going\s+to|refuse\s+to)\s+pay\s+(?:anything|a\s+(?:thing|dime|"
     r"penny|cent))\b", {"negatable": False}),
    ("scope.dont_care_policy", "out_of_scope_demand", 0.8,
     r"\b(?:don['’]?t|do\s+not)\s+care\s+(?:about|what)\s+(?:your|the)\s+(?:\w+\s+){0,2}?(?:polic(?:y|ies)|"
     r"terms|contract|rules|tos|t&c|agreement|fine\s+print)", {"negatable": False}),
    ("scope.refund_regardless", "out_of_scope_demand", 0.8,
     r"\b(?:(?:polic(?:y|ies)|terms|contract|rules)\s+or\s+(?:not|no)\b|(?:regardless|irrespective)\s+of\s+"
     r"(?:your|the)\s+(?:\w+\s+)?(?:polic(?:y|ies)|terms|rules)|(?:i|we)\s+(?:still\s+)?(?:want|demand|"
     r"expect|insist\s+on)\s+(?:a|my|the|our)?\s*(?:full\s+)?(?:refund|money\s+back)\s+(?:anyway|"
     r"regardless|anyhow|no\s+matter))", {}),
    ("scope.policy_pushback", "out_of_scope_demand", 0.65,
     r"\b(?:(?:this|that|it|your\s+(?:[\w-]+\s+){0,2}?(?:polic(?:y|ies)|terms|rules))\s+(?:is|are)\s+"
     r"(?:simply\s+|just\s+|really\s+|totally\s+|completely\s+)?"
     r"(?:not\s+fair|unfair|ridiculous|absurd|outrageous|a\s+joke|a\s+scam)|what\s+do\s+you\s+mean|"
     r"you\s+can['’]?t\s+be\s+serious|are\s+you\s+(?:kidding|serious|joking))",
     {"negatable": False, "question": False, "near_text": True,
      "near": r"(?:not\s+(?:giving|give|offer\w*|issu\w*|do\w*)\s+refunds?|no[\s-]+refunds?|"
              r"non-?refundable|not\s+refundable|not\s+(?:eligible|entitled)\s+(?:for|to)\s+a\s+refund|"
              r"(?:don['’]?t|do\s+not|won['’]?t)\s+(?:give|offer|issue|do|provide)\s+refunds?|"
              r"refund\s+polic(?:y|ies))"}),
    ("scope.dont_see_why_not", "out_of_scope_demand", 0.65,
     r"\bdon['’]?t\s+see\s+(?:why|how)\s+(?:i|we)\s*(?:shouldn['’]?t|should\s+not|can['’]?t|cannot|"
     r"wouldn['’]?t|couldn['’]?t|am\s+not|are\s+not|['’]m\s+not)\s+(?:be\s+)?(?:eligible|entitled|allowed|"
     r"get|receive|have|qualify)", {"negatable": False, "question": False}),
    ("scope.discount_demand", "out_of_scope_demand", 0.65,
     r"(?:\bgive\s+(?:me|us)|\b(?:i|we)\s+(?:want|expect|deserve|demand)|\bthere\s+(?:should|must|has\s+to)\s+be|\bat\s+least\s+(?:give|offer)|\byou\s+(?:should|must|"
     r"need\s+to|have\s+to|owe\s+(?:me|us))|\b(?:can['’]?t|cannot|couldn['’]?t)\s+you\s+(?:just\s+)?"
     r"(?:give|knock|take|do))\s+(?:me\s+|us\s+)?(?:\w+\s+){0,3}?(?:discount|freebie|price\s+(?:cut|"
     r"reduction|break)|\d+\s*%\s+off|cheaper\s+price|(?:better|special|lower)\s+(?:price|rate|deal))\b",
     {}),
    ("scope.discount_rhetorical", "out_of_scope_demand", 0.65,
     r"\b(?:(?:isn['’]?t|aren['’]?t)\s+there|(?:can['’]?t|cannot|couldn['’]?t)\s+you\s+(?:just\s+)?(?:give|do))\s+"
     r"(?:me\s+|us\s+)?(?:\w+\s+){0,3}?(?:discount|freebie|price\s+(?:cut|reduction|break)|cheaper\s+price|"
     r"(?:better|special|lower)\s+(?:price|rate|deal))\b", {"question": False}),
    ("scope.enough_for_compensation", "out_of_scope_demand", 0.6,
     r"\bshould\s+be\s+(?:more\s+than\s+)?enough\s+to\s+(?:give|get|warrant|justify|earn|deserve)\s+"
     r"(?:me\s+|us\s+)?(?:\w+\s+){0,2}?(?:compensation|credit|voucher|refund|discount|miles|points|"
     r"upgrade|free\s+\w+|money\s+back)\b", {}),
    ("scope.deserve_compensation", "out_of_scope_demand", 0.45,
     r"\b(?:(?:i|we)\s+(?:\w+\s+)?deserve|you\s+owe\s+(?:me|us)|entitles?\s+(?:me|us)\s+to)\s+"
     r"(?:\w+\s+){0,2}?(?:compensation|credit|voucher|refund|discount|upgrade|free\s+\w+|money\s+back)\b",
     {}),
    ("scope.assumed_included", "out_of_scope_demand", 0.5,
     r"\b(?:i|we)\s+(?:\w+\s+)?(?:expected|assumed|thought|believed)\s+(?:that\s+)?(?:this|it|that|these|"
     r"those|the\s+\w+)\s+(?:would|should|will|is|was|were|are)\s+(?:be\s+)?(?:\w+\s+)?(?:included|free|"
     r"complimentary|part\s+of\s+the\s+(?:deal|package|price|plan))\b", {}),

    ("scope.do_it_for_free", "out_of_scope_demand", 0.7,
     r"\b(?:do|make|fix|add|design|build|redo|create|handle|finish|include|throw\s+in|deliver)\s+(?:this|it|that|"
     r"them|these|those|the\s+\w+|all\s+(?:of\s+)?(?:this|it|that))\s+(?:\w+\s+){0,2}?(?:for\s+free|free\s+of\s+charge|"
     r"at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|without\s+(?:charging|charge|extra\s+cost))\b", {}),
    ("scope.dont_want_to_pay_extra", "out_of_scope_demand", 0.6,
     r"(?=[iw])(?<!\w)(?:i|we)\s+(?:really\s+)?(?:don['’]?t|do\s+not|dont)\s+(?:want|wish|intend|plan|expect)\s+to\s+"
     r"pay\s+(?:you\s+)?(?:any(?:thing)?\s+)?(?:extra|more|additional|for\s+(?:extra|additional|more|the\s+extra|"
     r"(?:the\s+)?changes|(?:the\s+)?revisions))\b", {"negatable": False}),
    ("scope.also_part_of", "out_of_scope_demand", 0.65,
     r"\b(?:also|additionally|as\s+well|too)\b[^.!?\n]{0,60}?\b(?:as\s+(?:a\s+)?part\s+of|included\s+in|within)\s+"
     r"(?:this|the|our|my|that)\s+(?:project|price|budget|package|deal|contract|fee|quote|scope|job|order)\b",
     {"near": r"\b(?:need|want|expect|require|should|must|have\s+to|include)\w*\b"}),
    ("scope.exposure", "out_of_scope_demand", 0.65,
     r"\b(?:exposure|shout[\s-]?outs?|free\s+(?:advertising|publicity|promotion)|promote\s+you|tag\s+you|"
     r"credit\s+you|(?:great|good)\s+for\s+your\s+portfolio|build\s+your\s+portfolio|word\s+of\s+mouth)\b",
     {"near": r"\b(?:instead\s+of\s+(?:pay\w*|money|charg\w*|cash)|in\s+exchange|rather\s+than\s+pay\w*|"
              r"(?:don['’]?t|not|no|can['’]?t|cannot|won['’]?t)\s+(?:\w+\s+)?(?:to\s+)?pay\b|for\s+free|free\s+of\s+charge|as\s+payment|in\s+lieu|"
              r"unpaid|no\s+budget)", "near_text": True}),

    ("scope.that_should_be_included", "out_of_scope_demand", 0.6,
     r"(?:\b(?:that|this|it|these|those|they|which)\s+|" + _SENTENCE_START + r"(?:surely\s+|obviously\s+|honestly\s+)?)"
     r"(?:should|must|ought\s+to)\s+(?:obviously\s+|surely\s+|clearly\s+|"
     r"really\s+|already\s+)?(?:have\s+been|be)\s+(?:\w+\s+)?(?:included|part\s+of\s+(?:this|it|that)\b|part\s+of\s+(?:the|my|our)\s+(?:\w+\s+)?"
     r"(?:package|price|deal|plan|contract|project|order|purchase|subscription))\b(?!\s+in\s+(?:the\s+)?(?:next|upcoming|"
     r"new|future|release|update|version|docs|documentation|changelog|readme|build)\b)"
     r"(?!\s+(?:in|with|on)\s+(?:the|this|your|my|our)\s+(?:\w+\s+)?(?:e-?mail|message|zip|folder|attachment|box|parcel|"
     r"shipment|pack|invoice|link|report|pdf|file)\b)",
     {"near": r"\b(?:want|need|expect|demand|insist|too|also|as\s+well|should|must|paid|price|free|cost)\b"}),
    ("scope.waive_fee", "out_of_scope_demand", 0.65,
     r"\b(?:you\s+(?:should|must|need\s+to|have\s+to|better|ought\s+to|will)|(?:i|we)\s+(?:expect|demand|insist|require)"
     r"(?:\s+(?:that\s+)?you(?:\s+to)?)?|least\s+you\s+(?:can|could)\s+do\s+is(?:\s+to)?)\s+(?:\w+\s+)?(?:waive|drop|remove|"
     r"cancel|forgive|refund|credit|reimburse|cover|comp|eat)\s+(?:\w+\s+)?(?:the|this|that|my|our|these|those|all|any)\s+"
     r"(?:\w+\s+)?(?:fees?|charges?|penalt(?:y|ies)|costs?|interest|surcharges?|shipping|postage|expenses)\b", {}),
    ("scope.free_obviously", "out_of_scope_demand", 0.7,
     r"\b(?:no\s+(?:extra\s+|additional\s+)?charge|free\s+of\s+charge|for\s+free|no\s+extra\s+cost|at\s+no\s+cost|"
     r"on\s+the\s+house)\s*,?\s*(?:obviously|of\s+course|surely|naturally|needless\s+to\s+say|i\s+assume|i\s+presume|"
     r"right\s*\?)", {"negatable": False}),
    ("scope.for_my_trouble", "out_of_scope_demand", 0.7,
     r"\b(?:(?:i|we)\s+(?:\w+\s+)?(?:want|expect|demand|deserve|insist\s+on|require|should\s+get|should\s+receive)|"
     r"give\s+(?:me|us)|you\s+(?:owe|should\s+give|must\s+give|have\s+to\s+give|need\s+to\s+give)\s+(?:me|us))\s+"
     r"(?:\w+\s+){0,3}?(?:free|discount\w*|compensation|credit|voucher|upgrade|refund|money|gift\s+card|\d+\s*%)\b"
     r"[^.!?\n]{0,40}?\bfor\s+(?:my|our|the|this|all\s+(?:my|our|the|this))\s+(?:\w+\s+)?(?:trouble|troubles|inconvenience|time|"
     r"hassle|wasted\s+time|frustration|suffering|stress|patience|problem|issue|bug|mess|outage|delay|downtime)\b", {}),
    ("scope.compensation_demand", "out_of_scope_demand", 0.65,
     r"\b(?:compensate\s+(?:me|us|them|your\s+(?:customers|passengers|users))|(?:how|what)\s+about\s+(?:a|some|an)\s+"
     r"(?:\w+\s+)?(?:voucher|credit|discount|upgrade|compensation|free\s+\w+|miles|points|gift\s+card)|(?:i|we)\s+"
     r"(?:\w+\s+)?(?:want|expect|demand|deserve|require|insist\s+on)\s+(?:a|an|some|full|proper|fair|adequate|"
     r"considerable|significant|substantial|big|huge)?\s*(?:\w+\s+)?(?:compensation|voucher|credit(?!\s*card)|discount|"
     r"free\s+(?:flight|ticket|upgrade|month|year|service)|upgrade|miles|points|reduction|price\s+cut|goodwill\s+"
     r"gesture))\b", {}),
    ("scope.as_a_favour", "out_of_scope_demand", 0.6,
     r"\b(?:do|give|make|throw|fix|add|include)\s+(?:\w+\s+){0,4}?as\s+a\s+(?:favou?r|courtesy|freebie|gift|"
     r"goodwill\s+gesture)\b", {"near": r"\b(?:should|must|expect|after\s+all|least|customer|deserve|owe)\b"}),
    ("scope.you_get_exposure", "out_of_scope_demand", 0.65,
     r"\b(?:you(?:['’]ll|\s+will|\s+would|['’]d)?|it(?:['’]ll|\s+will|\s+would)?)\s+(?:be\s+)?(?:get(?:ting)?|gain(?:ing)?|"
     r"receiv\w*|be\s+great|be\s+good|give\s+you|bring\s+you)\s+(?:\w+\s+){0,2}?(?:exposure|referrals|publicity|"
     r"free\s+advertising|portfolio\s+pieces?)\b", {}),
    ("scope.should_not_have_to_pay", "out_of_scope_demand", 0.6,
     r"\b(?:(?:i|we)\s+(?:don['’]?t|do\s+not|dont)\s+think\s+(?:i|we)\s+should\s+(?:have\s+to\s+)?pay|(?:it['’]?s|it\s+is|"
     r"that['’]?s|that\s+is)\s+(?:ridiculous|absurd|outrageous|unfair|a\s+joke|crazy)\s+that\s+(?:i|we)\s+"
     r"(?:should|have\s+to|would\s+have\s+to|must)\s+pay)\b", {"negatable": False}),
    ("scope.want_it_free", "out_of_scope_demand", 0.6,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*d|\s+would)?\s+(?:like|love|want|need|expect)\s+(?:to\s+(?:have|get|receive)\s+)?"
     r"(?:\S+\s+){1,6}?(?:for\s+free|free\s+of\s+charge|at\s+no\s+(?:extra\s+)?(?:cost|charge))\b", {}),
    ("scope.good_faith", "out_of_scope_demand", 0.6,
     r"\b(?:as\s+a\s+|a\s+)?(?:show|gesture|token|sign)\s+of\s+good\s*(?:faith|will)\b",
     {"near": r"\b(?:give|given|license|licence|free|credit|refund|discount|voucher|upgrade|asking|want|expect|"
              r"least)\w*\b"}),
    # a thing named as included, where the sentence says why it should come free: "the flyers should be included, it's
    # the same design anyway", "surely the hosting should be part of the package"
    ("scope.thing_should_be_included", "out_of_scope_demand", 0.6,
     r"\b(?:the|those|these|our|my)\s+(?!(?:invoice|receipt|attachment|files?|link|documents?|forms?|reports?|e-?mail|tax|"
     r"vat|gst|postage|shipping|tip|gratuity|breakfast|parking|wifi|details|address|logo|tagline|clause|disclaimer)\b)"
     r"(?:[\w-]+\s+)?[\w-]+s?\s+(?:should|must|ought\s+to)\s+(?:obviously\s+|surely\s+|clearly\s+|really\s+|already\s+)?"
     r"(?:have\s+been|be)\s+(?:included|part\s+of\s+(?:this|it|that|the\s+(?:\w+\s+)?(?:package|price|deal|plan|contract|"
     r"project|order|job|quote)))\b(?!\s+(?:in|with|on)\s+(?:the|this|your|my|our)\s+(?:\w+\s+)?(?:e-?mail|message|zip|"
     r"folder|attachment|box|parcel|shipment|pack|invoice|link|report|pdf|file|header|footer|banner|page)\b)",
     # a reason beside it; "should obviously be part of this" alone is left to [policy.scope]
     {"near": r"\b(?:assum\w*|expect\w*|too|also|as\s+well|paid|price|free|cost|anyway|same|standard|extra|"
              r"charge\w*)\b"}),
    # more work on a visit already paid for: "while your electrician is here could he also rewire the garage, seeing
    # as we've paid for the callout", "while you're here do the garage too, same price"
    ("scope.while_here_free", "out_of_scope_demand", 0.65,
     r"\bwhile\s+(?:you['’]?re|you\s+are|ur|(?:your|the)\s+(?:[\w-]+\s+){0,2}?(?:is|are|['’]s)|(?:he|she|they)\s*(?:['’]s|['’]re|"
     r"\s+is|\s+are))\s+(?:here|there|on\s+site|onsite|round|over|in\s+there|at\s+(?:it|the\s+house|ours|mine))\b",
     {"near": r"\b(?:same\s+(?:price|rate|cost|fee)|no\s+(?:extra\s+)?charge|free|already\s+paid|"
              r"(?:paid|paying)\s+for\s+(?:the|a|your)\s+(?:call-?\s?out|visit|trip)|without\s+(?:any\s+)?(?:extra\s+)?charg\w*|on\s+the\s+house|"
              r"included|for\s+nothing|no\s+extra\s+cost)\b", "negatable": False, "question": False}),
    ("scope.already_paid_callout", "out_of_scope_demand", 0.6,
     r"\b(?:seeing|since|as)\s+(?:as\s+|how\s+)?(?:we|i)\s*(?:['’]\s*ve|\s+have)?\s+already\s+paid\s+(?:for\s+)?(?:the|a|your|his|"
     r"her|their)\s+(?:\w+\s+)?(?:call-?\s?out|visit|trip|travel|day\s+rate|hourly\s+rate|session|setup|set-up|booking|"
     r"delivery)(?:\s+fee|\s+charge)?\b",
     {"near": r"\b(?:also|too|as\s+well|while|add|another|extra|more|could|can|quickly|just)\b", "question": False}),
    # "I assume that's fine at the same price" after asking for more
    ("scope.same_price", "out_of_scope_demand", 0.6,
     r"\b(?:at|for)\s+(?:the\s+)?same\s+(?:price|rate|cost|fee|quote|budget|money)\b",
     {"near": r"\b(?:also|too|extra|more|additional|another|as\s+well|while\s+you|assume|assuming|presume|surely|"
              r"actually|instead\s+of|now\s+(?:have|need|want)|fine|ok|okay)\b",
      "question": False, "negatable": False,
      "not_before": r"\b(?:last\s+(?:year|time|order)|as\s+before|reorder|repeat)\b[^.!?\n]*$"}),
    # "keep going until we're happy", "I don't see why we should pay for the extra rounds"
    ("scope.until_happy", "out_of_scope_demand", 0.65,
     r"\b(?:keep|carry\s+on|continue)\s+(?:going|revising|working(?:\s+on\s+(?:it|this))?|tweaking|changing\s+(?:it|things)|"
     r"making\s+(?:changes|edits|revisions)|with\s+the\s+(?:edits|changes|revisions|rounds))\s+(?:\w+\s+){0,2}?"
     r"(?:until|till|til)\s+(?:we|i)\s*(?:['’]\s*re|\s+are|['’]\s*m|\s+am)\s+(?:\w+\s+)?(?:happy|satisfied|pleased)\b|"
     r"(?:(?<=n't )|(?<=n’t )|(?<=not )|(?<=dont ))see\s+why\s+(?:i|we)\s+should\s+(?:have\s+to\s+)?pay\s+"
     r"(?:extra\s+|anything\s+)?for\s+(?:the\s+|any\s+)?(?:extra\s+|additional\s+|further\s+|more\s+)?(?:rounds?|revisions?|"
     r"changes|edits|amendments|tweaks|iterations)\b",
     {"not_before": r"\b(?:we|i)\s*(?:['’]\s*ll|\s+will|['’]\s*re|\s+are|['’]\s*m|\s+am|\s+can|\s+could|\s+would|"
                    r"['’]\s*d)?\s+(?:just\s+)?$", "negatable": False}),
    # "every agency we've worked with included that as standard"
    ("scope.others_include", "out_of_scope_demand", 0.65,
     r"\b(?:every|any|all|most)\s+(?:other\s+)?(?:\w+\s+)?(?:agency|agencies|company|companies|designers?|developers?|"
     r"providers?|suppliers?|studios?|firms?|vendors?|builders?|hosts?|printers?|photographers?|caterers?|one|body)\b"
     r"[^.!?\n]{0,50}?\b(?:includes?|included|would\s+include|throws?|threw|would\s+throw|does|did|"
     r"would\s+do|offers?|offered|gives?|gave)\s+(?:that|this|it|them|these|those)\s+(?:in\s+)?(?:as\s+(?:standard|"
     r"a\s+matter\s+of\s+course|part\s+of\s+the\s+(?:package|price|deal))|for\s+free|at\s+no\s+(?:extra\s+)?cost|"
     r"free\s+of\s+charge|without\s+charging)\b", {}),
    ("scope.while_youre_at_it", "out_of_scope_demand", 0.6,
     r"\bwhile\s+you['’]?re\s+at\s+it\b|\bwhile\s+you\s+are\s+at\s+it\b", {"negatable": False, "question": False}),
    ("scope.its_only_small", "out_of_scope_demand", 0.4,
     r"\b(?:(?:it|that|this)\s+)?(?:shouldn['’]?t|won['’]?t|wouldn['’]?t|can['’]?t|doesn['’]?t|does\s+not)\s+take\s+(?:you\s+)?"
     r"(?:long|more\s+than\s+\w+\s+\w+|much\s+(?:time|effort))\b|\b(?:it['’]?s|it\s+is|that['’]?s|that\s+is|this\s+is)\s+"
     r"(?:only|just)\s+(?:a\s+)?(?:small|tiny|quick|minor|little|simple|five-?\s*minute|two-?\s*minute)\s+(?:tweak|change|thing|"
     r"fix|addition|job|edit|task|request|favou?r)\b", {"negatable": False, "question": False}),
    ("scope.expect_included", "out_of_scope_demand", 0.6,
     r"(?:\b(?:i|we)\s+(?:\w+\s+)?|" + _SENTENCE_START + r"(?:just\s+|always\s+|kind\s+of\s+)?)"
     r"(?:expect|assume|assumed|presume|presumed|take\s+it|thought|believed|expected)\s+(?:that\s+)?"
     r"(?:the\s+|a\s+|an\s+|my\s+|our\s+|all\s+|it\s+|this\s+|that\s+)?(?:[\w/-]+\s+){0,4}?(?:to\s+be|is|are|will\s+be|"
     r"would\s+be|was|were)\s+(?:obviously\s+|of\s+course\s+|already\s+)?(?:included|part\s+of|covered|complimentary|"
     r"on\s+the\s+house|free\s+of\s+charge|at\s+no\s+(?:extra\s+|additional\s+)?cost)\b|"
     r"\b(?:i|we)\s+(?:\w+\s+)?(?:assumed|thought|expected|believed|took\s+it\s+for\s+granted)\s+(?:that\s+)?(?:this|it|that|"
     r"the\s+\w+|they|you)\s+(?:would|will|could)\s+(?:\S+\s+){1,10}?(?:for\s+free|at\s+no\s+(?:extra\s+|additional\s+)?cost|"
     r"free\s+of\s+charge|without\s+(?:any\s+)?(?:extra\s+)?(?:cost|charge|paying))\b",
     {}),
    ("scope.surely_included", "out_of_scope_demand", 0.6,
     r"\b(?:surely|obviously|of\s+course|clearly|naturally)\b[^.!?\n]{0,60}?\b(?:(?:is|are|be)\s+included|"
     r"(?:is|are)\s+part\s+of\s+(?:the|my|our|this)\s+(?:\w+\s+)?(?:package|price|deal|contract|plan|project|quote|order|"
     r"subscription))\b", {}),
    ("scope.include_in_price", "out_of_scope_demand", 0.6,
     r"\binclude\s+(?:\w+\s+){0,3}?in\s+(?:the|your|our|my)\s+(?:original\s+)?(?:price|quote|package|fee|deal|budget|"
     r"estimate|rate)\b", {}),
    ("scope.big_client", "out_of_scope_demand", 0.35,
     r"\b(?:we['’]?re|we\s+are|i['’]?m|i\s+am)\s+(?:a|your|such\s+a|one\s+of\s+your)\s+(?:very\s+|really\s+)?(?:big|biggest|"
     r"loyal|long-?time|important|major|valued|top|best|premium)\s+(?:clients?|customers?|accounts?)\b",
     {"negatable": False}),
    ("scope.make_up_for", "out_of_scope_demand", 0.6,
     r"\bmake\s+up\s+for\s+(?:the|this|that|your|all\s+(?:the|this))\b",
     {"near": r"\b(?:free|credit|discount|refund|months?|compensat\w*|voucher|upgrade|waive\w*)\b"}),
    ("scope.basic_plan_demand", "out_of_scope_demand", 0.6,
     r"\b(?:expect|demand|want|require|deserve|should\s+get|should\s+have)\s+(?:\w+\s+){0,4}?(?:for|on|with|in)\s+(?:the|my|our|a)\s+"
     r"(?:basic|free|cheapest|starter|standard|lite|entry|lowest)\s+(?:plan|tier|version|package|account|level|subscription)\b",
     {}),
    ("scope.you_owe_me", "out_of_scope_demand", 0.55,
     r"\byou\s+owe\s+(?:me|us)\s+(?:that\s+much|this\s+much|at\s+least\s+that|at\s+least\s+this|one|a\s+\w+|big\s+time)\b",
     {"negatable": False}),
    ("scope.not_paying_extra_bare", "out_of_scope_demand", 0.6,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*m|\s+am|['’]\s*re|\s+are)\s+not\s+(?:going\s+to\s+be\s+)?paying\s+(?:any(?:thing)?\s+)?"
     r"(?:extra|more|anything\s+more|a\s+penny\s+more|a\s+cent\s+more)(?=\s*(?:[.!,;]|$|for\b))", {"negatable": False}),
    ("scope.pro_features_on_basic", "out_of_scope_demand", 0.65,
     r"\b(?:expect|want|demand|deserve|should\s+get|should\s+have|entitled\s+to)\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+)?(?:pro|premium|"
     r"paid|full|enterprise|plus|business|ultimate)\s+(?:features|version|functions?|tier|plan|access)\b",
     {"near": r"\b(?:basic|free|cheap\w*|starter|lite|standard|old|lifetime|original)\b"}),
    ("scope.within_scope", "out_of_scope_demand", 0.7,
     r"\b(?:consider|regard|deem|believe)\s+(?:that\s+)?(?:the|these|this|that|those|all)\s+(?:\w+\s+){0,3}?(?:to\s+be|as|is|are)\s+"
     r"(?:within|part\s+of|included\s+in|covered\s+by)\s+(?:the\s+)?(?:original|agreed|initial|existing|current)?\s*(?:scope|"
     r"contract|agreement|fee|price|budget|quote|project)\b|\bwill\s+not\s+(?:accept|pay|be\s+paying)\s+(?:any\s+)?(?:further|"
     r"additional|extra)\s+(?:charges|costs|fees|invoices|payments)\b", {}),
    ("scope.included_in_fee", "out_of_scope_demand", 0.65,
     r"\bshould\s+(?:be|have\s+been)\s+(?:included|covered)\s+(?:in|by)\s+(?:the|our|your)\s+(?:agreed\s+|original\s+|quoted\s+|"
     r"fixed\s+|initial\s+)?(?:fee|price|quote|budget|contract|package|scope|cost|estimate)\b", {}),
    ("scope.should_get_free_forever", "out_of_scope_demand", 0.65,
     r"\b(?:i|we)\s+(?:should|deserve\s+to|expect\s+to|ought\s+to)\s+(?:get|have|receive)\s+(?:\w+\s+){0,4}?(?:free|for\s+free|"
     r"forever|for\s+life|at\s+no\s+(?:extra\s+)?cost)\b|\b(?:i|we)\s+(?:\w+\s+)?(?:expect|want|demand|deserve)\s+(?:\w+\s+)?"
     r"(?:lifetime|free|all\s+future|unlimited|permanent)\s+(?:updates|upgrades|versions|support|access|features)\b",
     {}),
    ("scope.shouldnt_need_higher_plan", "out_of_scope_demand", 0.6,
     r"\b(?:shouldn['’]?t|should\s+not|don['’]?t\s+see\s+why\s+(?:i|we)\s+should)\s+(?:need\s+to|have\s+to|need)\s+(?:pay\s+for\s+|"
     r"buy\s+|upgrade\s+to\s+)?(?:the\s+|an?\s+)?(?:enterprise|pro|premium|business|team|higher|paid)\s*(?:plan|tier|"
     r"version|licen[cs]e)?\s+(?:for|just\s+for|to\s+get)\s+(?:that|this|it|one\s+\w+)\b", {}),
    ("scope.within_budget", "out_of_scope_demand", 0.65,
     r"\b(?:additional|extra|more|further|new)\s+(?:\w+\s+)?(?:could|can|should|would|will|must)\s+be\s+(?:done|included|covered|"
     r"absorbed|delivered|handled)\s+(?:within|in|under|inside)\s+(?:the\s+)?(?:existing|current|original|agreed|same|initial)\s+"
     r"(?:budget|fee|price|quote|scope|contract|estimate)\b", {}),
    # ---------------------------------------------------------------- overdue_payment
    ("pay.not_until", "overdue_payment", 0.85,
     r"\b(?:not|never|won['’]?t|wont|will\s+not|shan['’]?t|refuse\s+to|refusing\s+to|ain['’]?t)\s+"
     r"(?:going\s+to\s+|gonna\s+|be\s+)?(?:(?:releas|mak|send|process|issu|transferr?)\w*\s+(?:the\s+|any\s+|a\s+|"
     r"further\s+|final\s+|your\s+)*)?(?:pay(?:ing|ment)?|settl\w*|clear\w*)\s+" + _PAY_TOKEN
     + r"{0,6}?(?:until|till|til|"
     r"untill|unless)\b(?!\s+(?:i|we|you)\s+(?:\w+\s+)?(?:get|receive|have|send|see)\s+(?:the|an?|your|our|my)\s+"
     r"(?:\w+\s+)?(?:invoice|receipt|bill|quote|w-?9|w-?8\w*|tax|bank|details|paperwork|forms?|contract|po|"
     r"purchase\s+order|approval)\b)", {"negatable": False}),
    ("pay.no_money_until", "overdue_payment", 0.75,
     r"\bno\s+(?:more\s+)?(?:money|payment|pay|cash|cheque|check|dime|penny|cent)\s+(?:until|till|til|unless)\b",
     {"negatable": False}),
    ("pay.refuse_owed", "overdue_payment", 0.75,
     r"\b(?:won['’]?t|wont|will\s+not|refuse\s+to|refusing\s+to|not\s+going\s+to|not\s+gonna|am\s+not|"
     r"i\s*['’]?\s*m\s+not|are\s+not|aren['’]?t|we\s*['’]\s*re\s+not|shouldn['’]?t|should\s+not|don['’]?t\s+(?:think\s+"
     r"(?:i|we)\s+)?(?:have|need)\s+to|do\s+not\s+(?:have|need)\s+to)\s+(?:\w+\s+)?pay(?:ing)?\s+(?:you\s+)?"
     r"(?:for\s+)?(?:the|this|that|your|my|our|these|those|any\s+of\s+(?:the|these|your))\s+(?:\w+\s+)?"
     r"(?:invoices?|bills?|balance|remainder|rest|final\s+\w+|outstanding\s+\w+|amount\s+due|deposit|"
     r"installment|tab|food|meal|order|room|stay|work|late\s+fees?)\b",
     {"negatable": False, "not_before": r"\b(?:you|u|they|he|she|it)\s+(?:\w+\s+)?$"}),
    ("pay.withhold", "overdue_payment", 0.8,
     r"\b(?:withh[oe]ld\w*|hold\w*\s+(?:back|off)(?:\s+on)?|holding|hold|stop(?:ped|ping)?\s+payment\s+on|"
     r"froze|frozen|freez\w*|suspend\w*|halt\w*|paus\w*|"
     r"put\w*\s+(?:the\s+|my\s+|our\s+|all\s+|any\s+|further\s+)?payments?\s+on\s+hold\b()|"
     r"hold\w*\s+(?:back|off)\s+on)\s*(?:the\s+|my\s+|our\s+|any\s+|all\s+|"
     r"further\s+|your\s+|this\s+|that\s+)?(?:final\s+|remaining\s+|next\s+|outstanding\s+|last\s+)?"
     r"(?:payments?|paying|invoice\s+payments?|the\s+check|checks?|cheques?|money|funds|balance|remittance|"
     r"transfer|remaining\s+\d+\s*%|\d+\s*%|rest)\b", {}),
    ("pay.later", "overdue_payment", 0.55,
     r"\b(?:i|we)\s*(?:['’]\s*ll|\s+will|\s+can|\s+shall|['’]\s*d|\s+would)\s+(?:\w+\s+)?(?:pay\b|(?:settle|"
     r"clear|sort\s+out|take\s+care\s+of|deal\s+with)\s+(?:up\s+)?(?:the|this|that|my|our|your)\s+(?:\w+\s+)?"
     r"(?:bills?|invoices?|balance|payments?|amount|tab|account|debt)\b)(?:\s+[\w$£€.,]+){0,4}?\s+(?:later|next\s+(?:week|"
     r"month|year|time|quarter)|eventually|another\s+(?:time|day|week|month)|at\s+some\s+point|"
     r"sometime|some\s+time|down\s+the\s+(?:road|line)|whenever|when\s+(?:i|we)\s+feel\s+like\s+it|"
     r"when\s+(?:i|we)\s+(?:can|get\s+(?:around|"
     r"a\s+chance))|in\s+(?:a\s+few|another|a\s+couple\s+of)\s+(?:weeks|months))\b", {"positive": True}),
    ("pay.when_i_feel_like_it", "overdue_payment", 0.75,
     r"\b(?:pay|settle|clear)\b[^.!?\n]{0,40}?\b(?:when|whenever|if)\s+(?:i|we)\s+(?:feel\s+like\s+it|get\s+(?:a)?round\s+"
     r"to\s+it|(?:damn\s+)?well\s+please|am\s+good\s+and\s+ready|are\s+good\s+and\s+ready|pay\s+(?:you|u))\b", {}),
    ("pay.settle_old_later", "overdue_payment", 0.8,
     r"\b(?:settle|pay|clear|deal\s+with|sort\s+out)\s+(?:up\s+)?(?:the\s+|my\s+|our\s+|that\s+|those\s+)?"
     r"(?:old|previous|outstanding|overdue|unpaid|last|past|earlier|prior|other)\s+(?:invoices?|bills?|"
     r"balance|amount|debt|payments?)\b[^.!?\n]{0,30}?\b(?:later|eventually|next\s+(?:week|month)|"
     r"another\s+time|afterwards|after)\b", {}),
    ("pay.cannot_pay_yet", "overdue_payment", 0.65,
     r"\b(?:can['’]?t|cannot|unable\s+to|not\s+able\s+to|won['’]?t\s+be\s+able\s+to|couldn['’]?t|won['’]?t\s+be)\s+"
     r"pay(?:ing)?\s+(?:you\s+|u\s+|the\s+\w+\s+|it\s+|this\s+\w+\s+)?(?:yet|right\s+now|at\s+the\s+moment|this\s+"
     r"(?:week|month)|until|till|for\s+(?:now|a\s+while|another|a\s+few))\b|"
     r"\b(?:(?:so|and)\s+)?(?:i|we)\s+(?:can['’]?t|cannot|are\s+unable\s+to|am\s+unable\s+to)\s+pay\s+(?:you|u|the\s+"
     r"(?:invoice|bill|balance))(?=\s*(?:[.!…]|$|\.\.\.|,?\s+(?:sorry|because|since|as|so)))",
     {"negatable": False, "question": False, "not_before": r"\b(?:you|u|they|he|she)\s+$"}),
    ("pay.before_we_can_pay", "overdue_payment", 0.6,
     r"\b(?:another|a\s+few|a\s+couple\s+of|at\s+least|several|weeks|months|a\s+while|some\s+time)\b"
     r"[^.!?\n]{0,30}?\b(?:before|until|till)\s+(?:we|i)\s+(?:can|could|are\s+able\s+to|am\s+able\s+to|"
     r"will\s+be\s+able\s+to)\s+pay\b", {}),
    ("pay.release_only_when", "overdue_payment", 0.75,
     r"\b(?:release|make|send|pay|transfer)\s+(?:you\s+)?(?:the\s+|your\s+)?(?:final\s+|remaining\s+|last\s+|next\s+"
     r"|outstanding\s+)?(?:payment|balance|invoice|deposit|money|funds|installment)\s+only\s+(?:when|once|"
     r"after|if)\b", {}),
    ("pay.payment_delayed", "overdue_payment", 0.65,
     r"\b(?:payments?|invoices?|checks?|cheques?|transfers?|money)\s+(?:will\s+be|might\s+be|may\s+be|is|are|has\s+been|"
     r"have\s+been|['’]s\s+going\s+to\s+be|is\s+going\s+to\s+be|are\s+going\s+to\s+be)\s+(?:a\s+(?:bit|little)\s+|slightly\s+)?(?:late|"
     r"delayed|held\s+up|postponed|on\s+hold|stuck|pending\s+approval|waiting\s+for\s+approval)\b",
     {"near": r"\b(?:we|our|i|my)\b"}),
    ("pay.get_paid_later", "overdue_payment", 0.5,
     r"\b(?:you['’]?ll|you\s+will)\s+(?:\w+\s+)?(?:get|be)\s+(?:paid|it|your\s+money|the\s+money|what\s+you['’]?re\s+owed)\s+"
     r"(?:in\s+(?:another|a\s+few|a\s+couple|the\s+next)|next\s+(?:week|month)|eventually|later|soon|when|once|at\s+some\s+"
     r"point|sometime|one\s+day)\b|\b(?:the\s+)?(?:payment|money|cheque|check)\s+(?:will\s+come|is\s+coming|is\s+on\s+its\s+"
     r"way)\b(?!\s+(?:today|tomorrow|on\s+\w+day))", {}),
    ("pay.money_when_done", "overdue_payment", 0.6,
     r"\b(?:you['’]?ll|you\s+will|you\s+can)\s+(?:only\s+)?(?:get|see|have)\s+(?:your|the|any|my)\s+(?:money|"
     r"payment|cash|check|cheque)(?!\s+back)\s+(?:\w+\s+)?(?:when|once|after|next|until)\b", {}),
    ("pay.when_i_get_paid", "overdue_payment", 0.5,
     r"\b(?:when|once|after|as\s+soon\s+as)\s+(?:i|we)\s+(?:get|am|are)\s+paid\b",
     {"near": r"\bpa(?:y|id)\w*", "positive": True}),
    # the payer puts a bill on hold: "Accounts has put invoice 2026-118 on hold", "we're holding back this
    # month's rent until the lock is fixed", "invoice #88 stays on hold until ..."
    ("pay.invoice_on_hold", "overdue_payment", 0.7,
     r"\b(?:put\w*|plac\w*|kept|keep\w*)\s+(?:" + _INVOICE_REF
     + r"|(?:(?:the|this|that|these|any|your)\s+|all\s+(?:the\s+|our\s+)?)"
     r"(?:\w+\s+)?(?:invoices?|bills?|payments?))\s+on\s+hold\b|"
     r"\b" + _INVOICE_REF + r"\s+(?:is|are|has\s+been|have\s+been|was|stays|remains|will\s+stay|will\s+remain)\s+"
     r"(?:\w+\s+)?on\s+hold\b",
     {"not_before": r"\b(?:you|u|they|(?:your|the|my|our)\s+(?:\w+\s+)?(?:system|bank|paypal|stripe|processor|"
                    r"card\s+\w+)|your\s+(?:\w+\s+)?(?:team|accounts?))\s+(?:\w+\s+)?$",
      "unless_text": _AS_AGREED}),
    ("pay.hold_back", "overdue_payment", 0.8,
     r"\b(?:withh[oe]ld\w*|hold\w*\s+back|stop\w*\s+paying)\s+(?:the\s+|my\s+|our\s+|this\s+|that\s+|your\s+|any\s+)?"
     r"(?:(?:this|last|next|the|each|every)\s+(?:month|week|quarter)['’]?s?\s+)?(?:rent|retainer|service\s+charge|"
     r"instal+ments?|monthly\s+(?:fee|payment)|subscription\s+fee|fees?)\b"
     r"(?=[^.!?\n]{0,60}?\b(?:until|till|unless|while|as\s+long\s+as|pending)\b)", {}),
    ("pay.on_hold", "overdue_payment", 0.65,
     r"\b(?:payments?|invoices?|checks?|cheques?|transfers?)(?:\s+(?:of|for|on)(?:\s+[\w$£€.,#-]+){1,4}?)?\s+"
     r"(?:is|are|has\s+been|have\s+been)\s+"
     r"(?:\w+\s+)?(?:on\s+hold|withheld|frozen|suspended)\b",
     {"not_before": r"\b(?:your|the\s+bank['’]?s?|paypal['’]?s?|stripe['’]?s?)\s+(?:\w+\s+)?$"}),
    # A stall: one alone is a near-miss, two together (or one with a firmer rule) raise the signal,
    # and only where the message -- or its subject -- is about paying, and nothing says it was paid.
    ("pay.be_patient", "overdue_payment", 0.4,
     r"\b(?:(?:please|kindly|pls)\s+(?:\w+\s+)?(?:be\s+patient|bear\s+with\s+(?:us|me))|be\s+patient\s+with\s+(?:us|me)|"
     r"(?:you['’]?ll|you\s+will|you['’]?d|you\s+would)\s+(?:\w+\s+)?(?:have|need)\s+to\s+be\s+patient|"
     r"bear\s+with\s+(?:us|me)(?=\s*(?:[.!,;]|$|\s+(?:a\s+(?:little|bit|few|while)|for|on\s+this|please)\b))|"
     r"give\s+(?:us|me)\s+(?:some\s+|a\s+(?:bit|little)\s+)?(?:more\s+)?time|"
     r"give\s+(?:us|me)\s+(?:a|one|two|another|an\s+extra|a\s+(?:few|couple)(?:\s+of)?|\d+)\s+(?:more\s+)?(?:days?|weeks?|months?)|"
     r"(?:we|i)\s+(?:need|require)\s+(?:a\s+(?:bit|little)\s+|some\s+)?more\s+time|"
     r"the\s+(?:check|cheque)\s+is\s+in\s+the\s+(?:mail|post))\b",
     {"near": _ABOUT_PAYING, "near_text": True, "unless_text": _PAID_ALREADY}),
    # the payer's own circumstances are in the way: money, approvals, the one person who signs, a restructuring
    ("pay.internal_hold", "overdue_payment", 0.4,
     r"\b(?:cash\s*flow\s+(?:issues?|problems?|difficult\w*|is\s+tight)|money['’]?s?\s+(?:is\s+)?(?:a\s+bit\s+)?tight|"
     r"tight\s+on\s+(?:money|cash|funds)|low\s+on\s+(?:funds|cash)|"
     r"(?:person|one|colleague|manager)\s+who\s+(?:approves|signs|authori[sz]es|handles|releases)\s+(?:the\s+|our\s+)?"
     r"(?:payments?|invoices?|cheques?|checks?|transfers?)\s+is\s+(?:on\s+(?:leave|holiday|vacation|sick\s+leave)|away|"
     r"out\s+of\s+(?:the\s+)?office|off\s+sick|travell?ing)|(?:still\s+)?waiting\s+(?:on|for)\s+(?:the\s+)?(?:sign-?\s?off|approval|authori[sz]ation|go-?ahead|"
     r"the\s+(?:management|owner|boss|director|board|finance|accounts?|accounting)\b)|"
     r"(?:not|n['’]?t|never)\s+(?:been\s+)?able\s+to\s+(?:get\s+in\s+touch|reach|speak|talk|get\s+hold\s+of|meet)"
     r"(?:\s+[\w,]+){0,8}?\s+(?:(?:the|our|my)\s+)?(?:management|owner|boss|director|ceo|board|finance|accounts?|accounting)\b|"
     r"(?:management|the\s+owner|(?:our|my)\s+(?:boss|director|ceo|board|finance\s+\w+|accounts?\s+\w+)|the\s+board)\s+"
     r"(?:has|have)\s*(?:n['’]?t|\s+not)\s+(?:yet\s+)?(?:approved|signed|released|authori[sz]ed|agreed)|"
     r"(?:changes|restructuring|reorgani[sz]ation|re-?structuring)\s+(?:(?:happening|going\s+on|taking\s+place)\s+)?"
     r"(?:(?:in|at|within)\s+(?:the|our)\s+(?:office|company|team|department|organi[sz]ation)\s*)?(?:internally)?|"
     r"(?:accounting|accounts|payment|payroll|banking|finance|erp|billing)\s+(?:system|software|platform)\s+"
     r"(?:is|are|was)\s+(?:being\s+)?(?:migrated|changed|updated|upgraded|replaced|down)|"
     r"only\s+(?:one|person)\s+(?:who\s+)?(?:can|is\s+allowed\s+to|able\s+to)\s+(?:sign|approve|authori[sz]e|release|make)\b|"
     r"passed\s+(?:this|it|your\s+\w+)\s+(?:on\s+)?to\s+(?:our|the)\s+(?:accounts?|finance|accounting)\s+"
     r"(?:department|dept|team|people))",
     {"near": _ABOUT_PAYING, "near_text": True, "unless_text": _PAID_ALREADY, "question": False}),
    ("pay.when_you_fix", "overdue_payment", 0.55,
     r"\b(?:i|we)\s*(?:['’]\s*ll|\s+will)\s+(?:only\s+)?pay\s+(?:you\s+|the\s+\w+\s+|it\s+)?(?:when|once|"
     r"after|as\s+soon\s+as)\s+(?:you|it['’]?s|this\s+is|the\s+(?:\w+\s+)?(?:is|gets?))\b",
     {"unless_text": _AS_AGREED}),
    ("pay.decided_not_to_pay", "overdue_payment", 0.85,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have)?\s+(?:\w+\s+)?(?:decided|chosen|agreed|made\s+the\s+decision)"
     r"\s+not\s+to\s+pay\b", {"negatable": False}),
    ("pay.not_going_to_pay", "overdue_payment", 0.75,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*m|\s+am|['’]\s*re|\s+are|\s+just|\s+simply)?\s*(?:just\s+|simply\s+|"
     r"definitely\s+|certainly\s+|absolutely\s+)?(?:not\s+(?:going\s+to|gonna)|aren['’]?t\s+(?:going\s+to|gonna)|"
     r"won['’]?t|will\s+not|refuse\s+to|not|are\s+not)\s+(?:be\s+)?pay(?:ing)?\b"
     r"(?:\s+(?:you|u|him|her|them|this|that|it|the\s+(?:invoice|bill|balance|rest|remainder|final\s+\w+)|"
     + _INVOICE_REF + r"|for\s+(?:this|that|it|the\s+work|your\s+work)|"
     r"for\s+(?:a|an|the|this|that|something)\s+(?:\w+\s+){0,3}?"
     r"(?:that|which)\s+(?:doesn['’]?t|does\s+not|isn['’]?t|is\s+not|never|won['’]?t|don['’]?t|didn['’]?t)\s+\w+)\b)?"
     r"(?=\s*(?:[.!,;]|$|\s+(?:a\s+(?:cent|penny|dime)|at\s+all|you|u|him|her|them)\b))",
     {"negatable": False, "not_before": r"\b(?:you|u|they|he|she|it)\s+(?:\w+\s+)?$",
      # "I'll pay the invoice ... I'm not paying for that": one item disputed, the bill paid
      "unless_text": r"\b(?:i|we)\s*(?:['’]\s*ll|\s+will)\s+(?:gladly\s+|happily\s+|still\s+)?pay\s+(?:the|your|"
                     r"this)\s+"
                     r"(?:invoice|bill|balance|rest)\b"}),
    ("pay.why_should_i_pay", "overdue_payment", 0.65,
     r"\b(?:don['’]?t|do\s+not|dont|can['’]?t|cannot)\s+see\s+why\s+(?:i|we)\s+(?:should|would|have\s+to|need\s+to|"
     r"must)\s+(?:have\s+to\s+)?pay\b|\bwhy\s+(?:should|would|do)\s+(?:i|we)\s+(?:have\s+to\s+|need\s+to\s+)?pay\s+"
     r"(?:you|u|for\s+(?:this|that|it|your\s+work)|anything|at\s+all)\b|\bnever\s+thought\s+(?:i|we)\s*(?:['’]\s*d|"
     r"\s+would)\s+(?:have\s+to|need\s+to)\s+pay\b", {"negatable": False, "question": False}),

    ("pay.will_be_paid_when", "overdue_payment", 0.7,
     r"\b(?:invoices?|bills?|balance|payments?|remainder|rest|final\s+\w+|you)\s+(?:will|shall|is\s+going\s+to|are\s+going\s+to)"
     r"\s+(?:only\s+)?(?:be\s+|get\s+)(?:paid|settled|released|sent|transferred|made|issued)\s+(?:only\s+)?(?:once|when|after|"
     r"as\s+soon\s+as|"
     r"if|the\s+day)\s+(?:you|it|the|this|your|everything|we['’]?re|we\s+are|i['’]?m|i\s+am)\b",
     {"not_before": r"\b(?:your|their|his|her)\s+$", "unless_text": _AS_AGREED}),
    ("pay.dont_expect_payment", "overdue_payment", 0.8,
     r"\b(?:don['’]?t|do\s+not|dont|never)\s+expect\s+(?:any\s+|a\s+|the\s+|my\s+|our\s+)?(?:payment|money|cent|penny|dime|"
     r"check|cheque|transfer|cash)\w*\b(?:\s+(?:from\s+(?:me|us)|for\s+(?:this|that|it)))?\s*(?:until|unless|before|till|"
     r"any\s*time\s+soon|soon|[.!]|$)", {"negatable": False}),
    ("pay.when_satisfied", "overdue_payment", 0.6,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ll|\s+will)\s+(?:only\s+)?pay\s+(?:you\s+|it\s+|the\s+\w+\s+)?(?:when|once|if)\s+"
     r"(?:i|we)\s*(?:['’]\s*m|\s+am|['’]\s*re|\s+are|\s+feel|\s+decide)\s+(?:\w+\s+)?(?:satisfied|happy|ready|good\s+and\s+ready|"
     r"like\s+it|it['’]?s\s+worth)\b", {"negatable": False}),
    ("pay.not_worry_about_paying", "overdue_payment", 0.8,
     r"\b(?:not\s+(?:to\s+)?worry\s+about\s+paying|no\s+need\s+to\s+pay)\s+(?:you|u|him|her|them|the\s+(?:invoice|bill|"
     r"balance))\b", {"negatable": False}),
    ("pay.when_business_succeeds", "overdue_payment", 0.7,
     r"\b(?:pay|paid)\s+(?:you\s+|u\s+)?(?:when|once|after|as\s+soon\s+as|if)\s+(?:my|our|the)\s+(?:\w+\s+)?(?:website|site|"
     r"business|app|product|company|sales|ads?|campaign|shop|store|book|channel|startup|launch)\s+(?:\w+\s+){0,2}?"
     r"(?:becomes?|takes?\s+off|makes?\s+(?:money|a\s+profit|sales)|performs?|sells?|succeeds?|picks?\s+up|goes\s+viral)\b|"
     r"\b(?:paid|pay\s+you)\s+when\s+you['’]?ve\s+earned\s+it\b", {"unless_text": _AS_AGREED}),
    ("pay.when_they_pay_us", "overdue_payment", 0.7,
     r"\b(?:(?:as\s+soon\s+as|when|once|after|until|till)\s+(?:they|our\s+client|the\s+client|my\s+client|our\s+customer|"
     r"the\s+customer|(?:we|i)\s+get\s+paid\s+by\s+\w+)\s*(?:pays?|paid|have\s+paid|has\s+paid)?\s*(?:us|me)?\b"
     r"(?<=\s(?:us|me))|(?:client|customer)\s+(?:hasn['’]?t|has\s+not|haven['’]?t|have\s+not)\s+paid\s+(?:us|me)\b)",
     {"near": r"\b(?:pay|check|cheque|money|invoice|transfer)\w*\b"}),
    ("pay.no_money", "overdue_payment", 0.55,
     r"\b(?:(?:i|we)\s+(?:have|got)\s+no\s+money(?:\s+left)?|no\s+money\b|(?:i|we)\s*(?:['’]\s*m|\s+am|['’]\s*re|\s+are)\s+"
     r"(?:broke|skint)|(?:just\s+)?(?:got|been)\s+laid\s+off)\b",
     {"near": r"\b(?:pay|paid|check|cheque|owed|owe|invoice|bill)\w*\b"}),
    # payment put off until some event that isn't the paperwork ("once our funding round closes")
    ("pay.deferred_until", "overdue_payment", 0.6,
     r"\b(?:we|i)\s*(?:['’]\s*ll|\s+will|\s+can|\s+shall)\s+(?:be\s+(?:happy|glad|willing|able)\s+to\s+)?(?:only\s+)?"
     r"(?:pay|settle|clear|(?:release|make|send|process|authori[sz]e)\s+(?:the\s+|your\s+|any\s+)?(?:payment|funds|money))\s+"
     r"(?:you\s+|it\s+|the\s+(?:\w+\s+)?"
     r"(?:invoice|bill|balance|rest|remainder|fee)\s+|invoice\s+\S+\s+|(?:on|for)\s+" + _INVOICE_REF + r"\s+)?"
     r"(?:once|when|after|as\s+soon\s+as|not\s+before)\s+"
     r"(?!(?:i|we)\s+(?:get|receive|have|see)\s+(?:it|them)\b|(?:i|we)\s+(?:get|receive|have|see)\s+(?:the|an|a|your)\s+(?:\w+\s+)?(?:invoice|receipt|bill|quote|po|purchase|"
     r"details|w-?\d|paperwork|bank|form)|(?:the|your)\s+(?:\w+\s+)?(?:invoice|receipt|po|contract|paperwork|details)\s+"
     r"(?:arrives?|is|are|has|have|gets?|comes?)|(?:it['’]?s|it\s+is|it\s+gets?)\s+approved|approved|i['’]?m\s+back|we['’]?re\s+back)",
     {"negatable": False, "unless_text": _AS_AGREED}),
    ("pay.paid_after_event", "overdue_payment", 0.6,
     r"\b(?:invoice|invoices|bill|balance|payment)\s*(?:#?\s*\w*\d\w*\s+)?(?:will|shall)\s+(?:only\s+)?be\s+(?:paid|settled)\s+"
     r"(?:after|once|when)\s+(?:the\s+)?(?:launch|release|go-?live|funding|project|site|website|app|sales?|season|"
     r"client|campaign|event|holidays?)\b[^.!?\n]{0,30}?(?:not\s+before|,?\s*not\s+earlier)?",
     {"unless_text": _AS_AGREED}),
    ("pay.catch_up_later", "overdue_payment", 0.6,
     r"\bcatch\s+up\s+on\s+(?:the\s+)?(?:payments?|invoices?|bills?|money|balance)\s+(?:later|eventually|next\s+"
     r"(?:month|quarter)|down\s+the\s+(?:road|line)|at\s+some\s+point)\b(?!\s+(?:this|today|tomorrow|tonight))", {}),
    ("pay.talk_about_payment_later", "overdue_payment", 0.65,
     r"\b(?:first|before)\b[^.!?\n]{0,60}?\b(?:then\s+)?(?:we['’]?ll|we\s+will|i['’]?ll|i\s+will|we\s+can)\s+(?:talk|discuss|"
     r"think|worry)\s+(?:about\s+)?(?:the\s+)?(?:payment|money|invoice|fee|paying)\b", {}),
    ("pay.keep_working_unpaid", "overdue_payment", 0.35,
     r"\b(?:keep\s+(?:going|working)|continue\s+(?:working|with\s+the\s+(?:project|work))|carry\s+on|start\s+the\s+next\s+"
     r"(?:phase|stage|sprint|project)|send\s+(?:the\s+)?(?:files|order|goods|rest)|keep\s+(?:the|my|our)\s+(?:account|servers?|"
     r"service|site|subscription)\s+(?:active|running|on|live|going|open))\b",
     {"near": r"\b(?:overdue|unpaid|owe|money|pay|payment|invoice|cash)\w*\b", "near_text": True}),
    ("pay.cant_release_while", "overdue_payment", 0.75,
     r"\b(?:can['’]?t|cannot|won['’]?t|will\s+not|are\s+not\s+able\s+to|aren['’]?t\s+able\s+to)\s+(?:release|make|send|process|"
     r"authori[sz]e|approve)\s+(?:the\s+|any\s+|final\s+|further\s+|your\s+)?(?:payments?|invoices?|funds|balance)\s+(?:while|as\s+long\s+"
     r"as|until|unless|before)\b", {"negatable": False}),
    # ---------------------------------------------------------------------- ultimatum
    ("ult.never_again", "ultimatum", 0.85, r"\bnever\s+(?:ever\s+)?again\b",
     {"negatable": False, "question": False, "positive": True,
      "not_before": r"(?:happen\w*|occur\w*|do\s+(?:that|this|it)|mak\w*\s+(?:that|this|the\s+same)"
                    r"\s+mistake|hope|ensure|sure|so\s+that)[^.!?\n]{0,20}$"}),
    ("ult.will_never_return", "ultimatum", 0.85,
     r"\b(?:will|wil|['’]ll|shall|would|['’]d|am\s+going\s+to|['’]m\s+going\s+to|are\s+going\s+to|"
     r"gonna)\s+never\s+(?:ever\s+)?(?:again\s+)?(?:fly|shop|buy\s+from|come\s+back|return|recommend|"
     r"do\s+business|make\s+another|set\s+foot|step\s+foot|purchase\s+from|order\s+from|book\s+with|"
     r"deal\s+with|work\s+with|use\s+(?:you|u|your|this|them)|choose\s+(?:you|u|your)|trust\s+(?:you|u|"
     r"your)|give\s+(?:you|u|your\s+\w+)\s+(?:my\s+|another\s+|a\s+)?(?:money|business|cent|dime|penny)|"
     r"buy\s+another|renew|stay\s+(?:with|at)|travel\s+with|bank\s+with)\b", {"negatable": False}),
    ("ult.never_verb_again", "ultimatum", 0.85,
     r"\bnever\s+(?:ever\s+)?(?:be\s+)?(?:fly\w*|flown|buy\w*|use|using|shop\w*|order\w*|book\w*|"
     r"com(?:e|ing)\s+back|return\w*|recommend\w*|deal\w*\s+with|do\w*\s+business|work\w*\s+with|"
     r"purchas\w*|stay\w*|choos\w*|trust\w*|renew\w*|subscrib\w*|visit\w*|eat\w*|download\w*|"
     r"install\w*|travel\w*|step\s+foot|set\s+foot|touch|updat\w*|upgrad\w*|pay\w*)\b[^.!?\n]{0,50}?\b(?:ever\s+)?again\b",
     {"negatable": False}),
    ("ult.not_coming_back", "ultimatum", 0.8,
     r"\b(?:never|not|won['’]?t|will\s+not|wont)\s+(?:be\s+)?(?:ever\s+)?(?:(?:coming|come)\s+back(?!\s+(?:tonight|today|"
     r"tomorrow|until|till|this|next|later|for|in|before|after|on|at|to\s+(?:the|my|this)))|"
     r"returning(?!\s+(?:the|it|this|that|my|your|a|an|them|to\s+(?:the\s+)?(?:office|work))\b)|"
     r"be\s+back(?=\s*(?:[.!,;]|$|\s+(?:again|ever|here|there|to\s+(?:this|your|that)\s+\w+))))",
     {"negatable": False,
      "not_before": r"\b(?:it|this|that|they|he|she|money|refund|charge|email|package|bag|item)\s+$"}),
    ("ult.last_time", "ultimatum", 0.85,
     r"\b(?:last|final)\s+time\s+(?:i|we)\s+(?:will\s+|['’]ll\s+)?(?:ever\s+)?(?:fly|use|buy|order|book|"
     r"shop|purchase|deal|do\s+business|choose|trust|come|give|renew|stay|eat|visit|recommend|pay\s+you|"
     r"travel|raise|write|contact|ask|complain|chase|remind)\b", {"negatable": False}),
    ("ult.last_chance", "ultimatum", 0.85,
     r"\b(?:(?:your|my|this\s+is\s+(?:your|the|my)|consider\s+this\s+(?:a|my|your|the))\s+(?:last|final)\s+"
     r"(?:chance|warning|notice|opportunity)|\bi['’]?m\s+out(?=\s*(?:[.!,;]|$))|"
     r"(?:last|final)\s+(?:chance|warning)\s+(?:before|or)\b)", {}),
    # "... or else!" ends a threat; "or else I am wasting money" is only "otherwise"
    ("ult.or_else", "ultimatum", 0.6, r"\bor\s+else\b(?=\s*(?:[.!?…]|$))", {"negatable": False}),
    ("ult.all_you_get", "ultimatum", 0.7,
     r"\b(?:(?:that['’]?s|this\s+is)\s+all\s+you\s+get|you\s+get\s+one\s+(?:more\s+)?(?:chance|shot))\b",
     {"negatable": False}),
    ("ult.done_here", "ultimatum", 0.7,
     r"\b(?:i\s*['’]?\s*m|i\s+am|we\s*['’]\s*re|we\s+are)\s+(?:so\s+|totally\s+|completely\s+)?done\s+here\b",
     {"negatable": False}),
    ("ult.switch_away", "ultimatum", 0.8,
     r"(?:" + LEAD_AND + r"|\btime\s+to\s+(?:\w+\s+){0,6}?|\blooks\s+like\s+(?:i|we)\s*['’]?\s*(?:ll|m|re)\s+)"
     r"(?:switch\w*|mov\w*|go\w*|chang\w*|migrat\w*|transfer\w*|look\w*|find\w*|shop\w*|buy\w*|fly\w*|"
     r"book\w*|tak\w*\s+(?:my|our)\s+(?:\w+\s+)?(?:business|money|custom)|tak\w*\s+(?:it|this)|"
     r"sign\w*\s+up)\s+(?:(?!not\b)\w+\s+){0,4}?(?:elsewhere|somewhere\s+else|(?:to|with|for|from)\s+"
     r"(?:a|your|one\s+of\s+your|another|the)\s+(?:\w+\s+)?competitors?|(?:to|with|for|from|at)\s+"
     r"(?:another|a\s+different|a\s+new|a\s+better|other|a\s+real|an\s+actual)\s+(?:\w+\s+)?(?:company|"
     r"provider|vendor|airline|carrier|service|supplier|bank|agency|developer|app|tool|platform|host|"
     r"product|firm|contractor|freelancer|business|store|shop|plugin)\b|(?:to|with)\s+some(?:one|body)\s+"
     r"else\b|to\s+"
     r"(?:an?\s+)?(?:alternative|competitor)s?\b)", {}),
    ("ult.switch_to_named", "ultimatum", 0.8,
     r"(?:" + LEAD + r"|\btime\s+to\s+(?:\w+\s+){0,6}?|(?:^|(?<=[.!?,;\n]))\s*(?=switching|migrating))"
     r"(?:switch\w*|migrat\w*|go\w*\s+back)\s+"
     r"(?:(?:over|back|all|everything|(?:all\s+(?:of\s+)?)?(?:my|our)\s+(?:\w+\s+)?\w+)\s+)?to\s+" + _NAMED, {}),
    ("ult.switch_back", "ultimatum", 0.75,
     r"(?:" + LEAD + r"|\btime\s+to\s+)(?:switch\w*|go\w*|mov\w*)\s+back\s+to\s+(?!(?:the|my|our|a|an|your|"
     r"old|older|previous|original|default|free|basic|monthly|annual|normal|work|sleep|bed|school|"
     r"you|it|this|that|version|v\d)\b)[@\w]", {}),
    ("ult.never_patronise", "ultimatum", 0.7,
     r"\bnever\s+(?:ever\s+)?(?:fly|shop|book|stay|eat|bank|do\s+business|buy\s+from|order\s+from|"
     r"deal\s+with|travel)\s+(?:with\s+|at\s+|from\s+)?(?:this|these|that|those|your|you|u)\s+"
     r"(?:airline|carrier|company|store|shop|business|brand|place|restaurant|hotel|bank|vendor|outfit|"
     r"clowns|people|guys)\b", {"negatable": False}),
    ("ult.move_to_named", "ultimatum", 0.6,
     r"(?:" + INTENT + r"|\btime\s+to\s+(?:\w+\s+){0,6}?)mov(?:e|ing)\s+(?:(?:over|back|all|everything|"
     r"my\s+\w+)\s+)?to\s+" + _NAMED + r"|" + PROG + r"mov(?:e|ing)\s+(?:(?:over|back|all)\s+)?to\s+@\w+", {}),
    ("ult.find_another", "ultimatum", 0.7,
     LEAD + r"(?:find|look\w*\s+for|search\w*\s+for|hire|us(?:e|ing))\s+(?:another|a\s+different|a\s+new|"
     r"a\s+better|a\s+real|an\s+actual|other)\s+(?:\w+\s+)?(?:company|provider|vendor|airline|carrier|"
     r"supplier|bank|agency|developer|host|hosting\s+company|firm|contractor|freelancer|"
     r"service\s+provider|platform)\b", {}),
    ("ult.take_business_elsewhere", "ultimatum", 0.85,
     r"\btak\w*\s+(?:my|our)\s+(?:\w+\s+)?(?:(?:business|custom|loyalty)\s+(?:\w+\s+){0,2}?(?:elsewhere|"
     r"somewhere\s+else|to\s+(?:a|an|another|some(?:one|body)|your|one|\S+))|money\s+(?:\w+\s+){0,2}?"
     r"(?:elsewhere|somewhere\s+else))", {}),
    ("ult.lost_customer", "ultimatum", 0.8,
     r"\b(?:you(?:['’]ve|\s+have)?\s+(?:just\s+)?lost|you(?:['’]re|\s+are)\s+(?:about\s+to\s+)?los\w+|you(?:['’]ll|"
     r"\s+will)\s+lose|(?:u|you)\s+(?:just\s+)?lost|say\s+goodbye\s+to)\s+(?:me\s+as\s+(?:a|an)\s+|a|another|my|our|"
     r"a\s+(?:loyal|long-?time|good)|this)\s+(?:[\w-]+\s+){0,3}?"
     r"(?:customer|client|business|custom|account|member|passenger)\b|(?:^|(?<=\s))@\w+\s+(?:just\s+)?(?:lost|"
     r"has\s+lost|lose)\s+(?:a|another|one|this)\s+(?:\w+\s+)?(?:customer|client|passenger|member)\b", {}),
    ("ult.competitor", "ultimatum", 0.7,
     r"\b(?:from|with|to|at|use|choose|prefer|find|found|try|tried|trying)\s+(?:a|your|one\s+of\s+your|the)\s+competitors?\b",
     {"not_before": r"(?:compar\w*|than|vs\.?|versus|unlike|like)\s+$"}),
    ("ult.done_with_you", "ultimatum", 0.75,
     r"\b(?:i\s*['’]?\s*m|i\s+am|we\s*['’]\s*re|we\s+are)\s+(?:so\s+|totally\s+|completely\s+|officially\s+)?"
     r"(?:done|finished|through)\s+with\s+(?:you|u|ya|y['’]?all|@\w+|your\s+(?:company|service|airline|app|"
     r"product|business|crap|nonsense|bs)|this\s+(?:company|airline|app|service|crap|nonsense))\b", {}),
    ("ult.if_not_then_leave", "ultimatum", 0.85,
     r"\b(?:if\s+(?:(?!i\b|we\b)|(?:i|we)\s+(?:don['’]?t|do\s+not|dont|can['’]?t|cannot|haven['’]?t|"
     r"have\s+not|still|keep|get\s+charged|am\s+charged|see\s+another|hear\s+nothing)\b)" + _COMPLAINT_IF
     + r"|unless\s+)[^.!?\n]{1,80}?(?:,\s*|\s+then\s+|\s+)"
     r"(?:i|we)\s*(?:['’]\s*ll|\s+will|['’]?\s*m|\s+am|\s+are|['’]\s*re|\s+shall|\s+would|['’]\s*d|\s+wil)?"
     r"\s+" + _GAP_NO_WISH + _LEAVE_VERB + r"\b", {"negatable": False}),
    ("ult.leave_if_not", "ultimatum", 0.85,
     INTENT + _GAP_NO_WISH + _LEAVE_VERB + r"\b[^.!?\n]{0,60}?\b(?:if\s+(?!i\b|we\b)" + _COMPLAINT_IF
     + r"|unless\s+)", {}),
    ("ult.or_i_leave", "ultimatum", 0.85,
     r"\b(?:or|otherwise|else)\s*,?\s+(?:i|we)\s*(?:['’]\s*ll|\s+will|\s+am\s+going\s+to|['’]\s*m\s+going\s+to|"
     r"['’]?\s*m|\s+am|['’]\s*re|\s+are|"
     r"['’]\s*m\s+gonna|\s+shall|\s+have\s+to|\s+will\s+have\s+to|['’]\s*ll\s+have\s+to|\s+must)?\s*"
     + _GAP_NO_WISH + _LEAVE_VERB + r"\b", {"negatable": False}),
    ("ult.deadline_or", "ultimatum", 0.85,
     r"\b(?:" + _DEADLINE + r"[^.!?\n]{0,60}?\b|(?:today|tonight|now|right\s+now|immediately|right\s+away|"
     r"asap|tomorrow|this\s+(?:week|afternoon|evening|morning)|(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week))"
     r"\s*,?\s*)(?:or\s+(?:else|i|we|you|lose|say\s+goodbye|don['’]?t\s+bother)|otherwise|"
     r"if\s+not(?!\s+(?:they|he|she|the|it)\b)|"
     r"failing\s+"
     r"(?:which|that)|or\s+there\s+will\s+be)\b", {}),
    ("ult.deadline_threat", "ultimatum", 0.85,
     r"\b(?:if|unless)\b[^.!?\n]{0,100}?\b" + _DEADLINE + r"[^.!?\n]{0,30}?(?:,\s*|\s+)(?:then\s+)?(?:i|we)\s*"
     # "... I'll assume it's approved", "... we'll move the launch": planning, no threat
     r"(?!(?:['’]\s*ll|\s+will|\s+shall)\s+(?:just\s+|simply\s+)?(?:assume|take\s+(?:it|that|this)\s+as|move\s+the|"
     r"push\s+the|reschedule)\b)"
     r"(?:['’]\s*ll|\s+will|\s+shall|\s+am\s+going\s+to|['’]\s*m\s+going\s+to|\s+(?:will|shall)\s+have\s+to|"
     r"\s+must|(?:['’]\s*m|\s+am|['’]\s*re|\s+are)\s+(?:(?:just|simply|then)\s+)?(?:issuing|filing|taking|going|"
     r"cancel\w*|leaving|switching|reporting|contacting|calling|posting|disputing|suing|moving|walking|finding|hiring|"
     r"getting\s+(?:someone|somebody|my|our|a)\b|charging|reversing|escalating|writing))\b", {"negatable": False}),
    ("ult.you_have_until", "ultimatum", 0.85,
     r"\b(?:you\s+have|(?:i|we)\s*(?:['’]\s*ll|\s+will|['’]?\s*m|\s+am|\s+are)\s+(?:be\s+)?giv\w*\s+you|"
     r"you['’]?ve\s+got)\s+(?:(?:until|till)\s+\S+|(?:exactly\s+|just\s+|only\s+)?(?:\d+|one|two|three|"
     r"a|an|twenty[\s-]?four|forty[\s-]?eight|seventy[\s-]?two)\s+(?:more\s+)?(?:business\s+|working\s+)?"
     r"(?:hours?|days?|weeks?|minutes?|hrs?)\s+(?:to|or|before)\b)", {}),
    ("ult.insist_deadline", "ultimatum", 0.65,
     r"\b(?:i|we)\s+(?:must\s+)?(?:insist|demand|require)\b[^.!?\n]{0,80}?\b" + _DEADLINE, {}),
    ("ult.demand_deadline", "ultimatum", 0.45,
     r"\b(?:please|kindly|i\s+(?:need|want|expect|demand|require|insist)|we\s+(?:need|want|expect|demand|"
     r"require)|must|have\s+to|need\s+to)\b[^.!?\n]{0,80}?\b" + _DEADLINE, {}),
    ("ult.if_not_resolved", "ultimatum", 0.45,
     r"\b(?:if|unless)\s+(?:it|(?:this|the|that|my|our)\s+(?:\w+\s+)?(?:matter|issue|problem|situation|charge|"
     r"refund|case|order|complaint|account|bag|money|ticket|request|error|bug))\s+(?:is\s+not|isn['’]?t|"
     r"does\s+not|doesn['’]?t|do\s+not|don['’]?t|has\s+not|hasn['’]?t|cannot|can['’]?t|won['’]?t|"
     r"will\s+not|are\s+not|aren['’]?t|is)\s+(?:\w+\s+)?(?:resolved|fixed|sorted|addressed|handled|"
     r"refunded|corrected|rectified|settled|returned|reversed|done|get\s+(?:resolved|fixed|sorted)|"
     r"be\s+(?:resolved|fixed))\b", {"negatable": False}),
    ("ult.now_shout", "ultimatum", 0.6,
     r"(?:(?-i:\bNOW\b)(?=\s*(?:[!.?]|$|(?-i:OR\b)))|\bnow\s*!{2,})",
     {"negatable": False, "question": False, "positive": True}),
    ("ult.impatience", "ultimatum", 0.5,
     r"\b(?:(?:i|we)\s*(?:['’]\s*ve|\s+have)\s+(?:been\s+)?wait\w*\s+(?:long\s+enough|(?:for\s+)?(?:over\s+|"
     r"more\s+than\s+)?(?:\d+|two|three|four|several|many)\s+(?:weeks|months))|(?:done|tired\s+of|sick\s+"
     r"of|fed\s+up\s+(?:with|of))\s+waiting|patience\s+(?:is|has)\s+(?:\w+\s+)?(?:run(?:ning)?\s+out|"
     r"wearing\s+thin|gone|exhausted)|running\s+out\s+of\s+patience|enough\s+is\s+enough)\b",
     {"negatable": False}),
    ("ult.hurry_up", "ultimatum", 0.4, r"\bhurry\s+(?:the\s+\w+\s+)?up\b", {"negatable": False}),
    ("ult.cancel_announce", "ultimatum", 0.4,
     PROG + r"(?:cancel+ing|leaving|quitting|closing\s+(?:my|our)\s+account)\b(?!\s+(?:a|the)\s+"
            r"(?:review|comment)\b)", {}),

    # leaving, said as a refusal: "I certainly won't use it ever again", "we will not be flying with you again"
    ("ult.wont_again", "ultimatum", 0.85,
     r"\b(?:won['’]?t|wont|will\s+not|shall\s+not|will\s+never|wil\s+never|['’]ll\s+never|would\s+never|"
     r"not\s+(?:going\s+to|gonna)|never\s+(?:going\s+to|gonna)|do\s+my\s+best\s+never\s+to|nvr)\s+"
     r"(?:be\s+)?(?:ever\s+)?(?:\w+\s+)?(?:fly\w*|flown|use|using|utili[sz]\w*|buy\w*|shop\w*|order\w*|book\w*|"
     r"purchas\w*|do\w*\s+business|deal\w*|work\w*|travel\w*|subscrib\w*|recommend\w*|return\w*|choos\w*|"
     r"spend\w*|stay\w*)(?:\s+(?:with|from|at|on|to|in|w/))?\s+(?:you|u|ya|y['’]?all|your\s+\w+|this\s+\w+|these\s+\w+|"
     r"them|it|@\w+|" + _NAMED + r")(?![\w'’])[^.!?\n]{0,40}?\b(?:ever\s+again|again)\b", {"negatable": False}),
    ("ult.done_verbing", "ultimatum", 0.8,
     r"(?=[iw])(?<!\w)(?:i\s*['’]?\s*m|i\s+am|we\s*['’]\s*re|we\s+are)\s+(?:so\s+|totally\s+|completely\s+|"
     r"officially\s+|absolutely\s+|just\s+|really\s+)?done\s+(?:flying|using|buying|shopping|ordering|booking|"
     r"dealing|doing\s+business|paying\s+for|giving\s+you)\b", {"negatable": False}),
    ("ult.try_another", "ultimatum", 0.7,
     r"\b(?:trying|going\s+with|switching\s+to|moving\s+to|looking\s+(?:at|for)|try|go\s+with|book\w*\s+with|"
     r"fly\w*\s+(?:with|on))\s+(?:out\s+)?(?:another|a\s+different|a\s+new|other|a\s+competing|some\s+other|"
     r"a\s+better|a\s+real)\s+(?:\w+\s+)?(?:airlines?|carriers?|company|companies|providers?|vendors?|suppliers?|"
     r"banks?|agency|agencies|hosts?|hosting\s+(?:company|provider)|insurers?|stores?|shops?|contractors?|"
     r"freelancers?|services?|developers?|designers?)\b(?!\s+(?:account|key|portal|license|licence|id|plan|tier|"
     r"option|setting|endpoint|api|tab|window|page|mode|version))",
     {"not_before": r"\b(?:tried|you|u|they|he|she|have\s+to|had\s+to)\s+(?:\w+\s+)?$"}),
    ("ult.new_provider", "ultimatum", 0.7,
     r"\b(?:have|found|got|get|getting|need|needs|finding|find|look\w*\s+for|time\s+(?:for|to\s+find))\s+"
     r"(?:a|my|our|myself\s+a|ourselves\s+a)\s+new\s+(?:favou?rite\s+)?(?:airline|carrier|provider|vendor|"
     r"supplier|bank|agency|host|hosting\s+(?:company|provider)|insurer|designer|contractor|freelancer|"
     r"service\s+provider)\b(?!\s+(?:account|key|portal|license|licence|id|number|plan|access|login|console|"
     r"tools?|mode|edition|version|card)\b)", {}),
    ("ult.next_elsewhere", "ultimatum", 0.75,
     r"\b(?:my|our)\s+next\s+(?:\w+\s+){0,2}?(?:flights?|trips?|orders?|purchases?|bookings?|vacations?|holidays?|"
     r"renewals?|subscriptions?|projects?|contracts?|phones?|laptops?|cars?)\b[^.!?\n]{0,40}?\b(?:will\s+be|is|"
     r"are|['’]s\s+going\s+to\s+be|goes)\s+(?:on|with|through|via)\s+(?:another|a\s+different|other|a\s+competitor|"
     r"your\s+competitor|@\w+|" + _NAMED + r")|(?:^|(?<=[.!?\n]))\s*next\s+(?:\w+\s+){0,2}?(?:flights?|trips?)\s+"
     r"(?:will\s+be\s+|is\s+)?(?:on|with)\s+(?:another\s+\w+|@\w+|" + _NAMED + r")", {}),
    ("ult.back_on_named", "ultimatum", 0.7,
     LEAD + r"(?:be\s+)?(?:going\s+)?back\s+(?:on|with|to)\s+(?:@\w+|(?-i:(?!(?:Monday|Tuesday|Wednesday|"
     r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
     r"November|December|Mon|Tue|Wed|Thu|Fri|Sat|Sun|The|This|That|My|Our|Your|You|It|I|A|An|Work)\b)[A-Z][\w.+-]*))",
     {}),
    ("ult.take_custom_to", "ultimatum", 0.8,
     r"\btak\w*\s+(?:my|our)\s+(?:\S+\s+){0,2}?(?:status|miles|points|dollars|bookings?|family|families|team|"
     r"clients?|customers?|company|contracts?|spend|budget|travel)\s+(?:\w+\s+){0,2}?(?:elsewhere|somewhere\s+else|"
     r"to\s+(?:@\w+|another|a\s+competitor|your\s+competitor|" + _NAMED + r"))", {}),
    ("ult.hashtag_never", "ultimatum", 0.7,
     r"#(?:never\w*again|never(?:fly|flying|using|buying|shopping|booking|ordering)\w*|done\w+|byebye\w*|"
     r"goodbye\w+)\b", {"negatable": False, "question": False}),
    ("ult.give_it_until", "ultimatum", 0.7,
     r"(?=[iw])(?<!\w)(?:i\s*['’]\s*ll|i\s+will|we\s*['’]\s*ll|we\s+will|i\s*['’]?\s*m\s+going\s+to|i\s+am\s+going\s+to)"
     r"\s+give\s+(?:it|you|u|them|this)\s+(?:one\s+more|another|a\s+few\s+more|until|till|\d+\s+more|two\s+more|"
     r"three\s+more|a\s+couple\s+more)\b[^.!?\n]{0,40}?\b(?:then|before|after\s+that|otherwise|or\s+(?:else|i|we))\b",
     {}),
    ("ult.fix_it_now", "ultimatum", 0.6,
     r"(?:^|(?<=[.!?\n,;:]))\s*(?:please\s+|just\s+|now\s+)?(?:sort|fix|refund|resolve|give|send|return|answer|"
     r"respond|reply|call|process|cancel|deliver|do|pay|get|put|bring|tell|show|release|ship)\b[^.!?\n]{0,40}?\bnow\s*!",
     {"negatable": False, "positive": True}),

    ("ult.last_straw", "ultimatum", 0.75, r"\b(?:last|final)\s+straw\b", {"negatable": False}),
    ("ult.cancel_now", "ultimatum", 0.7,
     r"(?:" + PROG + r"|" + INTENT + r")" + _GAP_NO_WISH + r"(?:cancel+(?:ing)?|terminat\w*|clos\w*|end\w*|leav\w*|"
                                                           r"quit\w*)"
     r"(?:\s+(?:my|our|the|this|your)\s+(?:\w+\s+)?(?:subscriptions?|accounts?|membership|contract|orders?|plan|"
     r"service|licen[cs]es?|policy|booking|reservation|card))?\s+(?:effective\s+(?:immediately|today|now)|immediately|right\s+now|as\s+of\s+(?:today|now)|"
     r"this\s+(?:instant|minute|second)|today)\b", {}),
    ("ult.goodbye_named", "ultimatum", 0.7,
     _SENTENCE_START + r"\s*(?:good\s*-?\s*bye|bye\s*-?\s*bye|farewell|so\s+long|adios|sayonara)\s*,?\s+(?:@\w+|"
     r"(?-i:(?!(?:The|This|That|My|Our|Your|You|It|I|A|An|And|For|Now|Then|Thanks|Thank|See|Have)\b)[A-Z][\w.+-]*))",
     {"negatable": False, "positive": True}),
    ("ult.caps_deadline", "ultimatum", 0.6,
     r"(?-i:\b(?:TODAY|IMMEDIATELY|RIGHT\s+NOW|THIS\s+WEEK|TONIGHT|THIS\s+INSTANT)\b)(?=\s*(?:[!.?]|$))",
     {"negatable": False, "question": False, "positive": True}),
    ("ult.expect_by_deadline", "ultimatum", 0.65,
     r"\b(?:i|we)\s+(?:\w+\s+)?(?:expect|demand|require|insist\s+on)\s+(?:(?:a|an|your|my|the|full|complete|proper|"
     r"written)\s+){0,2}(?:response|reply|answer|refund|resolution|fix|solution|call|callback|update|confirmation|"
     r"money|credit|explanation|apology)\s+(?:\w+\s+){0,4}?" + _DEADLINE +
     r"(?![^.!?\n]*\bas\s+(?:per\s+)?(?:your|the|our)\s+(?:policy|terms|agreement|contract|website)|[^.!?\n]*\bas\s+"
     r"(?:promised|agreed|stated|discussed))", {}),
    ("ult.never_a_customer", "ultimatum", 0.8,
     r"\b(?:won['’]?t|wont|will\s+not|never|['’]ll\s+never|will\s+never|no\s+longer)\s+(?:ever\s+)?(?:again\s+)?(?:be\s+)?"
     r"(?:a|your|their|one\s+of\s+your)\s+(?:\w+\s+)?(?:customer|client|member|passenger|subscriber|user)s?\s+"
     r"(?:again|there|here|of\s+(?:yours|you|this)|anymore|any\s+more)?(?=\s*(?:[.!,;]|$|again|there|here))",
     {"negatable": False}),
    ("ult.last_dollar", "ultimatum", 0.8,
     r"\b(?:last|final)\s+(?:dollar|cent|penny|pound|euro|money|purchase|order|flight|booking|payment)\s+(?:you|u)\s+"
     r"(?:will\s+)?(?:ever\s+)?(?:get|see|receive|make|take)\b", {"negatable": False}),
    ("ult.try_named", "ultimatum", 0.7,
     LEAD + r"(?:try|trying|go\s+with|going\s+with|fly|flying|book|booking|use|using)\s+(?:out\s+)?(?:#\w+|@\w+)"
     r"(?:\s+(?:next\s+time|instead|from\s+now\s+on))?(?=\s*(?:[.!,;]|$|next|instead|from))", {}),
    ("ult.or_it_ends", "ultimatum", 0.75,
     r"\bor\s+(?:it|this|things|we|that)\s+(?:will|is\s+going\s+to|['’]ll)\s+(?:end|finish|go|get)\s+(?:badly|ugly|"
     r"differently|another\s+way|in\s+another\s+way|a\s+different\s+way|very\s+differently)\b", {"negatable": False}),
    ("ult.taking_forever", "ultimatum", 0.5,
     r"\b(?:(?:it['’]?s|this\s+is|this\s+has\s+been|it\s+has\s+been)\s+taking\s+(?:forever|ages|way\s+too\s+long)|"
     r"how\s+(?:much\s+)?long(?:er)?\s+(?:do|does|will|must|should)\s+(?:i|we)\s+(?:have\s+to\s+)?wait|still\s+waiting|"
     r"what\s+is\s+taking\s+so\s+long|this\s+is\s+ridiculous)\b", {"negatable": False, "question": False}),
    ("ult.exclaim_immediately", "ultimatum", 0.6,
     r"\b(?:immediately|right\s+now|right\s+away|now)\s*!{2,}", {"negatable": False, "positive": True}),
    ("ult.we_are_through", "ultimatum", 0.75,
     r"(?=[iwu])(?<!\w)(?:(?:we|i)\s*(?:['’]\s*re|\s+are|['’]\s*m|\s+am)\s+(?:so\s+|totally\s+|officially\s+)?(?:through|finished)"
     r"(?=\s*(?:[.!]|$|here|with\s+you))|(?:u|you)\s*(?:['’]?\s*re|r|\s+are)\s+fired\b)", {"negatable": False}),
    ("ult.your_loss", "ultimatum", 0.7,
     r"\b(?:your\s+loss|(?:their|@\w+['’]?s?)\s+gain)\b", {"negatable": False, "question": False}),
    ("ult.not_a_customer_anymore", "ultimatum", 0.75,
     r"\b(?:don['’]?t|do\s+not|no\s+longer)\s+(?:want\s+to\s+)?(?:be|being)\s+(?:a|your)\s+(?:\w+\s+)?(?:customer|client|"
     r"member|subscriber)\s+(?:anymore|any\s+more|again|of\s+yours)?\b", {"negatable": False}),
    ("ult.looking_for_alternatives", "ultimatum", 0.65,
     r"\b(?:(?:now|already|am|are|i['’]?m|we['’]?re|starting\s+to|started|start|been|currently)\s+)(?:look\w*|shop\w*|search\w*)"
     r"\s+(?:around\s+)?(?:for\s+|at\s+|into\s+)?(?:an?\s+)?(?:alternatives?|other\s+options|(?:a\s+)?new\s+(?:\w+\s+){0,3}?(?:provider|"
     r"company|vendor|carrier|service|supplier|host|bank|airline))\b"
     # "looking at alternatives for the dinner menu": options for a thing, not for the vendor
     r"(?!\s+for\s+(?:the|our|my|this|that|a|an)\b)", {}),
    ("ult.contemplating_leaving", "ultimatum", 0.65,
     r"\b(?:(?:seriously|absolutely|really|now|am|i['’]?m|we['’]?re)\s+)(?:contemplating|considering|thinking\s+(?:about|of))"
     r"\s+(?:ending|cancel+ing|leaving|closing|terminating|switching|dropping|quitting|moving|dumping|ditching)\b", {}),
    ("ult.better_be_or", "ultimatum", 0.7,
     r"\b(?:this|that|it|you)\s+(?:had\s+)?better\s+(?:be|get|work)\b[^.!?\n]{0,40}?\bor\s+(?:else|we|i|you)\b", {}),
    ("ult.lose_my_business", "ultimatum", 0.75,
     r"\b(?:los(?:e|t|ing)|lost\w*)\s+(?:my|our)\s+(?:\w+\s+)?(?:business|custom|loyalty)\b|#lost\w*(?:business|customer)\b",
     {"negatable": False}),
    ("ult.reconsider", "ultimatum", 0.65,
     r"(?:" + LEAD + r"|\bmake\s+(?:me|us)\s+)(?:\w+\s+)?(?:reconsider|rethink|re-?evaluate|review)\s+(?:my|"
                     r"our)\s+(?:\w+\s+)?"
     r"(?:options|choices?|business|subscription|membership|loyalty|relationship|partnership|contract|flights?|"
     r"travel|account|plans?)\b", {}),
    ("ult.spending_no_more", "ultimatum", 0.75,
     r"\b(?:spend\w*|giv\w*)\s+(?:any\s*more|another|more|a\s+single)\s+(?:\w+\s+)?(?:money|dime|cent|penny|dollar|"
     r"pound|euro)s?\s+(?:with|on|to)\s+(?:you|u|ya|your|this|them|@\w+)\b", {"negatable": False}),
    ("ult.sticking_to", "ultimatum", 0.65,
     r"\bstick\w*\s+(?:to|with)\s+@\w+", {}),
    ("ult.loyal_no_more", "ultimatum", 0.65,
     r"\b(?:loyal|faithful|long-?time|longtime)\b[^.!?\n]{0,60}?\b(?:but\s+)?no\s+(?:more|longer)\s*[.!]",
     {"negatable": False}),
    ("ult.lost_me", "ultimatum", 0.8,
     r"\byou(?:['’]ve|\s+have)?\s+(?:just\s+)?lost\s+me(?:\s+(?:as\s+a\s+(?:customer|client|passenger|member)|for\s+good|"
     r"forever))?(?=\s*(?:[.!,;]|$|as\b|for\b))", {"negatable": False}),
    ("ult.one_word_now", "ultimatum", 0.6,
     r"(?:(?<![\s\S])|(?<=[.!?][ \t\n])|(?<=[.!?][ \t\n]{2}))"
     r"(?:now|today|immediately|right\s+now|asap)\s*[.!]+(?=\s|$)",
     {"negatable": False, "question": False, "positive": True}),
    ("ult.not_in_future", "ultimatum", 0.75,
     r"\b(?:in\s+(?:the\s+)?future|from\s+now\s+on|next\s+time|ever\s+again)\s*,?\s+(?:i|we)\s*(?:['’]\s*m|\s+am|['’]\s*re|"
     r"\s+are)?\s+(?:not\s+going\s+to|won['’]?t|will\s+not|will\s+never|never)\s+(?:\w+\s+)?(?:choose|use|buy|fly|"
     r"book|order|shop|pick|go\s+with|trust|recommend)\b", {"negatable": False}),
    ("ult.not_going_back", "ultimatum", 0.8,
     r"\b(?:not|never|won['’]?t)\s+(?:be\s+)?(?:going|go|gonna\s+go)\s+back\s+(?:there\s+|to\s+(?:you|them|\w+)\s+)?"
     r"(?:ever\s+)?again\b|\b(?:won['’]?t|will\s+not|never)\s+(?:be\s+)?(?:going|go)\s+back\s+to\s+(?:you|u|your\s+\w+|them)\b",
     {"negatable": False}),
    ("ult.not_renewing", "ultimatum", 0.5,
     r"\b(?:will\s+not|won['’]?t|not\s+going\s+to)\s+(?:be\s+)?renew(?:ed|ing)?\s+(?:with|our|my|the|it|this)\b",
     {"negatable": False}),
    ("ult.former_customer", "ultimatum", 0.75,
     r"\b(?:call\s+me\s+a|i['’]?m\s+(?:now\s+)?a|i\s+am\s+(?:now\s+)?a|consider\s+me\s+a|we['’]?re\s+(?:now\s+)?|"
     r"we\s+are\s+(?:now\s+)?)\s*(?:former|ex-?)\s*(?:customer|client|member|passenger|subscriber)s?\b",
     {"negatable": False}),
    ("ult.nor_will_i", "ultimatum", 0.8,
     r"\b(?:nor|never|neither)\s+will\s+(?:i|we)\s+(?:ever\s+|evr\s+|eva\s+)?(?:again\s+)?(?:fly|use|buy|shop|order|book|"
     r"purchase|return|come\s+back|recommend|travel|stay|choose|do\s+business)\b", {"negatable": False}),
    ("ult.ill_leave", "ultimatum", 0.6,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ll|\s+will|['’]\s*m\s+going\s+to|\s+am\s+going\s+to|['’]\s*re\s+going\s+to|"
     r"\s+are\s+going\s+to|['’]\s*m\s+gonna)\s+(?:just\s+)?(?:leave|go\s+elsewhere|walk\s+out|take\s+my\s+business\s+"
     r"elsewhere)(?=\s*(?:!|\.|$))", {}),
    ("ult.wont_be_another", "ultimatum", 0.7,
     r"\bthere\s+(?:won['’]?t|will\s+not|will\s+never)\s+be\s+(?:a|another)\s+(?:second|third|fourth|fifth|next)(?:\s+(?:time|one|"
     r"chance))?\b", {"negatable": False}),
    ("ult.last_warning_or_lose", "ultimatum", 0.8,
     r"\b(?:giv\w*\s+(?:you|u)\s+(?:one\s+)?(?:last|final)\s+(?:chance|opportunity)|(?:last|final)\s+warning\s*[:!.\-–]|"
     r"or\s+(?:you\s+)?(?:(?:will|'ll)\s+)?lose\s+(?:us|me|my\s+business|our\s+business|a\s+customer|the\s+account|the\s+contract))\b",
     {"negatable": False}),
    ("ult.done_with_this_bare", "ultimatum", 0.7,
     _SENTENCE_START + r"\s*(?:so\s+|totally\s+|completely\s+|officially\s+)?(?:done\s+with\s+(?:this|you|u|it|"
                       r"your\s+\w+|you\s+guys)|"
     r"not\s+renewing)(?=\s*(?:[.!]|$))", {"negatable": False}),
    ("ult.switching_plural", "ultimatum", 0.8,
     LEAD + r"(?:switch\w*|chang\w*)\s+(?:carriers|providers|banks|airlines|vendors|hosts|hosting\s+companies|agencies|"
     r"companies|suppliers|insurers|services|platforms)\b", {}),
    ("ult.booking_named", "ultimatum", 0.75,
     r"\b(?:booking|flying|going|sticking|switching|moving)\s+(?:with\s+|to\s+)?@\w+\s+(?:for\s+(?:my|our|the)\s+next|next\s+time|"
     r"from\s+now\s+on|instead|going\s+forward)\b", {}),
    ("ult.closing_accounts", "ultimatum", 0.65,
     r"\bclos(?:ing|e)\s+(?:all\s+(?:of\s+)?)?(?:my|our)\s+(?:\w+\s+)?accounts?\s+(?:\w+\s+)?(?:tomorrow|today|immediately|now|"
     r"this\s+week|effective)\b", {}),
    ("ult.not_renewing_after_this", "ultimatum", 0.75,
     r"\b(?:not|never)\s+(?:gonna|going\s+to)\s+renew\b[^.!?\n]{0,30}?\b(?:after\s+this|again|anymore)\b",
     {"negatable": False}),
    ("ult.one_word_goodbye", "ultimatum", 0.55,
     _SENTENCE_START + r"\s*(?:uninstalled|unsubscribed|deleted|bye(?:\s*-?\s*bye)?|goodbye|adios|"
                       r"so\s+long)\s*[.!]+(?=\s|$)",
     {"negatable": False, "positive": True, "question": False}),
    ("ult.leaving_because", "ultimatum", 0.75,
     r"\b(?:not\s+(?:be\s+)?renewing|cancel+ing|terminating|ending|leaving|moving\s+(?:away|on)|switching)\b[^.!?\n]{0,50}?"
     r"\b(?:given|due\s+to|because\s+of|in\s+light\s+of|following|after)\s+(?:the\s+|your\s+|these\s+|this\s+|all\s+the\s+)?"
     r"(?:ongoing|repeated|continued|continuing|recent|poor|persistent|constant|many)?\s*(?:issues|problems|service|failures|"
     r"delays|experience|outages|mistakes|errors)\b", {}),
    ("ult.conditional_leave", "ultimatum", 0.8,
     r"\b(?:should\s+(?:this|it|the\s+\w+|that)\s+not\s+be\s+\w+|failing\s+(?:that|which|this|resolution|a\s+\w+)|in\s+the\s+"
     r"absence\s+of\s+(?:a\s+)?\w+)\s*,?\s+(?:i|we)\s+(?:will|shall|would)\s+(?:\w+\s+){0,7}?(?:terminat\w*|cancel\w*|end\s+"
     r"(?:the|our|my)|leav\w*|withdraw\w*|seek\w*\s+(?:an?\s+)?alternative|mov\w*\s+(?:to|our)|switch\w*|take\s+(?:our|my)\s+"
     r"business)", {"negatable": False}),
    ("ult.no_option_but_to_leave", "ultimatum", 0.8,
     r"\b(?:no\s+(?:other\s+)?(?:option|choice|alternative)\s+(?:but|than)\s+to|(?:be\s+)?(?:forced|obliged|compelled)\s+to)\s+"
     + _LEAVE_VERB, {"negatable": False}),
    ("ult.patience_run_out", "ultimatum", 0.65,
     r"\b(?:our|my)\s+patience\s+(?:has|is)\s+(?:now\s+)?(?:run\s+out|worn\s+thin|been\s+exhausted|exhausted|gone|at\s+an\s+end)\b",
     {"negatable": False}),
    ("ult.consider_closed", "ultimatum", 0.8,
     r"\bconsider\s+(?:my|our|this)\s+(?:\w+\s+)?(?:account|contract|subscription|membership|relationship|business|order)\s+"
     r"(?:closed|cancell?ed|terminated|ended|over)\b", {"negatable": False}),
    ("ult.reviewing_options", "ultimatum", 0.55,
     r"\b(?:reviewing|considering|exploring|weighing|looking\s+at)\s+(?:our|my|all|other)\s+(?:\w+\s+)?(?:options|alternatives)\b",
     {"near": r"\b(?:issues?|problems?|continues?|again|service|unacceptable|disappointed|frustrat\w*|if\s+this)\b"}),
    ("ult.im_leaving_exclaimed", "ultimatum", 0.6,
     PROG + r"(?:leaving|out\s+of\s+here|outta\s+here|done)\s*!", {}),
    ("ult.find_someone_who", "ultimatum", 0.7,
     LEAD + r"(?:just\s+)?(?:find(?:ing)?|hir(?:e|ing)|us(?:e|ing)|go(?:ing)?\s+to|go(?:ing)?\s+with)\s+"
            r"(?:someone|somebody|people|(?:a|an)\s+(?:\w+\s+)?(?:company|provider|business|supplier|vendor|firm|agency|contractor|builder|studio|"
            r"developer|designer|printer|plumber|electrician|mechanic|host|platform|service|team|caterer|photographer|"
            r"translator|accountant|bookkeeper|cleaner|installer))"
     r"\s+(?:else\b|who\s+(?:actually|really|does|can|will|answers|cares)|that\s+(?:actually|really|does|can|will|answers|cares))",
     {}),
    ("ult.started_evaluating", "ultimatum", 0.65,
     r"(?=[iw])(?<!\w)(?:i|we)\s*(?:['’]\s*ve|\s+have|\s+had)?\s+(?:already\s+)?(?:started|begun|began|been)\s+(?:evaluating|"
     r"looking\s+(?:at|for|into)|testing|trialing|trialling|exploring|comparing)\s+(?:\w+\s+)?(?:alternatives|other\s+options|"
     r"competitors|other\s+(?:providers|vendors|tools|services|products|solutions))\b", {}),
    ("ult.cant_continue", "ultimatum", 0.65,
     r"\b(?:can['’]?t|cannot|won['’]?t\s+be\s+able\s+to|will\s+not\s+be\s+able\s+to)\s+(?:continue|go\s+on|carry\s+on|keep\s+going)\s+"
     r"(?:like\s+this|this\s+way|working\s+with\s+you|with\s+you|with\s+your\s+\w+)\b", {"negatable": False}),
    ("ult.my_last_order", "ultimatum", 0.75,
     r"\b(?:this|it|that)\s+(?:will|would|is\s+going\s+to)\s+be\s+(?:my|our)\s+(?:very\s+)?(?:last|final)\s+(?:order|purchase|booking|"
     r"flight|payment|renewal|project|stay|visit|subscription)\b", {"negatable": False}),
    ("ult.looking_elsewhere", "ultimatum", 0.7,
     r"\b(?:look\w*|shop\w*|tak\w*\s+(?:my|our)\s+(?:money|business))\s+elsewhere\b", {}),
    ("ult.moved_off", "ultimatum", 0.75,
     r"\b(?:mov\w*|migrat\w*|pull\w*|took|tak\w*)\s+(?:all\s+)?(?:\w+\s+){0,3}?off\s+(?:of\s+)?(?:your|this|the)\s+(?:platform|service|"
     r"product|app|servers?|cloud|hosting|network)\b", {}),
    # "then honestly we're done", "another delay and we're done", "if it happens again, I'm out"
    ("ult.and_were_done", "ultimatum", 0.75,
     r"(?:\b(?:honestly|frankly|quite\s+frankly|quite\s+simply|simply\s+put)\s*,?\s+|"
     r"\b(?:one|another|any)\s+(?:more\s+)?(?:\w+\s+)?(?:delay|mistake|excuse|error|problem|issue|outage|failure|screw-?up|"
     r"cock-?up|no-?show|missed\s+\w+|day|week|email|chance|time|incident|bug)s?\s+(?:like\s+this\s+)?(?:and|&)\s+|"
     r"\bif\s+(?!i\b|we\b)" + _COMPLAINT_IF + r"[^.!?\n]{1,80}?(?:,\s*|\s+then\s+))"
     r"(?:i|we)\s*(?:['’]\s*re|\s+are|['’]\s*m|\s+am|['’]\s*ll\s+be|\s+will\s+be)\s+(?:(?:so|totally|completely|officially)\s+)?"
     r"(?:done|finished|through|out(?:\s+of\s+here)?|gone)\b(?=\s*(?:[.!,;]|$|with\s+(?:you|u|your)))",
     {"negatable": False, "positive": True}),
    # a deadline with a threat in the same sentence: "I'm happy to let my bank reverse it if I don't hear
    # from a human by Monday", "unless I get the refund within 48 hours my lawyer takes over"
    ("ult.if_not_by_deadline", "ultimatum", 0.65,
     r"\b(?:if\s+(?:i|we)\s+(?:don['’]?t|do\s+not|dont|haven['’]?t|have\s+not|can['’]?t|cannot)|unless\s+(?:i|we))\s+"
     r"(?:hear|get|receive|see|have)\b[^.!?\n]{0,50}?" + _DEADLINE,
     {"near": r"\b(?:bank|card\s+company|chargeback|charge\s*back|claw\w*|reverse\w*|dispute\w*|lawyers?|solicitors?|"
              r"attorneys?|court|small\s+claims|sue|legal|regulator|trading\s+standards|ombudsman|(?:bad|negative|"
              r"1[\s-]*star|one[\s-]*star)\s+reviews?|someone\s+else|somebody\s+else|elsewhere|competitor\w*|"
              r"another\s+(?:company|supplier|provider|firm|vendor|agency|builder|contractor))\b"}),
    ("ult.expect_cancellation", "ultimatum", 0.75,
     r"\bexpect\s+(?:our|my|a)\s+(?:formal\s+|written\s+)?(?:cancell?ation|termination|notice\s+of\s+termination|chargeback)"
     r"(?:\s+notice|\s+request|\s+letter)?\b", {}),
    # --------------------------------------------------------------- abusive_language
    ("abuse.fword", "abusive_language", 0.7,
     r"\b(?!f[u*]+[c*]+k+ed\b)(?>" + _FWORD + r")(?!\s+(?:love|loved|loving|great|awesome|amazing|brilliant|legend|"
     r"legends|genius|best|incredible|fantastic|perfect|beautiful|cool|finally|helpful|fast)\b)",
     _ALWAYS),
    ("abuse.fucked", "abusive_language", 0.7, r"\bf(?:u|\*)(?:c|\*)ked\b",
     {**_ALWAYS,
      "not_before": r"\b(?:i|we|i\s+(?:totally|really|kinda|just))\s+$"}),
    ("abuse.f_you", "abusive_language", 0.75, r"\bf\s+(?:you|u|off|this|that|them|y['’]?all)\b",
     _ALWAYS),
    ("abuse.insult", "abusive_language", 0.7, r"\b" + _INSULT + r"\b(?!-?proof)",
     {**_ALWAYS,
      "not_before": r"\b(?:i['’]?m|i\s+am|i\s+was|i\s+feel|i\s+felt|feel|felt|like|look|looked|looks|"
                    r"myself|me\s+(?:look|feel|seem)|call\s+me|i)\s+(?:like\s+)?(?:such\s+)?(?:an?\s+)?"
                    r"(?:total\s+|complete\s+|real\s+|absolute\s+|bit\s+of\s+an?\s+)?$"}),
    # name-calling that addresses its target without naming it: "useless clowns, the lot of you",
    # "pathetic little man", "absolute cowboys"
    ("abuse.addressed", "abusive_language", 0.7,
     r"\b(?:" + _WEAK_INSULT + r"|cowboys|incompetents|(?:useless|incompetent|clueless|pathetic|lazy|stupid)\s+\w+s)"
     r"\s*,?\s*"
     r"(?:the\s+(?:whole\s+)?lot\s+of\s+(?:you|ya|them)|(?:all|every\s+(?:single\s+)?one|each|both)\s+of\s+(?:you|ya)|"
     r"you\s+lot|the\s+pair\s+of\s+you)\b|"
     r"\b(?:pathetic|sad|smug|arrogant|condescending|miserable|nasty|rude|useless|incompetent|stupid|ignorant|lying|"
     r"patronising|patronizing|jumped-up)\s+little\s+(?:man|men|woman|women|boy|boys|girl|person|people|company|firm|outfit|"
     r"shop|business|jobsworth|clerk|manager|tyrant|hitler)\b|"
     r"\b(?:absolute|complete|total|utter|proper|right|bunch\s+of|pack\s+of|you|load\s+of|band\s+of)\s+cowboys\b|"
     r"\bcowboy\s+(?:builders?|outfit|company|firm|operation|traders?|plumbers?|electricians?|mechanics?|landlords?|"
     r"contractors?|cleaners?|garage|business)\b",
     _ALWAYS),
    ("abuse.directed", "abusive_language", 0.7,
     r"\b" + _TARGET + r"\s*(?:are|r|['’]re|re|is|were|was|must\s+be|being)?\s+(?:(?:all|such|so|a|an|"
     r"bunch\s+of|complete|total|absolute|utter|utterly|completely|totally|truly|really|just|the|most|"
     r"f\w*ing|bloody|damn|freaking|fricking|still|guys|too|people)\s+){0,3}" + _WEAK_INSULT + r"\b",
     _ALWAYS),
    ("abuse.sucks_hashtag", "abusive_language", 0.6, r"#\w+(?<!never)(?<!not)(?<!nt)suc?ks?\b",
     _ALWAYS),
    ("abuse.piece_of", "abusive_language", 0.85,
     r"\bpiece\s+of\s+(?:sh[i*!1#@]+t|s[*#]{2,3}t|crap|filth|work)\b",
     _ALWAYS),
    ("abuse.shit_company", "abusive_language", 0.65,
     r"\b(?:sh[i*!1#@]+t(?:ty)?|s[*#]{2,3}t(?:ty)?)\s+(?:\w+\s+)?(?:service|company|airline|"
     r"support|customer\s+(?:service|svc|care)|svc|cs|staff|business|team|management|people|agents?|employees|"
     r"excuse)\b",
     _ALWAYS),
    ("abuse.bullshit", "abusive_language", 0.65,
     r"\b(?:bull\s?sh[i*!1#@]+t\w*|bull\s?s[*#]+t|b[*#]+llshit|horse\s?shit|bull\s?crap)\b",
     _ALWAYS),
    ("abuse.shit", "abusive_language", 0.45,
     r"\b(?:sh[i*!1#@]+t|s[*#]{2,3}t|sh\*)\w*",
     _ALWAYS),
    ("abuse.harassment", "abusive_language", 0.85,
     r"\b(?:watch\s+your\s+back|i\s+know\s+where\s+you\s+(?:live|work)|(?:hope|wish)\s+(?:you|u|they|your\s+"
     r"\w+)\s+(?:all\s+)?(?:die|rot|burn|suffer|choke|get\s+(?:fired|cancer|hit|hurt|deleted|what['’]?s\s+"
     r"coming))|go\s+to\s+hell|burn\s+in\s+hell|rot\s+in\s+hell|go\s+die|drop\s+dead|kill\s+(?:yo)?u|"
     r"kill\s+(?:yourself|yourselves)|kys|screw\s+(?:you|u|ya|y['’]?all|them)|damn\s+you|to\s+hell\s+with\s+"
     r"(?:you|u|your)|kiss\s+my\s+(?:ass|arse)|up\s+yours|bite\s+me|piss\s+off|shove\s+it|eat\s+(?:shit|"
     r"dirt)|shut\s+(?:the\s+\w+\s+)?up|get\s+bent|i\s+will\s+find\s+you|you['’]?ll\s+regret\s+(?:this|it))\b",
     _ALWAYS),
    ("abuse.whats_wrong_with_you", "abusive_language", 0.55,
     r"\bwhat(?:['’]?s)?\s+(?:the\s+\S+\s+)?(?:is\s+)?wrong\s+with\s+(?:you|u|y['’]?all)(?:\s+(?:people|guys|lot|idiots))?\b",
     _ALWAYS),
    ("abuse.do_your_job", "abusive_language", 0.65,
     r"\bdo\s+your\s+(?:f\S*|damn|damned|bloody|freaking|frigging|friggin|goddamn)\s+jobs?\b",
     _ALWAYS),
    ("abuse.clown_show", "abusive_language", 0.6,
     r"\b(?:clown\s+(?:show|car|college|school|circus|operation)|circus\s+act|amateur\s+hour|mickey\s+mouse\s+"
     r"(?:operation|outfit|company)|(?:joke|scam|disgrace|sham|excuse)\s+of\s+an?\s+(?:company|corporation|business|airline|"
     r"service|team|store|shop|firm))\b",
     _ALWAYS),
    ("abuse.get_it_together", "abusive_language", 0.65,
     r"\bget\s+(?:your|ur|y['’]?all['’]?s)\s+(?:sh[i*!1#@]+t|s[*#]{2,3}t|crap|f[\w*]*)\s+together\b",
     _ALWAYS),
    ("abuse.bunch_of", "abusive_language", 0.7,
     r"\bbunch\s+of\s+(?:\w+\s+)?(?:idiots|muppets|clowns|morons|amateurs|monkeys|crooks|thieves|liars|losers|"
     r"incompetents?|imbeciles|cowboys|jokers|scammers|frauds)\b",
     _ALWAYS),
    ("abuse.sorry_excuse", "abusive_language", 0.65, r"\bsorr\w*\s+excuse\s+for\b",
     _ALWAYS),
    ("abuse.act_like_children", "abusive_language", 0.55,
     r"\bact(?:s|ing)?\s+like\s+(?:(?:little|spoiled|spoilt|a\s+bunch\s+of|such)\s+)?(?:children|kids|"
     r"babies|toddlers|clowns|idiots|animals|a\s+child)\b",
     _ALWAYS),
    ("abuse.body_insult", "abusive_language", 0.7,
     r"\b(?:fat|ugly|lazy|stupid|dumb)\s+(?:ass\w*\s+)?(?:faces?|pigs?|cows?|slobs?|heads?)\b",
     _ALWAYS),
    ("abuse.learn_to", "abusive_language", 0.6,
     r"\b(?:learn\s+(?:how\s+)?to\s+(?:read|spell|do\s+your\s+job|count|listen|think)|get\s+a\s+(?:clue|brain|life|real\s+job)|"
     r"grow\s+a\s+(?:brain|pair|spine)|use\s+your\s+(?:brain|head|eyes)|are\s+you\s+(?:blind|deaf|illiterate|"
     r"brain\s*-?\s*dead|(?:\w+\s+)?stupid|(?:\w+\s+)?dumb|(?:\w+\s+)?incompetent|(?:\w+\s+)?retarded)|"
     r"(?:any\s*one|any\s*body|someone|somebody)\s+(?:there\s+|here\s+|at\s+\w+\s+)?with\s+(?:a\s+|half\s+a\s+)?"
     r"(?:brain|clue|brain\s+cell|iq)|like\s+(?:u|you)\s+(?:actually\s+)?(?:have|had)\s+a\s+(?:brain|clue)|"
     r"(?:do|does)\s+(?:you|u|anyone\s+there)\s+(?:even|actually)\s+have\s+a\s+(?:brain|clue)|have\s+you\s+(?:even\s+)?got\s+a\s+brain)\b",
     {"negatable": False, "hypothetical": False, "question": False}),
    ("abuse.sucks_hard", "abusive_language", 0.7,
     r"\bsuc?ks?\s+(?:balls|ass|donkey\s+\w+|big\s+time|so\s+(?:hard|bad|much))\b",
     _ALWAYS),
    ("abuse.crude", "abusive_language", 0.7,
     r"\b(?:dick\s+move|heads?\s+out\s+of\s+(?:their|your|his|her)\s+(?:asses|arses|ass|arse|butts?)|"
     r"(?:kiss|lick)\s+my\s+\w+|(?:suck|eat)\s+(?:my|a)\s+(?:dick|cock|balls)|(?:a|such\s+a|being\s+a|be\s+a|total|"
     r"complete)\s+dick|(?:you|they)\s+(?:all\s+|really\s+|totally\s+|just\s+)?suck(?:\s+(?:so\s+)?(?:bad|hard))?"
     r"(?=\s*(?:[.!,;]|$|and\b))|how\s+do\s+(?:they|you|these\s+people)\s+still\s+have\s+(?:a|their|your)\s+jobs?|"
     r"whose\s+(?:dumb|stupid|idiotic|moronic|brilliant)\s+idea|give\s+(?:him|her|you|them)\s+a\s+(?:good\s+)?beating|"
     r"beat\s+(?:you|him|her|them)\s+up|punch\s+(?:you|him|her|them))\b",
     _ALWAYS),
    ("abuse.garbage", "abusive_language", 0.6,
     r"\b(?:(?:your|this|the|you)\s+)?(?:\w+\s+)?(?:code|app|software|product|service|company|system|support|site|"
     r"website|airline|staff|team)\s+(?:is|are)\s+(?:\w+\s+)?(?:garbage|trash|rubbish|junk|crap|shit|pathetic|useless|"
     r"a\s+joke|a\s+scam|a\s+ripoff|a\s+rip-?off|a\s+disgrace)\b|\b(?:such\s+an?|what\s+an?)\s+(?:rubbish|crap|crappy|"
     r"shit|shitty|garbage|trash|pathetic|useless)\s+\w+",
     _ALWAYS),
    ("abuse.horrible_people", "abusive_language", 0.7,
     r"\b(?:you|u|y['’]?all|they)\s*(?:are|r|['’]re)\s+(?:all\s+)?(?:horrible|terrible|awful|disgusting|despicable|"
     r"evil|vile|scummy|greedy|rotten|shameless)\s+(?:people|humans|human\s+beings|company|bunch|crooks)\b|"
     r"\bhope\s+(?:you|u|y['’]?all|they)\s+(?:all\s+)?(?:end\s+up\s+(?:on\s+unemployment|jobless|broke|homeless)|"
     r"(?:get|go)\s+(?:fired|bankrupt|broke|out\s+of\s+business)|lose\s+(?:your|their)\s+jobs?)\b",
     _ALWAYS),
    ("abuse.shitting_me", "abusive_language", 0.6,
     r"\b(?:are\s+you|you)\s+(?:fucking\s+)?(?:shitting|bullshitting)\s+me\b|\bgo\s+f\s+(?:@?\w+)",
     _ALWAYS),
    ("abuse.you_are_the_worst", "abusive_language", 0.6,
     r"\b(?:you|u|y['’]?all)\s*(?:are|r|['’]re)\s+(?:by\s+far\s+|simply\s+|truly\s+|honestly\s+)?the\s+(?:absolute\s+)?worst"
     r"(?=\s*(?:[.!,;#]|$|ever\b))|#go(?:bankrupt|broke|outofbusiness)\b",
     _ALWAYS),
    ("abuse.you_animal", "abusive_language", 0.7,
     r"\b(?:you|u)\s+(?:\w+\s+)?(?:snakes?|rats?|weasels?|pigs?|worms?|vermin|animals|cowards?|leeches|parasites)\b"
     r"(?=\s*(?:[.!,;?]|$|and\b))", _ALWAYS),
    ("abuse.should_be_fired", "abusive_language", 0.6,
     r"\b(?:whoever|the\s+(?:person|guy|idiot|moron|genius|one)\s+who|whoever\s+is\s+responsible\s+for)\s+[^.!?\n]{0,40}?\bshould\s+"
     r"be\s+(?:fired|sacked|ashamed)\b|\b(?:it['’]?s|it\s+is|this\s+is|that['’]?s)\s+(?:absolute\s+|complete\s+|utter\s+|total\s+)?"
     r"(?:garbage|trash|junk|rubbish)(?=\s*(?:[.!,;]|$))", _ALWAYS),
    ("abuse.useless_bunch", "abusive_language", 0.65,
     r"\b(?:such\s+an?|what\s+an?)\s+(?:\w+\s*,\s*)?(?:arrogant|incompetent|useless|rude|pathetic|lazy|stupid|clueless|"
     r"dishonest)\b[^.!?\n]{0,30}?\b(?:bunch|lot|group|company|people|team|outfit|shower)\b|\b(?:useless|incompetent|arrogant|"
     r"pathetic|lazy|stupid|clueless)\s+bunch\s+of\s+\w+", _ALWAYS),
    ("abuse.you_lying_x", "abusive_language", 0.65,
     r"\b(?:you|u)\s+(?:lying|thieving|cheating|lazy|useless|stupid|incompetent|pathetic|arrogant|miserable|fat|ugly|"
     r"worthless|filthy|greedy)\s+(?!(?:people|guys|folks|lot|bunch|company|team)\b)\w+(?=\s*(?:[.!,;?]|$))|"
     r"\bget\s+(?:you|u|him|her|them)\s+fired\b", _ALWAYS),
    ("abuse.clueless_maintainer", "abusive_language", 0.6,
     r"\b(?:whoever|the\s+(?:person|people|guy|team)\s+(?:who|that))\s+(?:\w+\s+){1,4}?(?:is|are)\s+(?:clearly\s+|obviously\s+|"
     r"totally\s+|completely\s+)?(?:clueless|incompetent|an?\s+(?:idiot|moron|amateur)|stupid|useless|lazy|brainless)\b|"
     r"\b(?:incompetence|stupidity|idiocy|laziness|amateurism)\s+at\s+its\s+(?:finest|best|worst)\b|"
     r"\b(?:absolute|complete|total|utter)\s+(?:amateurs|clowns|idiots|morons|incompetents|buffoons|muppets)\b|"
     r"\bstop\s+being\s+(?:so\s+)?(?:lazy|stupid|incompetent|useless|an?\s+idiot|an?\s+jerk)\b|"
     r"\byour\s+(?:garbage|trash|shit|junk|rubbish|shitty|piece\s+of\s+\w+)\s+(?:app|code|software|product|service|"
     r"company|site|website|support|tool|plugin|game)\b", _ALWAYS),
    ("abuse.wtf", "abusive_language", 0.35, r"\b(?:wtf|wth|omfg|ffs)\b",
     _ALWAYS),
    ("abuse.mild_profanity", "abusive_language", 0.3,
     r"\b(?:crap(?:py)?|damn(?:ed)?|bloody|hell(?=\s+(?:is|are|was)\b)|piss\s+poor|pissed|sucks?|"
     r"bs|b\.s\.|screw(?:ed)?\s+(?:me|us|over))\b",
     _ALWAYS),
    ("abuse.weak_insult", "abusive_language", 0.3,
     r"\b(?:idiocy|stupidity|incompetence|incompetent|despicable|disgraceful|pathetic|clowns)\b",
     _ALWAYS),
]


# Cheap prefilter: single lower-case stems of which at least one must occur in the text
# for a rule to be tried (a substring test is ~10x cheaper than even a literal regex).
# A tuple of tuples is several groups that must all be present. Each group must be part of
# every possible match; tests/test_detect.py checks this on every known match.
_DEADLINE_KEYS = (" by ", "before", "until", " till ", "within", " next ", " later ")
_LEAVE_KEYS = ("cancel", "leav", "switch", "clos", "terminat", "stop", "quit", "walk", "elsewhere", "tak", "find",
               "uninstall", "delet",
               "mov", "unsubscrib", "end", "pull", "someone", "somebody", "another", "different")
_LAWYER_KEYS = ("lawyer", "lawer", "lawyr", "counsel", "attorn", "atorney", "atty", "solicitor", "barrister", "firm",
                "legal")
_REVIEW_KEYS = ("review", "reveiw", "reviw", "rating", "feedback", "write", "testimonial", "comment", "post",
                "star", "/", "out")
_PLATFORM_KEYS = ("subreddit", "r/", "dev.to", "hashnode", "lobste", "google", "yelp", "trustpilot", "tripadvisor",
                  "facebook", " fb ", "twitter", "insta", " ig ",
                  "quora", "discord", "mastodon", "bluesky", "substack", "sitejabber",
                  "trustradius", "ripoff", "complaint", "pissed", "affairs",
                  "tiktok",
                  "linkedin", "reddit", "youtube", "glassdoor", "amazon", "store", "play", "g2", "capterra",
                  "clutch", "upwork", "fiverr", "nextdoor", "hacker", "product", "social", "blog", "channel",
                  "podcast", "page", "site", "newsletter", "followers", "audience", "readers", "subscribers",
                  "internet", "web", "online", "public", "wide", "forum", "platform", "news", "media", "press",
                  "reporter", "journalist", "tv", "television", "consumer")
_PEOPLE_KEYS = ("every", "all", "network", "world", "anyone", "other", "public")
_PAYCO_KEYS = ("bank", "card", "paypal", "alipay", "wechat", "visa", "mastercard", "amex", "express", "stripe",
               "klarna", "venmo", "pay", "financial")
_REGULATOR_KEYS = ("verbraucher", "advice", "ftc", "f.t.c", "commission", "cfpb", "consumer", "general",
                   "standards", "ombudsman",
                   "financial", "fca", "dot", "faa", "fcc", "sec", "ico", "accc", "cnil", "asic", "cma", "ic3",
                   "regulat", "authorit", "department", "protection", "gdpr", "competition", "chamber",
                   "ofcom", "ofgem", "bafin")
RULE_KEYS: dict[str, tuple[str, ...] | tuple[tuple[str, ...], ...]] = {
    "review.intent_bad_review": _REVIEW_KEYS,
    "review.intent_public": _PLATFORM_KEYS + _PEOPLE_KEYS,
    "review.intent_post_on_platform": _PLATFORM_KEYS,
    "review.people_should_know": ("know", "hear", "warned", "told"),
    "review.you_get_bad_review": _REVIEW_KEYS,
    "review.enjoy_one_star": ("enjoy",),
    "review.contact_media": ("news", "media", "press", "reporter", "journalist", "tv", "television", "channel",
                             "consumer"),
    "review.go_public": ("public", "press", "media", "news", "papers"),
    "review.bbb": ("bbb", "bureau", "beureau", "bureu"),
    "review.warn_others": ("warn",),
    "review.everyone_will_know": ("know", "hear", "find", "learn", "see", "read"),
    "review.reviews_coming": ("coming", "way", "next", "imminent"),
    "review.make_content": ("video", "vlog", "tiktok", "reel", "thread", "post", "article", "story", "expos"),
    "review.you_will_see_my_review": ("review", "rating", "tweet", "post", "video", "thread", "write", "wait"),
    "review.rate_one_star": ("star",),
    "review.posted_bad_review": (("left", "post", "writ", "wrot", "giv", "gave", "put", "drop", "publish", "submit",
                                  "add", "chang", "updat", "lower", "downgrad"), _REVIEW_KEYS),
    "review.posted_review_on_platform": ("review", "rating", "write", "post", "thread", "video"),
    "review.already_posted": _PLATFORM_KEYS,
    "review.wont_be_pretty": ("pretty", "kind", "nice", "flattering", "positive", "glowing", "favo"),
    "review.report_to_store": ("report", "flag"),
    "review.boycott_hashtag": ("#",),
    "review.be_sharing": ("sharing", "posting", "tweeting", "blogging", "spreading"),
    "review.spread_the_word": ("spread",),
    "review.review_on_my_channel": ("review", "writ", "blog", "post", "talk", "rant", "vlog"),
    "review.honest_review": ("honest",),
    "review.intent_review": ("review", "reveiw", "reviw", "rating", "testimonial"),
    "legal.intent_lawyer": _LAWYER_KEYS,
    "legal.lawyer_up": ("lawyer",),
    "legal.lawyer_will_contact": _LAWYER_KEYS,
    "legal.lawyer_copied": _LAWYER_KEYS,
    "legal.hear_from_lawyer": _LAWYER_KEYS,
    "legal.working_with_lawyer": _LAWYER_KEYS,
    "legal.next_step": ("step", "option", "choice", "recourse", "way", "resort"),
    "legal.sue": ("sue", "suing"),
    "legal.formal_notice": ("formal", "before", "notice", "letter", "desist", "intent"),
    "legal.police_on_you": ("report", "police"),
    "legal.intent_sue": ("sue",),
    "legal.you_will_be_sued": ("sued",),
    "legal.intent_action": ("law", "legal", "litigation", "class", "claim", "court", "tribunal", "arbitration"),
    "legal.action_against_you": ("law", "legal", "litigation", "class", "claim", "court", "tribunal",
                                 "arbitration"),
    "legal.action_will_follow": ("law", "legal", "litigation", "class", "claim", "court", "tribunal",
                                 "arbitration"),
    "legal.take_to_court": ("court", "claims", "tribunal", "arbitration"),
    "legal.see_you_in_court": ("court",),
    "legal.breach": ("breach", "advertising", "consumer"),
    "legal.legal_options": ("legal", "rights"),
    "legal.regulator": _REGULATOR_KEYS,
    "legal.data_protection_right": ("gdpr", "ccpa", "cpra", "protection", "article", "subject", "right"),
    "legal.data_protection_named": ("gdpr", "ccpa", "cpra", "protection"),
    "legal.complaint_with_regulator": _REGULATOR_KEYS,
    "legal.intent_chargeback": ("charge",),
    "legal.intent_dispute": ("disput", "contest", "revers", "report", "flag"),
    "legal.bank_reverse": _PAYCO_KEYS,
    "legal.dispute_with_bank": ("disput",),
    "legal.bank_opened_dispute": ("dispute", "charge", "fraud", "investigat", "revers", "block", "recall"),
    "legal.filed_dispute_with": _PAYCO_KEYS,
    "legal.filed_provider_dispute": ("dispute", "chargeback", "claim", "case", "complaint"),
    "legal.disputed_by_bank": ("disputed", "charged", "reported"),
    "legal.report_fraud": ("report",),
    "legal.chargeback_mention": ("charge",),
    "scope.should_be_free": ("free", "complimentary", "included", "part", "cost", "charge", "house", "thrown",
                             "comped"),
    "scope.demand_for_free": ("free", "cost", "charg", "paying", "payment", "house", "nothing", "gratis"),
    "scope.least_you_can_do": ("least", "ask", "fair"),
    "scope.unlimited": ("unlimited",),
    "scope.on_you": (" on you ", " on u "),
    "scope.not_paying_for_it": ("pay",),
    "scope.refund_despite_use": ("refund", "money"),
    "scope.not_paying_for_more": ("pay",),
    "scope.shouldnt_pay_extra": ("pay",),
    "scope.not_paying_for_replacement": ("pay",),
    "scope.wont_pay_anything": ("pay",),
    "scope.dont_care_policy": ("care",),
    "scope.refund_regardless": (("polic", "terms", "contract", "rules", "refund", "money"),
                                ("or", "regardless", "irrespective", "anyway", "anyhow", "matter")),
    "scope.policy_pushback": ("fair", "ridiculous", "absurd", "outrageous", "joke", "scam", "mean", "serious",
                              "kidding", "joking"),
    "scope.dont_see_why_not": ("see",),
    "scope.discount_demand": ("discount", "deal", "freebie", "price", "%", "cheaper", "rate"),
    "scope.discount_rhetorical": ("discount", "deal", "freebie", "price", "cheaper", "rate"),
    "scope.enough_for_compensation": ("enough",),
    "scope.deserve_compensation": ("deserve", "owe", "entitle"),
    "scope.assumed_included": ("included", "free", "complimentary", "part"),
    "pay.not_until": ("pay", "settl", "clear"),
    "pay.refuse_owed": ("pay",),
    "pay.no_money_until": ("until", "till", "til", "unless"),
    "pay.withhold": ("withh", "hold", "stop", "froze", "freez", "suspend", "halt", "paus"),
    "pay.later": ("pay", "settle", "clear", "sort", "care", "deal"),
    "pay.when_i_feel_like_it": ("pay", "settle", "clear"),
    "pay.settle_old_later": ("settle", "pay", "clear", "deal", "sort"),
    "pay.cannot_pay_yet": ("pay",),
    "pay.before_we_can_pay": ("pay",),
    "pay.release_only_when": ("only",),
    "pay.payment_delayed": ("payment", "invoice", "check", "cheque", "transfer", "money"),
    "pay.get_paid_later": ("paid", "get", "come", "coming", "way"),
    "pay.money_when_done": ("money", "payment", "cash", "check", "cheque"),
    "pay.be_patient": ("patient", "bear", "time", "day", "week", "month", "check", "cheque"),
    "pay.internal_hold": ("cash", "tight", "low", "who", "waiting", "able", "approved", "signed", "released",
                          "authori", "agreed", "change", "restructur",
                          "reorgani", "system", "software", "platform", "only", "passed"),
    "pay.when_i_get_paid": ("paid",),
    "pay.on_hold": ("hold", "withheld", "frozen", "suspended"),
    "pay.invoice_on_hold": ("hold",),
    "pay.hold_back": ("withh", "hold", "stop"),
    "pay.when_you_fix": ("pay",),
    "ult.never_again": ("never",),
    "ult.will_never_return": ("never",),
    "ult.never_verb_again": ("never",),
    "ult.never_patronise": ("never",),
    "ult.not_coming_back": ("back", "returning"),
    "ult.last_time": ("time",),
    "ult.last_chance": ("last", "final", "out"),
    "ult.or_else": ("else",),
    "ult.all_you_get": ("get",),
    "ult.done_here": ("done",),
    "ult.switch_away": ("elsewhere", "else", "competitor", "another", "different", "new", "better", "other",
                        "real", "actual", "alternative"),
    "ult.switch_to_named": ("switch", "migrat", "back"),
    "ult.switch_back": ("back",),
    "ult.move_to_named": ("mov",),
    "ult.find_another": ("another", "different", "new", "better", "real", "actual", "other"),
    "ult.take_business_elsewhere": ("tak",),
    "ult.lost_customer": ("los", "goodbye"),
    "ult.competitor": ("competitor",),
    "ult.done_with_you": ("done", "finished", "through"),
    "ult.if_not_then_leave": (("if", "unless"), _LEAVE_KEYS),
    "ult.leave_if_not": (("if", "unless"), _LEAVE_KEYS),
    "ult.or_i_leave": (("or", "otherwise", "else"), _LEAVE_KEYS),
    "ult.deadline_or": ((*_DEADLINE_KEYS, "today", "tonight", " now", "immediately", " right ", "asap", "tomorrow",
                         " this ", " end "),
                        (" or ", "otherwise", " if not ", "failing")),
    "ult.deadline_threat": (("if", "unless"), _DEADLINE_KEYS),
    "ult.and_were_done": (("done", "finished", "through", " out ", "gone"),
                          ("honest", "frank", "simpl", "more", "another", "any", "if")),
    "ult.if_not_by_deadline": (("hear", "get", "receive", "see", "have"), _DEADLINE_KEYS),
    "ult.you_have_until": ("have", "giv", "got"),
    "ult.demand_deadline": (_DEADLINE_KEYS, ("please", "kindly", "need", "want", "expect", "demand", "require",
                                             "insist", "must", "have")),
    "ult.if_not_resolved": ("if", "unless"),
    "ult.now_shout": ("now",),
    "ult.impatience": ("wait", "patience", "enough"),
    "ult.hurry_up": ("hurry",),
    "ult.cancel_announce": ("cancel", "leaving", "quitting", "closing"),
    "review.warn_imperative": ("away", "avoid", "buy", "waste", "save", "beware"),
    "review.everyone_should_avoid": ("uninstall", "avoid", "away", "delete", "boycott", "stop", "steer", "run",
                                     "unsubscribe", "warned"),
    "review.get_vocal": ("vocal", "loud", "public", "noise", " up "),
    "legal.opened_dispute": ("dispute", "chargeback", "charge", "claim", "case"),
    "legal.will_be_disputed": ("disputed", "charged", "reversed"),
    "legal.then_dispute": (("then", "else", "otherwise", "after", " or "),
                           ("dispute", "chargeback", "charge", "claim", "law", "claims", "court")),
    "legal.in_court": ("court", "judge"),
    "legal.had_to_dispute": ("dispute", "charge"),
    "scope.do_it_for_free": ("free", "cost", "charg"),
    "scope.dont_want_to_pay_extra": ("pay",),
    "scope.also_part_of": ("part", "included", "within"),
    "scope.exposure": ("exposure", "shout", "advertising", "publicity", "promotion", "promote", "tag", "credit",
                       "portfolio", "mouth"),
    "pay.decided_not_to_pay": ("pay",),
    "pay.not_going_to_pay": ("pay",),
    "pay.why_should_i_pay": ("pay",),
    "ult.wont_again": ("again",),
    "ult.done_verbing": ("done",),
    "ult.try_another": ("another", "different", "new", "other", "competing", "better", "real"),
    "ult.new_provider": ("new",),
    "ult.next_elsewhere": ("next",),
    "ult.back_on_named": ("back",),
    "ult.take_custom_to": ("tak",),
    "ult.hashtag_never": ("#",),
    "ult.give_it_until": ("give",),
    "ult.fix_it_now": ("now",),
    "review.done_public": _PLATFORM_KEYS + _PEOPLE_KEYS,
    "review.expect_to_see": _PLATFORM_KEYS,
    "review.platform_will_hear": ("bbb", "bureau", "trustpilot", "yelp", "google", "reddit", "twitter", "facebook",
                                  "press", "media", "news", "followers", "readers", "subscribers", "audience",
                                  "network"),
    "review.reviews_will_reflect": ("review", "rating", "star", "feedback"),
    "review.nobody_i_know": ("sure", "certain"),
    "legal.contacted_bank": ("bank", "card", "paypal", "visa", "amex", "mastercard"),
    "legal.letter_from_lawyer": _LAWYER_KEYS,
    "legal.lawyer_is_copied": _LAWYER_KEYS,
    "scope.that_should_be_included": ("included", "part"),
    "scope.waive_fee": ("fee", "charge", "penalt", "cost", "interest", "shipping", "postage", "expense"),
    "scope.free_obviously": ("charge", "free", "cost", "house"),
    "scope.for_my_trouble": ("trouble", "inconvenience", "time", "hassle", "frustration", "suffering", "stress",
                             "patience", "problem", "issue", "bug", "mess", "outage", "delay", "downtime"),
    "pay.will_be_paid_when": ("paid", "settled", "released", "sent", "transferred", "made", "issued"),
    "pay.dont_expect_payment": ("expect",),
    "pay.when_satisfied": ("pay",),
    "ult.last_straw": ("straw",),
    "ult.cancel_now": (("immediately", "now", "today", "instant", "minute", "second"),
                       ("cancel", "terminat", "clos", "end", "leav", "quit")),
    "ult.goodbye_named": ("bye", "farewell", "long", "adios", "sayonara"),
    "ult.caps_deadline": ("today", "immediately", "now", "week", "tonight", "instant"),
    "ult.expect_by_deadline": ("expect", "demand", "require", "insist"),
    "abuse.learn_to": ("learn", "clue", "brain", "life", "job", "pair", "spine", "head", "eyes", "blind", "deaf",
                       "illiterate", "stupid", "dumb", "incompetent", "retard", "iq"),
    "abuse.sucks_hard": ("suk", "suck", "sks"),
    "review.do_not_buy": (("not", "don", "never"), ("fly", "buy", "purchase", "pay", "use", "trust", "book", "order",
                                                   "download", "install", "subscribe", "believe", "hire", "deal",
                                                   "shop")),
    "review.advise_everyone": ("advise", "recommend", "urge", "encourage", "suggest", "warn", "beg", "tell"),
    "review.consider_this_a_warning": ("warning", "keep", "stop", "save", "prevent", "warned", "beware", "caveat"),
    "review.sharing_on_platform": (_PLATFORM_KEYS, ("shar", "post", "tweet", "blog", "publish", "spread", "expos",
                                                    "broadcast", "upload")),
    "review.bring_attention": ("bring", "brought", "draw", "call"),
    "review.regulator_would_care": ("maybe", "perhaps", "bet", "sure"),
    "review.tell_everyone_you_see": ("tell",),
    "legal.reluctant": (("don", "not", "hate", "rather"),
                        ("disput", "file", "open", "charge", "involve", "take", "go", "get", "contact", "sue",
                         "report")),
    "legal.money_back_via_provider": ("back", "bank", "paypal", "visa", "amex", "mastercard"),
    "legal.informed_bank_fraud": ("bank", "card", "paypal"),
    "legal.formally_dispute": ("formally", "officially"),
    "scope.compensation_demand": ("compensat", "voucher", "credit", "discount", "upgrade", "free", "miles", "points",
                                  "gift", "reduction", "cut", "goodwill"),
    "scope.as_a_favour": ("favo", "courtesy", "freebie", "gift", "goodwill"),
    "scope.you_get_exposure": ("exposure", "referrals", "publicity", "advertising", "portfolio"),
    "pay.not_worry_about_paying": ("paying", "pay"),
    "pay.when_business_succeeds": ("pay", "paid"),
    "ult.never_a_customer": (("customer", "client", "member", "passenger", "subscriber", "user"),
                             ("won", "will not", "never", "longer")),
    "ult.last_dollar": ("last", "final"),
    "ult.try_named": ("#", "@"),
    "ult.or_it_ends": ("end", "finish", " go", "get"),
    "ult.taking_forever": ("taking", "long", "waiting", "ridiculous"),
    "ult.exclaim_immediately": ("!!",),
    "review.beware": ("beware", "careful", "recommend"),
    "review.flagged_publicly": _PLATFORM_KEYS,
    "review.dont_want_this_public": ("want",),
    "scope.should_not_have_to_pay": ("pay",),
    "scope.want_it_free": ("free", "charge", "cost"),
    "ult.we_are_through": ("through", "finished", "fired"),
    "ult.your_loss": ("loss", "gain"),
    "ult.not_a_customer_anymore": ("customer", "client", "member", "subscriber"),
    "ult.looking_for_alternatives": ("alternative", "options", "new"),
    "ult.contemplating_leaving": ("contemplat", "consider", "thinking"),
    "ult.better_be_or": ("better",),
    "abuse.crude": ("dick", "heads", "head", "kiss", "lick", "suck", "eat", "job", "idea", "beat", "punch"),
    "review.dont_buy_it": (("not", "don"), ("buy", "pay", "use", "trust", "download", "install", "purchase", "hire",
                                            "waste")),
    "review.my_blog_post": ("blog", "post", "review", "video", "thread", "tweet", "article", "vlog", "channel",
                            "story", "material", "content", "headline", "public"),
    "scope.good_faith": ("faith", "will"),
    "pay.when_they_pay_us": ("us", "me"),
    "pay.no_money": ("money", "broke", "skint", "laid"),
    "ult.lose_my_business": ("los",),
    "ult.reconsider": ("reconsider", "rethink", "evaluate", "review"),
    "ult.spending_no_more": ("spend", "giv"),
    "ult.sticking_to": ("stick",),
    "ult.loyal_no_more": (("loyal", "faithful", "time"), ("more", "longer")),
    "abuse.garbage": ("garbage", "trash", "rubbish", "junk", "crap", "shit", "joke", "scam", "rip", "pathetic",
                      "useless", "disgrace"),
    "abuse.horrible_people": ("horrible", "terrible", "awful", "disgusting", "despicable", "evil", "vile", "scummy",
                              "greedy", "rotten", "shameless", "hope"),
    "abuse.shitting_me": ("shitting", " go f "),
    "ult.lost_me": ("lost",),
    "ult.one_word_now": ("now", "today", "immediately", "asap"),
    "ult.not_in_future": ("future", "from now", "next time", "ever again"),
    "ult.not_going_back": ("back",),
    "ult.not_renewing": ("renew",),
    "review.keep_posting": ("keep", "continue"),
    "review.news_hashtags": ("#",),
    "ult.former_customer": ("former", "ex"),
    "ult.nor_will_i": ("nor", "never", "neither"),
    "ult.ill_leave": ("leave", "elsewhere", "walk"),
    "abuse.you_are_the_worst": ("worst", "#go"),
    "pay.deferred_until": ("pay", "settle", "clear"),
    "pay.paid_after_event": ("paid", "settled"),
    "pay.catch_up_later": ("catch",),
    "pay.talk_about_payment_later": ("first", "before"),
    "pay.keep_working_unpaid": ("keep", "continue", "carry", "start", "send"),
    "scope.while_youre_at_it": ("while",),
    "scope.while_here_free": ("while",),
    "scope.thing_should_be_included": ("included", "part"),
    "scope.already_paid_callout": ("paid",),
    "scope.same_price": ("same",),
    "scope.until_happy": (("until", "till", "til", "see"), ("happy", "satisfied", "pleased", "pay")),
    "scope.others_include": (("standard", "course", "package", "price", "deal", "free", "cost", "charg"),
                             ("includ", "throw", "threw", "does", "did", "do", "offer", "give", "gave")),
    "scope.its_only_small": ("take", "only", "just"),
    "scope.expect_included": ("included", "part", "covered", "complimentary", "free", "cost", "charge", "paying",
                              "house"),
    "scope.surely_included": ("surely", "obviously", "course", "clearly", "naturally"),
    "scope.include_in_price": ("include",),
    "scope.big_client": ("client", "customer", "account"),
    "scope.make_up_for": ("make up",),
    "scope.basic_plan_demand": ("basic", "free", "cheap", "starter", "standard", "lite", "entry", "lowest"),
    "scope.you_owe_me": ("owe",),
    "scope.not_paying_extra_bare": ("paying",),
    "legal.lawyer_about_this": _LAWYER_KEYS,
    "legal.pursue_it": ("pursu", "tak"),
    "legal.provider_will_hear": (("hear",), ("paypal", "pay", "bank", "card", "visa", "amex", "mastercard",
                                             *_LAWYER_KEYS, *_REGULATOR_KEYS)),
    "legal.lawyer_takes_over": _LAWYER_KEYS,
    "legal.provider_can_reverse": (("claw", "charge", "reverse", "recall", "dispute", "refund", "back"),
                                   ("bank", "card", "paypal", "visa", "amex", "mastercard")),
    "legal.going_to_bank": (("bank", "card", "paypal"), ("go", "tak", "turn", "escalat")),
    "legal.sued_over_this": ("sued", "court"),
    "review.goes_on_platform": _PLATFORM_KEYS,
    "review.my_review_is_ready": ("written", "ready", "drafted", "done", "waiting", "scheduled", "queued"),
    "review.writing_about_you": ("writing", "recording", "filming", "drafting", "making", "preparing"),
    "review.my_audience": ("followers", "subscribers", "readers", "viewers", "members", "connections", "fans"),
    "review.score_about_to_drop": ("about", "going"),
    "review.attention_it_deserves": ("deserve",),
    "review.thinking_of_review": ("thinking", "considering"),
    "ult.wont_be_another": ("there",),
    "ult.last_warning_or_lose": ("last", "final", "lose"),
    "ult.done_with_this_bare": ("done", "renewing"),
    "abuse.you_animal": ("snake", "rat", "weasel", "pig", "worm", "vermin", "animal", "coward", "leech", "parasite"),
    "review.gerund_bad_review": ("leaving", "giving", "writing", "posting", "dropping", "chang", "updated",
                                 "downgraded"),
    "review.gerund_public": ("posting", "sharing", "tweeting", "spreading", "telling", "blasting"),
    "review.psa": ("psa", "public service", "heads up", "warning"),
    "review.so_no_one_else": ("so",),
    "review.tagging_so_they_see": ("tag",),
    "legal.reported_to_provider": ("report",),
    "scope.pro_features_on_basic": ("pro", "premium", "paid", "full", "enterprise", "plus", "business", "ultimate"),
    "ult.switching_plural": ("switch", "chang"),
    "ult.booking_named": ("@",),
    "ult.closing_accounts": ("clos",),
    "ult.not_renewing_after_this": ("renew",),
    "ult.one_word_goodbye": ("uninstalled", "unsubscribed", "deleted", "bye", "adios", "long"),
    "abuse.should_be_fired": ("fired", "sacked", "ashamed", "garbage", "trash", "junk", "rubbish"),
    "ult.insist_deadline": (("insist", "demand", "require"), _DEADLINE_KEYS),
    "ult.leaving_because": ("given", "due to", "because", "light", "following", "after"),
    "ult.conditional_leave": ("should", "failing", "absence"),
    "ult.no_option_but_to_leave": ("option", "choice", "alternative", "forced", "obliged", "compelled"),
    "ult.patience_run_out": ("patience",),
    "ult.consider_closed": ("consider",),
    "ult.reviewing_options": ("options", "alternatives"),
    "legal.reserve_rights": ("reserve",),
    "review.so_others_aware": ("aware", "warned", "informed", "know", "see", "learn", "find"),
    "review.drafted_review": ("drafted", "written", "prepared", "wrote"),
    "review.members_informed": ("informed", "told", "aware", "notified", "warned", "updated"),
    "abuse.useless_bunch": ("bunch", "lot", "group", "company", "people", "team", "outfit", "shower"),
    "scope.within_scope": ("within", "part", "included", "covered", "further", "additional", "extra"),
    "scope.included_in_fee": ("included", "covered"),
    "ult.im_leaving_exclaimed": ("!",),
    "review.thousands_have_read": ("read", "seen", "watched", "heard", "shared", "liked", "retweeted"),
    "abuse.you_lying_x": ("lying", "thieving", "cheating", "lazy", "useless", "stupid", "incompetent", "pathetic",
                          "arrogant", "miserable", "fat", "ugly", "worthless", "filthy", "greedy", "fired"),
    "legal.go_to_police_court": ("police", "court", "cops", "authorities", "claims"),
    "legal.bank_will_sort_it": ("bank", "card", "paypal"),
    "ult.find_someone_who": ("someone", "somebody", "people", "company", "provider", "business", "supplier", "vendor",
                             "firm", "agency", "contractor", "builder", "studio", "developer", "designer", "printer",
                             "plumber", "electrician", "mechanic", "host", "platform", "service", "team", "caterer",
                             "photographer", "translator", "accountant", "bookkeeper", "cleaner", "installer"),
    "review.take_it_to_platform": ("tak",),
    "review.anyone_considering": ("considering", "thinking", "planning", "looking", "about to"),
    "review.updating_review": ("review", "rating"),
    "ult.started_evaluating": ("alternatives", "options", "competitors", "other"),
    "legal.contacted_about_unauthorized": ("bank", "stripe", "paypal", "pay pal", "visa", "amex", "mastercard", "card"),
    "scope.should_get_free_forever": ("free", "forever", "life", "cost", "lifetime", "future", "unlimited",
                                      "permanent"),
    "scope.shouldnt_need_higher_plan": ("enterprise", "pro", "premium", "business", "team", "higher", "paid"),
    "abuse.clueless_maintainer": ("clueless", "incompetent", "idiot", "moron", "amateur", "stupid", "useless", "lazy",
                                  "brainless", "finest", "best", "worst", "clown", "buffoon", "muppet", "garbage",
                                  "trash", "crap", "shit", "junk", "rubbish", "piece"),
    "review.polite_public": ("privately", "quietly", "between us", "directly", "review", "post", "rating", "write",
                             "tweet", "interested", "curious", "keen", "fascinated"),
    "legal.becomes_legal_matter": ("legal", "court", "lawsuit", "litigation", "claims", "grounds", "case", "basis"),
    "ult.cant_continue": ("continue", "go on", "carry on", "keep going"),
    "ult.my_last_order": ("last", "final"),
    "pay.cant_release_while": ("release", "make", "send", "process", "authori", "approve"),
    "scope.within_budget": ("within", "under", "inside"),
    "legal.gerund_report": ("report", "filing", "filed", "escalat", "complaint"),
    "legal.purchase_protection": ("protection",),
    "ult.looking_elsewhere": ("elsewhere",),
    "ult.moved_off": ("off",),
    "ult.expect_cancellation": ("expect",),
    "abuse.fword": ("fuc", "fuk", "fuq", "fuu", "fu*", "fu#", "fu@", "fcuk", "fck", "fk", "f*", "f#", "f@", "f$",
                    "f%", "f!", "f-", "f'", "phuck", "eff", "motherf", "mofo", "stfu", "gtfo"),
    "abuse.f_you": (" f you ", " f u ", " f off ", " f this ", " f that ", " f them ", " f y"),
    "abuse.fucked": ("fuc", "fu*", "f*"),
    "abuse.insult": ("idiot", "moron", "imbecile", "retard", "dumb", "jackass", " ass", "a*", "a$", "a@", "arse",
                     "dick", " dip", "shit", "bastard", "bitch", "b*", "b#", "cunt", "c*", "c#", "twat", "wanker",
                     "prick", "scum", "douche", "cretin", "half", " nit", "numpt", "muppet", "bums", "jerk",
                     "puss", "tosser", "dipstick", "sleaze", "buffoon", "parasite", "leech", "vulture", "artist",
                     "thug", "shitbag", "fuckwit", "dumbf", "prat", "plonker", "pillock", "knob", "tosspot", "skull",
                     "bell"),
    "abuse.addressed": ((" of you ", " of ya ", " of them ", " you lot ", " little ", "cowboy"),
                        ("stupid", "dumb", "lazy", "incompetent", "clueless", "brain", "pathetic", "cheat", "greedy",
                         "useless", "worthless", "clown", "crook", "thie", "liar", "loser", "scammer", "fraud",
                         "amateur", "joke", "disgrace", "bunch", "suk", "suck", "cowboy", "sad", "smug", "arrogant",
                         "condescending", "miserable", "nasty", "rude", "ignorant", "lying", "patroni", "jumped")),
    "abuse.directed": ("stupid", "dumb", "laziest", "lazy", "incompetent", "clueless", "brain", "pathetic", "cheat",
                       "greedy",
                       "useless", "worthless", "clown", "crook", "thie", "liar", "loser", "scammer", "fraud",
                       "amateur", "joke", "disgrace", "bunch", "suk", "suck"),
    "abuse.sucks_hashtag": ("suck", "suk"),
    "abuse.piece_of": ("piece",),
    "abuse.shit_company": ("shi", "sh*", "sh!", "sh1", "sh#", "sh@", "s*", "s#", "crap"),
    "abuse.bullshit": ("bull", "horse", "b*", "b#"),
    "abuse.shit": ("shi", "sh*", "sh!", "sh1", "sh#", "sh@", "s*", "s#"),
    "abuse.harassment": ("watch", "know", "hope", "wish", " hell ", " die ", "dead", "kill", "kys", "screw", "damn",
                         "kiss", "yours", "bite", "piss", "shove", "shit", "dirt", "shut", "bent", "find", "regret"),
    "abuse.whats_wrong_with_you": ("wrong",),
    "abuse.do_your_job": ("job",),
    "abuse.clown_show": ("clown", "circus", "amateur", "mickey", "joke", "scam", "disgrace", "sham", "excuse"),
    "abuse.get_it_together": ("together",),
    "abuse.sorry_excuse": ("excuse",),
    "abuse.bunch_of": ("bunch",),
    "abuse.act_like_children": ("like",),
    "abuse.body_insult": ("fat", "ugly", "lazy", "stupid", "dumb"),
    "abuse.wtf": ("wtf", "wth", "omfg", "ffs"),
    "abuse.mild_profanity": ("crap", "damn", "bloody", " hell ", "piss", "suck", "suk", " bs ", "b.s", "screw"),
    "abuse.weak_insult": ("idiocy", "stupidity", "incompeten", "despicable", "disgrace", "pathetic", "clown"),
}


ANCHORED_STARTS = (LEAD_PERF_AND, ANY_AND, LEAD_AND, LEAD, INTENT, "(?:" + INTENT + "|" + PROG + "|" + PERF + ")",
                    "(?:" + LEAD + "|" + PERF + ")")

# rule id -> its signal: what a config's disable_rules is checked against
RULE_SIGNALS: dict[str, str] = {rule_id: signal for rule_id, signal, *_ in RULE_TABLE}
