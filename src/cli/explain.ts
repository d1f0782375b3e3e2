/** `tradebot ask --explain`: how a question was read, the best candidate claims, and why it was answered or refused. */
import type { Explanation } from "../answer/engine.js";
import type { Answer } from "../answer/types.js";
import { renderAnswer } from "./render.js";

/** The explanation in plain text, then the answer as `ask` prints it. */
export function renderExplanation(answer: Answer, x: Explanation): string {
  const r = x.reading;
  const lines = [
    "Reading",
    `  form: ${r.form || "—"}${r.negated ? ", negated" : ""}${r.time ? `, about ${r.time === "now" ? "now" : r.time === "before" ? "an earlier state" : "what comes next"}` : ""}`,
    `  concepts: ${r.concepts.map((c) => `${c.id} ("${c.words}", ${c.via}, weight ${c.weight})`).join("; ") || "none"}`,
    `  asked for: ${r.asked.map((a) => `${a.attribute} ${a.fit}`).join(", ") || "nothing in particular"}${r.cues.length ? ` (cues: ${r.cues.join(", ")})` : ""}${r.exact ? `; exact ${r.exact}` : ""}`,
    `  put forward: ${r.claimed.map((c) => `${c.kind} "${c.text}"${c.concept ? ` = ${c.concept}` : ""}`).join("; ") || "nothing"}${r.choices.length ? `; choices: ${r.choices.join(" / ")}` : ""}`,
    `  words no source holds: ${r.unknownWords.join(", ") || "none"}`,
    "Candidates (score = concept coverage × word overlap × attribute fit, and the rest)",
    ...(x.candidates.length
      ? x.candidates.map(
          (c) =>
            `  ${c.score.toFixed(3)}  ${c.id} [${c.attribute}]  coverage ${c.coverage}, words ${c.words}, fit ${c.fit}${c.standing ? "" : ", replaced"}`,
        )
      : ["  none"]),
    `Decision: ${x.decision}`,
    "",
    renderAnswer(answer),
  ];
  return lines.join("\n");
}
