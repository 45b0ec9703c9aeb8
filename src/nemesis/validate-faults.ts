import { requireObject } from '../config/config-checks.js';
import { ConfigError, requireNumber, requireOneOf } from '../config/config-error.js';
import { FAULT_KINDS, FAULT_PARAMS, type Fault } from './fault.js';

/** Every field of a {@link Fault}: anything else in a fault is a mistake. */
const FAULT_FIELDS: readonly string[] = ['kind', 'atMs', 'durationMs', 'targets', 'params'] satisfies (keyof Fault)[];

/**
 * The bounds the World itself enforces on each parameter (the generator's
 * ranges in FAULT_PARAMS are narrower: they are what is worth trying).
 */
const PARAM_BOUNDS: Record<string, { min: number; max: number; above?: boolean }> = {
  probability: { min: 0, max: 1 },
  extraMs: { min: 0, max: Number.POSITIVE_INFINITY },
  maxDelayMs: { min: 0, max: Number.POSITIVE_INFINITY },
  offsetMs: { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY },
  periodMs: { min: 0, max: Number.POSITIVE_INFINITY, above: true },
  drift: { min: -1, max: Number.POSITIVE_INFINITY, above: true },
};

/**
 * Turns untrusted JSON into a fault schedule, or throws a ConfigError naming
 * the bad field (`faults[2].params.probability`). Targets are only checked to
 * be node ids: ones the store does not have are ignored when the fault runs.
 *
 * @example
 * validateFaults([{ kind: 'loss', atMs: 0, durationMs: 100, params: { probability: 2 } }]);
 * // throws "faults[0].params.probability: 2 must be a number in [0, 1]"
 */
export function validateFaults(value: unknown, path = 'faults'): Fault[] {
  if (!Array.isArray(value)) throw new ConfigError(path, 'must be a list of faults', value);
  return value.map((fault, i) => validateFault(fault, `${path}[${i}]`));
}

/**
 * One fault of {@link validateFaults}.
 *
 * @example
 * validateFault({ kind: 'pause', atMs: 10, durationMs: 200, targets: ['n1'] }, 'fault').kind; // 'pause'
 */
export function validateFault(value: unknown, path: string): Fault {
  requireObject(path, value);
  for (const field of Object.keys(value)) {
    if (!FAULT_FIELDS.includes(field)) throw new ConfigError(`${path}.${field}`, `is not a fault field (known: ${FAULT_FIELDS.join(', ')})`);
  }
  requireOneOf(`${path}.kind`, value.kind, FAULT_KINDS);
  requireNumber(`${path}.atMs`, value.atMs, 0);
  requireNumber(`${path}.durationMs`, value.durationMs, 0);
  if (value.targets !== undefined) {
    if (!Array.isArray(value.targets)) throw new ConfigError(`${path}.targets`, 'must be a list of node ids', value.targets);
    value.targets.forEach((target, i) => {
      if (typeof target !== 'string' || target === '') throw new ConfigError(`${path}.targets[${i}]`, 'must be a node id', target);
    });
  }
  if (value.params !== undefined) validateParams(value.kind, value.params, `${path}.params`);
  return value as unknown as Fault;
}

function validateParams(kind: Fault['kind'], params: unknown, path: string): void {
  requireObject(path, params);
  const known = Object.keys(FAULT_PARAMS[kind] ?? {});
  for (const [name, value] of Object.entries(params)) {
    if (!known.includes(name)) {
      const expected = known.length === 0 ? 'takes no parameters' : `takes ${known.join(', ')}`;
      throw new ConfigError(`${path}.${name}`, `is not a parameter of '${kind}' (it ${expected})`);
    }
    const bounds = PARAM_BOUNDS[name]!;
    if (bounds.above === true) {
      requireNumber(`${path}.${name}`, value, bounds.min);
      if ((value as number) <= bounds.min) throw new ConfigError(`${path}.${name}`, `must be a number > ${bounds.min}`, value);
    } else if (Number.isFinite(bounds.min)) {
      requireNumber(`${path}.${name}`, value, bounds.min, bounds.max);
    } else {
      requireNumber(`${path}.${name}`, value, Number.NEGATIVE_INFINITY);
    }
  }
}
