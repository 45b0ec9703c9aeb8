import { describe, expect, test } from 'vitest';
import { validateFaults } from '../../src/nemesis/validate-faults.js';
import { ConfigError } from '../../src/config/config-error.js';

function errorOf(value: unknown): string {
  try {
    validateFaults(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('validateFaults', () => {
  test('accepts a well-formed schedule as it is', () => {
    const faults = [
      { kind: 'partition-majority', atMs: 0, durationMs: 100 },
      { kind: 'reorder', atMs: 5, durationMs: 10, targets: ['n1'], params: { probability: 0.5, maxDelayMs: 20 } },
    ];
    expect(validateFaults(faults)).toEqual(faults);
  });

  test.each([
    [{ kind: 'meteor', atMs: 0, durationMs: 1 }, 'faults[0].kind: "meteor" must be one of'],
    [{ kind: 'pause', atMs: -1, durationMs: 1 }, 'faults[0].atMs: -1 must be a number >= 0'],
    [{ kind: 'pause', atMs: 0 }, 'faults[0].durationMs'],
    [{ kind: 'pause', atMs: 0, durationMs: 1, targets: 'n1' }, 'faults[0].targets: "n1" must be a list of node ids'],
    [{ kind: 'pause', atMs: 0, durationMs: 1, targets: [3] }, 'faults[0].targets[0]: 3 must be a node id'],
    [{ kind: 'loss', atMs: 0, durationMs: 1, params: { probability: 2 } }, 'faults[0].params.probability: 2 must be a number in [0, 1]'],
    [{ kind: 'clock-drift', atMs: 0, durationMs: 1, params: { drift: -1 } }, 'faults[0].params.drift: -1 must be a number > -1'],
    [{ kind: 'clock-strobe', atMs: 0, durationMs: 1, params: { periodMs: 0 } }, 'faults[0].params.periodMs: 0 must be a number > 0'],
    [{ kind: 'crash-one', atMs: 0, durationMs: 1, params: { offsetMs: 3 } }, "faults[0].params.offsetMs: is not a parameter of 'crash-one' (it takes no parameters)"],
    [{ kind: 'pause', atMs: 0, durationMs: 1, when: 'now' }, 'faults[0].when: is not a fault field'],
  ])('names the bad field: %j', (fault, message) => {
    expect(errorOf([fault])).toContain(message);
  });

  test('a schedule must be a list', () => {
    expect(errorOf({ kind: 'pause' })).toContain('faults: {"kind":"pause"} must be a list of faults');
  });
});
