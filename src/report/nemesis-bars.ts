import type { Op, Process } from '../history/op.js';
import type { Operation } from '../history/operation.js';

/**
 * The nemesis ops of a history as timeline material: each fault that starts and stops
 * becomes a bar on its own row (`nemesis 0`, `nemesis 1`, ...) from its start to its
 * stop, labelled with its kind and targets; nemesis ops that pair with nothing become
 * single events.
 *
 * @example
 * const { bars, labels, events } = nemesisBars(run.history);
 * renderTimeline([...ops, ...bars], { describe: (op) => labels.get(op) ?? model.describe(op.input, op.output), events });
 */
export interface NemesisBars {
  bars: Operation[];
  labels: Map<Operation, string>;
  events: Array<{ at: number; text: string }>;
}

/** Longest label; a fault's detail can list many links. */
const LABEL_CHARS = 48;

/**
 * Pairs `start-*` and `stop-*` nemesis ops (by the `fault` number in their value, or
 * else by the rest of their name, as Jepsen's `start-partition` / `stop-partition`)
 * into bars; a fault that never stopped runs off to the right.
 *
 * @example
 * nemesisBars(history).bars.length; // one per fault
 */
export function nemesisBars(history: readonly Op[]): NemesisBars {
  const bars: Operation[] = [];
  const labels = new Map<Operation, string>();
  const events: Array<{ at: number; text: string }> = [];
  const open = new Map<string, Operation>();
  for (const op of history) {
    if (op.process !== 'nemesis') continue;
    const phase = /^(start|stop)(?:-(.*))?$/.exec(op.f);
    const key = pairingKey(op, phase?.[2]);
    if (phase?.[1] === 'start') {
      const bar = barFor(op, bars.length);
      bars.push(bar);
      labels.set(bar, label(op));
      open.set(key, bar);
    } else if (phase?.[1] === 'stop' && open.has(key)) {
      open.get(key)!.ret = op.index;
      open.delete(key);
    } else {
      events.push({ at: op.index, text: `${op.f} ${compact(op.value)}`.trim().slice(0, LABEL_CHARS) });
    }
  }
  return { bars, labels, events };
}

function pairingKey(op: Op, family: string | undefined): string {
  const fault = (op.value as { fault?: unknown } | null)?.fault;
  return typeof fault === 'number' ? `fault ${fault}` : `family ${family ?? ''}`;
}

function barFor(start: Op, row: number): Operation {
  return {
    id: -1 - row,
    // A row of its own per fault, named so that it sorts after the client processes.
    process: `nemesis ${row}` as Process,
    call: start.index,
    ret: Infinity,
    input: { f: start.f, value: start.value },
    output: { known: true, value: null },
    invokeIndex: start.index,
  };
}

/** `partition-leader n1 | n2 n3`, `crash-one n2`, `loss n1 n2 probability=0.3`. */
function label(op: Op): string {
  const value = op.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${op.f} ${compact(value)}`.trim().slice(0, LABEL_CHARS);
  const { fault: _fault, kind, groups, nodes, links, bridge, ...rest } = value as Record<string, unknown>;
  const parts = [typeof kind === 'string' ? kind : op.f];
  if (Array.isArray(groups)) parts.push(groups.map((group) => (Array.isArray(group) ? group.join(' ') : String(group))).join(' | '));
  if (typeof bridge === 'string') parts.push(`(bridge ${bridge})`);
  if (Array.isArray(nodes) && nodes.length > 0) parts.push(nodes.join(' '));
  if (Array.isArray(links) && !Array.isArray(groups)) parts.push(links.length <= 3 ? links.join(' ') : `${links.length} links`);
  for (const [name, detail] of Object.entries(rest)) parts.push(`${name}=${compact(detail)}`);
  const text = parts.join(' ');
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 3)}...` : text;
}

/** JSON without the quotes, which only make a label longer. */
function compact(value: unknown): string {
  if (value === null || value === undefined) return '';
  return JSON.stringify(value).replace(/"/g, '');
}
