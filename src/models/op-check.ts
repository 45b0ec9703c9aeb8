import type { Op } from '../history/op.js';
import type { OpProblem } from '../history/op-shape.js';
import { canonicalKey } from './canonical.js';
import type { Model } from './model.js';
import { formatKey } from './_internals/format.js';

/** Options for {@link modelOpCheck}. */
export interface ModelOpCheckOptions {
  /**
   * Also check the values `ok` completions return (default true). Without it only what
   * clients asked is checked: a wrong-shaped result is then the model's to reject
   * as not linearizable, which is right when a store under test produced it.
   */
  results?: boolean;
}

/**
 * Adapts a model's `validate` to the history validator's per-op hook, so an f the
 * model does not know, or a value of the wrong shape, is reported with its file and
 * line. Failed and indeterminate completions carry no result to check.
 *
 * A model without partitions (one register, one counter...) given ops on more than one
 * key is rejected at the first op whose key differs from the first op's: merging keys
 * into one state would judge a read of one key against writes of another. Ops that
 * all carry the same key (or none) are one object and pass.
 *
 * @example
 * validateHistory(parsed, { checkOp: modelOpCheck(registerModel()) });
 */
export function modelOpCheck(model: Model<any>, options: ModelOpCheckOptions = {}) {
  const results = options.results ?? true;
  let firstKey: { key: unknown; text: string } | undefined;
  return (op: Op, invoke: Op | undefined): OpProblem | null => {
    const source = invoke ?? op;
    if (model.partition === undefined && op.type === 'invoke') {
      const text = canonicalKey(source.key);
      firstKey ??= { key: source.key, text };
      if (text !== firstKey.text) return mixedKeys(model.name, firstKey.key, source);
    }
    const input = source.key === undefined ? { f: source.f, value: source.value } : { f: source.f, key: source.key, value: source.value };
    if (op.type === 'invoke') return model.validate(input, undefined);
    if (op.type !== 'ok' || !results) return null;
    return model.validate(input, { known: true, value: op.value });
  };
}

function mixedKeys(model: string, first: unknown, op: Op): OpProblem {
  const keyText = (key: unknown): string => (key === undefined || key === null ? 'no key' : `key ${formatKey(key)}`);
  return {
    field: 'key',
    message:
      `the ${model} model has no keys (it is one ${model}), but this ${op.f} has ${keyText(op.key)} and the first op had ${keyText(first)}; ` +
      'use a keyed model (kv), or check one key at a time',
  };
}
