/**
 * The fate of each write of one register key, judged against the key's final
 * observations (final reads and replica states). A write w is
 * - visible in an observation that shows its value;
 * - superseded in one that shows the value of a write that could have come
 *   after w (one not completed before w was invoked: concurrent, or later);
 * - lost when no observation shows it or anything that could supersede it —
 *   the end state is as if w never happened;
 * - stale when some observations show it (or a successor) and others do not.
 */
import { canonicalKey } from '../../models/canonical.js';
import type { RegisterKey, RegisterWrite } from './register-view.js';

/**
 * One final observation reduced to what the judgement needs: the value
 * identities seen, and the latest completion among the writes of those values.
 *
 * @example
 * const seen: SeenState = { by: 'n1', values: [3], ids: new Set(['3']), latestRet: 42, unknown: [] };
 */
export interface SeenState {
  by: string;
  values: unknown[];
  ids: Set<string>;
  /** Latest completion position of any write of a value seen (Infinity when one is indeterminate). */
  latestRet: number;
  /** Values seen that no write wrote (and that are not the initial value). */
  unknown: unknown[];
}

/**
 * The judgement of one write.
 */
export type WriteFate = 'visible' | 'superseded' | 'stale' | 'lost';

/**
 * Builds a {@link SeenState} from observed values.
 *
 * @example
 * seenState(view, 'p1 at #40', [3], canonicalKey(null));
 */
export function seenState(view: RegisterKey, by: string, values: readonly unknown[], initialId: string): SeenState {
  const ids = new Set<string>();
  const unknown: unknown[] = [];
  let latestRet = -Infinity;
  for (const value of values.length === 0 ? [null] : values) {
    const id = canonicalKey(value);
    ids.add(id);
    const writes = view.writesById.get(id);
    if (writes === undefined) {
      if (id !== initialId) unknown.push(value);
      continue;
    }
    for (const w of writes) latestRet = Math.max(latestRet, w.op.ret);
  }
  return { by, values: [...values], ids, latestRet, unknown };
}

/**
 * Judges one write against every final observation of its key.
 *
 * @example
 * writeFate(write, seen); // 'superseded'
 */
export function writeFate(write: RegisterWrite, seen: readonly SeenState[]): WriteFate {
  let shows = 0;
  let visible = false;
  for (const state of seen) {
    if (state.ids.has(write.id)) {
      visible = true;
      shows++;
    } else if (state.latestRet > write.op.call) shows++;
  }
  if (shows === 0) return 'lost';
  if (shows < seen.length) return 'stale';
  return visible ? 'visible' : 'superseded';
}
