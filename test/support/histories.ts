/**
 * History generators for the checker's tests: random small histories (valid and
 * invalid) and histories linearizable by construction, plus the pairing the oracles use.
 */
export { randomHistory, type RandomHistoryOptions, type RandomHistoryModel } from './random-histories.js';
export {
  linearizableHistory,
  type ConstructedOptions,
  type ConstructedHistory,
  type ConstructedModel,
} from './linearizable-histories.js';
export { toOperations } from './operations.js';
