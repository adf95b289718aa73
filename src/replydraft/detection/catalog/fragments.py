"""The shared pieces of the rules' patterns: who is speaking ("I will", "I've"), what they threaten
(a platform, a lawyer, a regulator) and how (a deadline, an insult). Plain strings: nothing is compiled here."""

from __future__ import annotations

from replydraft.detection.catalog.spec import Always

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
           r"barristers?|law\s*firm|legal\s+(?:team|counsel|department|dept|representatives?|representation|"
           r"advis[eo]rs?|"
           r"advice|aid|help|professionals?|firm))")
_LEGAL_ACTION = (r"(?:law\s*suits?|lawsuite|legal\s+(?:action|actions|proceedings?|steps|measures|"
                 r"recourse|route|remed(?:y|ies)|case)|litigation|class[\s-]+action|"
                 r"small[\s-]+claims?(?:\s+court)?|court\s+(?:case|action|claim|proceedings)|"
                 r"court|tribunal|arbitration)")
_REGULATOR = (r"(?:ftc|f\.t\.c\.?|federal\s+trade\s+commission|cfpb|consumer\s+(?:financial\s+)?"
              r"protection(?:\s+(?:agency|bureau|authority|office|board))?|consumer\s+(?:affairs|"
              r"council|ombudsman|authority|agency|tribunal|cent(?:re|er)s?|watchdog|association|rights\s+(?:agency|"
              r"authority|body|"
              r"organi[sz]ation))|attorney\s+general|trading\s+standards|ombudsman|"
              r"financial\s+(?:authorit(?:y|ies)|regulators?|ombudsman|conduct\s+authority|"
              r"services\s+authority)|(?-i:FCA|DOT|FAA|FCC|SEC|ICO|ACCC|CNIL|ASIC|CMA|IC3)|"
              r"regulators?|regulatory\s+(?:body|bodies|authorit(?:y|ies))|(?:(?:relevant|appropriate|"
              r"proper|competent|consumer|financial)\s+)?authorities|department\s+of\s+(?:transportation|"
              r"consumer\s+affairs)|"
              r"information\s+commissioner|data\s+protection\s+(?:authority|commissioner|regulator)|"
              r"gdpr\s+(?:authority|regulator)|european\s+commission|eu\s+commission|"
              r"competition\s+(?:bureau|authority)|chamber\s+of\s+commerce|ofcom|ofgem|bafin|verbraucherzentrale|"
              r"consumer\s+advice\s+(?:centre|center)|citizens\s+advice|action\s+fraud)")
_PAYMENT_CO = (r"(?:(?:both\s+)?(?:my|the|our)\s+|both\s+)?(?:bank|card\s+(?:issuer|company|provider)|credit\s+card"
               r"(?:\s+(?:company|issuer|provider))?|debit\s+card|card|paypal|alipay|wechat\s*pay|visa|"
               r"mastercard|amex|american\s+express|stripe|klarna|venmo|apple\s+pay|google\s+pay|revolut|monzo|"
               r"financial\s+institution)")
_NEWS = (r"(?:(?:the|my|our|a)\s+)?(?:local\s+|tech\s+|trade\s+|industry\s+|national\s+)?(?:news(?:papers?|"
         r"\s+stations?|"
         r"\s+channels?|\s+outlets?)?|media(?:\s+outlets?)?|"
         r"press|reporters?|journalists?|tv\s+stations?|television|(?:local|evening|tv|cable|fox|cbs|"
         r"nbc|abc|cnn|bbc|eyewitness|action|\d+)\s+news|channel\s+\d+|consumer\s+(?:reporters?|"
         r"watchdogs?|advocates?))")
_PLATFORM = (r"(?:google|yelp|trustpilot|tripadvisor|facebook|fb|twitter|instagram|insta|ig|tiktok|linkedin|"
           r"reddit|(?:the\s+)?subreddit|r/\w+|youtube|glassdoor|amazon|(?:the\s+)?(?:app|play)\s*store|"
           r"google\s+play|g2|"
           r"capterra|clutch|upwork|fiverr|nextdoor|hacker\s*news|product\s*hunt|social\s+media|quora|discord|"
           r"mastodon|bluesky|substack|sitejabber|trustradius|ripoff\s*report|complaints?\s*board|"
           r"pissed\s*consumer|consumer\s*affairs|dev\.to|hashnode|lobste\.rs|"
           r"socials|my\s+(?:[\w-]+\s+){0,2}?(?:blog|channel|podcast|page|website|site|newsletter|followers|audience|"
           r"readers|subscribers)|(?:the\s+)?(?:whole\s+)?(?:internet|web)|online|publicly|far\s+and\s+wide|"
           r"every\s+(?:forum|platform|site|review\s+site)|review\s+(?:sites?|platforms?|websites?)|" + _NEWS + r")")
_PUBLIC = (r"(?:" + _PLATFORM + r"|every\s*(?:one|body)(?!\s+(?:in|on|at)\s+(?:my|our|the)\s+"
           r"(?:team|office|company|department|family|house))|all\s+(?:my|of\s+my)\s+(?:friends|"
           r"followers|contacts?|clients|colleagues|network)|my\s+network|the\s+(?:whole\s+)?(?:world|public)|"
           r"anyone\s+who\s+will\s+listen|other\s+(?:users|customers|people|buyers|travell?ers)|"
           r"the\s+whole\s+(?:neighbou?rhood|street|town|village|community|city|area|industry|internet))")
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
           r"agencies|clients|companies|firms|shoppers|consumers|travell?ers|passengers|guests|homeowners|tenants|"
           r"renters|parents|"
           r"families|couples|brides|patients|freelancers|developers|studios|shops|landlords|drivers|owners)")
_LEAVE_VERB = (r"(?:cancel\w*(?!\s+(?:it|them|the\s+(?:order|booking|payment|transaction)|orders?)\b)"
               r"|leav(?:e|ing)(?!\s+(?:a|an|my|the|you|u|1|one|bad|negative|reviews?|"
               r"feedback|it|this|that|comments?)\b)|switch\w*|clos\w*\s+(?:my|our|the)\s+"
               r"(?:account|subscription)|terminat\w*|stop\s+(?:using|paying|buying|ordering|flying|"
               r"working\s+with)|quit\w*|walk\w*\s+away|go\s+elsewhere|going\s+elsewhere|"
               r"tak\w*\s+(?:my|our)\s+business|find\w*\s+(?:someone|somebody|another|a\s+new|a\s+"
               r"different)|(?:get|getting|bring|bringing|call|calling|hir\w*)\s+(?:someone|somebody|another\s+\w+|"
               r"a\s+different\s+\w+)\s+"
               r"(?:else\s+)?in\b|hir\w*\s+(?:someone|somebody)\s+else|mov\w*\s+(?:on|elsewhere|to\s+(?:a|another))|"
               r"unsubscrib\w*|end\s+(?:my|"
               r"our|the)\s+(?:contract|subscription|relationship|membership|account)|pull\s+(?:my|"
               r"our)\s+(?:account|business|contract)|uninstall\w*|delet\w*\s+(?:my\s+account|the\s+app|your\s+app|"
               r"it))")
# A competitor named as the destination: "@Delta", a URL, or a capitalised name that is not
# one of the vendor's own plan names ("switching to Pro" is an upgrade, not a threat).
_NAMED = (r"(?:@\w+|https?://\S+|(?-i:(?!(?:Pro|Premium|Plus|Business|Enterprise|Annual|Monthly|Yearly|"
          r"Team|Teams|Basic|Free|Standard|Lifetime|Version|The|This|That|My|Our|Your|Settings|Dark|Light|"
          r"I|A|An|It|V\d|High|Low|Normal|Extreme|Offline|Auto)\b)[A-Z][\w.+-]*))")
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
           r"shitbags?|fuckwits?|dumbf\w+|prats?|plonkers?|pillocks?|knob\s*heads?|tosspots?|numb\s*skulls?|"
           r"bell\s*ends?)")
_WEAK_INSULT = (r"(?:stupidest|dumbest|laziest|stupid|dumb|incompetent|clueless|brainless|pathetic|useless|"
                r"worthless|lazy|"
                r"clowns?|crooks?|thie(?:f|ves)|thieving|liars?|losers?|scammers?|frauds?|amateurs?|cheats?|greedy|"
                r"jokers?|brain\s*-?dead|a\s+joke|a\s+disgrace|a\s+bunch\s+of\s+(?:idiots|clowns|morons|amateurs|"
                r"crooks|"
                r"thieves|liars|losers|incompetents?)|suc?ks?|suck(?:ed|ing)?)")
_TARGET = (r"(?:you|u|ya|y['’]?all|you\s+guys|you\s+people|you\s+lot|your\s+(?:\w+\s+)?(?:staff|team|"
           r"agents?|people|employees|company|support|devs?|developers?|reps?|representatives?|"
           r"supervisors?|managers?|ceo|crew|pilots?|captain|workers|guys|airline|(?:flight\s+)?attendants|"
           r"technicians?|engineers?|operators?|moderators?|admins?|owners?|founders?|"
           r"customer\s+service|management|service|firm|business|cashiers?|clerks?|drivers?|app|software|product|"
           r"platform|website|site|hotel|restaurant|shop|store|bank|program|plugin|game)|"
           r"ur\s+(?:\w+\s+)?(?:staff|team|agents?|people|employees|company|support|supervisors?|"
           r"managers?|service|airline|crew)|(?:this|that|the)\s+(?:airline|company|business|"
           r"team|crew|captain|pilot|agent|clerk|cashier|staff|manager|supervisor|developer|dev)|"
           r"airline|customer\s+service|management|@\w+)")
# A payment tied to a milestone the contract names is no stall: "we'll pay once the site is live, as agreed".
_AS_AGREED = (r"\b(?:as\s+agreed|as\s+per\s+(?:the|our)|per\s+(?:the|our)\s+(?:contract|agreement)|as\s+discussed|"
              r"as\s+planned|as\s+in\s+the\s+contract|according\s+to\s+(?:the|our)\s+(?:contract|agreement|"
              r"schedule))\b")
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
                 r"(?:sent|made|out|paid|processed|initiated|posted|on\s+(?:its|the)\s+way)\b|\b(?:we|i)\s*(?:['’]ve|"
                 r"\s+have)?\s+"
                 r"(?:just\s+|already\s+)?(?:paid|sent\s+(?:the\s+|your\s+)?payment|transferred|wired)\b")
# Insults and profanity count whatever the clause: no negation, question or hypothetical veto.
_ALWAYS: Always = {"negatable": False, "question": False, "hypothetical": False}
