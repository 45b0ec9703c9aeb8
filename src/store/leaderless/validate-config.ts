/**
 * Validation of a leaderless configuration, with errors that name the field.
 *
 * @example
 * validateLeaderlessConfig({ n: 3, w: 4 });
 * // throws ConfigError "leaderless.w: 4 exceeds n = 3"
 */
import { ConfigError, requireInteger, requireOneOf } from '../../config/config-error.js';
import { MAX_MERKLE_DEPTH } from '../shared/merkle-tree.js';
import { COORDINATOR_CHOICES, defaultLeaderlessConfig, resolveLeaderlessConfig, VERSIONINGS, type LeaderlessConfig, type LeaderlessConfigInput } from './config.js';

const MAX_NODES = 64;
const MAX_VNODES = 1024;
/** N+1 and N+2: spares beyond two are not a redundancy level anyone runs. */
const MAX_SPARES = 2;
const BOOLEAN_FIELDS = ['readRepair', 'hintedHandoff', 'sloppyQuorum', 'abd', 'readVerification', 'checksums'] as const;
const TOP_FIELDS = Object.keys(defaultLeaderlessConfig());
const ANTI_ENTROPY_FIELDS = Object.keys(defaultLeaderlessConfig().antiEntropy);

/**
 * Checks a configuration (fields left out take their defaults) and returns it
 * complete. Throws a ConfigError naming the field path (prefixed by `path`) for a
 * wrong type, an unknown field, or a combination that cannot work.
 *
 * @example
 * validateLeaderlessConfig({ nodes: 5 }).n;                 // 3
 * validateLeaderlessConfig({ sloppyQuorum: true, hintedHandoff: false });
 * // throws "leaderless.sloppyQuorum: needs hintedHandoff ..."
 */
export function validateLeaderlessConfig(input: unknown, path = 'leaderless'): LeaderlessConfig {
  requirePlainObject(path, input);
  rejectUnknownFields(path, input, TOP_FIELDS);
  if (input.antiEntropy !== undefined) {
    requirePlainObject(`${path}.antiEntropy`, input.antiEntropy);
    rejectUnknownFields(`${path}.antiEntropy`, input.antiEntropy, ANTI_ENTROPY_FIELDS);
  }
  const config = resolveLeaderlessConfig(input as LeaderlessConfigInput);
  checkFieldTypes(path, config);
  checkQuorums(path, config);
  checkCombinations(path, config);
  return config;
}

function checkFieldTypes(path: string, config: LeaderlessConfig): void {
  requireInteger(`${path}.nodes`, config.nodes, 1, MAX_NODES);
  requireInteger(`${path}.n`, config.n, 1, MAX_NODES);
  requireInteger(`${path}.w`, config.w, 1, MAX_NODES);
  requireInteger(`${path}.r`, config.r, 1, MAX_NODES);
  requireInteger(`${path}.vnodes`, config.vnodes, 1, MAX_VNODES);
  for (const field of BOOLEAN_FIELDS) requireBoolean(`${path}.${field}`, config[field]);
  requireBoolean(`${path}.antiEntropy.enabled`, config.antiEntropy.enabled);
  requireInteger(`${path}.antiEntropy.intervalMs`, config.antiEntropy.intervalMs, 1);
  requireInteger(`${path}.antiEntropy.treeDepth`, config.antiEntropy.treeDepth, 0, MAX_MERKLE_DEPTH);
  requireOneOf(`${path}.versioning`, config.versioning, VERSIONINGS);
  requireOneOf(`${path}.coordinator`, config.coordinator, COORDINATOR_CHOICES);
  requireInteger(`${path}.requestTimeoutMs`, config.requestTimeoutMs, 1);
  requireInteger(`${path}.replicaTimeoutMs`, config.replicaTimeoutMs, 1);
  requireInteger(`${path}.hintRetryMs`, config.hintRetryMs, 1);
  requireInteger(`${path}.spares`, config.spares, 0, MAX_SPARES);
  requireInteger(`${path}.spareHeartbeatMs`, config.spareHeartbeatMs, 1);
  requireInteger(`${path}.spareDeclareAfterMs`, config.spareDeclareAfterMs, 1);
}

function checkQuorums(path: string, config: LeaderlessConfig): void {
  if (config.n > config.nodes) throw new ConfigError(`${path}.n`, `exceeds nodes = ${config.nodes}`, config.n);
  if (config.w > config.n) throw new ConfigError(`${path}.w`, `exceeds n = ${config.n}`, config.w);
  if (config.r > config.n) throw new ConfigError(`${path}.r`, `exceeds n = ${config.n}`, config.r);
  if (config.replicaTimeoutMs >= config.requestTimeoutMs) {
    throw new ConfigError(
      `${path}.replicaTimeoutMs`,
      `must be below requestTimeoutMs = ${config.requestTimeoutMs} (a slow replica is skipped before the request gives up)`,
      config.replicaTimeoutMs,
    );
  }
}

function checkCombinations(path: string, config: LeaderlessConfig): void {
  if (config.sloppyQuorum && !config.hintedHandoff) {
    throw new ConfigError(`${path}.sloppyQuorum`, 'needs hintedHandoff (a fallback node holds the write as a hint for its owner)');
  }
  if (config.abd && config.versioning !== 'lww') {
    throw new ConfigError(`${path}.abd`, "needs versioning 'lww' (ABD orders versions by one logical tag per key)");
  }
  if (config.readVerification && config.versioning !== 'lww') {
    throw new ConfigError(`${path}.readVerification`, "needs versioning 'lww' (replicas vouch for one tagged version)");
  }
  if (config.spares > 0 && config.spareDeclareAfterMs <= config.spareHeartbeatMs) {
    throw new ConfigError(
      `${path}.spareDeclareAfterMs`,
      `must exceed spareHeartbeatMs = ${config.spareHeartbeatMs} (one late heartbeat must not hand a live node's ranges over)`,
      config.spareDeclareAfterMs,
    );
  }
  if (config.coordinator === 'contacted' && config.versioning === 'vv') {
    throw new ConfigError(
      `${path}.coordinator`,
      "'contacted' needs versioning 'lww' (version vectors are built on the coordinator's own replica)",
    );
  }
}

function requirePlainObject(field: string, value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(field, 'must be an object', value);
  }
}

function rejectUnknownFields(path: string, value: Record<string, unknown>, known: readonly string[]): void {
  for (const field of Object.keys(value)) {
    if (!known.includes(field)) throw new ConfigError(`${path}.${field}`, `is not a known field (known: ${known.join(', ')})`);
  }
}

function requireBoolean(field: string, value: unknown): void {
  if (typeof value !== 'boolean') throw new ConfigError(field, 'must be true or false', value);
}
