import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { toSimulation, type Scenario } from '../../src/run/scenario.js';
import { simulate, type RunView } from '../../src/run/simulate.js';
import { PRESETS } from '../../src/presets/index.js';

const scenario: Scenario = {
  seed: 5, preset: 'sl-majority', store: PRESETS['sl-majority']!.store,
  workload: { workload: 'register', ops: 60, clients: 3, keys: 1, spacingMs: 40 },
  faults: [{ kind: 'crash-majority', atMs: 200, durationMs: 600 }],
};

function nemesisOps(history: ReturnType<typeof simulate>['history']) {
  return history.filter((op) => op.process === 'nemesis').map((op) => [op.f, op.time / 1e6]);
}

describe('simulate: watch', () => {
  it('looks every everyMs of virtual time until the clients are done, seeing the history so far, and changes nothing by looking', () => {
    const plain = simulate(toSimulation(scenario));
    const seen: Array<[number, number]> = [];
    const watched = simulate(toSimulation(scenario), {
      watch: { everyMs: 100, onTick: (view: RunView) => void seen.push([view.nowMs, view.history.length]) },
    });
    expect(watched.history).toEqual(plain.history);
    expect(seen.map(([nowMs]) => nowMs)).toEqual(seen.map((_, i) => 100 * (i + 1)));
    // Ticks run while the clients work and stop once they are done (when the last client op ends).
    const lastOpMs = plain.history.filter((op) => op.process !== 'nemesis').at(-1)!.time / 1e6;
    expect(seen.at(-1)![0]).toBeLessThanOrEqual(lastOpMs);
    expect(seen.at(-1)![0] + 100).toBeGreaterThanOrEqual(lastOpMs);
    // Each look sees exactly the ops recorded before it.
    for (const [nowMs, length] of seen) expect(length).toBe(plain.history.filter((op) => op.time / 1e6 <= nowMs).length);
  });

  it('healAll from a tick ends the fault at that virtual time, deterministically', () => {
    const healAt = (atMs: number) => simulate(toSimulation(scenario), {
      watch: { everyMs: 100, onTick: (view) => { if (view.nowMs === atMs) view.healAll(); } },
    });
    const plain = simulate(toSimulation(scenario));
    expect(nemesisOps(plain.history)).toEqual([['start-crash', 200], ['stop-crash', 800]]);
    const healed = healAt(400);
    expect(nemesisOps(healed.history)).toEqual([['start-crash', 200], ['stop-crash', 400]]);
    expect(healAt(400).history).toEqual(healed.history);
    // Healed before it started: it never starts.
    expect(nemesisOps(healAt(100).history)).toEqual([]);
  });

  it('refuses a period that is not a positive number', () => {
    for (const everyMs of [0, -5, Number.NaN]) {
      expect(() => simulate(toSimulation(scenario), { watch: { everyMs, onTick: () => {} } })).toThrow(ConfigError);
    }
  });
});
