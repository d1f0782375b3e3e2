/**
 * The curators' channel: a digest of a new article's drafts, each draft claim with Accept, Edit and
 * Reject buttons (what it says, its snippet in its paragraph, what it changes), the same message
 * once someone decided, the edit modal, and the daily list of claims due for another look. All
 * text from the knowledge goes through `safeMrkdwn`.
 */
import type { types } from "@slack/bolt";
import { formatDay } from "../../answer/dates.js";
import type { OverdueReview } from "../../curation/review-dates.js";
import { verifiedInWords } from "../../curation/review-dates.js";
import type { ClaimView, RelatedClaim } from "../../curation/review-view.js";
import { safeMrkdwn, safePlain } from "../escape.js";
import { ACTIONS, REVIEW_EDIT_INPUT, VIEWS } from "../ids.js";
import { type AnyBlock, actions, button, capBlocks, context, header, sections, truncate } from "./limits.js";
import type { Message } from "./message.js";

/** Who decided about a draft, and when. */
export interface Decision {
  verb: "Accepted" | "Rejected" | "Gone";
  userId?: string;
  at: Date;
  /** What became of it, in a few words ("now in claims/x.yml; the bot answers from it"). */
  outcome: string;
}

/** A time Slack shows in each reader's own time zone, with a plain fallback. */
function when(at: Date): string {
  const fallback = `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} at {time}|${fallback}>`;
}

const related = (verb: string, r: RelatedClaim, tail = "") =>
  `• ${verb} \`${safeMrkdwn(r.id)}\` (${safeMrkdwn(r.source)}): ${safeMrkdwn(truncate(r.answer, 300))}${tail}`;

/** "What it changes" as mrkdwn lines. */
function changeText(v: ClaimView): string {
  const c = v.changes;
  if (!c) return "";
  const lines = [
    ...c.replaces.map((r) => related("Replaces", r)),
    ...c.disputes.map((r) => related("Disputes", r, " _(same day, another source: both will be shown)_")),
    ...c.confirms.map((r) => related("Confirms", r)),
    ...c.outdatedBy.map((r) => related("Is older than", r, " _(that one keeps standing)_")),
  ];
  return `*What it changes*\n${lines.length ? lines.join("\n") : "Nothing the bot says now: a new claim."}`;
}

/** One draft claim for review; with `decided`, the same without buttons and with who decided when. */
export function draftMessage(v: ClaimView, decided?: Decision): Message {
  const about = v.others.length ? ` _(also about ${safeMrkdwn(v.others.join(", "))})_` : "";
  const facts = [
    `*Answer:* ${safeMrkdwn(v.answer)}`,
    `*Value:* ${safeMrkdwn(v.value)}`,
    ...(v.dates ? [`*Dates:* ${safeMrkdwn(v.dates)}`] : []),
    ...(v.speaker
      ? [`*Speaker:* ${safeMrkdwn(v.speaker)}${v.quote ? " (a quote: their own words)" : ""}`]
      : []),
  ].join("\n");
  const p = v.paragraph;
  const inArticle = p
    ? `> ${safeMrkdwn(p.before)}*${safeMrkdwn(p.snippet)}*${safeMrkdwn(p.after)}`
    : `> ${safeMrkdwn(v.snippet)}\n_(not found in the article's text)_`;
  const blocks: AnyBlock[] = [
    ...sections(
      `*Draft claim* \`${safeMrkdwn(v.id)}\`: *${safeMrkdwn(v.attribute)}* of *${safeMrkdwn(v.subject)}*${about}`,
    ),
    ...sections(facts),
    ...sections(inArticle),
    context([`:newspaper: ${safeMrkdwn(v.source)}`, `\`${safeMrkdwn(v.location)}\``]),
    ...sections(changeText(v)),
  ];
  if (v.needs.length)
    blocks.push(
      ...sections(
        `Accepting it also accepts the proposed concept${v.needs.length > 1 ? "s" : ""} ${v.needs.map((n) => `*${safeMrkdwn(n.name)}* (\`${safeMrkdwn(n.id)}\`)`).join(", ")}.`,
      ),
    );
  if (v.problems.length)
    blocks.push(
      ...sections(
        `*Problems* (Edit to fix them, or Reject):\n\`\`\`${safeMrkdwn(v.problems.join("\n"))}\`\`\``,
      ),
    );
  if (decided) {
    const who = decided.userId ? ` by <@${decided.userId}>` : "";
    const mark =
      decided.verb === "Accepted"
        ? ":white_check_mark:"
        : decided.verb === "Rejected"
          ? ":x:"
          : ":grey_question:";
    blocks.push(
      context([`${mark} *${decided.verb}*${who} ${when(decided.at)}: ${safeMrkdwn(decided.outcome)}`]),
    );
  } else {
    blocks.push(
      actions(`review:${v.id}`.slice(0, 255), [
        ...(v.problems.length ? [] : [button(ACTIONS.reviewAccept, "Accept", v.id, "primary")]),
        button(ACTIONS.reviewEdit, "Edit", v.id),
        button(ACTIONS.reviewReject, "Reject", v.id, "danger"),
      ]),
    );
  }
  const state = decided ? ` (${decided.verb.toLowerCase()})` : "";
  return {
    text: truncate(`Draft claim ${v.id}${state}: ${v.answer}`, 3000),
    blocks: capBlocks(blocks),
  };
}

/** The digest that opens a new article's drafts; the drafts follow in its thread. */
export function draftsDigest(d: {
  source: string;
  sourceId: string;
  claims: number;
  concepts: number;
}): Message {
  const what = `${d.claims} draft claim${d.claims === 1 ? "" : "s"}${d.concepts ? ` and ${d.concepts} proposed concept${d.concepts === 1 ? "" : "s"}` : ""}`;
  const text = `New drafts to review: ${what} from ${d.source}`;
  return {
    text: truncate(text, 3000),
    blocks: [
      header("New drafts to review"),
      ...sections(
        `${what} from *${safeMrkdwn(d.source)}*. Each is in this thread: Accept, Edit or Reject it there.`,
      ),
      context([
        `Nothing is served until it is accepted. In a terminal: \`tradebot kb review ${safeMrkdwn(d.sourceId)}\` (the full walk, with merge and proposed concepts).`,
      ]),
    ],
  };
}

/** What the edit modal carries between opening and submitting. */
export interface EditMeta {
  id: string;
  channel?: string;
  ts?: string;
}

/** The modal for editing a draft claim's YAML; `errors` are shown by Slack under the input on submit. */
export function editModal(id: string, yaml: string, meta: EditMeta): types.ModalView {
  return {
    type: "modal",
    callback_id: VIEWS.reviewEdit,
    private_metadata: JSON.stringify(meta),
    title: { type: "plain_text", text: "Edit draft claim" },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `Edit \`${safeMrkdwn(id)}\` as YAML: the subject first in \`about\`, the \`attribute\`, the \`value\`, the \`answer\`. The snippet must stay word for word as in the article. It is checked like \`tradebot kb check\` when you save; then Accept it in the channel.`,
        },
      },
      {
        type: "input",
        block_id: REVIEW_EDIT_INPUT.block,
        label: { type: "plain_text", text: safePlain(truncate(id, 150)) },
        element: {
          type: "plain_text_input",
          action_id: REVIEW_EDIT_INPUT.action,
          multiline: true,
          initial_value: yaml,
          max_length: 3000,
        },
      },
    ],
  };
}

/** The daily reminder of claims whose review date has passed. */
export function overdueMessage(list: readonly OverdueReview[], today: string): Message {
  const lines = list.map(
    (r) =>
      `• \`${safeMrkdwn(r.location)}\` \`${safeMrkdwn(r.id)}\`: review by ${formatDay(r.reviewBy)} (${r.daysOverdue} day${r.daysOverdue === 1 ? "" : "s"} ago); ${safeMrkdwn(verifiedInWords(r))}\n   ${safeMrkdwn(truncate(r.answer, 300))}`,
  );
  const text = `${list.length} claim${list.length === 1 ? " is" : "s are"} due for another look (review_by passed), ${formatDay(today)}`;
  return {
    text,
    blocks: capBlocks(
      [
        header("Claims due for another look"),
        ...sections(lines.join("\n")),
        context([
          "Check each against its source (or a newer one), then set a new `review_by` (and `verified_by`, `verified_on`) in its file. `tradebot kb gaps` lists them too.",
        ]),
      ],
      50,
    ),
  };
}
