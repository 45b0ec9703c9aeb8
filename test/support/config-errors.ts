import { ConfigError } from '../../src/config/config-error.js';

/**
 * The ConfigError `run` throws, or undefined when it passes. Any other error is
 * rethrown, so a test that expects a named field cannot pass on a crash.
 *
 * @example
 * expect(configErrorOf(() => validateStoreConfig({ mode: 'x' }))?.field).toBe('mode');
 */
export function configErrorOf(run: () => unknown): ConfigError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  return undefined;
}

/**
 * The ConfigError `run` must throw; fails when it passes.
 *
 * @example
 * expectConfigError(() => validateLeaderlessConfig({ w: 4 })).field; // 'leaderless.w'
 */
export function expectConfigError(run: () => unknown): ConfigError {
  const error = configErrorOf(run);
  if (error === undefined) throw new Error('expected a ConfigError');
  return error;
}
