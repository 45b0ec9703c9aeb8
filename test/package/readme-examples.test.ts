/**
 * The README's library examples, as a user would paste them: every ```ts
 * block that imports from 'faultline' becomes a file of a throwaway project
 * that installs the packed package, beside the files the examples read
 * (history.edn, set-history.ndjson, my-store.js). All are type-checked
 * together against the published declarations, then each is run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsumerProject, REPO_ROOT, type ConsumerProject } from '../support/consumer-project.js';

/**
 * The ```ts blocks of a markdown text that import from 'faultline', in order.
 *
 * @example
 * libraryExamples('```ts\nimport { check } from \'faultline\';\n```'); // ["import { check } from 'faultline';\n"]
 */
function libraryExamples(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!).filter((code) => /from 'faultline';/.test(code));
}

/** The files the examples read, as the README names them. */
const FIXTURES: Record<string, string> = {
  // A cas register from 0: written, cas'd, read back.
  'history.edn': [
    '[{:process 0, :type :invoke, :f :write, :value 1}',
    ' {:process 0, :type :ok, :f :write, :value 1}',
    ' {:process 1, :type :invoke, :f :cas, :value [1 2]}',
    ' {:process 1, :type :ok, :f :cas, :value [1 2]}',
    ' {:process 0, :type :invoke, :f :read, :value nil}',
    ' {:process 0, :type :ok, :f :read, :value 2}]',
    '',
  ].join('\n'),
  // Three acknowledged adds, and a final read that lacks the third.
  'set-history.ndjson': [
    ...[1, 2, 3].flatMap((value, i) => [
      { index: 2 * i, process: 0, type: 'invoke', f: 'add', value },
      { index: 2 * i + 1, process: 0, type: 'ok', f: 'add', value },
    ]),
    { index: 6, process: 1, type: 'invoke', f: 'read', value: null },
    { index: 7, process: 1, type: 'ok', f: 'read', value: [1, 2] },
  ].map((op) => JSON.stringify(op)).join('\n') + '\n',
  'my-store.js': readFileSync(join(REPO_ROOT, 'test', 'support', 'primary-backup-store.js'), 'utf8'),
};

describe('the README library examples', () => {
  const examples = libraryExamples(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));
  let project: ConsumerProject | undefined;
  afterAll(() => project?.remove());

  it('are found in the README (each ```ts block that imports from faultline)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(libraryExamples('```ts\nimport { check } from \'faultline\';\n```\n```ts\nconst x = 1;\n```\n')).toHaveLength(1);
  });

  it('type-check against the packed package and run, printing what their comments say', () => {
    project = createConsumerProject();
    for (const [file, text] of Object.entries(FIXTURES)) project.write(file, text);
    examples.forEach((code, i) => project!.write(`example${i + 1}.ts`, code));
    project.compile();
    const outputs = examples.map((code, i) => {
      try {
        return project!.run(`example${i + 1}.js`);
      } catch (error) {
        const failure = error as { stderr?: string; message: string };
        throw new Error(`README example ${i + 1} failed:\n${code}\n${failure.stderr ?? failure.message}`);
      }
    });
    const printed = (pattern: RegExp): string | undefined => outputs.find((output) => pattern.test(output));
    // The check example: the cas-register history is linearizable.
    expect(examples.findIndex((code) => code.includes("readHistory('history.edn')"))).toBeGreaterThanOrEqual(0);
    expect(outputs[examples.findIndex((code) => code.includes("readHistory('history.edn')"))]!.trim()).toBe('true');
    // The checkAll example: the set checker reports the lost add.
    expect(printed(/anomaly: 'lost-write'/)).toBeDefined();
    // The store-of-your-own example: the failure found replays identically.
    expect(outputs[examples.findIndex((code) => code.includes('loadModeDefinition'))]!.trim()).toBe('true');
  });
});
