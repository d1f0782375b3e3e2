/**
 * `npm run bench:claims [-- --slots 2000 --claimers 8]`: how the two ways of claiming a briefing
 * slot in PostgreSQL compare, on a throwaway server (test/support/postgres-server.ts). Prints
 * figures, never fails on them. Every claimer tries every slot, in the same order, at once:
 *
 * - `on conflict`: `INSERT … ON CONFLICT DO NOTHING` (what src/store/pg-ledger.ts does): one
 *   autocommitted statement; the row need not exist.
 * - `skip locked`: the rows made beforehand (SKIP LOCKED can only lock a row that exists), then
 *   BEGIN; SELECT … FOR UPDATE SKIP LOCKED; UPDATE; COMMIT.
 *
 * Both must give every slot exactly one winner; the figures are wall time and per-claim latency.
 */
import pg from "pg";
import { startPostgresServer } from "../test/support/postgres-server.js";

const option = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const SLOTS = option("slots", 2000);
const CLAIMERS = option("claimers", 8);

type Claim = (client: pg.Client, slot: number, who: string) => Promise<boolean>;

const onConflict: Claim = async (client, slot, who) => {
  const r = await client.query(
    `INSERT INTO slots_a (channel_id, local_date, state, claimed_by) VALUES ($1, '2026-03-02', 'claimed', $2)
     ON CONFLICT DO NOTHING`,
    [`C${slot}`, who],
  );
  return r.rowCount === 1;
};

const skipLocked: Claim = async (client, slot, who) => {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query(
      `SELECT 1 FROM slots_b WHERE channel_id = $1 AND local_date = '2026-03-02' AND state = 'free'
       FOR UPDATE SKIP LOCKED`,
      [`C${slot}`],
    );
    if (rows.length)
      await client.query(
        "UPDATE slots_b SET state = 'claimed', claimed_by = $2 WHERE channel_id = $1 AND local_date = '2026-03-02'",
        [`C${slot}`, who],
      );
    await client.query("COMMIT");
    return rows.length === 1;
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
};

async function run(url: string, name: string, claim: Claim): Promise<void> {
  const clients = await Promise.all(
    Array.from({ length: CLAIMERS }, async () => {
      const c = new pg.Client(url);
      await c.connect();
      return c;
    }),
  );
  const latencies: number[] = [];
  let wins = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, i) => {
      for (let slot = 0; slot < SLOTS; slot++) {
        const t = performance.now();
        if (await claim(client, slot, `i${i}`)) wins++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  await Promise.all(clients.map((c) => c.end()));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies[Math.floor(q * (latencies.length - 1))] ?? 0).toFixed(2);
  console.log(
    `${name.padEnd(12)} ${String(wins).padStart(6)} winners of ${SLOTS} slots   ${wall.toFixed(0).padStart(6)} ms   ` +
      `${((SLOTS * CLAIMERS) / (wall / 1000)).toFixed(0).padStart(6)} claims/s   p50 ${at(0.5)} ms   p95 ${at(0.95)} ms`,
  );
}

const server = await startPostgresServer();
try {
  const setup = new pg.Client(server.url);
  await setup.connect();
  for (const t of ["slots_a", "slots_b"])
    await setup.query(
      `CREATE TABLE ${t} (channel_id TEXT, local_date TEXT, state TEXT NOT NULL, claimed_by TEXT,
       PRIMARY KEY (channel_id, local_date))`,
    );
  await setup.query(
    "INSERT INTO slots_b SELECT 'C' || g, '2026-03-02', 'free', NULL FROM generate_series(0, $1 - 1) g",
    [SLOTS],
  );
  await setup.end();
  console.log(`${CLAIMERS} claimers, each trying all ${SLOTS} slots in the same order, at once:`);
  await run(server.url, "on conflict", onConflict);
  await run(server.url, "skip locked", skipLocked);
} finally {
  server.stop();
}
