/**
 * English words that say nothing about what a question is about, whether or not any source uses
 * them: the people and paperwork of a business ("client", "memo", "shipment"), chat ("quick",
 * "folks"), time ("week", "morning") and talk about news ("update", "details"). A word the
 * knowledge does not hold makes a question suspect of being about something else; these never do.
 */
import { keyOf } from "./keys.js";

const WORDS = `
answer answers article articles bit boss bosses business businesses buyer buyers cargo case cfo ceo chain chains channel client
clients colleague colleagues company companies compliance container containers context customer customers customs deck desk detail
details doc docs document email emails everyone exec execs exporter exporters factories factory finance folks forwarder forwarders
freight friend goods guy guys head heads idea importer importers import imports info information inventory invoice invoices lead
leadership legal list logistics lot lots management manager managers margin margins memo message morning afternoon evening night
news note notes number numbers office ops order orders part parts people person plan planning plans point points pricing product
products purchasing question questions quote quotes recap reply report reports sales shipment shipments shipper shippers side
slack slide slides sourcing spreadsheet staff stakeholder stakeholders status stuff summary supplier suppliers supply team
teams thing things thread ticket time today tomorrow tonight update updates vendor vendors version warehouse way week weekend weeks
word words work world year years yesterday day days month months hour hours minute minutes moment sense clarity heads-up heads up
understanding confirmation help hand favor favour background tl dr tldr tl;dr eta asap fyi pls thx ty cheers kind regards best
rest sure worry worries concern concerns risk deadline plan yes yeah yep nope okay ok thanks thank hello hi hey morning team all
exact exactly actual actually real really quick quickly brief briefly short simple simply basically clear clearly definitely
latest current currently recent recently new newest old older earlier later next last first final overall general main key big
main whole full entire specific particular certain various different same other another else something anything nothing everything
someone anyone nobody everybody way ways kind sort type stuff matter issue issues situation state deal deals picture story
good bad high low long possible likely unlikely official major minor large huge small little sure true false important
annual total likely expected planned scheduled supposed able due fine wrong right okay correct accurate confirmed
happen go think know say ask mean expect hear read see look plan need want get make take give come keep stop change move
work help try use find tell become leave put bring hold turn show pay buy sell ship send worry hope believe feel seem wait
watch follow stand remain stay raise lower cut hike push pull affect hurt matter explain understand remember recall check
confirm clarify wonder guess assume figure write forward share post update brief prepare talk speak discuss mention note
monday tuesday wednesday thursday friday saturday sunday weekday january february march april may june july august
september october november december brb lunch standup meeting meetings call calls sync chat inbox calendar
happening happenings firm tentative definite definitely confirmed final official size sizes sense guess
trend trends angle angles piece pieces sign signs signal voice voices difference differences connection connections stake
stakes gap gaps table tables beef flare flare-up origin origins announcement announcements press analyst analysts
summary summaries overview picture take takes view views aspect aspects bit bits part parts context background
headline headlines story stories coverage source sources thing deal line lines mention mentions reference references
word term terms phrase quote quotes claim claims rumor rumour rumors rumours report reports reporting vs versus
one ones compare comparison contrast opposite avoid avoidance sit sat sitting landing land arrive arrival hit hits thing things
announce announced announcing avoid avoided according accord supposed suppose cliff point points note notes worst
case cases scenario scenarios outlook forecast forecasts expectation expectations
bot bots assistant let lets speech speeches post posts interview interviews remark
jump jumped rise rose fall fell climb climbed drop dropped dodge dodged skip
`;

/** The general words, as comparison keys. */
export const GENERAL_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).map(keyOf).filter(Boolean));
