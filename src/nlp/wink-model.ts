/**
 * wink-nlp's English model, loaded without the deep copy its own loader makes of the 3.8 MB model
 * data (JSON.parse(JSON.stringify(…)) on every load): the same steps as the package's
 * `read-core-model.js` and `load-core-model.js`, on the data itself. That saves about a third of
 * the model's start-up cost, which counts for `tradebot ask` (start to answer in under 150 ms).
 * Safe because we build one wink instance per process; the version is pinned in package.json.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: the model's internals are untyped data.
type Data = any;

let used = false;
let lexemes = 0;

/** How many words the model's English vocabulary holds; a word read with a higher id is not among them. */
export function vocabularySize(): number {
  return lexemes;
}

/** The model object winkNLP() takes, with a `core()` that prepares the packaged data in place. */
export function englishModel(): Data {
  const model = require("wink-eng-lite-web-model") as Data;
  const fast: Data = Object.assign(Object.create(null), model);
  fast.core = () => {
    if (used)
      throw new Error("the wink model's data is prepared in place, so only one wink instance can use it");
    used = true;
    const m = require("wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json") as Data;
    const { packing, features, pos } = m;
    const u32 = (b64: string) => {
      const b = Buffer.from(b64, "base64");
      return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    };
    m.lexicon = u32(m.lexicon);
    m.xpansions = u32(m.xpansions);
    // wink only reads and writes its hashes by key (h[word], h[word] = index): a Map behind a
    // Proxy is built in well under half the time of an object of 87,593 keys in dictionary mode.
    const hashOf = (list: string[]) => {
      const map = new Map<string, number>();
      for (let k = 0; k < list.length; k++) map.set(list[k] as string, k);
      return new Proxy(Object.create(null), {
        get: (_t, key) => (typeof key === "string" ? map.get(key) : undefined),
        set: (_t, key, value) => {
          if (typeof key === "string") map.set(key, value as number);
          return true;
        },
        has: (_t, key) => typeof key === "string" && map.has(key),
      });
    };
    for (const f in packing.layout)
      if (packing.layout[f][3] === 0) features[f].hash = hashOf(features[f].list);
    features.lexeme.hash = hashOf(features.lexeme.list);
    const clusters = features.posClusters.list;
    for (let k = 0; k < clusters.length; k++) {
      clusters[k] = new Set((clusters[k] as string).split("_").map((e) => pos.hash[e] || 0));
    }
    packing.efList = [];
    for (const f in packing.layout) {
      if (packing.layout[f][3] === 0) {
        features[f].intrinsicSize = features[f].list.length;
        features[f].index = features[f].list.length;
        features[f].maxIndex = packing.layout[f][1] >>> packing.layout[f][2];
      }
      if (packing.layout[f][4] === 1) packing.efList.push(f);
    }
    features.lexeme.intrinsicSize = features.lexeme.list.length;
    features.lexeme.index = features.lexeme.list.length;
    lexemes = features.lexeme.list.length;
    return m;
  };
  return fast;
}
