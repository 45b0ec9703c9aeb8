import type { ReplicaState } from '../../store/definition.js';
import { stringifyExact } from '../../history/exact-json.js';
import type { ReplicaView } from './report-data.js';

/** More keys than this are not listed (divergent ones first): the table is for reading, not for data. */
const MAX_KEYS = 500;

/**
 * Final replica states as a table: a row per key, a cell per node with its values
 * (siblings as a list), and the keys whose replicas disagree (a node without the
 * key disagrees with one that has it) first and flagged.
 *
 * @example
 * replicaView({ n1: { x: { values: [1] } }, n2: { x: { values: [2] } } }).keys[0]; // { key: 'x', values: ['1', '2'], divergent: true }
 */
export function replicaView(states: Record<string, ReplicaState>): ReplicaView {
  const nodes = Object.keys(states).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const keyNames = [...new Set(nodes.flatMap((node) => Object.keys(states[node]!)))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const keys = keyNames.map((key) => {
    const values = nodes.map((node) => {
      const value = states[node]![key];
      if (value === undefined) return null;
      return value.values.length === 1 ? (stringifyExact(value.values[0]) ?? 'null') : (stringifyExact(value.values) ?? '[]');
    });
    return { key, values, divergent: new Set(values).size > 1 };
  });
  const ordered = [...keys.filter((row) => row.divergent), ...keys.filter((row) => !row.divergent)];
  return { nodes, keys: ordered.slice(0, MAX_KEYS) };
}
