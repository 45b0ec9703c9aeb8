import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripComments } from './strip-comments.js';

/** Folders whose code must take all time and randomness from the simulator. */
const DETERMINISTIC_FOLDERS = ['src/sim', 'src/store', 'src/client', 'src/nemesis'];

/** Sources of wall-clock time, real timers and unseeded randomness. */
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'Math.random', pattern: /\bMath\s*\.\s*random\b/ },
  { name: 'Date.now', pattern: /\bDate\s*\.\s*now\b/ },
  { name: 'performance.now', pattern: /\bperformance\s*\.\s*now\b/ },
  { name: 'new Date(', pattern: /\bnew\s+Date\s*\(/ },
  { name: 'setTimeout', pattern: /\bsetTimeout\b/ },
  { name: 'setInterval', pattern: /\bsetInterval\b/ },
];

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mts|cts)$/.test(name) ? [path] : [];
  });
}

/** Every forbidden use outside comments, as `file:line: name`. */
function violations(path: string, source: string): string[] {
  const found: string[] = [];
  stripComments(source)
    .split('\n')
    .forEach((line, index) => {
      for (const { name, pattern } of FORBIDDEN) if (pattern.test(line)) found.push(`${path}:${index + 1}: ${name}`);
    });
  return found;
}

describe('sources of nondeterminism', () => {
  test('no simulated code reads the wall clock, real timers or Math.random', () => {
    const files = DETERMINISTIC_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder)));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) => violations(relative(root, file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  test('the scan flags code and ignores comments', () => {
    expect(violations('x.ts', 'const t = Date.now();')).toEqual(['x.ts:1: Date.now']);
    expect(violations('x.ts', 'a();\nsetTimeout(f, 1); // later')).toEqual(['x.ts:2: setTimeout']);
    expect(violations('x.ts', 'const d = new  Date(0);')).toEqual(['x.ts:1: new Date(']);
    expect(violations('x.ts', '// Math.random() is banned\n/* setInterval\n performance.now() */ x();')).toEqual([]);
    expect(violations('x.ts', '/** never new Date( here */')).toEqual([]);
  });

  test('strings, templates and regular expressions do not confuse the comment scanner', () => {
    expect(violations('x.ts', "const url = 'http://x'; Math.random();")).toEqual(['x.ts:1: Math.random']);
    expect(violations('x.ts', 'const re = /["\\/]/; setInterval(f);')).toEqual(['x.ts:1: setInterval']);
    expect(violations('x.ts', 'const s = `a ${f({ b: 1 })} // ${"c"}`; Date.now();')).toEqual(['x.ts:1: Date.now']);
    expect(violations('x.ts', 'const half = a / 2; // Date.now()\nconst b = c / 4;')).toEqual([]);
    expect(stripComments('a /* x */ b // y\nc')).toBe('a         b     \nc');
  });
});
