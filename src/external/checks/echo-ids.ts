import { sameValue } from '../../models/canonical.js';
import type { Verdict } from '../../checker/checker.js';
import type { Op } from '../../history/op.js';
import { clientPairs } from './pairs.js';

/**
 * Every echo came back with exactly what was sent.
 *
 * @example
 * checkEcho(history).valid; // true when every echo_ok carried its request's echo
 */
export function checkEcho(history: readonly Op[]): Verdict<{ ok: number; wrong: number }> {
  const ok = clientPairs(history).filter((pair) => pair.complete?.type === 'ok');
  const wrong = ok.filter((pair) => !sameValue(pair.invoke.value, pair.complete!.value));
  if (wrong.length > 0) {
    const first = wrong[0]!;
    return {
      valid: false, anomaly: 'unexpected-value',
      reason: `${wrong.length} of ${ok.length} echo(es) came back changed; first: sent ${JSON.stringify(first.invoke.value)}, got ${JSON.stringify(first.complete!.value)} (op #${first.complete!.index})`,
      detail: { ok: ok.length, wrong: wrong.length },
    };
  }
  if (ok.length === 0) return { valid: 'unknown', reason: 'no echo was answered', detail: { ok: 0, wrong: 0 } };
  return { valid: true, reason: `${ok.length} echo(es), each came back unchanged`, detail: { ok: ok.length, wrong: 0 } };
}

/**
 * No id was generated twice.
 *
 * @example
 * checkUniqueIds(history).detail!.duplicates; // ids handed out more than once
 */
export function checkUniqueIds(history: readonly Op[]): Verdict<{ ids: number; duplicates: number; examples: unknown[] }> {
  const seen = new Map<string, number>();
  const duplicates: unknown[] = [];
  let ids = 0;
  for (const pair of clientPairs(history)) {
    if (pair.complete?.type !== 'ok') continue;
    ids++;
    const key = JSON.stringify(pair.complete.value);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 2) duplicates.push(pair.complete.value);
  }
  const detail = { ids, duplicates: duplicates.length, examples: duplicates.slice(0, 10) };
  if (duplicates.length > 0) {
    return { valid: false, anomaly: 'unexpected-value', reason: `${duplicates.length} id(s) handed out more than once among ${ids}, e.g. ${JSON.stringify(duplicates[0])}`, detail };
  }
  if (ids === 0) return { valid: 'unknown', reason: 'no id was generated', detail };
  return { valid: true, reason: `${ids} id(s), all distinct`, detail };
}
