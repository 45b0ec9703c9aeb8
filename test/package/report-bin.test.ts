/**
 * The report page from the packed package: its drawing script and style travel
 * inside the compiled modules (no asset file to copy or find), so the installed
 * bin writes a complete page.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsumerProject, REPO_ROOT, type ConsumerProject } from '../support/consumer-project.js';

describe('faultline report from the installed package', () => {
  let project: ConsumerProject | undefined;
  afterAll(() => project?.remove());

  it('writes a complete, self-contained page', () => {
    project = createConsumerProject();
    const run = join(project.dir, 'saved-run');
    cpSync(join(REPO_ROOT, 'histories/regressions/ll-weak-seed1'), run, { recursive: true });
    const bin = join(project.dir, 'node_modules', 'faultline', 'dist', 'src', 'cli', 'main.js');
    const result = spawnSync(process.execPath, [bin, 'report', run, '--json'], { cwd: project.dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ report: join(run, 'report.html'), valid: false });
    const html = readFileSync(join(run, 'report.html'), 'utf8');
    expect(html).toContain('id="faultline-data"');
    expect(html).toContain('window.__faultline');
    expect(html).toMatch(/<style>[^<]*canvas/);
  }, 180_000);
});
