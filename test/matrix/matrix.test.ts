import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/explore/replay.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { REGRESSIONS_DIR, saveRegression } from '../regressions/record-regressions.js';
import { huntRow, regressionName, unmetClaims } from './matrix-hunt.js';
import { MATRIX_ROWS, type MatrixRow } from './matrix-rows.js';

/**
 * The verdict matrix (README): each weak preset, explored from a fixed seed
 * within the matrix budget, must fail, and its shrunk counterexample must show
 * the row's anomaly under the row's checker, fail for the row's reason (with
 * the cause taken away, that promise holds), and be saved under
 * histories/regressions/, where it replays to the same claims. Each clean row
 * must find nothing in its budget.
 *
 * FAULTLINE_MATRIX_SCALE multiplies every row's run budget (`npm run
 * test:matrix:long`); FAULTLINE_RECORD_MATRIX=1 saves each row's shrunk
 * counterexample anew.
 */
const SCALE = process.env.FAULTLINE_MATRIX_SCALE === undefined ? undefined : Number(process.env.FAULTLINE_MATRIX_SCALE);
const RECORD = process.env.FAULTLINE_RECORD_MATRIX === '1';

describe('the verdict matrix', () => {
  it.each(MATRIX_ROWS.map((row) => [row.id, row] as const))('%s', async (_id, row: MatrixRow) => {
    const hunt = await huntRow(row, SCALE === undefined ? {} : { runsScale: SCALE, timeSeconds: 60 * SCALE });
    if (row.clean) {
      expect(hunt.report.failures.map((failure) => `run ${failure.run}: ${failure.shrunk.verdict.reason}`)).toEqual([]);
      expect(hunt.report.unknown).toBe(0);
      return;
    }
    expect(hunt.report.stoppedBy, `${row.id}: nothing found in ${hunt.report.runs} runs`).toBe('failure');
    const failure = hunt.failure!;
    expect(unmetClaims(failure.shrunk.verdict, row.claims)).toEqual([]);
    if (row.cause !== undefined) {
      // The right reason: without its cause, the counterexample keeps the promise it broke.
      const without = runScenario(row.cause.without(failure.shrunk.scenario));
      expect(unmetClaims(without.verdict, [{ checker: row.claims[0]!.checker, anomaly: 'valid' }]), row.cause.why).toEqual([]);
    }
    const name = regressionName(row);
    if (RECORD) {
      const found = `the verdict matrix, row ${row.id}: explore --preset ${row.preset} --seed ${row.seed}, run ${failure.run}`;
      saveRegression(name, failure.shrunk, { valid: false, anomaly: failure.anomaly, preset: row.preset, found }, { shrink: failure.shrink });
    }
    const dir = join(REGRESSIONS_DIR, name);
    expect(existsSync(dir), `${dir} is missing: record it with FAULTLINE_RECORD_MATRIX=1`).toBe(true);
    const saved = replay(dir);
    expect(saved.identical).toBe(true);
    expect(unmetClaims(saved.outcome.verdict, row.claims)).toEqual([]);
  }, 600_000);
});
