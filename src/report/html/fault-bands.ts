import type { Op } from '../../history/op.js';
import { short } from './op-columns.js';
import type { FaultBand } from './report-data.js';

/**
 * The faults of a history as bands in time: each `start-<family>` nemesis op paired
 * with its `stop-<family>` (by the `fault` number in its value, as faultline records
 * them, or else by family, as Jepsen's `start-partition` / `stop-partition`); a fault
 * never stopped runs to the end (endMs null).
 *
 * @example
 * faultBands(history); // [{ kind: 'partition-leader', targets: '[["n1"],["n2","n3"]]', startMs: 4299, endMs: 4496 }]
 */
export function faultBands(history: readonly Op[]): FaultBand[] {
  const bands: FaultBand[] = [];
  const open = new Map<string, FaultBand>();
  for (const op of history) {
    if (op.process !== 'nemesis') continue;
    const phase = /^(start|stop)(?:-(.*))?$/.exec(op.f);
    if (phase === null) continue;
    const value = isObject(op.value) ? op.value : {};
    const key = typeof value.fault === 'number' ? `fault ${value.fault}` : `family ${phase[2] ?? ''}`;
    if (phase[1] === 'start') {
      const band: FaultBand = { kind: typeof value.kind === 'string' ? value.kind : (phase[2] ?? 'fault'), targets: targetsOf(op.value), startMs: op.time / 1e6, endMs: null };
      bands.push(band);
      open.set(key, band);
    } else {
      const band = open.get(key);
      if (band === undefined) continue;
      band.endMs = op.time / 1e6;
      open.delete(key);
    }
  }
  return bands;
}

/** What the fault acted on: its value without the bookkeeping fields. */
function targetsOf(value: unknown): string {
  if (!isObject(value)) return value === null || value === undefined ? '' : short(value);
  const { fault: _fault, kind: _kind, ...rest } = value;
  const parts = Object.entries(rest).map(([name, part]) => `${name} ${short(part)}`);
  return parts.join(', ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
