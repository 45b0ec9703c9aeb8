import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('faultline node with a standby store', () => {
  it('refuses a cold standby, whose object store only the simulator runs (exit 2)', () => {
    const run = runCli(['node', '--preset', 'sl-standby-cold']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cold standby restores from the simulator's object store/);
  });
});
