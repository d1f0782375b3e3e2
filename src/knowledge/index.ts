/** The knowledge base: its file format (schema), loading and checking. Import from here. */
export { checkKnowledge, type KnowledgeCheck, loadKnowledge } from "./load.js";
export { formatProblem, KnowledgeError, type Problem } from "./problem.js";
export * from "./schema.js";
