import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const SUBCOMMANDS = ['check', 'run', 'explore', 'replay', 'shrink', 'presets', 'merge', 'guard', 'report', 'serve', 'dr', 'test', 'node', 'experiment'];

describe('help, with each subcommand loaded only when it runs', () => {
  it('faultline --help lists every subcommand', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    // A command's line starts two spaces in; its wrapped description is indented further.
    const lines = result.stdout.split('Commands:')[1]!.split('\n');
    const listed = lines.map((line) => /^ {2}(\S+)/.exec(line)?.[1]).filter((name) => name !== undefined && name !== 'help');
    expect(listed).toEqual(SUBCOMMANDS);
  });

  for (const name of SUBCOMMANDS) {
    it(`faultline ${name} --help (only ${name} loaded) reads as faultline help ${name} (all loaded)`, () => {
      const alone = runCli([name, '--help']);
      const all = runCli(['help', name]);
      expect(alone.status).toBe(0);
      expect(alone.stdout).toMatch(new RegExp(`^Usage: faultline ${name} `));
      expect(alone.stdout).toBe(all.stdout);
    });
  }

  it('an unknown subcommand is still a usage error that names it', () => {
    const result = runCli(['chek', 'h.ndjson']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'chek'");
  });
});
