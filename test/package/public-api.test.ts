/**
 * The package as a user installs it: packed with `npm pack`, unpacked into a
 * throwaway project, imported by its name, type-checked against its published
 * declarations, and run. The program (consumer/main.ts) touches every export
 * family; this test checks what it printed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsumerProject, REPO_ROOT, type ConsumerProject } from '../support/consumer-project.js';

const program = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'consumer', 'main.ts'), 'utf8');

describe('the published package', () => {
  let project: ConsumerProject | undefined;
  afterAll(() => project?.remove());

  it('compiles and runs a consumer that uses every export family', () => {
    project = createConsumerProject();
    project.write('main.ts', program);
    project.compile();
    const out = JSON.parse(project.run('main.js')) as Record<string, any>;
    expect(out.history).toEqual({ ops: 4, format: 'edn', valid: false, anomaly: 'not-linearizable' });
    expect(out.shrunkHistoryOps).toBeLessThanOrEqual(4);
    expect(out.historyError).toMatch(/bad\.ndjson:1/);
    expect(out.set).toBe(false);
    expect(out.compose).toBe('unknown');
    expect(out.names).toEqual({ checkers: 9, anomalies: true, faults: true });
    expect(out.simulate).toEqual(['invoke', 'ok']);
    expect(out.runScenario).toBe(true);
    expect(out.explore).toEqual({ anomaly: 'lost-write', saved: true });
    expect(out.replay).toBe(true);
    expect(out.shrinkScenario).toBe(false);
    expect(out.saveOutcome).toBe(true);
    expect(out.report).toBe(true);
    expect(out.arbitraries).toEqual([2, 2, 2, 2]);
    expect(out.catalogue).toEqual({ presets: true, workloads: true, modes: true });
    expect(out.configError).toBe(true);
    expect(out.requires).toBe(3);
  }, 180_000);

  it('exports a small surface: the entry points, not the internals', async () => {
    const api = await import(join(REPO_ROOT, 'dist', 'src', 'index.js'));
    const names = Object.keys(api);
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(names.length).toBeLessThanOrEqual(40);
    for (const internal of ['FormatSniffer', 'JEPSEN_LOG_OP_LINE', 'storeTopology', 'safely', 'World', 'createStore']) {
      expect(names).not.toContain(internal);
    }
  });
});
