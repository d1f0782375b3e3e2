/**
 * The kinds of answer a question can ask for, read from its question words: "when", "where",
 * "what did X say", "how did it turn out", "today"… Tested on the lower-cased plain question.
 */

/** What kind of answer a question asks for. */
export type Intent =
  | "when"
  | "where"
  | "who"
  | "howmuch"
  | "why"
  | "say"
  | "status"
  /** How something turned out: the knowledge holds an outcome only in entries tagged `outcome`. */
  | "outcome"
  /** Asks for the state of things today, which a dated source cannot tell. */
  | "now"
  /** Asks the bot to do something (set a reminder, book a flight): not a question it answers. */
  | "task"
  /** Asks for an exact date or place ("exact date", "which day exactly") the sources may not give. */
  | "exact"
  /** Asks about the sources themselves: which article, when published, by whom. */
  | "source";

/** Question patterns, tested on the lower-cased plain question. */
export const INTENT_PATTERNS: ReadonlyArray<[Intent, RegExp]> = [
  [
    "when",
    /\b(?:when|wen|whn|what\s+date|which\s+date|what\s+day|which\s+day|on\s+what\s+day|what\s+time|how\s+soon|how\s+long\s+(?:until|till|til|before)|deadline|timing|timeline|dates?)\b/,
  ],
  [
    "where",
    /\b(?:where|wher|whr|location|venue|which\s+(?:city|country|place)|what\s+(?:city|country|place))\b/,
  ],
  ["who", /\b(?:who|whom|whose|whos)\b/],
  [
    "howmuch",
    /\b(?:how\s+(?:much|high|big|large|many|steep)|what\s+(?:\w+\s+)?(?:rate|level|size|percent(?:age)?)|what\s+%|figures?|numbers?|price|prices|cost\s+of|how\s+much\s+does\s+.{1,30}\s+cost)\b/,
  ],
  ["why", /\b(?:why|reason|reasons|what\s+caused|because)\b/],
  [
    "say",
    /\b(?:say|said|says|saying|quote|quotes|quoted|comment|comments|remarks?|statement|mood|stance|tone|think|thinks|feel|feels|view|views|opinion|reaction|respond(?:ed)?)\b/,
  ],
  [
    "status",
    /\b(?:latest|status|news|update|updates|summary|summari[sz]e|sum\s+up|gist|brief\s+me|overview|recap|tl;?dr|state\s+of\s+play|where\s+(?:do|does|are|is)\s+(?:things|it|we|trade|talks|the\s+talks|us-china\s+trade|us\s+china\s+trade|it\s+all)\s+(?:stand|stands)|where\s+things\s+stand|what'?s\s+new|what'?s\s+going\s+on|what'?s\s+happening|catch\s+me\s+up|fill\s+me\s+in)\b/,
  ],
  [
    "outcome",
    /\b(?:how\s+did\s+.{1,40}\s+go|did\s+.{1,40}\s+(?:succeed|work|fail|happen|go\s+well)|what\s+(?:was|were|got)\s+(?:agreed|decided|signed|announced)|what\s+(?:came|come)\s+out\s+of|what\s+happened\s+(?:at|in|during|with)|what\s+(?:was|were)\s+discussed|what\s+(?:did\s+)?they\s+(?:talk(?:ed)?|discuss(?:ed)?)\b|did\s+.{1,60}?\s+(?:actually|really|finally)\s+(?:meet|happen|take\s+place|take\s+effect|end|go\s+ahead)|did\s+.{1,40}?\s+attend|how\s+long\s+did\s+.{1,40}?\s+last|after\s+the\s+(?:talks|meeting|summit|call)|(?:was|were|has|have|is)\s+.{1,40}?\s+(?:extended|renewed|prolonged|lifted|scrapped|suspended|reinstated)|did\s+.{1,40}?\s+(?:produce|reach|strike|sign|get|yield)\s+(?:a|an|any)\s+(?:deal|agreement)|in\s+the\s+end|outcome|result(?:s|ed)?|will\s+.{1,40}\s+decide|decide[ds]?|how\s+did\s+.{1,30}\s+react)\b/,
  ],
  [
    "now",
    /\b(?:today|right\s+now|as\s+of\s+now|at\s+the\s+moment|current|currently|these\s+days|nowadays|in\s+20(?:2[6-9]|3\d)|(?:in\s+effect|in\s+force|in\s+place|happened|kicked\s+in)\s+yet|still\s+in\s+(?:effect|force|place)|(?:is|are)\s+(?:it|they|the\s+.{1,40}?)\s+(?:in\s+effect|in\s+force|in\s+place)|did\s+.{1,40}?\s+(?:take\s+effect|kick\s+in|go\s+into\s+effect|happen|go\s+ahead|start)|now\s*\??\s*$)/,
  ],
  [
    "source",
    /\b(?:what(?:'s|\s+is|\s+are)\s+(?:your|ur|the)\s+sources?|sources?\s+(?:for|of)\s+(?:this|that|these|your)|where\s+(?:is|does|do|did)\s+(?:this|that|the|your)\s+(?:info|information|data|answer|news)s?\s+(?:come\s+)?from|(?:when|where)\s+was\s+(?:this|that|the)\s+(?:article|story|piece|report)\s+(?:published|written|from)|who\s+(?:wrote|published|reported)\b|publisher|photo\s+credit|who\s+took\s+(?:the\s+)?(?:\w+\s+)?(?:photo|picture|image)|(?:which|what)\s+(?:outlet|publication|paper|site|news\s+site)\s+(?:is\s+this|was\s+this|published|ran\s+this|reported\s+this))\b/,
  ],
  ["exact", /\b(?:exact|precise|specific)\s+(?:date|dates|day|days|time|city|venue|location)\b/],
  [
    "task",
    /^(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|please\s+|pls\s+)?(?:set|book|remind\s+me\s+(?:to|at|in|on|tomorrow|later)|post|pin|forward|send|email|create|write|schedule|order|buy|translate|draft|compose|make\s+me|tell\s+me\s+a\s+joke|sing|play|call\s+me)\b|\bwhat\s+time\s+(?:is\s+it|it\s+is)\b/,
  ],
];
