import type { Input } from '../../src/history/operation.js';

/** What running one op against a live object gave: a result and the new state, or a refusal. */
export type Execution<S> = { ok: true; output: unknown; next: S } | { ok: false };

/**
 * A direct, hand-written implementation of each object, independent of src/models: it
 * produces the results a correct store would return, so histories built with it are
 * linearizable by construction.
 */
export interface Executor<S> {
  init: S;
  /** `ok: false` when the op cannot take effect (a cas whose expected value is not there). */
  execute(state: S, input: Input): Execution<S>;
}

/**
 * A register: read returns the value, write sets it, cas swaps when it matches.
 *
 * @example
 * registerExecutor(null).execute(null, { f: 'write', value: 1 }); // { ok: true, output: 1, next: 1 }
 */
export function registerExecutor(init: unknown): Executor<unknown> {
  return {
    init,
    execute(state, input) {
      if (input.f === 'read') return { ok: true, output: state, next: state };
      if (input.f === 'write') return { ok: true, output: input.value, next: input.value };
      const [expected, next] = input.value as [unknown, unknown];
      return expected === state ? { ok: true, output: input.value, next } : { ok: false };
    },
  };
}

/**
 * A map of string registers with get, put and append (absent keys read as "").
 *
 * @example
 * kvExecutor().execute(new Map(), { f: 'append', key: 'k', value: 'x' });
 */
export function kvExecutor(): Executor<ReadonlyMap<string, string>> {
  return {
    init: new Map(),
    execute(state, input) {
      const key = String(input.key);
      const current = state.get(key) ?? '';
      if (input.f === 'get') return { ok: true, output: current, next: state };
      const value = input.f === 'append' ? current + String(input.value) : String(input.value);
      return { ok: true, output: input.value, next: new Map(state).set(key, value) };
    },
  };
}

/**
 * A grow-only set of numbers: add inserts, read lists the members (in insertion order,
 * which a set model must not care about).
 *
 * @example
 * setExecutor().execute([], { f: 'add', value: 1 }); // { ok: true, output: 1, next: [1] }
 */
export function setExecutor(): Executor<readonly number[]> {
  return {
    init: [],
    execute(state, input) {
      if (input.f === 'read') return { ok: true, output: [...state], next: state };
      const element = input.value as number;
      const next = state.includes(element) ? state : [...state, element];
      return { ok: true, output: element, next };
    },
  };
}
