/**
 * Synthetic knowledge bases of any size, seeded, for the benchmark. They are shaped like the real
 * one grown large: many sources of article length, each carrying a dozen or so claims whose
 * snippets are its sentences; concepts of every type with aliases, roles and part_of; claims whose
 * subjects follow a Zipf law (a few concepts, the real ones among them, are in most of the news)
 * and whose attributes and typed values fit their subject's type; words drawn Zipf-like from the
 * real knowledge's own English, with a tail of rarer words that grows with the corpus (Heaps' law).
 */
import type {
  Attribute,
  KnowledgeBase,
  LoadedClaim,
  LoadedConcept,
  LoadedSource,
  Value,
} from "../src/knowledge/schema.js";
import { prng, type Rand, sampler, syllableWord, wordPool } from "./synthetic-words.js";

/** Claims per synthetic source, and filler sentences (no claim rests on them) in each. */
const CLAIMS_PER_SOURCE = 15;
const FILLER_SENTENCES = 10;
const STATES = [
  "planned",
  "threatened",
  "agreed",
  "in_effect",
  "happened",
  "going_ahead",
  "suspended",
  "extended",
  "cancelled",
  "ended",
] as const;
const PUBLISHERS = [
  "Reuters",
  "Associated Press",
  "Bloomberg",
  "Financial Times",
  "CNBC",
  "Nikkei Asia",
  "South China Morning Post",
];

/** Which attributes claims about each type of subject fill, and how often. */
const ATTRIBUTES: Record<string, [Attribute, number][]> = {
  event: [
    ["when", 25],
    ["where", 20],
    ["who", 15],
    ["status", 15],
    ["outcome", 10],
    ["description", 10],
    ["reason", 5],
  ],
  measure: [
    ["amount", 30],
    ["start", 15],
    ["end", 15],
    ["status", 15],
    ["terms", 10],
    ["impact", 10],
    ["description", 5],
  ],
  person: [
    ["role", 20],
    ["said", 45],
    ["stance", 20],
    ["description", 15],
  ],
  other: [
    ["description", 35],
    ["amount", 20],
    ["impact", 20],
    ["said", 15],
    ["stance", 10],
  ],
};

function weighted<T>(rand: Rand, items: [T, number][]): T {
  let r = rand() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items.at(-1) as [T, number])[0];
}

/** A day of 2024–2025 up to the real knowledge's newest source, as YYYY-MM-DD. */
function dayBefore(rand: Rand, newest: string): string {
  const end = Date.parse(`${newest}T00:00:00Z`);
  const start = Date.parse("2024-01-01T00:00:00Z");
  return new Date(start + Math.floor(rand() * ((end - start) / 86_400_000)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/**
 * A synthetic knowledge base: the real claims plus `n` generated ones, about the real concepts and
 * about generated ones (one for every ten claims), from generated sources.
 */
export function synthetic(real: KnowledgeBase, n: number): KnowledgeBase {
  const rand = prng(n + 1);
  const pool = wordPool(real, rand, n);
  const zipfWord = sampler(pool.length, 1.05, rand);
  const text = (k: number) => Array.from({ length: k }, () => pool[zipfWord()] as string).join(" ");
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  const concepts = new Map<string, LoadedConcept>(real.concepts);
  const taken = new Set(
    [...real.concepts.values()].flatMap((c) => [c.name, ...c.aliases].map((a) => a.toLowerCase())),
  );
  const fresh = (s: string) => {
    if (taken.has(s.toLowerCase())) return false;
    taken.add(s.toLowerCase());
    return true;
  };
  const byType = (t: string) => [...real.concepts.values()].filter((c) => c.type === t).map((c) => c.id);
  const realCountries = byType("country");
  const realMeasures = byType("measure");
  const realEvents = byType("event");
  const types: [string, number][] = [
    ["person", 30],
    ["organisation", 10],
    ["place", 15],
    ["measure", 20],
    ["event", 20],
    ["topic", 5],
  ];
  const nouns: Record<string, string[]> = {
    measure: ["tariff", "duty", "quota", "export ban", "levy", "sanction", "license rule"],
    event: ["talks", "summit", "meeting", "round", "call", "forum"],
    topic: ["trade", "supply", "exports", "prices", "market"],
    organisation: ["ministry", "bureau", "council", "group", "agency"],
  };
  for (let i = 0; i < Math.ceil(n / 10); i++) {
    const type = weighted(rand, types);
    const w = cap(syllableWord(rand));
    const name =
      type === "person"
        ? `${cap(syllableWord(rand))} ${w}`
        : type === "place"
          ? w
          : `${w} ${nouns[type]?.[Math.floor(rand() * (nouns[type]?.length ?? 1))]}`;
    if (!fresh(name)) continue;
    const aliases = [
      type === "person" ? w : `${w} ${text(1)}`,
      `${syllableWord(rand).toUpperCase().slice(0, 3)}`,
    ]
      .filter(() => rand() < 0.6)
      .filter(fresh);
    const id = `synthetic-concept-${i}`;
    const pick = (ids: string[]) =>
      ids.length && rand() < 0.5 ? [ids[Math.floor(rand() * ids.length)] as string] : [];
    const part_of =
      type === "place" || type === "person"
        ? pick(realCountries)
        : type === "measure"
          ? pick(realMeasures)
          : type === "event"
            ? pick(realEvents)
            : [];
    const roles = type === "person" && rand() < 0.5 ? [`${text(1)} minister ${w}`.trim()].filter(fresh) : [];
    concepts.set(id, {
      id,
      type: type as LoadedConcept["type"],
      name,
      aliases,
      roles,
      part_of,
      file: "concepts/synthetic.yml",
      line: i + 1,
    });
  }
  // Zipf over all concepts, in a seeded order: a few are in much of the news, most in a little.
  const order = [...concepts.keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  const zipfConcept = sampler(order.length, 1, rand);
  const conceptOf = (type?: (t: string) => boolean) => {
    for (let tries = 0; tries < 50; tries++) {
      const c = concepts.get(order[zipfConcept()] as string) as LoadedConcept;
      if (!type || type(c.type)) return c;
    }
    return [...concepts.values()].find((c) => !type || type(c.type)) as LoadedConcept;
  };
  const person = () => conceptOf((t) => t === "person");

  const sources = new Map<string, LoadedSource>(real.sources);
  const claims: LoadedClaim[] = [...real.claims];
  for (let s = 0; s * CLAIMS_PER_SOURCE < n; s++) {
    const id = `synthetic-source-${s}`;
    const published = dayBefore(rand, real.newestSource);
    const paragraphs: string[] = [];
    for (let k = 0; k < CLAIMS_PER_SOURCE && s * CLAIMS_PER_SOURCE + k < n; k++) {
      const i = s * CLAIMS_PER_SOURCE + k;
      const subject = conceptOf();
      let attribute = weighted(rand, ATTRIBUTES[subject.type] ?? (ATTRIBUTES.other as [Attribute, number][]));
      if (attribute === "role" && subject.type !== "person") attribute = "description";
      const speaker =
        attribute === "said" || attribute === "stance" || rand() < 0.1
          ? subject.type === "person"
            ? subject
            : person()
          : undefined;
      const quote = attribute === "said" && rand() < 0.5;
      const others = Array.from({ length: Math.floor(rand() * 3) }, () => conceptOf().id).filter(
        (c) => c !== subject.id,
      );
      const about = [
        ...new Set([subject.id, ...(speaker && speaker.id !== subject.id ? [speaker.id] : []), ...others]),
      ];
      const value = typedValue(attribute, rand, published, text, conceptOf);
      const words = `${text(8)} ${subject.name} ${text(12)}`;
      const snippet = quote ? `${cap(words)}` : `${cap(text(4))} ${subject.name} ${text(16)}.`;
      paragraphs.push(quote ? `"${snippet}," ${speaker?.name} said.` : snippet);
      if (rand() < 0.4) paragraphs.push(`${cap(text(20))}.`);
      claims.push({
        id: `synthetic-${i}`,
        about,
        attribute,
        value,
        answer: `${subject.name} ${text(18)}.`.slice(0, 400),
        snippet,
        source: id,
        ...(speaker ? { speaker: speaker.id } : {}),
        quote,
        ...(rand() < 0.3 ? { title: cap(text(4)).slice(0, 80).padEnd(3, ".") } : {}),
        headline: rand() < 0.01,
        phrasings:
          rand() < 0.25
            ? Array.from(
                { length: 1 + Math.floor(rand() * 5) },
                () => `${text(3 + Math.floor(rand() * 4))} ${subject.name.toLowerCase()}`,
              )
            : [],
        supersedes: [],
        disputes: [],
        file: `claims/synthetic-${String(Math.floor(i / 100)).padStart(4, "0")}.yml`,
        line: 1 + (i % 100),
        asOf: published,
      });
    }
    for (let k = 0; k < FILLER_SENTENCES; k++)
      paragraphs.splice(Math.floor(rand() * paragraphs.length), 0, `${cap(text(22))}.`);
    sources.set(id, {
      id,
      title: cap(text(9)),
      publisher: PUBLISHERS[s % PUBLISHERS.length] as string,
      published,
      text_file: `${id}.txt`,
      repairs: [],
      text: paragraphs.join("\n\n"),
      file: `sources/${id}.yml`,
    });
  }
  return { ...real, sources, concepts, claims, version: `synthetic-${n}` };
}

/** A typed value that fits the attribute, as curators write them. */
function typedValue(
  attribute: Attribute,
  rand: Rand,
  published: string,
  text: (k: number) => string,
  conceptOf: (type?: (t: string) => boolean) => LoadedConcept,
): Value {
  const day = (p: number) => {
    const d = new Date(Date.parse(`${published}T00:00:00Z`) + Math.floor((rand() - 0.3) * 120) * 86_400_000);
    if (p < 0.6) return { date: d.toISOString().slice(0, 10), precision: "day" as const };
    if (p < 0.8) {
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return { date: d.toISOString().slice(0, 10), precision: "week" as const };
    }
    return { date: `${d.toISOString().slice(0, 7)}-01`, precision: "month" as const };
  };
  switch (attribute) {
    case "when":
    case "start":
    case "end":
      return day(rand());
    case "where":
      return { places: [conceptOf((t) => t === "place" || t === "country").id] };
    case "who":
      return {
        people: [
          ...new Set([
            conceptOf((t) => t === "person").id,
            conceptOf((t) => t === "person" || t === "country").id,
          ]),
        ],
      };
    case "amount":
      return rand() < 0.5
        ? { figure: [10, 20, 25, 30, 34, 50, 100, 145][Math.floor(rand() * 8)] as number, unit: "percent" }
        : ((b) => ({ figure: b * 1e9, unit: "USD", label: `$${b} billion` }))(Math.round(rand() * 900 + 1));
    case "duration":
      return { figure: 30 + Math.floor(rand() * 90), unit: "day" };
    case "status":
      return { state: STATES[Math.floor(rand() * STATES.length)] as (typeof STATES)[number] };
    default:
      return { text: text(6 + Math.floor(rand() * 6)) };
  }
}
