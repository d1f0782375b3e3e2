/** The message shortcuts: declared in manifest.yml as the code defines and registers them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { SlackDeps } from "../../src/slack/deps.js";
import { SHORTCUTS } from "../../src/slack/ids.js";
import { register } from "../../src/slack/listeners/shortcuts/index.js";

const manifest = parse(readFileSync(join(import.meta.dirname, "../../manifest.yml"), "utf8"));

describe("shortcuts", () => {
  it("declares exactly the shortcuts src/slack/ids.ts defines, as message shortcuts with short names", () => {
    const declared = manifest.features.shortcuts as { name: string; type: string; callback_id: string }[];
    expect(declared.map((s) => s.callback_id).sort()).toEqual(Object.values(SHORTCUTS).sort());
    for (const s of declared) {
      expect(s.type).toBe("message");
      expect(s.name.length).toBeLessThanOrEqual(24);
    }
  });

  it("has a listener for every shortcut it declares", () => {
    const heard: unknown[] = [];
    register({ shortcut: (c: unknown) => heard.push(c) } as unknown as App, {} as SlackDeps);
    expect(heard).toEqual(
      Object.values(SHORTCUTS).map((id) => ({ callback_id: id, type: "message_action" })),
    );
  });
});
