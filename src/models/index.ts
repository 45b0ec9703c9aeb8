import type { ModelFactory } from './model.js';
import { casRegisterModel } from './cas-register.js';
import { counterModel } from './counter.js';
import { fifoQueueModel } from './fifo-queue.js';
import { kvModel } from './kv.js';
import { multiRegisterModel } from './multi-register.js';
import { mutexModel } from './mutex.js';
import { registerModel } from './register.js';
import { setModel } from './set.js';
import { unorderedQueueModel } from './unordered-queue.js';
import { rememberingRecipes } from './recipe.js';

export type { FieldError, Model, ModelOptions, ModelFactory } from './model.js';
export { byKey } from './by-key.js';
export { inferModel, type InferredModel } from './infer.js';
export { defaultNilReads, NIL_READINGS, type NilReads } from './nil-reads.js';
export { modelRecipe, type ModelRecipe } from './recipe.js';
export {
  casRegisterModel,
  counterModel,
  fifoQueueModel,
  kvModel,
  multiRegisterModel,
  mutexModel,
  registerModel,
  setModel,
  unorderedQueueModel,
};

/**
 * Every model by the name users give on the command line and in scenario files. Each
 * model they make remembers how it was made (see modelRecipe), so that a worker thread
 * can make the same one.
 *
 * @example
 * const model = MODELS['cas-register']!({ init: 0 });
 */
export const MODELS: Readonly<Record<string, ModelFactory>> = Object.freeze(
  // No prototype: a user's `--model toString` must find nothing, not Object's method.
  Object.assign(Object.create(null) as Record<string, ModelFactory>, recipesRemembered({
    register: registerModel,
    'cas-register': casRegisterModel,
    kv: kvModel,
    'multi-register': multiRegisterModel,
    set: setModel,
    counter: counterModel,
    mutex: mutexModel,
    'fifo-queue': fifoQueueModel,
    'unordered-queue': unorderedQueueModel,
  })),
);

/**
 * The names in {@link MODELS}, in a fixed order (for help texts and errors).
 *
 * @example
 * modelNames(); // ['register', 'cas-register', 'kv', ...]
 */
export function modelNames(): string[] {
  return Object.keys(MODELS);
}

function recipesRemembered(factories: Record<string, ModelFactory>): Record<string, ModelFactory> {
  return Object.fromEntries(Object.entries(factories).map(([name, factory]) => [name, rememberingRecipes(name, factory)]));
}
