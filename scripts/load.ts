/**
 * Load on two instances, as deployed: a throwaway PostgreSQL server (the test support's
 * postgres-server.ts), `src/main.ts` twice in child processes in HTTP mode (through tsx, as the
 * two-instances test starts them) with the Web API at the fake Slack, and the round-robin proxy in
 * front (test/support/instances.ts). Then `--senders` concurrent senders (50) send signed
 * requests for `--seconds` (20), each alternating a slash command `/tradetalks <question>` and an
 * app_mention, each waiting for its HTTP answer before the next (and then `--pause` ms, 0:
 * back to back, so the instances are saturated). Printed:
 *
 * - ack: request sent → HTTP 200 received (through the proxy);
 * - answer: request sent → the fake Slack receiving the answer (the response_url POST for a
 *   command, the chat.postMessage in the mention's thread for a mention);
 *
 * as p50/p95/p99/max, with counts, and how many requests got no 200 or no answer.
 *
 *   npm run bench:load -- [--seconds 20] [--senders 50] [--instances 2] [--pause 0]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { FakeSlack } from "../test/support/fake-slack.js";
import { type Instance, killHard, startInstance, startProxy } from "../test/support/instances.js";
import { appMention, slashCommand } from "../test/support/payloads.js";
import { startPostgresServer } from "../test/support/postgres-server.js";
import { TEST_SIGNING_SECRET } from "../test/support/slack-app.js";
import { sendCommand, sendEvent } from "../test/support/slack-requests.js";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    senders: { type: "string", default: "50" },
    instances: { type: "string", default: "2" },
    pause: { type: "string", default: "0" },
  },
});
const seconds = Number(values.seconds);
const senders = Number(values.senders);
const count = Number(values.instances);
const pauseMs = Number(values.pause);

const QUESTIONS = [
  "when does the truce expire?",
  "what is the status of the talks?",
  "where were the talks held?",
  "who leads the US side?",
  "what tariffs are in place?",
  "what did Bessent say?",
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

function line(name: string, xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const f = (v: number) => `${Math.round(v)} ms`.padStart(8);
  return `${name.padEnd(18)} n=${String(s.length).padStart(6)}  p50 ${f(percentile(s, 50))}  p95 ${f(percentile(s, 95))}  p99 ${f(percentile(s, 99))}  max ${f(s.at(-1) ?? Number.NaN)}`;
}

async function main(): Promise<void> {
  const pgServer = await startPostgresServer();
  const cwd = mkdtempSync(join(tmpdir(), "tradebot-load-"));
  const slack = await FakeSlack.start();
  const instances: Instance[] = [];
  try {
    const names = Array.from({ length: count }, (_, i) => `load${i + 1}`);
    instances.push(
      ...(await Promise.all(
        names.map((name) =>
          startInstance({
            databaseUrl: pgServer.url,
            name,
            apiUrl: slack.apiUrl,
            cwd,
          }),
        ),
      )),
    );
    const proxy = await startProxy(instances.map((i) => i.port));
    const target = { url: proxy.url, signingSecret: TEST_SIGNING_SECRET };

    // What was sent when (Date.now(), the fake's clock), by response id or thread ts.
    const sentCommands = new Map<string, { at: number; kind: "command" }>();
    const sentMentions = new Map<string, { at: number; kind: "mention" }>();
    const acks: { command: number[]; mention: number[] } = { command: [], mention: [] };
    let notOk = 0;
    let seq = 0;
    const end = performance.now() + seconds * 1000;
    const base = Math.floor(Date.now() / 1000);

    async function sender(n: number): Promise<void> {
      let turn = n % 2;
      while (performance.now() < end) {
        const k = seq++;
        const question = QUESTIONS[k % QUESTIONS.length] as string;
        const t0 = performance.now();
        let status: number;
        if (turn++ % 2 === 0) {
          const id = `load-${k}`;
          sentCommands.set(id, { at: Date.now(), kind: "command" });
          const fields = { ...slashCommand(question, slack.responseUrl(id)), user_id: `UL${n}` };
          status = (await sendCommand(target, fields).catch(() => ({ status: 0 }))).status;
          if (status === 200) acks.command.push(performance.now() - t0);
        } else {
          const ts = `${base}.${String(k).padStart(6, "0")}`;
          sentMentions.set(ts, { at: Date.now(), kind: "mention" });
          const event = appMention(`EvLoad${k}`, { text: `<@UBOT0001> ${question}`, ts, user: `UL${n}` });
          status = (await sendEvent(target, event).catch(() => ({ status: 0 }))).status;
          if (status === 200) acks.mention.push(performance.now() - t0);
        }
        if (status !== 200) notOk++;
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      }
    }

    console.log(
      `load: ${count} instance(s) on one PostgreSQL behind a round-robin proxy, ${senders} senders` +
        `${pauseMs ? ` pausing ${pauseMs} ms after each ack` : " back to back"}, ${seconds} s`,
    );
    await Promise.all(Array.from({ length: senders }, (_, n) => sender(n)));

    // Answers still on their way: up to 30 s more.
    const answered = () => {
      const commands = new Map<string, number>();
      for (const r of slack.responses) if (!commands.has(r.id)) commands.set(r.id, r.at ?? 0);
      const mentions = new Map<string, number>();
      for (const c of slack.callsTo("chat.postMessage")) {
        const ts = String(c.args.thread_ts ?? "");
        if (sentMentions.has(ts) && !mentions.has(ts)) mentions.set(ts, c.at ?? 0);
      }
      return { commands, mentions };
    };
    const wait = Date.now() + 30_000;
    while (Date.now() < wait) {
      const a = answered();
      if (a.commands.size >= sentCommands.size && a.mentions.size >= sentMentions.size) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const a = answered();
    const answerTimes = { command: [] as number[], mention: [] as number[] };
    for (const [id, s] of sentCommands) {
      const at = a.commands.get(id);
      if (at !== undefined) answerTimes.command.push(at - s.at);
    }
    for (const [ts, s] of sentMentions) {
      const at = a.mentions.get(ts);
      if (at !== undefined) answerTimes.mention.push(at - s.at);
    }
    const sent = sentCommands.size + sentMentions.size;
    const allAnswers = [...answerTimes.command, ...answerTimes.mention];
    console.log(`requests: ${sent} (${(sent / seconds).toFixed(0)}/s), not 200: ${notOk}`);
    console.log(line("ack, all", [...acks.command, ...acks.mention]));
    console.log(line("ack, command", acks.command));
    console.log(line("ack, mention", acks.mention));
    console.log(line("answer, all", allAnswers));
    console.log(line("answer, command", answerTimes.command));
    console.log(line("answer, mention", answerTimes.mention));
    console.log(`unanswered: ${sent - allAnswers.length}; per instance: ${proxy.forwarded.join(" / ")}`);
    const methods = new Map<string, number>();
    for (const c of slack.calls) methods.set(c.method, (methods.get(c.method) ?? 0) + 1);
    console.log(`Web API calls: ${[...methods].map(([m, n]) => `${m} ${n}`).join(", ")}`);
    // What went wrong inside, if anything: each instance's warnings and errors, counted by kind.
    for (const i of instances) {
      const kinds = new Map<string, number>();
      for (const l of i.log().split("\n")) {
        if (!/\b(warn|error)\b/i.test(l)) continue;
        const k = l.replace(/\d+/g, "#").slice(0, 160);
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
      for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 5))
        console.log(`${i.name}: ${n} × ${k}`);
    }
    await proxy.close();
  } finally {
    for (const i of instances) await killHard(i);
    await slack.close();
    pgServer.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
