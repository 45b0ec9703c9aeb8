import type { Model, ModelFactory, ModelOptions } from './model.js';

/**
 * How a model was made: its factory's name in MODELS and the options it was given.
 * A model is functions, which cannot cross to a worker thread; its recipe is data,
 * and the same factory given the same options makes the same model there.
 *
 * @example
 * const recipe = modelRecipe(MODELS.kv!({ init: '' })); // { name: 'kv', options: { init: '' } }
 */
export interface ModelRecipe {
  name: string;
  options: ModelOptions;
}

const recipes = new WeakMap<object, ModelRecipe>();

/**
 * A factory that remembers, for each model it makes, its recipe.
 *
 * @example
 * const kv = rememberingRecipes('kv', kvModel);
 */
export function rememberingRecipes(name: string, factory: ModelFactory): ModelFactory {
  return (options = {}) => {
    const model = factory(options);
    recipes.set(model, { name, options: { ...options } });
    return model;
  };
}

/**
 * The recipe of a model made by a factory of MODELS; undefined for any other model.
 *
 * @example
 * modelRecipe(MODELS['cas-register']!({ init: 0 }))?.name; // 'cas-register'
 */
export function modelRecipe(model: Model<any>): ModelRecipe | undefined {
  return recipes.get(model);
}
