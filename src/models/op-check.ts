import type { Op } from '../history/op.js';
import type { Model } from './model.js';

/**
 * Adapts a model's `validate` to the history validator's per-op hook, so an f the
 * model does not know, or a value of the wrong shape, is reported with its file and
 * line. Failed and indeterminate completions carry no result to check.
 *
 * @example
 * validateHistory(parsed, { checkOp: modelOpCheck(registerModel()) });
 */
export function modelOpCheck(model: Model<any>) {
  return (op: Op, invoke: Op | undefined) => {
    const source = invoke ?? op;
    const input = source.key === undefined ? { f: source.f, value: source.value } : { f: source.f, key: source.key, value: source.value };
    if (op.type === 'invoke') return model.validate(input, undefined);
    if (op.type !== 'ok') return null;
    return model.validate(input, { known: true, value: op.value });
  };
}
