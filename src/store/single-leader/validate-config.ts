import { ConfigError, requireInteger, requireNumber, requireOneOf, requirePositive } from '../../config/config-error.js';
import {
  ACK_MODES,
  FSYNC_POLICIES,
  READ_MODES,
  REPLICATION_KINDS,
  defaultHeartbeatDetector,
  defaultPhiDetector,
  defaultSingleLeaderConfig,
  type FailureDetectorConfig,
  type SingleLeaderConfig,
} from './config.js';

/** The largest cluster the store accepts: elections and acks stay meaningful, runs stay fast. */
const MAX_NODES = 99;

/**
 * A partial config as a user writes it: any field may be left out (defaults fill it),
 * and the failure detector may give only some of its fields.
 */
export type SingleLeaderConfigInput = Partial<Omit<SingleLeaderConfig, 'failureDetector'>> & {
  failureDetector?: Partial<FailureDetectorConfig>;
};

/**
 * Checks a single-leader config (JSON data, possibly partial) and returns it complete,
 * defaults filled in. Throws a {@link ConfigError} naming the bad field's path for a
 * wrong type, an unknown field or an impossible combination. A `mode` field equal to
 * 'single-leader' is accepted and dropped, so a tagged store config can be passed whole.
 *
 * @example
 * validateSingleLeaderConfig({ acks: 'async' }).nodes;      // 3
 * validateSingleLeaderConfig({ nodes: 0 });                 // throws "singleLeader.nodes: 0 must be an integer in [1, 99]"
 */
export function validateSingleLeaderConfig(input: unknown, path = 'singleLeader'): SingleLeaderConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError(path, 'must be an object', input);
  }
  const raw = { ...(input as Record<string, unknown>) };
  if ('mode' in raw) {
    if (raw.mode !== 'single-leader') throw new ConfigError(`${path}.mode`, "must be 'single-leader'", raw.mode);
    delete raw.mode;
  }
  const defaults = defaultSingleLeaderConfig();
  rejectUnknownFields(raw, Object.keys(defaults), path);
  const config = { ...defaults, ...raw } as SingleLeaderConfig;
  config.failureDetector = validateDetector(raw.failureDetector, `${path}.failureDetector`);
  checkFields(config, path);
  checkCombinations(config, path);
  return config;
}

function rejectUnknownFields(raw: Record<string, unknown>, known: readonly string[], path: string): void {
  for (const field of Object.keys(raw)) {
    if (!known.includes(field)) throw new ConfigError(`${path}.${field}`, `is not a known field (known: ${known.join(', ')})`);
  }
}

function checkFields(config: SingleLeaderConfig, path: string): void {
  requireInteger(`${path}.nodes`, config.nodes, 1, MAX_NODES);
  requireOneOf(`${path}.replication`, config.replication, REPLICATION_KINDS);
  requireOneOf(`${path}.acks`, config.acks, ACK_MODES);
  requireOneOf(`${path}.reads`, config.reads, READ_MODES);
  requireNumber(`${path}.leaseMs`, config.leaseMs, 1);
  requireNumber(`${path}.clockDriftMarginMs`, config.clockDriftMarginMs, 0);
  requireNumber(`${path}.heartbeatIntervalMs`, config.heartbeatIntervalMs, 1);
  requireNumber(`${path}.electionTimeoutMs`, config.electionTimeoutMs, 1);
  if (typeof config.fencing !== 'boolean') throw new ConfigError(`${path}.fencing`, 'must be true or false', config.fencing);
  for (const field of ['checksums', 'authenticatedEpochs'] as const) {
    if (typeof config[field] !== 'boolean') throw new ConfigError(`${path}.${field}`, 'must be true or false', config[field]);
  }
  requireNumber(`${path}.quorumTimeoutMs`, config.quorumTimeoutMs, 1);
  requireOneOf(`${path}.fsync`, config.fsync, FSYNC_POLICIES);
  requireNumber(`${path}.fsyncIntervalMs`, config.fsyncIntervalMs, 1);
  requireNumber(`${path}.requestTimeoutMs`, config.requestTimeoutMs, 1);
}

function checkCombinations(config: SingleLeaderConfig, path: string): void {
  const detector = config.failureDetector;
  if (detector.kind === 'heartbeat' && detector.declareAfterMs <= config.heartbeatIntervalMs) {
    throw new ConfigError(
      `${path}.failureDetector.declareAfterMs`,
      `must exceed heartbeatIntervalMs = ${config.heartbeatIntervalMs}, or every follower declares a live leader dead`,
      detector.declareAfterMs,
    );
  }
  if (config.fencing && config.quorumTimeoutMs <= config.heartbeatIntervalMs) {
    throw new ConfigError(
      `${path}.quorumTimeoutMs`,
      `must exceed heartbeatIntervalMs = ${config.heartbeatIntervalMs}, or a healthy leader steps down`,
      config.quorumTimeoutMs,
    );
  }
  if (config.reads === 'lease' && config.leaseMs <= config.heartbeatIntervalMs) {
    throw new ConfigError(
      `${path}.leaseMs`,
      `must exceed heartbeatIntervalMs = ${config.heartbeatIntervalMs}, or the lease lapses between renewals`,
      config.leaseMs,
    );
  }
}

function validateDetector(raw: unknown, path: string): FailureDetectorConfig {
  if (raw === undefined) return defaultHeartbeatDetector();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(path, 'must be an object', raw);
  const kind = (raw as { kind?: unknown }).kind ?? 'heartbeat';
  requireOneOf(`${path}.kind`, kind, ['heartbeat', 'phi']);
  const defaults: FailureDetectorConfig = kind === 'heartbeat' ? defaultHeartbeatDetector() : defaultPhiDetector();
  rejectUnknownFields(raw as Record<string, unknown>, Object.keys(defaults), path);
  const detector = { ...defaults, ...raw } as FailureDetectorConfig;
  if (detector.kind === 'heartbeat') {
    requireNumber(`${path}.suspectAfterMs`, detector.suspectAfterMs, 1);
    requireNumber(`${path}.declareAfterMs`, detector.declareAfterMs, 1);
    if (detector.suspectAfterMs > detector.declareAfterMs) {
      throw new ConfigError(`${path}.suspectAfterMs`, `exceeds declareAfterMs = ${detector.declareAfterMs}`, detector.suspectAfterMs);
    }
  } else {
    requirePositive(`${path}.threshold`, detector.threshold);
    requireInteger(`${path}.windowSize`, detector.windowSize, 2);
    requirePositive(`${path}.minStdDevMs`, detector.minStdDevMs);
  }
  return detector;
}
