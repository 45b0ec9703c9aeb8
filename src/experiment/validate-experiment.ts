import { WORKLOADS, workloadNames } from '../../workloads/index.js';
import { defaultClientPolicy, validateClientPolicy, type ClientPolicyConfig } from '../client/policy.js';
import { isPlainObject, requireObject, type PlainObject } from '../config/config-checks.js';
import { ConfigError, requireInteger, requireNumber, requireOneOf, requirePositive } from '../config/config-error.js';
import { MAX_SEED } from '../explore/validate-scenario.js';
import { FAULT_KINDS } from '../nemesis/fault.js';
import { validateFault } from '../nemesis/validate-faults.js';
import { findPreset, presetNames, type Preset } from '../presets/index.js';
import { validateStoreConfig, type StoreConfig } from '../store/config.js';
import type { AbortRule, BlastRadius, Experiment, ExperimentFault, ExperimentWorkload, Hypothesis, Phases } from './experiment.js';
import { checkBlastRadius } from './blast-radius.js';

/** Every field of an experiment file. */
const FIELDS = ['name', 'seed', 'preset', 'store', 'client', 'workload', 'hypothesis', 'phases', 'fault', 'blastRadius', 'abort'] as const;

/**
 * Most virtual ms an experiment may span: an hour of simulated time is already
 * minutes of computing.
 */
export const MAX_EXPERIMENT_MS = 3_600_000;

/** Most client ops an experiment may plan (clients x span / spacing). */
const MAX_PLANNED_OPS = 1_000_000;

/**
 * Turns untrusted JSON (an experiment file's content) into an {@link Experiment},
 * or throws a ConfigError naming the bad field (`hypothesis.okShare`). The
 * blast radius is checked against the store's nodes and groups.
 *
 * @example
 * validateExperiment({ name: 'x', preset: 'sl-majority', hypothesis: { windowMs: 1000, okShare: 0.99 },
 *   phases: { baselineMs: 1000, injectionMs: 1000, recoveryMs: 1000 }, fault: { kind: 'crash-one' },
 *   blastRadius: { nodes: ['n3'] } }).workload.workload; // 'cas-register'
 */
export function validateExperiment(value: unknown): Experiment {
  if (!isPlainObject(value)) throw new ConfigError('', `must be a mapping of experiment fields (${FIELDS.join(', ')})`);
  for (const field of Object.keys(value)) {
    if (!(FIELDS as readonly string[]).includes(field)) throw new ConfigError(field, `is not an experiment field (known: ${FIELDS.join(', ')})`);
  }
  if (typeof value.name !== 'string' || value.name.trim() === '') throw new ConfigError('name', 'must be a non-empty string', value.name);
  const seed = value.seed ?? 1;
  requireInteger('seed', seed, 0, MAX_SEED);
  const { preset, store, client, presetWorkload } = storeOf(value);
  const hypothesis = validateHypothesis(value.hypothesis);
  const phases = validatePhases(value.phases, hypothesis.windowMs);
  const workload = validateWorkload(value.workload, presetWorkload, phases);
  const fault = validateExperimentFault(value.fault);
  const blastRadius = validateBlastRadius(value.blastRadius);
  checkBlastRadius(fault.kind, blastRadius, store);
  const abort = validateAbort(value.abort, hypothesis);
  return {
    name: value.name, seed: seed as number, ...(preset === undefined ? {} : { preset }),
    store, client, workload, hypothesis, phases, fault, blastRadius, abort,
  };
}

/** The store and client policy: a preset's, or spelled out (`store`, and `client` optionally). */
function storeOf(value: PlainObject): { preset?: string; store: StoreConfig; client: ClientPolicyConfig; presetWorkload?: Preset['workload'] } {
  if (value.preset !== undefined && value.store !== undefined) throw new ConfigError('store', 'cannot be given with preset: name one or the other');
  if (value.preset !== undefined) {
    if (value.client !== undefined) throw new ConfigError('client', 'cannot be given with preset (the preset has its client policy): spell out store and client instead');
    requireOneOf('preset', value.preset, presetNames());
    const preset = findPreset(value.preset)!;
    return { preset: preset.name, store: preset.store, client: preset.client, presetWorkload: preset.workload };
  }
  if (value.store === undefined) throw new ConfigError('store', 'is missing: name a preset or give a store config');
  const store = withFieldPrefix('store', () => validateStoreConfig(value.store));
  const client = value.client === undefined ? defaultClientPolicy() : validateClientPolicy(value.client, 'client');
  return { store, client };
}

function validateHypothesis(value: unknown): Hypothesis {
  requireSection('hypothesis', value);
  onlyFields('hypothesis', value, ['windowMs', 'okShare', 'p99LatencyMs']);
  requirePositive('hypothesis.windowMs', value.windowMs);
  if (value.okShare !== undefined) requireNumber('hypothesis.okShare', value.okShare, 0, 1);
  if (value.p99LatencyMs !== undefined) requireNumber('hypothesis.p99LatencyMs', value.p99LatencyMs, 0);
  if (value.okShare === undefined && value.p99LatencyMs === undefined) {
    throw new ConfigError('hypothesis', 'must bound okShare, p99LatencyMs or both');
  }
  return value as unknown as Hypothesis;
}

function validatePhases(value: unknown, windowMs: number): Phases {
  requireSection('phases', value);
  onlyFields('phases', value, ['baselineMs', 'injectionMs', 'recoveryMs']);
  for (const name of ['baselineMs', 'injectionMs', 'recoveryMs'] as const) {
    const field = `phases.${name}`;
    requirePositive(field, value[name]);
    const windows = (value[name] as number) / windowMs;
    if (!Number.isInteger(windows)) throw new ConfigError(field, `must be a whole number of windows (hypothesis.windowMs is ${windowMs})`, value[name]);
  }
  const phases = value as unknown as Phases;
  const totalMs = phases.baselineMs + phases.injectionMs + phases.recoveryMs;
  if (totalMs > MAX_EXPERIMENT_MS) throw new ConfigError('phases', `last ${totalMs} ms in all; at most ${MAX_EXPERIMENT_MS} ms`);
  return phases;
}

/**
 * The workload (default: the preset's, else register), its fields left out
 * taken from the preset's workload when it is the same one, else from the
 * defaults (3 clients, 1 key, an op every 20 ms).
 */
function validateWorkload(value: unknown, presetWorkload: Preset['workload'] | undefined, phases: Phases): ExperimentWorkload {
  const given = value ?? {};
  requireObject('workload', given);
  onlyFields('workload', given, ['workload', 'clients', 'keys', 'spacingMs', 'readFraction', 'values']);
  const name = given.workload ?? presetWorkload?.workload ?? 'register';
  if (typeof name !== 'string' || WORKLOADS[name] === undefined) {
    throw new ConfigError('workload.workload', `is not a known workload (known: ${workloadNames().join(', ')})`, name);
  }
  const defaults: Partial<ExperimentWorkload> = presetWorkload?.workload === name ? presetWorkload : {};
  const workload: ExperimentWorkload = {
    workload: name,
    clients: (given.clients ?? defaults.clients ?? 3) as number,
    keys: (given.keys ?? defaults.keys ?? 1) as number,
    spacingMs: (given.spacingMs ?? defaults.spacingMs ?? 20) as number,
  };
  const readFraction = given.readFraction ?? defaults.readFraction;
  const values = given.values ?? defaults.values;
  requireInteger('workload.clients', workload.clients, 1, 1000);
  requireInteger('workload.keys', workload.keys, 1, 10_000);
  requireNumber('workload.spacingMs', workload.spacingMs, 1);
  if (readFraction !== undefined) {
    requireNumber('workload.readFraction', readFraction, 0, 1);
    workload.readFraction = readFraction as number;
  }
  if (values !== undefined) {
    requireInteger('workload.values', values, 1);
    workload.values = values as number;
  }
  const planned = workload.clients * (phases.baselineMs + phases.injectionMs + phases.recoveryMs) / workload.spacingMs;
  if (planned > MAX_PLANNED_OPS) {
    throw new ConfigError('workload.spacingMs', `gives about ${Math.round(planned)} ops over the phases; at most ${MAX_PLANNED_OPS}`, workload.spacingMs);
  }
  return workload;
}

function validateExperimentFault(value: unknown): ExperimentFault {
  requireSection('fault', value);
  onlyFields('fault', value, ['kind', 'params']);
  requireOneOf('fault.kind', value.kind, FAULT_KINDS);
  // The catalogue's own check of the parameters; times come from the phases.
  validateFault({ kind: value.kind, atMs: 0, durationMs: 0, ...(value.params === undefined ? {} : { params: value.params }) }, 'fault');
  return value as unknown as ExperimentFault;
}

function validateBlastRadius(value: unknown): BlastRadius {
  if (value === undefined) return {};
  requireObject('blastRadius', value);
  onlyFields('blastRadius', value, ['nodes', 'region', 'linkShare']);
  const given = Object.keys(value);
  if (given.length > 1) throw new ConfigError('blastRadius', `names ${given.join(' and ')}: give one of nodes, region, linkShare`);
  if (value.nodes !== undefined) {
    const nodes = value.nodes;
    if (!Array.isArray(nodes) || nodes.length === 0) throw new ConfigError('blastRadius.nodes', 'must be a non-empty list of node ids', nodes);
    nodes.forEach((node: unknown, i: number) => {
      if (typeof node !== 'string' || node === '') throw new ConfigError(`blastRadius.nodes[${i}]`, 'must be a node id', node);
      if (nodes.indexOf(node) !== i) throw new ConfigError(`blastRadius.nodes[${i}]`, 'is named twice', node);
    });
  }
  if (value.region !== undefined && (typeof value.region !== 'string' || value.region === '')) {
    throw new ConfigError('blastRadius.region', 'must be a datacenter name such as "dc1"', value.region);
  }
  if (value.linkShare !== undefined) {
    requireNumber('blastRadius.linkShare', value.linkShare, 0, 1);
    if (value.linkShare === 0) throw new ConfigError('blastRadius.linkShare', 'must be a number in (0, 1]', value.linkShare);
  }
  return value as BlastRadius;
}

function validateAbort(value: unknown, hypothesis: Hypothesis): AbortRule | null {
  if (value === undefined || value === null) return null;
  requireObject('abort', value);
  onlyFields('abort', value, ['okShareMargin', 'p99LatencyMarginMs']);
  if (value.okShareMargin === undefined && value.p99LatencyMarginMs === undefined) {
    throw new ConfigError('abort', 'must give okShareMargin, p99LatencyMarginMs or both (leave abort out to never abort)');
  }
  if (value.okShareMargin !== undefined) {
    if (hypothesis.okShare === undefined) throw new ConfigError('abort.okShareMargin', 'needs hypothesis.okShare, which it is a margin of');
    requireNumber('abort.okShareMargin', value.okShareMargin, 0, 1);
  }
  if (value.p99LatencyMarginMs !== undefined) {
    if (hypothesis.p99LatencyMs === undefined) throw new ConfigError('abort.p99LatencyMarginMs', 'needs hypothesis.p99LatencyMs, which it is a margin of');
    requireNumber('abort.p99LatencyMarginMs', value.p99LatencyMarginMs, 0);
  }
  return value as AbortRule;
}

/** A section the file must have: missing is said so, anything but a mapping is not one. */
function requireSection(path: string, value: unknown): asserts value is PlainObject {
  if (value === undefined) throw new ConfigError(path, 'is missing');
  requireObject(path, value);
}

function onlyFields(path: string, value: PlainObject, known: readonly string[]): void {
  for (const field of Object.keys(value)) {
    if (!known.includes(field)) throw new ConfigError(`${path}.${field}`, `is not a known field (known: ${known.join(', ')})`);
  }
}

/** Runs a validator written for a bare config, naming its fields under `prefix`. */
function withFieldPrefix<T>(prefix: string, validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof ConfigError) || error.file !== undefined) throw error;
    const field = error.field === '' || error.field === prefix ? prefix : `${prefix}.${error.field}`;
    const problem = error.field === '' ? error.message.replace(/^: /, '') : error.message.slice(error.field.length + 2);
    throw new ConfigError(field, problem);
  }
}
