import { ConfigError, requireInteger, requireNumber, requireOneOf, requirePositive } from '../../config/config-error.js';
import {
  ACK_MODES,
  FSYNC_POLICIES,
  READ_MODES,
  REPLICATION_KINDS,
  STANDBY_LEVELS,
  defaultHeartbeatDetector,
  defaultStandby,
  defaultPhiDetector,
  defaultSingleLeaderConfig,
  type FailureDetectorConfig,
  type SingleLeaderConfig,
  type StandbyConfig,
} from './config.js';

/** The largest cluster the store accepts: elections and acks stay meaningful, runs stay fast. */
const MAX_NODES = 99;

/**
 * A partial config as a user writes it: any field may be left out (defaults fill it),
 * and the failure detector may give only some of its fields.
 */
export type SingleLeaderConfigInput = Partial<Omit<SingleLeaderConfig, 'failureDetector' | 'standby'>> & {
  failureDetector?: Partial<FailureDetectorConfig>;
  standby?: (Partial<StandbyConfig> & Pick<StandbyConfig, 'level'>) | null;
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
  config.standby = validateStandby(raw.standby, `${path}.standby`);
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
  if (config.standby !== null && config.nodes !== 1) {
    throw new ConfigError(
      `${path}.nodes`,
      'must be 1 with a standby: the standby is the failover of a lone primary (with more nodes, followers take over by election)',
      config.nodes,
    );
  }
  if (config.standby?.level === 'warm' && config.replication === 'statement') {
    throw new ConfigError(
      `${path}.replication`,
      "must be 'wal' or 'row' with a warm standby: it applies shipped entries later, and a statement re-executed then would read a table that lags",
      config.replication,
    );
  }
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

function validateStandby(raw: unknown, path: string): StandbyConfig | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(path, 'must be an object or null', raw);
  const level = (raw as { level?: unknown }).level;
  if (level === undefined) throw new ConfigError(`${path}.level`, `is required (one of: ${STANDBY_LEVELS.join(', ')})`);
  requireOneOf(`${path}.level`, level, STANDBY_LEVELS);
  const defaults = defaultStandby(level);
  rejectUnknownFields(raw as Record<string, unknown>, Object.keys(defaults), path);
  const standby = { ...defaults, ...raw } as StandbyConfig;
  for (const field of ['shipIntervalMs', 'applyIntervalMs', 'snapshotIntervalMs'] as const) requireNumber(`${path}.${field}`, standby[field], 1);
  requireNumber(`${path}.replayMsPerEntry`, standby.replayMsPerEntry, 0);
  const store: unknown = standby.objectStore;
  if (typeof store !== 'object' || store === null || Array.isArray(store)) throw new ConfigError(`${path}.objectStore`, 'must be an object', store);
  rejectUnknownFields(store as Record<string, unknown>, Object.keys(defaults.objectStore), `${path}.objectStore`);
  standby.objectStore = { ...defaults.objectStore, ...(store as object) };
  requireNumber(`${path}.objectStore.requestMs`, standby.objectStore.requestMs, 0);
  requirePositive(`${path}.objectStore.bytesPerMs`, standby.objectStore.bytesPerMs);
  return standby;
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
