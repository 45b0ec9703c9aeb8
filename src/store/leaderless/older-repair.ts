/**
 * The read repair of the read-repair-writes-older mutation (src/store/mutations.ts):
 * it resolves a read's answers the wrong way round, taking an older state, and
 * writes that back as a new version, stamped above every version the read saw,
 * so that it replaces the newer state on every replica it reaches. Only read
 * repair uses it, and only with that mutation on.
 *
 * @example
 * const repair = olderRepairState(answers, newest, 'n1');
 * // answers hold tag 3 (value 'a') and tag 5 (value 'b'): { kind: 'tagged', tag: { c: 6, node: 'n1' }, value: 'a' }
 */
import { increment, merge, type VersionVector } from '../shared/version-vector.js';
import { isBehind, type KeyState } from './key-state.js';

/**
 * The state the buggy read repair writes: the first answered state that is
 * behind `newest`, re-stamped above all answered versions by `nodeId`.
 * Undefined when no replica answered with an older (non-empty) state.
 *
 * @example
 * olderRepairState([{ kind: 'tagged', tag: { c: 1, node: 'n2' }, value: 1 }], newest, 'n1');
 */
export function olderRepairState(answers: ReadonlyArray<KeyState | null>, newest: KeyState, nodeId: string): KeyState | undefined {
  const older = answers.find((state): state is KeyState => state !== null && isBehind(state, newest));
  if (older === undefined) return undefined;
  if (older.kind === 'tagged' && newest.kind === 'tagged') {
    return { kind: 'tagged', tag: { c: newest.tag.c + 1, node: nodeId }, value: older.value };
  }
  if (older.kind === 'siblings' && newest.kind === 'siblings') {
    let seen: VersionVector = {};
    for (const state of answers) if (state?.kind === 'siblings') for (const sibling of state.siblings) seen = merge(seen, sibling.vv);
    return { kind: 'siblings', siblings: [{ vv: increment(seen, nodeId), data: older.siblings[0]!.data }] };
  }
  return undefined;
}
