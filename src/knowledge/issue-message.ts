/** Zod's validation messages, reworded for a curator who is not a programmer. */
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

const KIND_OF: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list (one item per line, each starting with - )",
  object: "a group of fields (name: value lines)",
};

/** The problem in plain words; `missing` when the field is not in the file at all. */
export function issueMessage(issue: Issue, missing: boolean): string {
  if (missing && issue.code === "invalid_type") return "is missing (it is required)";
  switch (issue.code) {
    case "invalid_type":
      return `must be ${KIND_OF[issue.expected] ?? issue.expected}`;
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1
          ? "must not be empty"
          : `must be at least ${issue.minimum} characters long`;
      }
      if (issue.origin === "array") {
        return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? "" : "s"}`;
      }
      return `must be at least ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") return `must be at most ${issue.maximum} characters long`;
      if (issue.origin === "array") return `has more than ${issue.maximum} items`;
      return `must be at most ${issue.maximum}`;
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    default:
      return issue.message.replace(/^Invalid input: /, "");
  }
}
