/**
 * The leaderless (Dynamo-style) store: consistent hashing, quorums, read repair,
 * hinted handoff with optional sloppy quorums, Merkle-tree anti-entropy, LWW or
 * version-vector versioning, and an ABD mode for linearizable registers.
 */
export { leaderlessStore } from './store.js';
export {
  defaultLeaderlessConfig,
  leaderlessNodeIds,
  leaderlessSpareIds,
  resolveLeaderlessConfig,
  type AntiEntropyConfig,
  type CoordinatorChoice,
  type LeaderlessConfig,
  type LeaderlessConfigInput,
  type Versioning,
} from './config.js';
export { validateLeaderlessConfig } from './validate-config.js';
export { LeaderlessNode } from './node.js';
export type { LeaderlessMessage } from './messages.js';
export type { KeyState, Tag, TaggedState, SiblingState, Sibling, SiblingData } from './key-state.js';
