/**
 * The verdict matrix as figures: per row, the runs and wall time to the first
 * detection from the matrix test's own seed and budget, the time to shrink,
 * the shrunk counterexample's size and its one-sentence reason. Clean rows
 * report the runs they explored without a finding.
 *
 * Run it alone with `node dist/test/bench/matrix-bench.js` after a build; `npm run readme:tables`
 * writes its figures into the README (test/bench/readme-tables.ts).
 */
import { pathToFileURL } from 'node:url';
import { huntRow } from '../matrix/matrix-hunt.js';
import { MATRIX_ROWS, type MatrixRow } from '../matrix/matrix-rows.js';
import { table } from './stats.js';

/**
 * One row's figures. `runsToDetection` is the 1-based run that failed (NaN for
 * a clean row, whose `runs` were all explored).
 *
 * @example
 * const figures: MatrixBenchRow = { id: 'sl-async', runs: 29, runsToDetection: 29, secondsToDetection: 0.3,
 *   shrinkSeconds: 0.6, checker: 'durability', anomaly: 'lost-write', clientOps: 2, faults: 1, reason: '...' };
 */
export interface MatrixBenchRow {
  id: string;
  expected: string;
  runs: number;
  runsToDetection: number;
  secondsToDetection: number;
  shrinkSeconds: number;
  checker: string;
  /** The row's checker's anomaly in the shrunk counterexample ('clean' when nothing was found). */
  anomaly: string;
  clientOps: number;
  faults: number;
  reason: string;
}

/**
 * Explores every matrix row, one after the other, on this thread.
 *
 * @example
 * const rows = await benchMatrix();
 * rows.find((row) => row.id === 'ml-lww')?.runsToDetection;
 */
export async function benchMatrix(): Promise<MatrixBenchRow[]> {
  const rows: MatrixBenchRow[] = [];
  for (const row of MATRIX_ROWS) rows.push(await benchOne(row));
  return rows;
}

/**
 * One row's figures (the matrix benchmark, row by row).
 *
 * @example
 * const figures = await benchOne(MATRIX_ROWS[0]!);
 */
export async function benchOne(row: MatrixRow): Promise<MatrixBenchRow> {
  const started = performance.now();
  const hunt = await huntRow(row);
  const totalMs = performance.now() - started;
  const failure = hunt.failure;
  const checker = row.claims[0]?.checker ?? 'all';
  const check = failure?.shrunk.verdict.checks?.[checker] as { anomaly?: string; reason?: string } | undefined;
  return {
    id: row.id,
    expected: row.expected,
    runs: hunt.report.runs,
    runsToDetection: failure === undefined ? Number.NaN : failure.run + 1,
    secondsToDetection: hunt.detectionMs / 1000,
    shrinkSeconds: failure === undefined ? 0 : (totalMs - hunt.detectionMs) / 1000,
    checker,
    anomaly: failure === undefined ? 'clean' : (check?.anomaly ?? failure.anomaly),
    clientOps: failure?.clientOps ?? Number.NaN,
    faults: failure?.faults ?? Number.NaN,
    reason: check?.reason ?? failure?.shrunk.verdict.reason ?? '',
  };
}

async function main(): Promise<void> {
  const rows = await benchMatrix();
  console.log(table(
    ['row', 'runs', 'found at', 's to find', 's to shrink', 'checker', 'anomaly', 'ops', 'faults'],
    rows.map((row) => [
      row.id, String(row.runs), Number.isNaN(row.runsToDetection) ? '-' : String(row.runsToDetection),
      row.secondsToDetection.toFixed(2), row.shrinkSeconds.toFixed(2), row.checker, row.anomaly,
      Number.isNaN(row.clientOps) ? '-' : String(row.clientOps), Number.isNaN(row.faults) ? '-' : String(row.faults),
    ]),
  ));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
