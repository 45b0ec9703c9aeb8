import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/config-error.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { MODES } from '../store/modes.js';

const REQUIRED_FUNCTIONS = ['defaults', 'validate', 'create'] as const;
const OPTIONAL_FUNCTIONS = ['arbitrary', 'smaller', 'topology'] as const;

/**
 * Loads a store mode of your own from an ES module (a file path or a URL)
 * whose default export is its ModeDefinition, with `module` set to the
 * module's URL so explore's worker threads can load it too. A missing file, a
 * module that fails to load, or a default export that is not a definition
 * throws a ConfigError naming the file and what is wrong.
 *
 * @example
 * const mode = await loadModeDefinition('./my-store.js');
 * await explore({ modes: [mode], runs: 200, workers: 2 });
 */
export async function loadModeDefinition(location: string): Promise<ModeDefinition> {
  const url = /^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location) ? location : pathToFileURL(resolve(location)).href;
  if (url.startsWith('file:') && !existsSync(new URL(url))) throw new ConfigError('', 'does not exist (expected an ES module whose default export is a ModeDefinition)', undefined, location);
  let loaded: { default?: unknown };
  try {
    loaded = (await import(url)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError('', `cannot be loaded: ${(error as Error).message}`, undefined, location);
  }
  return { ...checkDefinition(location, loaded.default), module: url };
}

function checkDefinition(location: string, value: unknown): ModeDefinition {
  const where = 'default export';
  if (typeof value !== 'object' || value === null) throw new ConfigError(where, 'must be a ModeDefinition object (export default { name, field, defaults, validate, create })', undefined, location);
  const definition = value as Record<string, unknown>;
  for (const field of ['name', 'field'] as const) {
    if (typeof definition[field] !== 'string' || definition[field] === '') throw new ConfigError(`${where}.${field}`, 'must be a non-empty string', definition[field], location);
  }
  if (['mode', 'mutations'].includes(definition.field as string)) throw new ConfigError(`${where}.field`, 'must not be mode or mutations (a store config uses those)', definition.field, location);
  if (Object.hasOwn(MODES, definition.name as string)) throw new ConfigError(`${where}.name`, 'is a built-in mode\'s name: pick another', definition.name, location);
  for (const name of REQUIRED_FUNCTIONS) {
    if (typeof definition[name] !== 'function') throw new ConfigError(`${where}.${name}`, 'must be a function', undefined, location);
  }
  for (const name of OPTIONAL_FUNCTIONS) {
    if (definition[name] !== undefined && typeof definition[name] !== 'function') throw new ConfigError(`${where}.${name}`, 'must be a function when given', undefined, location);
  }
  if (definition.mutations !== undefined && !Array.isArray(definition.mutations)) throw new ConfigError(`${where}.mutations`, 'must be a list when given', undefined, location);
  return value as ModeDefinition;
}
