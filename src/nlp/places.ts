/**
 * Names of countries and of cities, from the runtime's own data (the region names of
 * `Intl.DisplayNames` and the cities of the IANA time zones): general knowledge, so that "in
 * japan" or "in bangkok" typed in lower case is read as a place put forward, not as a word.
 */

let names: Map<string, number> | undefined;

/** Each place name in lower case, by its first word, with how many words it has (longest first). */
function placeNames(): Map<string, number[]> {
  const byFirst = new Map<string, number[]>();
  const add = (name: string) => {
    const words = name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\(.*\)|&/g, " ")
      .split(/[\s-]+/)
      .filter(Boolean);
    if (!words.length || !/^[a-z]/.test(words[0] as string)) return;
    const key = words.join(" ");
    names ??= new Map();
    names.set(key, words.length);
    const list = byFirst.get(words[0] as string) ?? [];
    if (!list.includes(words.length)) list.push(words.length);
    list.sort((a, b) => b - a);
    byFirst.set(words[0] as string, list);
  };
  for (const name of regionsByCode().values()) add(name);
  for (const zone of Intl.supportedValuesOf("timeZone")) {
    const city = zone.split("/").pop();
    if (city && zone.includes("/")) add(city.replace(/_/g, " "));
  }
  return byFirst;
}

let regions: Map<string, string> | undefined;

/** The runtime's region names (countries, territories, unions) by two-letter code: "EU" → "European Union". */
export function regionsByCode(): ReadonlyMap<string, string> {
  if (regions) return regions;
  regions = new Map();
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      try {
        const name = display.of(code);
        if (name && name !== code && !/unknown/i.test(name)) regions.set(code, name);
      } catch {
        // not a region code
      }
    }
  return regions;
}

let byName: Map<string, string> | undefined;
/** The region names with no "(…)", "&" or "," in them, lower-cased → as written. */
function plainNames(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const name of regionsByCode().values()) if (!/[(&,]/.test(name)) byName.set(name.toLowerCase(), name);
  return byName;
}

/** Whether `name` is a country the runtime's data knows ("brazil"), and its name as the data writes it. */
export function countryNamed(name: string): string | undefined {
  return plainNames().get(name.toLowerCase());
}

/**
 * A country or union by its English name or two-letter code ("EU", "Vietnam", "U.S."). Two letters
 * are a code only in capitals, but for "us", which is typed lower case.
 */
export function regionNamed(word: string): string | undefined {
  const key = word.replace(/\./g, "").toLowerCase();
  if (key.length === 2) {
    if (word !== word.toUpperCase() && key !== "us") return undefined;
    const name = regionsByCode().get(key.toUpperCase());
    return name && !/[(&,]/.test(name) ? name : undefined;
  }
  return plainNames().get(key);
}

let firsts: Map<string, number[]> | undefined;

/** How many words from `i` make a country or city name ("south korea" → 2), or 0. */
export function placeNameAt(lowerWords: readonly string[], i: number): number {
  firsts ??= placeNames();
  const lengths = firsts.get(lowerWords[i] ?? "");
  if (!lengths) return 0;
  for (const n of lengths) {
    if (i + n > lowerWords.length) continue;
    if (names?.has(lowerWords.slice(i, i + n).join(" "))) return n;
  }
  return 0;
}
