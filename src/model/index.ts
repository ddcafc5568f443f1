/** Translation drafted by a language model and verified by the rules. No VS Code, no Node: every host uses it. */
export type { ChatMessage, ChatModel, ChatRequestOptions } from './chat.js';
export { fallbackMessage, ModelFailure, type ModelFailureKind } from './failure.js';
export { extractSpec } from './extract.js';
export { normalizeSpec } from './normalize.js';
export { draftParts } from './parts.js';
export type { ReportedFinding } from './prompt.js';
export { findingsToRepair, translateWithModel, type ModelProgress, type ModelTranslation, type ModelTranslationOptions } from './translate.js';
export { draftInsertion, translateIntoWithModel, type ModelSpecEdits } from './into.js';
export { translationSummary } from './summary.js';
export { proposeRewrites, REWORDABLE_RULES, type Rewrite } from './rewrite.js';
