/**
 * The operator's files in deploy/ (docs/deploy.md) against the code they describe: the systemd unit
 * runs what `npm start` runs, the nginx site passes on Slack's paths and nothing else, and the alert
 * rules name only metrics (and labels) the app registers. Plain text parsing: neither systemd, nginx
 * nor Prometheus is needed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config.js";
import { INSTALL_PATH, REDIRECT_PATH } from "../../src/slack/oauth/installer.js";
import { HEALTH_PATH } from "../../src/slack/receivers/routes.js";
import { createMetrics, METRICS_PATH } from "../../src/telemetry/metrics.js";
import { READY_PATH } from "../../src/telemetry/readiness.js";

const root = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

/** A unit file as section → key → values (a key may repeat). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1] as string, current);
      continue;
    }
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!kv || !current) throw new Error(`not a unit line: ${line}`);
    const [, key, value] = kv as unknown as [string, string, string];
    current.set(key, [...(current.get(key) ?? []), value]);
  }
  return sections;
}

describe("deploy/tradebot.service", () => {
  const unit = parseUnit(read("deploy/tradebot.service"));
  const service = unit.get("Service") ?? new Map<string, string[]>();
  const one = (key: string) => {
    const values = service.get(key) ?? [];
    expect(values, key).toHaveLength(1);
    return values[0] as string;
  };

  it("has the three sections and runs as its own user with an environment file", () => {
    expect([...unit.keys()]).toEqual(["Unit", "Service", "Install"]);
    expect(one("User")).toBe("tradebot");
    expect(one("WorkingDirectory")).toMatch(/^\//);
    expect(one("EnvironmentFile")).toMatch(/^\/etc\//);
    expect(one("Restart")).toBe("on-failure");
    expect(service.get("Environment")).toContain("NODE_ENV=production");
    expect(unit.get("Install")?.get("WantedBy")).toEqual(["multi-user.target"]);
  });

  it("starts the compiled entry point that `npm start` starts, which the build makes from src/", () => {
    const pkg = JSON.parse(read("package.json")) as { scripts: { start: string } };
    const started = /(?:^|&&\s*)node (\S+\.js)$/.exec(pkg.scripts.start)?.[1];
    expect(started).toBe("dist/main.js");
    expect(one("ExecStart")).toBe(`/usr/bin/node ${started}`);
    const ts = JSON.parse(read("tsconfig.json")) as { compilerOptions: { outDir: string; rootDir: string } };
    const source = `${ts.compilerOptions.rootDir}/${(started as string).slice(ts.compilerOptions.outDir.length + 1).replace(/\.js$/, ".ts")}`;
    expect(source).toBe("src/main.ts");
    expect(read(source)).toContain('process.once("SIGTERM"');
  });

  it("gives the SIGTERM drain time to finish before systemd kills the process", () => {
    const grace = /const SHUTDOWN_GRACE_MS = ([\d_]+);/.exec(read("src/main.ts"))?.[1];
    expect(grace).toBeDefined();
    const graceSeconds = Number((grace as string).replaceAll("_", "")) / 1000;
    const stopSeconds = Number(one("TimeoutStopSec"));
    expect(one("KillSignal")).toBe("SIGTERM");
    expect(stopSeconds).toBeGreaterThanOrEqual(graceSeconds + 10);
  });

  it("lets the app write the default knowledge folder, and keeps the JIT working", () => {
    const knowledge = `${one("WorkingDirectory")}/${loadConfig({}).knowledgeDir}`;
    expect(one("ProtectSystem")).toBe("strict");
    expect(one("NoNewPrivileges")).toBe("yes");
    expect(one("ReadWritePaths").split(/\s+/)).toContain(knowledge);
    // V8 needs writable, executable memory.
    expect(service.has("MemoryDenyWriteExecute")).toBe(false);
  });
});

describe("deploy/nginx.conf", () => {
  const conf = read("deploy/nginx.conf").replace(/#.*$/gm, "");

  it("sends both upstream hosts to the app's default port", () => {
    const upstream = /upstream tradebot \{([^}]*)\}/.exec(conf)?.[1] ?? "";
    const servers = [...upstream.matchAll(/^\s*server (\S+):(\d+)/gm)];
    expect(servers).toHaveLength(2);
    for (const s of servers) expect(Number(s[2])).toBe(loadConfig({}).port);
  });

  it("passes on Slack's events, install and redirect paths, and nothing else", () => {
    const blocks = [...conf.matchAll(/location (=\s*)?(\S+) \{((?:[^{}]|\{[^{}]*\})*)\}/g)].map((m) => ({
      exact: Boolean(m[1]),
      path: m[2] as string,
      body: m[3] as string,
    }));
    const proxied = blocks.filter((b) => b.body.includes("proxy_pass http://tradebot;"));
    expect(proxied.every((b) => b.exact)).toBe(true);
    expect(proxied.map((b) => b.path).sort()).toEqual(["/slack/events", INSTALL_PATH, REDIRECT_PATH].sort());
    for (const privatePath of [METRICS_PATH, HEALTH_PATH, READY_PATH])
      expect(proxied.map((b) => b.path)).not.toContain(privatePath);
    expect(blocks.find((b) => b.path === "/")?.body.trim()).toBe("return 404;");
  });
});

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Names in the rules that are not the app's: Prometheus's own `up`, and blackbox_exporter's probe. */
const EXTERNAL_METRICS = new Set(["up", "probe_success"]);
/** Labels Prometheus adds (instance, job) or a histogram has (le). */
const PROMETHEUS_LABELS = new Set(["instance", "job", "le"]);
const PROMQL_WORDS = new Set(["and", "or", "unless", "bool", "offset", "inf", "nan"]);

/** The metric names, matcher labels (with values) and grouping labels an expression uses. */
function readExpr(expr: string) {
  const matchers: { metric: string; label: string; values: string[] }[] = [];
  const grouping: string[] = [];
  let rest = expr.replace(
    /([a-zA-Z_:][\w:]*)?\{([^}]*)\}/g,
    (_m, metric: string | undefined, body: string) => {
      for (const [, label, op, value] of body.matchAll(/(\w+)\s*(=~|!~|!=|=)\s*"([^"]*)"/g))
        matchers.push({
          metric: metric ?? "",
          label: label as string,
          values: op?.includes("~") ? (value as string).split("|") : [value as string],
        });
      return metric ?? "";
    },
  );
  rest = rest.replace(
    /\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g,
    (_m, _w, labels) => {
      grouping.push(
        ...(labels as string)
          .split(",")
          .map((l) => l.trim())
          .filter(Boolean),
      );
      return " ";
    },
  );
  rest = rest.replace(/\[[^\]]*\]/g, " ");
  const metrics = [...rest.matchAll(/([a-zA-Z_:][\w:]*)(\s*\()?/g)]
    .filter((m) => !m[2] && !PROMQL_WORDS.has((m[1] as string).toLowerCase()))
    .map((m) => m[1] as string);
  return { metrics, matchers, grouping };
}

/** Every string literal in src/, to check that a label value the rules match is one the code uses. */
function sourceStrings(): Set<string> {
  const out = new Set<string>();
  const dir = join(root, "src");
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts")) continue;
    for (const [, s] of readFileSync(join(dir, file), "utf8").matchAll(/"([\w-]+)"/g)) out.add(s as string);
  }
  return out;
}

describe("deploy/alerts.yml", () => {
  const doc = parse(read("deploy/alerts.yml")) as { groups: { name: string; rules: Rule[] }[] };
  const rules = doc.groups.flatMap((g) => g.rules);
  const { registry } = createMetrics();
  const registered = new Map<string, { type: string; labels: string[] }>();
  for (const m of registry.getMetricsAsArray()) {
    const metric = m as unknown as { name: string; type: string; labelNames?: string[] };
    registered.set(metric.name, { type: metric.type, labels: metric.labelNames ?? [] });
  }
  /** The registered metric a series name belongs to (a histogram's _bucket, _sum and _count too). */
  const metricOf = (series: string) => {
    if (registered.has(series)) return registered.get(series);
    const base = series.replace(/_(bucket|sum|count)$/, "");
    const m = registered.get(base);
    return m?.type === "histogram" && base !== series ? m : undefined;
  };

  it("is one group of uniquely named alerts, each with a severity and a summary", () => {
    expect(doc.groups.map((g) => g.name)).toEqual(["tradebot"]);
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.expr, r.alert).toBeTruthy();
      expect(["critical", "warning", "info"], r.alert).toContain(r.labels?.severity);
      expect(r.annotations?.summary, r.alert).toBeTruthy();
      if (r.for) expect(r.for, r.alert).toMatch(/^\d+[smh]$/);
    }
  });

  it("names only metrics the app registers (or Prometheus's up and blackbox_exporter's probe_success)", () => {
    const used = new Set<string>();
    for (const r of rules) {
      const { metrics } = readExpr(r.expr);
      expect(metrics.length, r.alert).toBeGreaterThan(0);
      for (const name of metrics) {
        used.add(name);
        if (EXTERNAL_METRICS.has(name)) continue;
        expect(metricOf(name), `${r.alert}: ${name} is not a metric the app registers`).toBeDefined();
      }
    }
    // The ones the brief asked for are covered.
    for (const name of [
      "tradebot_briefings_total",
      "tradebot_slack_api_rate_limited_total",
      "tradebot_slack_api_errors_total",
      "tradebot_knowledge_changes_total",
      "tradebot_answer_duration_seconds_bucket",
      "tradebot_feed_polls_total",
      "probe_success",
    ])
      expect(used, name).toContain(name);
  });

  it("matches and groups only by labels those metrics have, with values the code uses", () => {
    const strings = sourceStrings();
    for (const r of rules) {
      const { metrics, matchers, grouping } = readExpr(r.expr);
      const own = metrics.flatMap((name) => metricOf(name)?.labels ?? []);
      for (const label of grouping)
        expect([...own, ...PROMETHEUS_LABELS], `${r.alert}: by ${label}`).toContain(label);
      for (const m of matchers) {
        if (EXTERNAL_METRICS.has(m.metric)) continue;
        const labels = metricOf(m.metric)?.labels ?? [];
        expect(labels, `${r.alert}: ${m.metric}{${m.label}}`).toContain(m.label);
        for (const value of m.values) expect(strings, `${r.alert}: ${m.label}="${value}"`).toContain(value);
      }
    }
  });
});
