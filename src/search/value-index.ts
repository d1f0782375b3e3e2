/**
 * Claims by the figure or the date their value gives, for a question that puts one forward
 * ("what's the 145 about", "nov 1 - what happens then?"): a sorted list and two maps instead of a
 * scan of every claim.
 */
import type { LoadedClaim } from "../knowledge/schema.js";

/** Claims by value; add every claim in order, then `finish`. */
export class ValueIndex {
  /** Claims with a figure value, by figure (ascending). */
  private readonly figures: { figure: number; claim: number }[] = [];
  /** Claims with a date value by its month ("10"), and those with a day's date by month and day ("10-20"). */
  private readonly byMonth = new Map<string, number[]>();
  private readonly byDay = new Map<string, number[]>();

  /** Takes claim number `i`. */
  add(claim: LoadedClaim, i: number): void {
    const v = claim.value;
    if ("figure" in v) this.figures.push({ figure: v.figure, claim: i });
    if ("date" in v) {
      push(this.byMonth, v.date.slice(5, 7), i);
      if (v.precision === "day") push(this.byDay, v.date.slice(5), i);
    }
  }

  /** Done adding. */
  finish(): void {
    this.figures.sort((a, b) => a.figure - b.figure || a.claim - b.claim);
  }

  /** Claims whose value is this figure (any unit), or whose date value covers this day or month, in claim order. */
  find(find: { figure?: number; date?: string; precision?: string }): number[] {
    const out: number[] = [];
    const f = find.figure;
    if (f !== undefined) {
      // A figure within a billionth of it: look a little wider, then measure each one as a scan would.
      const slack = 4e-9 * Math.max(1, Math.abs(f));
      let lo = 0;
      let hi = this.figures.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.figures[mid] as { figure: number }).figure < f - slack) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < this.figures.length; k++) {
        const { figure, claim } = this.figures[k] as { figure: number; claim: number };
        if (figure > f + slack) break;
        if (Math.abs(figure - f) < 1e-9 * Math.max(1, Math.abs(figure))) out.push(claim);
      }
    }
    if (find.date) {
      const found =
        find.precision === "month"
          ? this.byMonth.get(find.date.slice(5, 7))
          : this.byDay.get(find.date.slice(5));
      if (found) out.push(...found);
    }
    return out.sort((a, b) => a - b);
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
