import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/** The presets the catalogue must hold at least. */
const REQUIRED = [
  'sl-majority', 'sl-async', 'sl-no-fencing', 'sl-follower-reads', 'sl-lease-skew', 'sl-statement',
  'ml-lww', 'ml-vv', 'll-abd', 'll-quorum', 'll-weak', 'll-sloppy', 'll-no-repair', 'client-no-idempotency', 'fd-aggressive',
];

describe('faultline presets', () => {
  it('--json lists every preset with what it promises and what it is expected to break', () => {
    const run = runCli(['presets', '--json']);
    expect(run.status).toBe(0);
    const { presets } = JSON.parse(run.stdout) as { presets: Array<Record<string, unknown>> };
    expect(presets.map((preset) => preset.name)).toEqual(expect.arrayContaining(REQUIRED));
    for (const preset of presets) {
      expect(typeof preset.promises, String(preset.name)).toBe('string');
      expect(String(preset.expectedToBreak).length, String(preset.name)).toBeGreaterThan(5);
      expect(preset.store).toHaveProperty('mode');
    }
    const safe = presets.filter((preset) => preset.safe).map((preset) => preset.name);
    expect(safe).toEqual(expect.arrayContaining(['sl-majority', 'll-abd']));
  });

  it('prints each preset as text', () => {
    const run = runCli(['presets']);
    expect(run.status).toBe(0);
    for (const name of REQUIRED) expect(run.stdout).toMatch(new RegExp(`^${name} \\(`, 'm'));
    expect(run.stdout).toMatch(/^ {2}promises: /m);
    expect(run.stdout).toMatch(/^ {2}expected to break: /m);
  });
});
