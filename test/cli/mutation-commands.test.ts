import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { huntCommand, MUTATION_CASES } from '../mutations/mutation-cases.js';

const BIN = path.resolve('dist/src/cli/main.js');
const outRoot = mkdtempSync(path.join(tmpdir(), 'faultline-mutation-commands-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** The cases that need more than `--preset P --mutation M`: a config file, other checkers, other fault bounds. */
const CONFIGURED = MUTATION_CASES.filter((hunt) => Object.keys(hunt.flags).some((flag) => flag !== 'preset'));

describe('each mutation\'s README command finds it from the command line', () => {
  it('covers the cases that change the store, the checkers or the faults', () => {
    expect(CONFIGURED.map((hunt) => hunt.mutation)).toEqual(['ack-before-fsync', 'hints-dropped-on-restart', 'read-repair-writes-older']);
  });

  it.each(CONFIGURED.map((hunt) => [hunt.mutation, hunt] as const))('%s', (_name, hunt) => {
    const args = huntCommand(hunt).split(' ').slice(2);
    const out = path.join(outRoot, hunt.mutation);
    const result = spawnSync(process.execPath, [BIN, 'explore', ...args, '--out', out, '--json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.failures).toHaveLength(1);
    expect(hunt.anomalies).toContain(report.failures[0].anomaly);
    expect(report.runs).toBeLessThanOrEqual(2000);
  }, 120_000);
});
