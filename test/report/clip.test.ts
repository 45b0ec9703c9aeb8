import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipLabel, clipText, MAX_LINE_CHARS, MAX_QUOTED_CHARS } from '../../src/report/clip.js';
import { runCli, tempFile } from '../cli/run-cli.js';

describe('clipText', () => {
  it('leaves short text and short strings as they are', () => {
    const text = 'p0 write "abc" then read -> "abc"\nsecond line';
    expect(clipText(text)).toBe(text);
  });

  it('cuts a long quoted string to its head and says how much it left out', () => {
    const long = 'y'.repeat(MAX_QUOTED_CHARS + 50);
    expect(clipText(`read -> "${long}" (index 3)`)).toBe(`read -> "${'y'.repeat(MAX_QUOTED_CHARS)}…" (+50 chars) (index 3)`);
  });

  it('honours escaped quotes inside a string and leaves an unclosed quote to the line bound', () => {
    const escaped = `"${'a\\"'.repeat(100)}" ok`;
    expect(clipText(escaped)).toMatch(/…" \(\+100 chars\) ok$/);
    const unclosed = `"${'b'.repeat(MAX_LINE_CHARS + 10)}`;
    expect(clipText(unclosed)).toMatch(/… \(line cut: \+11 chars\)$/);
  });

  it('cuts a line of many short values', () => {
    const line = `read -> [${Array.from({ length: 5000 }, (_, i) => i).join(',')}]`;
    const clipped = clipText(line);
    expect(clipped.length).toBeLessThan(MAX_LINE_CHARS + 40);
    expect(clipped.startsWith('read -> [0,1,2')).toBe(true);
  });

  it('cuts a label with an ellipsis', () => {
    expect(clipLabel('write 1')).toBe('write 1');
    expect(clipLabel(`write ${'x'.repeat(100)}`, 10)).toBe('write xxx…');
  });
});

describe('human output of huge values', () => {
  it('check prints a bounded report of a history with a 2 MB value, and the same verdict', () => {
    const big = 'x'.repeat(2_000_000);
    const ops = [
      { process: 0, type: 'invoke', f: 'write', value: big }, { process: 0, type: 'ok', f: 'write', value: big },
      { process: 1, type: 'invoke', f: 'read', value: null }, { process: 1, type: 'ok', f: 'read', value: `${big}y` },
    ];
    const file = tempFile('big.ndjson', `${ops.map((op) => JSON.stringify(op)).join('\n')}\n`);
    const run = runCli(['check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/not linearizable/);
    expect(run.stdout).toMatch(/…" \(\+\d+ chars\)/);
    expect(run.stdout.length).toBeLessThan(20_000);
  });

  it('shrink of a long history draws only the counterexample\'s ops, saying how many it left out', () => {
    const ops: object[] = [];
    for (let value = 1; value <= 1500; value++) {
      ops.push({ process: value % 3, type: 'invoke', f: 'write', value }, { process: value % 3, type: 'ok', f: 'write', value });
    }
    ops.push({ process: 5, type: 'invoke', f: 'read', value: null }, { process: 5, type: 'ok', f: 'read', value: 7 });
    const file = tempFile('long.ndjson', '');
    writeFileSync(file, `${ops.map((op) => JSON.stringify(op)).join('\n')}\n`);
    const run = runCli(['shrink', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\*read -> 7\*/);
    expect(run.stdout).toMatch(/\(\d+ other client ops not drawn\)/);
    expect(run.stdout.length).toBeLessThan(10_000);
  });
});
