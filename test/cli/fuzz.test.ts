import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelNames } from '../../src/models/index.js';
import { runCli } from './run-cli.js';

// Each case starts a process (about a second on a loaded machine): few cases, many shapes.
const RUNS = Number(process.env.FAULTLINE_CLI_FUZZ_RUNS ?? 16);
// Generous: a loaded machine can take several seconds to start each process.
const TIMEOUT_MS = RUNS * 15_000;
const EXAMPLES = ['cas-register-bad.ndjson', 'cas-register-good.ndjson', 'etcd-style.log', 'kv-good.edn', 'register-bad.edn'];
const example = (name: string): string => readFileSync(path.join('histories/examples', name), 'utf8');
const scratch = mkdtempSync(path.join(tmpdir(), 'faultline-cli-fuzz-'));
let files = 0;
const writeCase = (name: string, content: string | Uint8Array): string => {
  const file = path.join(scratch, `${files++}-${name}`);
  writeFileSync(file, content);
  return file;
};

/** An example history with its lines dropped, repeated, swapped or cut at random. */
const mangledExample = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'repeat', 'swap', 'cut')), { maxLength: 4 }))
  .map(([name, edits]) => {
    const lines = example(name).split('\n');
    for (const [i, j, edit] of edits) {
      const at = i % lines.length;
      if (edit === 'drop') lines.splice(at, 1);
      else if (edit === 'repeat') lines.splice(at, 0, lines[at]!);
      else if (edit === 'swap') [lines[at], lines[j % lines.length]] = [lines[j % lines.length]!, lines[at]!];
      else lines[at] = lines[at]!.slice(0, j % (lines[at]!.length + 1));
      if (lines.length === 0) lines.push('');
    }
    return { name, content: lines.join('\n') as string | Uint8Array };
  });

const fragments = fc.array(
  fc.constantFrom('{', '}', '[', ']', '(', ')', '"', ':', ',', ' ', '\n', '#', ';', '\\', 'nil', ':process', '"process"', '0', '-1', '1e999',
    '9007199254740993', ':type', '"type"', ':invoke', '"invoke"', '"ok"', ':ok', ':f', '"f"', ':write', '"read"', 'jepsen.util', '\t', '\u0000', '\uFEFF'),
  { maxLength: 60 },
).map((parts) => ({ name: 'fragments.txt', content: parts.join('') as string | Uint8Array }));

const randomBytes = fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ name: 'bytes.bin', content: bytes as string | Uint8Array }));

const anyFile = fc.oneof(mangledExample, fragments, randomBytes);

const flag = fc.oneof(
  fc.constant(['--json']),
  fc.constantFrom(...modelNames(), 'nope', '').map((model) => ['--model', model]),
  fc.constantFrom('ndjson', 'edn', 'jepsen-log', 'xml').map((format) => ['--format', format]),
  fc.constantFrom('0', '"x"', 'null', '{', '[5]', '{"a":1}', '').map((init) => ['--init', init]),
  fc.constantFrom('2', '0', '-1', 'abc', '').map((timeout) => ['--timeout', timeout]),
  fc.constantFrom('linearizable', 'set,durability', 'counter', 'nope', '').map((checkers) => ['--checkers', checkers]),
  fc.constant(['--bogus']),
  fc.constantFrom('', 'small.ndjson', 'missing/small.edn', '/dev/null/x').map((out) => ['--out', out.startsWith('/') || out === '' ? out : path.join(scratch, out)]),
);

describe('the CLI on random files and flags', () => {
  it('exits 0, 1, 2 or 3, never anything else (a crash is not a verdict)', () => {
    fc.assert(
      fc.property(anyFile, fc.constantFrom('check', 'shrink', 'replay'), fc.array(flag, { maxLength: 3 }), (file, command, flags) => {
        const target = writeCase(file.name, file.content);
        const run = runCli([command, target, ...flags.flat()]);
        expect([0, 1, 2, 3], `${command} ${target} ${flags.flat().join(' ')}\n${run.stderr}`).toContain(run.status);
        if (flags.some(([name]) => name === '--json')) expect(run.stdout.trim().split('\n')).toHaveLength(1);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('never exits 1 for a malformed file: a history with one line cut short exits 2', () => {
    // Both examples are violations (exit 1) as they stand; cutting a line must make them bad input instead.
    const cutLine = fc
      .tuple(fc.constantFrom('cas-register-bad.ndjson', 'register-bad.edn'), fc.nat(), fc.nat())
      .map(([name, line, cut]) => {
        const lines = example(name).trimEnd().split('\n');
        const ops = lines.map((_, i) => i).filter((i) => !lines[i]!.startsWith(';'));
        const at = ops[line % ops.length]!;
        // At least `{"` of a JSON line, so that the format stays recognisable; never the whole line.
        const min = name.endsWith('.ndjson') ? 2 : 1;
        lines[at] = lines[at]!.slice(0, min + (cut % (lines[at]!.length - min)));
        return { name, content: `${lines.join('\n')}\n` };
      });
    fc.assert(
      fc.property(cutLine, fc.constantFrom('check', 'shrink'), fc.boolean(), (file, command, json) => {
        const target = writeCase(file.name, file.content);
        const run = runCli([command, target, ...(json ? ['--json'] : [])]);
        expect(run.status, `${command} ${target}\n${file.content}\n${run.stderr}`).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, TIMEOUT_MS);
});
