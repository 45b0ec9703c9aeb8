import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATRIX_ROWS } from '../matrix/matrix-rows.js';
import { MUTATION_CASES } from '../mutations/mutation-cases.js';
import type { MatrixBenchRow } from './matrix-bench.js';
import type { MutationBenchRow } from './mutations-bench.js';
import { matrixMarkdown, mutationsMarkdown, README_TABLES, replaceSection, sectionOf, TABLE_HEADERS } from './readme-tables.js';

const README = readFileSync('README.md', 'utf8');

/** The cells of a markdown table line. */
function cells(line: string): string[] {
  return line.slice(2, -2).split(' | ');
}

function count(text: string): number {
  return text.startsWith('none in ') || text === '-' ? Number.NaN : Number(text);
}

function size(text: string): [number, number] {
  if (text === '-') return [Number.NaN, Number.NaN];
  const [ops, faults] = text.split(', ').map(Number);
  return [ops!, faults!];
}

/** The README's matrix table read back into the benchmark's rows. */
function matrixRowsOf(section: string): MatrixBenchRow[] {
  const lines = section.split('\n');
  const reasons = new Map(lines.filter((line) => line.startsWith('- ')).map((line) => {
    const at = line.indexOf(': ');
    return [line.slice(2, at), line.slice(at + 2)];
  }));
  return lines.filter((line) => line.startsWith('| ') && !line.startsWith('| row |') && !line.startsWith('| ---')).map((line) => {
    const [id, expected, found, runs, seconds, shrunk] = cells(line);
    const [checker, anomaly] = found!.split(': ');
    const [clientOps, faults] = size(shrunk!);
    return {
      id: id!, expected: expected!, runs: runs!.startsWith('none in ') ? Number(runs!.slice(8)) : 0, runsToDetection: count(runs!),
      secondsToDetection: Number(seconds), shrinkSeconds: 0, checker: checker!, anomaly: anomaly!, clientOps, faults, reason: reasons.get(id!) ?? '',
    };
  });
}

/** The README's mutation table read back into the benchmark's rows. */
function mutationRowsOf(section: string): MutationBenchRow[] {
  return section.split('\n').filter((line) => line.startsWith('| `')).map((line) => {
    const [mutation, , , runs, seconds, anomaly, shrunk] = cells(line);
    const [clientOps, faults] = size(shrunk!);
    const name = mutation!.slice(1, -1);
    return {
      mutation: name, preset: MUTATION_CASES.find((hunt) => hunt.mutation === name)!.preset, runsToDetection: count(runs!),
      secondsToDetection: Number(seconds), shrinkSeconds: 0, anomaly: anomaly!, clientOps, faults, reason: '',
    };
  });
}

describe('the README tables written by npm run readme:tables', () => {
  it('has both marked sections, each starting with its generated header', () => {
    for (const name of README_TABLES) {
      const section = sectionOf(README, name);
      expect(section, `README: the ${name} markers`).toBeDefined();
      expect(section!.split('\n')[0]).toBe(TABLE_HEADERS[name]);
    }
  });

  it('holds the matrix exactly as the generator writes it: every row, in order, with its command', () => {
    const section = sectionOf(README, 'matrix')!;
    const rows = matrixRowsOf(section);
    expect(rows.map((row) => row.id)).toEqual(MATRIX_ROWS.map((row) => row.id));
    expect(rows.map((row) => row.expected)).toEqual(MATRIX_ROWS.map((row) => row.expected));
    for (const row of rows) if (!Number.isNaN(row.runsToDetection)) row.runs = row.runsToDetection;
    expect(matrixMarkdown(rows)).toBe(section);
  });

  it('holds the mutation table exactly as the generator writes it: every mutation, in order', () => {
    const section = sectionOf(README, 'mutations')!;
    const rows = mutationRowsOf(section);
    expect(rows.map((row) => row.mutation)).toEqual(MUTATION_CASES.map((hunt) => hunt.mutation));
    expect(mutationsMarkdown(rows)).toBe(section);
  });

  it('replaces only what is between the markers, and refuses a README without them', () => {
    const readme = replaceSection(README, 'mutations', 'X');
    expect(sectionOf(readme, 'mutations')).toBe('X');
    expect(sectionOf(readme, 'matrix')).toBe(sectionOf(README, 'matrix'));
    expect(readme.startsWith(README.slice(0, README.indexOf('<!-- readme-tables:mutations:begin -->')))).toBe(true);
    expect(() => replaceSection('no markers here', 'matrix', 'X')).toThrow(/markers of the matrix table are missing/);
  });
});
