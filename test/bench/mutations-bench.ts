/**
 * How fast faultline finds each deliberate store bug (src/store/mutations.ts):
 * per mutation, the runs and wall time to the first detection from the
 * mutation test's own seed and budget, the time to shrink it, and the size of
 * the shrunk counterexample. Optionally, the control: the whole budget with
 * the bug off, which must stay clean.
 *
 * Run it alone with `node dist/test/bench/mutations-bench.js [--control]` after a build.
 */
import { pathToFileURL } from 'node:url';
import { huntMutation, MUTATION_BUDGET, MUTATION_CASES, type MutationCase } from '../mutations/mutation-cases.js';
import { table } from './stats.js';

/**
 * One mutation's figures. `runsToDetection` is the 1-based run that failed;
 * the sizes are the shrunk scenario's. Without a detection the sizes are NaN.
 *
 * @example
 * const row: MutationBenchRow = { mutation: 'ack-before-fsync', preset: 'sl-majority', runsToDetection: 141,
 *   secondsToDetection: 0.9, shrinkSeconds: 0.4, anomaly: 'not-linearizable', clientOps: 2, faults: 3, reason: '...' };
 */
export interface MutationBenchRow {
  mutation: string;
  preset: string;
  runsToDetection: number;
  secondsToDetection: number;
  shrinkSeconds: number;
  anomaly: string;
  clientOps: number;
  faults: number;
  /** The shrunk counterexample's one-sentence reason. */
  reason: string;
  /** With `control`: runs explored with the bug off, and what they found (should be 'clean'). */
  control?: { runs: number; found: string };
}

/**
 * Hunts every mutation of the mutation test, one after the other, on this
 * thread (`control: true` also explores the full budget with each bug off).
 *
 * @example
 * const rows = await benchMutations();
 * rows.find((row) => row.mutation === 'ack-before-fsync')?.runsToDetection;
 */
export async function benchMutations(options: { control?: boolean } = {}): Promise<MutationBenchRow[]> {
  const rows: MutationBenchRow[] = [];
  for (const hunt of MUTATION_CASES) rows.push(await benchOne(hunt, options.control ?? false));
  return rows;
}

async function benchOne(hunt: MutationCase, control: boolean): Promise<MutationBenchRow> {
  let detectedAtMs = Number.NaN;
  const started = performance.now();
  const report = await huntMutation(hunt, {
    mutated: true,
    onProgress: (progress) => {
      if (progress.failures > 0 && Number.isNaN(detectedAtMs)) detectedAtMs = progress.elapsedMs;
    },
  });
  const totalMs = performance.now() - started;
  const failure = report.failures[0];
  const row: MutationBenchRow = {
    mutation: hunt.mutation,
    preset: hunt.preset,
    runsToDetection: failure === undefined ? Number.NaN : failure.run + 1,
    secondsToDetection: detectedAtMs / 1000,
    shrinkSeconds: (totalMs - detectedAtMs) / 1000,
    anomaly: failure?.anomaly ?? `none in ${report.runs} runs`,
    clientOps: failure?.clientOps ?? Number.NaN,
    faults: failure?.faults ?? Number.NaN,
    reason: failure?.shrunk.verdict.reason ?? '',
  };
  if (control) {
    const clean = await huntMutation(hunt, { mutated: false, runs: MUTATION_BUDGET.runs });
    row.control = { runs: clean.runs, found: clean.failures[0]?.anomaly ?? (clean.unknown > 0 ? `${clean.unknown} unknown` : 'clean') };
  }
  return row;
}

/**
 * Prints the figures as a table (and each counterexample's reason under it).
 *
 * @example
 * await printMutationBenchmarks({ control: true });
 */
export async function printMutationBenchmarks(options: { control?: boolean } = {}): Promise<void> {
  const rows = await benchMutations(options);
  console.log(`\nDeliberate store bugs: time to detection from the mutation test's seeds (budget ${MUTATION_BUDGET.runs} runs or ${MUTATION_BUDGET.timeSeconds} s)\n`);
  const headers = ['mutation', 'store', 'runs', 'seconds', 'shrink s', 'anomaly', 'client ops', 'faults'];
  if (options.control) headers.push('bug off');
  console.log(table(headers, rows.map((r) => {
    const cells: Array<string | number> = [r.mutation, r.preset, String(r.runsToDetection), r.secondsToDetection, r.shrinkSeconds, r.anomaly, String(r.clientOps), String(r.faults)];
    if (r.control !== undefined) cells.push(`${r.control.found} (${r.control.runs} runs)`);
    return cells;
  })));
  console.log('');
  for (const row of rows) console.log(`${row.mutation}: ${row.reason}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await printMutationBenchmarks({ control: process.argv.includes('--control') });
}
