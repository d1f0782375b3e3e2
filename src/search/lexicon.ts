/**
 * The language the matcher knows: stop words, general words that say nothing about the topic,
 * aliases and synonyms folded to one canonical term, and question words mapped to intents.
 * Data, not logic: extend it when the eval shows people phrase things we do not know yet.
 */

/** Function words and chat filler, dropped before matching. "he" and "us" are handled before this. */
/**
 * A Map from a literal table: lookups by arbitrary user words must not reach Object.prototype
 * ("constructor", "toString").
 */
function mapOf(table: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(table));
}

export const STOP_WORDS = new Set(
  `a an the is are was were be been being am do does did doing done has have had having of in on at to for with and or but nor
  about above after before between into through during from by as up down out off over under again further
  then once here there this that these those it its itself they them their theirs what which who whom whose
  when where why how all any both each few more most other some such no not only own same so than too very
  can could will would shall should may might must i me my mine we our ours you your yours he him his she her
  hers us vs versus vp didnt doesnt dont isnt arent wasnt werent havent hasnt hadnt wont cant couldnt wouldnt shouldnt aint one ones s t just also yet ever even really still now right ok okay hi hey hello yo thanks thank pls
  please plz bot quick question q anyone anybody someone somebody exactly actually currently like kind sort
  thing things stuff um uh guys team folks whats whos wheres whens hows whys thats theres im ive id let lets
  tell know knows knew want wants need needs get gets got go goes going gonna wanna gotta give me info
  information detail details regarding re wrt abt u ur r y pls idk btw fyi rn tho though if else whether
  happen happens happened happening expected expect expecting supposed scheduled planned plan plans take
  takes taking took make makes made mean means say`.split(/\s+/),
);

/**
 * Words that carry no topic of their own when they are not in the knowledge base: their absence
 * from the knowledge base is not a sign that the question is off topic.
 */
export const GENERAL_WORDS = new Set(
  `new latest current recent upcoming coming soon next last previous first final time day date week month
  year today tomorrow yesterday tonight morning evening currently status update news summary situation
  overview state play thing matter point part look looks looking think thought feel feels view stance mood
  opinion position happen start starts began begin end ends ending finish again anymore still already
  long short big small high low much many lot lots good bad better worse best worst real true exact
  around approx approximately roughly likely probably maybe possibly officially official supposed
  explain explanation describe brief briefly simple simply short version tldr recap story article report
  source sources say said says saying talk talking attach attached attach considered consider considering
  decide decided deciding discuss discussed agree agreed agreeing hope hoped hoping plan planned push pushed
  keep kept stay stayed move moved moving set sets setting put puts turn turned change changed changing come
  came call called calling try tried trying seem seems seemed sure certain possible chance chances happen
  actual anything something everything nothing way ways reason reasons stand stands standing left remain
  remains remaining include includes included involve involved involving relate related relating respond
  involved handle handled ask asked asking mention mentioned mentions report reported reports claim claimed
  expect expected currently basically overall again whole part parts side sides deal deals number numbers
  figure figures trying try figure out confused confusing reading read saw seen heard hear anyone email
  emails customer customers client clients boss manager standup meeting-notes doc docs planning planner
  memo slide slides deck brief briefing note notes list every each per article piece link post thread
  channel quick quickly asap urgent help helps helpful explain explaining understand understanding
  wondering wonder curious guess assume assuming confirm confirmed check checking double sure sorry
  morning afternoon tonight weekend ship shipping shipment shipments import imports importer importers
  exporter exporters goods business businesses company companies supplier suppliers
  freight container containers cargo logistics supply chain chains cost costs pay paying
  worried worry concern concerned impact impacts affect affects affected mean meaning name names full job
  title titles role roles position venue venues location locations city cities country countries virtual
  virtually online remote earlier later exactly precise spring summer fall autumn winter vs versus meant
  land lands landing landed hit hits hitting arrive arrives arriving arrived arrival held hold holds
  according counterpart counterparts reaction reactions publish published writing wrote written timeline
  timelines schedule schedules calendar agenda table send sending sent signal signals comment comments
  remark remarks statement statements quote quotes quoted tone case additional extra print headline
  outlet carry carried carries context significant significance particular particularly important
  importance special specifically alongside believe angle flag flags key voice representing represent
  represents official officially each worst mind trouble summarize summarise summarizing summarising
  improve improved improving clarify clarification higher lower broader characterize characterise
  describes described risk risks until till til days january february march april may june july august
  september december monday tuesday wednesday thursday friday saturday sunday noon midnight remember
  recall pretty wrong correct mistaken sure lol ugh brb haha lunch coffee-break happy anyway bug timing
  tied tie ties linked link connected amount amounts note notes client clients level levels attend attended
  origin origins`.split(/\s+/),
);

/**
 * Multi-word names and phrases, folded before tokenising (applied in order, on lower-case text).
 * Each runs only when one of its trigger strings occurs in the text: most questions skip most rules.
 */
export const PHRASES: ReadonlyArray<[triggers: string[], pattern: RegExp, replacement: string]> = [
  [["kuala"], /\bkuala\s+lumpur\b/g, " malaysia "],
  [["korea"], /\bsouth\s+korea\b/g, " korea "],
  [["pacific"], /\basia[\s-]*pacific\s+economic\s+co-?operation\b/g, " apec "],
  [["pacific"], /\basia[\s-]*pacific\b/g, " apec "],
  [["association"], /\bassociation\s+of\s+south[\s-]*east\s+asian\s+nations\b/g, " asean "],
  [["east"], /\bsouth[\s-]*east\s+asian?\b/g, " asean "],
  [["rare"], /\brare[\s-]*earths?\b/g, " rareearth "],
  [["lifeng", "feng"], /\bhe\s+li\s*feng\b/g, " helifeng "],
  [["prem"], /\bvice[\s-]*premiers?\b/g, " helifeng "],
  [["jinping"], /\bxi\s+jinping\b/g, " xi "],
  [["donald"], /\bdonald\s+(?:j\.?\s+)?trump\b/g, " trump "],
  [["scott"], /\bscott\s+bessent\b/g, " bessent "],
  [["treasury"], /\btreasury\s+(?:secretary|chief|sec)\b/g, " bessent "],
  [["secretary"], /\bsecretary\s+of\s+(?:the\s+)?treasury\b/g, " bessent "],
  [["white"], /\bwhite\s+house\b/g, " whitehouse "],
  [["united"], /\bunited\s+states(?:\s+of\s+america)?\b/g, " usa "],
  [["u."], /\bu\.\s?s\.(?:\s?a\.)?/g, " usa "],
  [["war"], /\btrade\s+war\b/g, " tradewar "],
  [["deficit"], /\btrade\s+(?:deficit|gap|balance|surplus)\b/g, " tradedeficit "],
  [["econom"], /\b(?:world|worldwide|international)\s+econom(?:y|ies)\b/g, " global economy "],
  [["fire"], /\bcease[\s-]*fire\b/g, " truce "],
  [["sit"], /\bsit[\s-]*downs?\b/g, " meet "],
  [["before"], /\bbefore\s*[?!.]*\s*$/g, " previous "],
  [["still"], /\bstill\s+on\b/g, " goahead "],
  [["still"], /\bstill\s+((?:going\s+to\s+)?(?:meet|meeting|happen|happening|planned))\b/g, " goahead $1 "],
  [["roll"], /\broll[\s-]*off\b/g, " expire "],
  [["off"], /\bset\s+(\w+\s+)?off\b/g, " $1 infuriate "],
  [["treas", "sec"], /\bsec[\s.-]*treas(?:ury)?\b|\btreas(?:ury)?[\s.-]*sec(?:retary)?\b/g, " bessent "],
  [["vp", "prem"], /\bvp\s+he\b|\bvice\s+prem\b/g, " helifeng "],
  [["jin"], /\bxi\s+jin\s*ping\b|\bjin\s+ping\b/g, " xi "],
  [["sur"], /\bsur[\s-]+tax(?:es)?\b/g, " surtax "],
  [["exchange", "return"], /\bin\s+exchange\s+for\b|\bin\s+return\s+for\b/g, " for "],
  [["zone"], /\btime[\s-]*zones?\b/g, " time "],
  [
    ["back", "walk", "climb", "soften", "turn"],
    /\b(?:back(?:ed|s|ing)?\s+(?:off|down)|walk(?:ed|s|ing)?\s+(?:it\s+|them\s+|this\s+|that\s+)?back|backtrack\w*|climb(?:ed|s|ing)?\s+down|soften\w*|u-?turn\w*)\b/g,
    " backoff ",
  ],
  [["'"], /\b(i|you|he|she|we|they|it|that|there|who|what)'(?:d|ll|re|ve|m)\b/g, " $1 "],
  [
    ["out", "off"],
    /\b(?:pull(?:ed|s|ing)?|back(?:ed|s|ing)?)\s+out\b|\bcall(?:ed|s|ing)?\s+off\b/g,
    " cancel ",
  ],
  [["budget"], /\bbudget\s+(?:gap|shortfall|hole)\b/g, " deficit "],
  [["tl"], /\btl;?dr\b/g, " "],
  [["&"], /\b([a-z])\s*&\s*([a-z])\b/g, " $1and$2 "],
  [["import"], /\bimport\s+tax(?:es)?\b/g, " tariff "],
  [["york"], /\bnew\s+york\b/g, " newyork "],
  [["fox"], /\bfox\s+(?:business|biz)\b/g, " foxbusiness "],
  [["sky"], /\bsky[\s-]*high\b/g, " skyhigh "],
  [["escalat"], /\bde[\s-]*escalat\w*/g, " deescalate "],
  [["blown"], /\bfull[\s-]*blown\b/g, " fullblown "],
  [["ahead"], /\b(?:go|goes|going|went|gone)\s+ahead\b/g, " goahead "],
  [["person"], /\bin[\s-]*person\b/g, " inperson "],
  [["cup"], /\bworld\s+cup\b/g, " worldcup "],
  [["bowl"], /\bsuper\s+bowl\b/g, " superbowl "],
  [["-"], /\bxi\s*-\s*trump\b|\btrump\s*-\s*xi\b/g, " trump xi "],
  [["-"], /\bus\s*-\s*china\b|\bchina\s*-\s*us\b/g, " usa china "],
  [["%", "percent", "per cent", "pct"], /\b(\d+)\s*(?:%|percent|per\s+cent|pct)/g, " $1 percent "],
  [["$"], /\$\s*(\d)/g, " dollar $1"],
];

/** Single words folded to a canonical term (applied after stemming-free lower-casing). */
export const SYNONYMS: ReadonlyMap<string, string> = mapOf({
  // the truce
  truce: "truce",
  ceasefire: "truce",
  pause: "truce",
  paused: "truce",
  pausing: "truce",
  detente: "truce",
  armistice: "truce",
  standstill: "truce",
  // tariffs
  tariff: "tariff",
  tariffs: "tariff",
  levy: "tariff",
  levies: "tariff",
  duty: "tariff",
  duties: "tariff",
  surcharge: "surtax",
  surcharges: "surtax",
  taxes: "tariff",
  tax: "tariff",
  customs: "tariff",
  // ending
  expire: "expire",
  expires: "expire",
  expired: "expire",
  expiring: "expire",
  expiry: "expire",
  expiration: "expire",
  lapse: "expire",
  lapses: "expire",
  end: "expire",
  ends: "expire",
  ending: "expire",
  deadline: "expire",
  runs: "expire",
  // talks and meetings
  talks: "talks",
  talk: "talks",
  negotiation: "talks",
  negotiations: "talks",
  negotiate: "talks",
  negotiated: "talks",
  negotiating: "talks",
  discussions: "talks",
  discussion: "talks",
  round: "talks",
  rounds: "talks",
  meet: "meet",
  meets: "meet",
  meeting: "meet",
  meetings: "meet",
  met: "meet",
  sitdown: "meet",
  summit: "summit",
  summits: "summit",
  // places and groups
  malaysia: "malaysia",
  malaysian: "malaysia",
  malaysias: "malaysia",
  kl: "malaysia",
  korea: "korea",
  korean: "korea",
  china: "china",
  chinese: "china",
  beijing: "china",
  prc: "china",
  chinas: "china",
  usa: "usa",
  america: "usa",
  american: "usa",
  americans: "usa",
  washington: "usa",
  apec: "apec",
  asean: "asean",
  // people
  trump: "trump",
  trumps: "trump",
  potus: "trump",
  xi: "xi",
  xis: "xi",
  jinping: "xi",
  bessent: "bessent",
  bessents: "bessent",
  treasury: "bessent",
  lifeng: "helifeng",
  helifeng: "helifeng",
  // things
  magnet: "magnet",
  magnets: "magnet",
  rareearth: "rareearth",
  rare: "rareearth",
  earth: "rareearth",
  earths: "rareearth",
  deficit: "deficit",
  deficits: "deficit",
  economy: "economy",
  economies: "economy",
  economic: "economy",
  economically: "economy",
  percent: "percent",
  dollar: "dollar",
  trillion: "trillion",
  mad: "infuriate",
  angry: "infuriate",
  anger: "infuriate",
  angered: "infuriate",
  furious: "infuriate",
  upset: "infuriate",
  annoyed: "infuriate",
  irritated: "infuriate",
  irked: "infuriate",
  beef: "infuriate",
  infuriated: "infuriate",
  infuriate: "infuriate",
  unsustainable: "sustainable",
  sustainable: "sustainable",
  produce: "yield",
  yield: "yield",
  deliver: "yield",
  threaten: "threat",
  threatened: "threat",
  threatens: "threat",
  threat: "threat",
  threats: "threat",
  cancel: "cancel",
  canceled: "cancel",
  cancelled: "cancel",
  canceling: "cancel",
  cancelling: "cancel",
  cancellation: "cancel",
  scrap: "cancel",
  cliff: "expire",
  impose: "effect",
  effective: "effect",
  imposed: "effect",
  imposing: "effect",
  implemented: "effect",
  implement: "effect",
  resumption: "resum",
  resuming: "resum",
  restart: "resum",
  optimistic: "optimism",
  optimism: "optimism",
  upbeat: "optimism",
  goal: "aim",
  goals: "aim",
  purpose: "aim",
  objective: "aim",
  fox: "foxbusiness",
  escalate: "escalation",
  escalates: "escalation",
  escalated: "escalation",
  escalating: "escalation",
  escalation: "escalation",
  escalatory: "escalation",
  commit: "pledg",
  commits: "pledg",
  committed: "pledg",
  commitment: "pledg",
  commitments: "pledg",
  promise: "pledg",
  promised: "pledg",
  collections: "revenu",
  receipts: "revenu",
  previous: "previous",
  previously: "previous",
  prior: "previous",
  past: "previous",
  earlier: "previous",
  negotiator: "talks",
  negotiators: "talks",
  oct: "october",
  october: "october",
  nov: "november",
  november: "november",
  four: "4",
  fourth: "4",
  hundred: "100",
});

/** Common misspellings of question words that a fuzzy matcher cannot fix (too short). */
export const SHORT_TYPOS: ReadonlyMap<string, string> = mapOf({
  wen: "when",
  whn: "when",
  wher: "where",
  whr: "where",
  hw: "how",
  wat: "what",
  wht: "what",
  wut: "what",
  tarif: "tariff",
  nxt: "next",
  tump: "trump",
  trmp: "trump",
  trumo: "trump",
  prev: "previous",
  mtg: "meeting",
  mtgs: "meeting",
  tonite: "tonight",
  tmrw: "tomorrow",
  biz: "business",
  govt: "government",
  cn: "china",
  ny: "newyork",
  nyc: "newyork",
  tarrif: "tariff",
  tarrifs: "tariff",
  tarifs: "tariff",
  tarriffs: "tariff",
  tariffes: "tariff",
  tariffe: "tariff",
});

/** Canonical terms that name a person: used to check who a quote is by. */
export const PEOPLE = new Set(["trump", "xi", "bessent", "helifeng"]);

/** Canonical terms that name a place: entries mentioning one can answer "where". */
export const PLACES = new Set([
  "malaysia",
  "korea",
  "madrid",
  "stockholm",
  "london",
  "geneva",
  "whitehouse",
  "newyork",
]);

/**
 * Canonical terms that also stand for a broader one: a "surtax" is a tariff, so a question about
 * tariffs finds it, while a question about the surtax prefers the entries that say surtax.
 */
export const BROADER: ReadonlyMap<string, string> = mapOf({
  surtax: "tariff",
});

/**
 * Countries, regions and demonyms the knowledge base may not hold: an unknown one in a question
 * is a strong sign it is about another trade relationship ("EU tariffs on EVs", "goods from Vietnam").
 */
export const PLACE_NAMES = new Set(
  `afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus
  belgium bolivia bosnia botswana brazil brazilian britain british brunei bulgaria cambodia cameroon canada
  canadian chile chilean colombia croatia cuba cyprus czech denmark danish ecuador egypt estonia ethiopia
  eu europe european finland france french georgia germany german ghana greece greek hungary iceland india
  indian indonesia indonesian iran iraq ireland irish israel italy italian jamaica japan japanese jordan
  kazakhstan kenya kuwait laos latvia lebanon libya lithuania luxembourg mexico mexican mongolia morocco
  myanmar nepal netherlands dutch nigeria norway norwegian oman pakistan panama paraguay peru philippines
  filipino poland polish portugal qatar romania russia russian saudi serbia singapore slovakia slovenia
  spain spanish srilanka sweden swedish switzerland swiss syria taiwan taiwanese thailand thai tunisia turkey
  turkish uae uganda uk ukraine ukrainian uruguay uzbekistan venezuela vietnam vietnamese yemen zambia
  zimbabwe africa african asia latin ottawa tokyo delhi mumbai paris berlin brussels rome moscow
  shanghai shenzhen ningbo guangzhou hong kong taipei hanoi bangkok jakarta manila singapore sydney
  toronto mexico texas california`.split(/\s+/),
);
