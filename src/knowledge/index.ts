/** The knowledge base: its file format (schema), loading and checking. Import from here. */
export type { BrokenIds, ParsedEntry, ParsedSource } from "./check.js";
export { checkKnowledge, type KnowledgeCheck, loadKnowledge } from "./load.js";
export { formatProblem, KnowledgeError, type Problem } from "./problem.js";
export * from "./schema.js";
