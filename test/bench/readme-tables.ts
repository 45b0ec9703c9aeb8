/**
 * Rewrites the README's verdict-matrix and mutation tables from the
 * benchmarks that measure them (matrix-bench, mutations-bench), so the figures
 * the README shows are the ones the code gives today. Each table lives between
 * a pair of markers, `<!-- readme-tables:NAME:begin -->` and
 * `<!-- readme-tables:NAME:end -->`; only what is between them is replaced.
 *
 * Run it with `npm run readme:tables` (builds first), or, after a build,
 * `node dist/test/bench/readme-tables.js [README.md]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MATRIX_BUDGET, MATRIX_ROWS, type MatrixRow } from '../matrix/matrix-rows.js';
import { huntCommand, MUTATION_CASES, type MutationCase } from '../mutations/mutation-cases.js';
import { benchMatrix, type MatrixBenchRow } from './matrix-bench.js';
import { benchMutations, type MutationBenchRow } from './mutations-bench.js';

/** The README sections this script owns, in the order they appear. */
export const README_TABLES = ['matrix', 'mutations'] as const;

/** One of {@link README_TABLES}. */
export type ReadmeTable = (typeof README_TABLES)[number];

/** The header row of each generated table (the test checks the README holds them as generated). */
export const TABLE_HEADERS: Readonly<Record<ReadmeTable, string>> = {
  matrix: '| row | expected | checker: anomaly | runs to detection | seconds | shrunk (ops, faults) | reproduce |',
  mutations: '| mutation | what it breaks | configuration | runs to detection | s | anomaly | shrunk (ops, faults) | reproduce |',
};

/**
 * The marker lines around a generated section.
 *
 * @example
 * markers('matrix').begin; // '<!-- readme-tables:matrix:begin -->'
 */
export function markers(name: ReadmeTable): { begin: string; end: string } {
  return { begin: `<!-- readme-tables:${name}:begin -->`, end: `<!-- readme-tables:${name}:end -->` };
}

/**
 * The text between a section's markers (without the marker lines), or
 * undefined when the markers are missing or out of order.
 *
 * @example
 * sectionOf(readFileSync('README.md', 'utf8'), 'matrix')?.split('\n')[0]; // the header row
 */
export function sectionOf(readme: string, name: ReadmeTable): string | undefined {
  const { begin, end } = markers(name);
  const from = readme.indexOf(`${begin}\n`);
  const to = readme.indexOf(`\n${end}`);
  if (from < 0 || to < from) return undefined;
  return readme.slice(from + begin.length + 1, to);
}

/**
 * The README with one section's content replaced; throws when its markers are missing.
 *
 * @example
 * replaceSection('a\n<!-- readme-tables:matrix:begin -->\nold\n<!-- readme-tables:matrix:end -->\n', 'matrix', 'new');
 * // 'a\n<!-- readme-tables:matrix:begin -->\nnew\n<!-- readme-tables:matrix:end -->\n'
 */
export function replaceSection(readme: string, name: ReadmeTable, content: string): string {
  const old = sectionOf(readme, name);
  if (old === undefined) throw new Error(`README: the markers of the ${name} table are missing (${markers(name).begin} ... ${markers(name).end})`);
  const { begin } = markers(name);
  const from = readme.indexOf(`${begin}\n`) + begin.length + 1;
  return readme.slice(0, from) + content + readme.slice(from + old.length);
}

/**
 * The `faultline explore` command that explores what a matrix row explores
 * (the same scenarios, so the same run finds the same failure).
 *
 * @example
 * matrixCommand(MATRIX_ROWS.find((row) => row.id === 'll-quorum')!);
 * // '`faultline explore --preset ll-quorum --nemesis latency,slow --clients 10 --seed 1 --runs 2000`'
 */
export function matrixCommand(row: MatrixRow): string {
  const { checkers, ...workload } = row.workload ?? {};
  const parts = ['faultline explore', `--preset ${row.preset}`];
  if (row.kinds !== undefined) parts.push(`--nemesis ${row.kinds.join(',')}`);
  if (workload.workload !== undefined) parts.push(`--workload ${workload.workload}`);
  if (workload.ops !== undefined) parts.push(`--ops ${workload.ops}`);
  if (workload.clients !== undefined) parts.push(`--clients ${workload.clients}`);
  if (checkers !== undefined) parts.push(`--checkers ${checkers.join(',')}`);
  if (row.maxFaults !== undefined) parts.push(`--max-faults ${row.maxFaults}`);
  parts.push(`--seed ${row.seed}`, `--runs ${Math.min(row.runs, MATRIX_BUDGET.runs)}`);
  return `\`${parts.join(' ')}\``;
}

/**
 * The matrix rows as the README's table, one line per row, then each
 * counterexample's reason.
 *
 * @example
 * matrixMarkdown(await benchMatrix());
 */
export function matrixMarkdown(rows: readonly MatrixBenchRow[]): string {
  const lines = [TABLE_HEADERS.matrix, '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const found = Number.isNaN(row.runsToDetection) ? `none in ${row.runs}` : String(row.runsToDetection);
    const size = Number.isNaN(row.clientOps) ? '-' : `${row.clientOps}, ${row.faults}`;
    const matrixRow = MATRIX_ROWS.find((candidate) => candidate.id === row.id)!;
    lines.push(`| ${row.id} | ${row.expected} | ${row.checker}: ${row.anomaly} | ${found} | ${row.secondsToDetection.toFixed(1)} | ${size} | ${matrixCommand(matrixRow)} |`);
  }
  lines.push('');
  for (const row of rows) if (row.reason !== '') lines.push(`- ${row.id}: ${oneLine(row.reason)}`);
  return lines.join('\n');
}

/** How each mutation's store differs from its preset, in the table's words (the full story is its case's `setup`). */
const MUTATION_WORDS: Readonly<Record<string, { breaks: string; configuration: string }>> = {
  'follower-out-of-order': { breaks: "a follower applies a batch's entries newest first", configuration: 'sl-majority' },
  'failover-least-up-to-date': { breaks: 'voters prefer the shorter log', configuration: 'sl-majority' },
  'ack-before-fsync': { breaks: 'a follower acks a replicated entry before its fsync', configuration: 'sl-majority, 100 ms group commit, power failures' },
  'hints-dropped-on-restart': { breaks: 'hints are not read back after a restart', configuration: 'll-abd, 5 nodes, with the anti-entropy verifier' },
  'merkle-without-version': { breaks: 'the Merkle hash leaves the version out', configuration: 'll-abd' },
  'read-repair-writes-older': { breaks: 'read repair writes the older value back', configuration: 'll-quorum, no clock faults, judged by durability, convergence, anti-entropy' },
};

/**
 * The `faultline explore` command that hunts a mutation as its case does (the
 * case is written as that command's flags), in backquotes for the table.
 *
 * @example
 * mutationCommand(MUTATION_CASES[0]!);
 * // '`faultline explore --preset sl-majority --mutation follower-out-of-order --seed 1 --runs 2000`'
 */
export function mutationCommand(hunt: MutationCase): string {
  return `\`${huntCommand(hunt)}\``;
}

/**
 * The mutation figures as the README's table.
 *
 * @example
 * mutationsMarkdown(await benchMutations());
 */
export function mutationsMarkdown(rows: readonly MutationBenchRow[]): string {
  const lines = [TABLE_HEADERS.mutations, '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const words = MUTATION_WORDS[row.mutation] ?? { breaks: '', configuration: row.preset };
    const found = Number.isNaN(row.runsToDetection) ? '-' : String(row.runsToDetection);
    const size = Number.isNaN(row.clientOps) ? '-' : `${row.clientOps}, ${row.faults}`;
    const hunt = MUTATION_CASES.find((candidate) => candidate.mutation === row.mutation)!;
    lines.push(`| \`${row.mutation}\` | ${words.breaks} | ${words.configuration} | ${found} | ${row.secondsToDetection.toFixed(2)} | ${row.anomaly} | ${size} | ${mutationCommand(hunt)} |`);
  }
  return lines.join('\n');
}

/** A reason on one line (it is a list item under the table). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? 'README.md';
  const matrix = matrixMarkdown(await benchMatrix());
  const mutations = mutationsMarkdown(await benchMutations());
  const readme = replaceSection(replaceSection(readFileSync(file, 'utf8'), 'matrix', matrix), 'mutations', mutations);
  writeFileSync(file, readme);
  console.log(`rewrote the matrix and mutation tables of ${file}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
