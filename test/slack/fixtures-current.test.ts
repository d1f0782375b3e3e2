import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const shared = "../shared/slack";
const vendored = "test/fixtures/slack";

describe("the vendored Slack reference data", () => {
  it.runIf(existsSync(shared))("still matches ../shared/slack, file for file", () => {
    const files = [
      "manifest.schema.json",
      ...readdirSync(join(shared, "payloads")).map((f) => `payloads/${f}`),
    ];
    for (const f of files)
      expect(readFileSync(join(vendored, f), "utf8"), f).toBe(readFileSync(join(shared, f), "utf8"));
  });
});
