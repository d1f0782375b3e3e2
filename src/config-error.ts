/** The configuration error, apart from the zod schema so that light entry points can use it. */

/** Thrown with one line per problem, so the operator sees everything wrong at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}
