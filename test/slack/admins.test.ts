/** ADMIN_USER_IDS: a bare user id is an admin anywhere; TEAM:USER only in that workspace. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { isAdmin } from "../../src/slack/admins.js";

const config = loadConfig({ ADMIN_USER_IDS: "U0ANY, T0ONE:U0SCOPED" });

describe("admins", () => {
  it("takes a bare user id in any workspace", () => {
    expect(isAdmin(config, "T0ONE", "U0ANY")).toBe(true);
    expect(isAdmin(config, "T0TWO", "U0ANY")).toBe(true);
    expect(isAdmin(config, undefined, "U0ANY")).toBe(true);
  });

  it("takes TEAM:USER only in that workspace", () => {
    expect(isAdmin(config, "T0ONE", "U0SCOPED")).toBe(true);
    expect(isAdmin(config, "T0TWO", "U0SCOPED")).toBe(false);
    expect(isAdmin(config, undefined, "U0SCOPED")).toBe(false);
    expect(isAdmin(config, "T0ONE", "U0OTHER")).toBe(false);
  });
});
