import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../../src/gen/scenario-arb.js';
import { presetNames } from '../../src/presets/index.js';
import { ConfigError } from '../../src/config/config-error.js';
import { validateScenario } from '../../src/explore/validate-scenario.js';

const REGRESSIONS = 'histories/regressions';

/** A saved scenario to break one field of at a time. */
function base(): Record<string, any> {
  return JSON.parse(readFileSync(join(REGRESSIONS, 'll-weak-seed1', 'scenario.json'), 'utf8'));
}

function fieldOf(change: (scenario: Record<string, any>) => void): string {
  const scenario = base();
  change(scenario);
  try {
    validateScenario(scenario);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return `${(error as ConfigError).field} | ${(error as ConfigError).message}`;
  }
  return 'accepted';
}

describe('validateScenario', () => {
  it('accepts every saved regression scenario, and returns it unchanged but for the client policy moved out of the store', () => {
    const dirs = readdirSync(REGRESSIONS);
    expect(dirs.length).toBeGreaterThan(10);
    for (const dir of dirs) {
      const scenario = JSON.parse(readFileSync(join(REGRESSIONS, dir, 'scenario.json'), 'utf8'));
      const valid = validateScenario(scenario);
      expect(valid.workload).toEqual(scenario.workload);
      expect(valid.faults).toEqual(scenario.faults);
      expect(valid.seed).toBe(scenario.seed);
    }
  });

  it('accepts every scenario the generators draw, for every preset and for generated stores', () => {
    for (const preset of [undefined, ...presetNames()]) {
      fc.assert(fc.property(scenarioArb(preset === undefined ? {} : { preset }), (scenario) => {
        expect(() => validateScenario(JSON.parse(JSON.stringify(scenario)))).not.toThrow();
      }), { numRuns: preset === undefined ? 200 : 20, seed: 7 });
    }
  });

  // Each case breaks one field; the error must name that field's path.
  const cases: Array<[string, (s: Record<string, any>) => void, RegExp]> = [
    ['an unknown top-level key', (s) => { s.nemesis = []; }, /^nemesis \| .*not a scenario field/],
    ['an unknown preset', (s) => { s.preset = 'll-wek'; }, /^preset \| .*must be one of/],
    ['a negative seed', (s) => { s.seed = -1; }, /^seed \|/],
    ['a seed beyond 32 bits (it would replay another seed)', (s) => { s.seed = 4294967296; }, /^seed \|.*\[0, 4294967295\]/],
    ['zero clients, without an impossible range', (s) => { s.workload.clients = 0; }, /^workload\.clients \| workload\.clients: 0 must be an integer >= 1$/],
    ['a non-integer op count', (s) => { s.workload.ops = 2.5; }, /^workload\.ops \|/],
    ['a negative op count', (s) => { s.workload.ops = -3; }, /^workload\.ops \|/],
    ['zero keys', (s) => { s.workload.keys = 0; }, /^workload\.keys \|/],
    ['a read fraction above 1', (s) => { s.workload.readFraction = 1.5; }, /^workload\.readFraction \|.*\[0, 1\]/],
    ['an unknown workload field', (s) => { s.workload.clinets = 2; }, /^workload\.clinets \|/],
    ['an unknown workload', (s) => { s.workload.workload = 'regster'; }, /^workload\.workload \|/],
    ['an unknown checker', (s) => { s.workload.checkers = ['linearizable', 'linearisable']; }, /^workload\.checkers\[1\] \|/],
    ['an unknown fault kind, named by the file\'s own field', (s) => { s.faults[0].kind = 'meteor'; }, /^faults\[0\]\.kind \|/],
    ['a fault aimed at a node the store does not have', (s) => { s.faults[0].targets = ['n1', 'n9']; }, /^faults\[0\]\.targets\[1\] \| .*"n9" is not a node of this store \(its nodes: n1, n2\)/],
    ['a fraction outside [0, 1] in a fault', (s) => { s.faults = [{ kind: 'loss', atMs: 0, durationMs: 10, params: { probability: 2 } }]; }, /^faults\[0\]\.params\.probability \|/],
    ['an unknown store field', (s) => { s.store.leaderless.nodez = 3; }, /^store\.leaderless\.nodez \|/],
    ['an op of an unknown f', (s) => { s.ops = [{ process: 0, f: 'delete', key: 'k0', value: null }]; }, /^ops\[0\]\.f \|/],
    ['an op of a process beyond the clients', (s) => { s.ops = [{ process: s.workload.clients, f: 'read', key: 'k0', value: null }]; }, /^ops\[0\]\.process \|/],
    ['a negative settle time', (s) => { s.settleMs = -1; }, /^settleMs \|/],
    ['a missing workload', (s) => { delete s.workload; }, /^workload \| workload: is missing/],
  ];
  for (const [what, change, expected] of cases) {
    it(`rejects ${what}`, () => {
      expect(fieldOf(change)).toMatch(expected);
    });
  }
});
