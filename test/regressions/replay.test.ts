import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/explore/replay.js';
import { REGRESSIONS_DIR, type RegressionExpectation } from './record-regressions.js';

/**
 * The CI regression guard: every saved counterexample (and every saved valid
 * run of a safe preset) must replay to the same history, byte for byte, and
 * the same verdict. A change to the simulator, the store, the clients or the
 * nemesis that alters any of them shows here, with the first differing line.
 */
const entries = existsSync(REGRESSIONS_DIR)
  ? readdirSync(REGRESSIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  : [];

describe('histories/regressions', () => {
  it('holds saved entries', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  for (const name of entries) {
    it(`${name} replays to the same history and verdict`, () => {
      const dir = join(REGRESSIONS_DIR, name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as RegressionExpectation;
      const result = replay(dir);
      const difference = result.firstDifference;
      expect(result.identical, difference && `history.ndjson differs at line ${difference.line}:\n  saved:    ${difference.saved}\n  replayed: ${difference.replayed}`).toBe(true);
      expect(result.outcome.verdict.valid).toBe(expected.valid);
      expect(result.outcome.verdict.anomaly).toBe(expected.anomaly);
    });
  }
});
