/** The App Home tab: the current status and every upcoming date, within the 100-block view limit. */
import type { StatusReport, TimelineItem } from "../../answer/types.js";
import { COMMAND } from "../ids.js";
import { type AnyBlock, capBlocks, context, LIMITS, sections } from "./limits.js";
import { itemLines, LABELS, statusBlocks } from "./status.js";

/** A Home tab view. */
export interface HomeView {
  type: "home";
  blocks: AnyBlock[];
}

/** The Home tab for a status report and the timeline. */
export function homeView(status: StatusReport, timeline: readonly TimelineItem[]): HomeView {
  const upcoming = timeline.filter((i) => !i.past).sort((a, b) => a.until.localeCompare(b.until));
  const blocks: AnyBlock[] = statusBlocks({ ...status, upcoming: [] });
  blocks.push({ type: "divider" });
  blocks.push(
    ...sections(
      `${LABELS.upcoming}\n${upcoming.length ? itemLines(upcoming) : "Nothing scheduled in the sources."}`,
    ),
  );
  blocks.push(
    context([
      `Ask me in a direct message, mention me in a channel, or use \`${COMMAND}\` (try \`${COMMAND} help\`).`,
    ]),
  );
  return { type: "home", blocks: capBlocks(blocks, LIMITS.blocksPerView) };
}
