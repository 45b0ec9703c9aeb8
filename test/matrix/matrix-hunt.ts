/**
 * How a matrix row is explored and judged: shared by the matrix test, the
 * recording of each row's counterexample, and the matrix benchmark.
 */
import { explore, type ExploreFailure, type ExploreReport } from '../../src/explore/explore.js';
import type { Verdict } from '../../src/run/run-scenario.js';
import { MATRIX_BUDGET, type Claim, type MatrixRow } from './matrix-rows.js';

/**
 * A row's exploration: the report, its first (shrunk) failure, and the wall
 * time to the first detection (exploring only, before shrinking).
 *
 * @example
 * const hunt = await huntRow(MATRIX_ROWS[1]!);
 * hunt.failure?.clientOps;
 */
export interface RowHunt {
  row: MatrixRow;
  report: ExploreReport;
  failure?: ExploreFailure;
  /** Wall ms from the start to the first failing run's verdict (the whole exploration for a clean row). */
  detectionMs: number;
}

/**
 * Explores a row's preset from its seed within the matrix budget (scale the
 * run budget with `runsScale`, for the long matrix), stopping at the first
 * failure and shrinking it.
 *
 * @example
 * const { report, failure } = await huntRow(row);
 */
export async function huntRow(row: MatrixRow, options: { runsScale?: number; timeSeconds?: number } = {}): Promise<RowHunt> {
  let detectionMs = 0;
  let detected = false;
  const runs = Math.round(row.runs * (options.runsScale ?? 1));
  const report = await explore({
    preset: row.preset,
    scenario: {
      ...(row.workload === undefined ? {} : { workload: row.workload }),
      ...(row.kinds === undefined ? {} : { kinds: row.kinds }),
      ...(row.maxFaults === undefined ? {} : { maxFaults: row.maxFaults }),
    },
    seed: row.seed,
    runs: options.runsScale === undefined ? Math.min(runs, MATRIX_BUDGET.runs) : runs,
    timeSeconds: options.timeSeconds ?? MATRIX_BUDGET.timeSeconds,
    onProgress: (progress) => {
      // Frozen at the first failing run's verdict: what follows is shrinking.
      if (!detected) detectionMs = progress.elapsedMs;
      if (progress.failures > 0) detected = true;
    },
  });
  const failure = report.failures[0];
  return { row, report, ...(failure === undefined ? {} : { failure }), detectionMs };
}

/**
 * The claims a verdict does not bear out, each as a sentence ([] when all hold).
 *
 * @example
 * unmetClaims(failure.shrunk.verdict, row.claims); // []
 */
export function unmetClaims(verdict: Verdict, claims: readonly Claim[]): string[] {
  const unmet: string[] = [];
  for (const claim of claims) {
    const check = verdict.checks?.[claim.checker] as { valid?: unknown; anomaly?: string; reason?: string } | undefined;
    const shown = check === undefined ? 'not run' : check.valid === true ? 'valid' : check.valid === false ? (check.anomaly ?? 'invalid') : String(check.valid);
    if (shown !== claim.anomaly) unmet.push(`${claim.checker}: expected ${claim.anomaly}, got ${shown}${check?.reason === undefined ? '' : ` (${check.reason})`}`);
  }
  return unmet;
}

/**
 * The folder name of a row's counterexample under histories/regressions/.
 *
 * @example
 * regressionName(row); // 'sl-async-seed1'
 */
export function regressionName(row: MatrixRow): string {
  return `${row.id.replace('/', '-')}-seed${row.seed}`;
}
