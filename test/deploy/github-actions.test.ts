import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Runs .github/workflows/explore.yml and action.yml here, as GitHub would: each `run:` step
 * executes as written (bash -eo pipefail, with its env and working directory), `${{ … }}`
 * expressions are substituted from the inputs, the matrix and earlier outputs, and `if:`
 * conditions are evaluated. The steps GitHub provides are emulated: checkout (the repository
 * is already here), setup-node (this Node), and artifact upload and download (copies through
 * a folder). An expression or condition this test does not know fails it, so the YAML cannot
 * drift away from what is tested.
 */

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; 'working-directory'?: string }
interface Action { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } }
interface Job { needs?: string; if?: string; outputs?: Record<string, string>; strategy?: { matrix: Record<string, string> }; steps: Step[] }
interface Workflow { on: { workflow_dispatch: { inputs: Record<string, { default?: string }> } }; jobs: Record<string, Job> }

const REPO = path.resolve('.');
type Context = Record<string, string>;

function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    if (!(expression in context)) throw new Error(`expression not known to this test: ${expression}`);
    return context[expression]!;
  });
}

function condition(text: string | undefined, context: Context, failed: boolean): boolean {
  if (text === undefined) return !failed;
  const terms = text.replace(/^\$\{\{\s*|\s*\}\}$/g, '').split('&&').map((term) => term.trim());
  let always = false;
  const value = terms.every((term) => {
    if (term === 'always()' || term === '!cancelled()') return (always = true);
    const match = /^([\w.-]+) == '([^']*)'$/.exec(term);
    if (match === null) throw new Error(`condition not known to this test: ${term}`);
    return context[match[1]!] === match[2];
  });
  return value && (always || !failed);
}

/** Runs one `run:` step; returns its exit status. */
function runStep(step: Step, context: Context, workspace: string, extraEnv: Record<string, string> = {}): number {
  expect(step.shell ?? 'bash').toBe('bash');
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, substitute(String(value), context)]));
  const cwd = step['working-directory'] === undefined ? workspace : path.resolve(workspace, substitute(step['working-directory'], context));
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-step-')), 'step.sh');
  writeFileSync(script, substitute(step.run!, context));
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...env, ...extraEnv, NO_COLOR: '1' },
  });
  return result.status ?? 1;
}

/** The steps GitHub provides, emulated; any other `uses:` fails the test. */
function emulate(step: Step, context: Context, workspace: string, artifacts: string): void {
  const uses = step.uses!.replace(/@.*$/, '');
  const options = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, substitute(String(value), context)]));
  if (uses === 'actions/checkout' || uses === 'actions/setup-node') return;
  if (uses === 'actions/upload-artifact') {
    const from = path.resolve(workspace, options.path!);
    if (existsSync(from)) cpSync(from, path.join(artifacts, options.name!), { recursive: true });
    return;
  }
  if (uses === 'actions/download-artifact') {
    // Without merge-multiple, each artifact lands in path/<artifact name>/.
    const pattern = new RegExp(`^${options.pattern!.replace(/[.+?^$()[\]{}|\\]/g, '\\$&').replaceAll('*', '.*')}$`);
    for (const name of readdirSync(artifacts).filter((entry) => pattern.test(entry))) {
      cpSync(path.join(artifacts, name), path.join(workspace, options.path!, name), { recursive: true });
    }
    return;
  }
  throw new Error(`step not known to this test: uses ${step.uses}`);
}

/** Runs action.yml's steps with these inputs; returns the exit status of the first failing step (0 if none). */
function runAction(given: Record<string, string>, workspace: string, artifacts: string): number {
  const action = parse(readFileSync('action.yml', 'utf8')) as Action;
  expect(action.runs.using).toBe('composite');
  for (const name of Object.keys(given)) expect(Object.keys(action.inputs), `input ${name}`).toContain(name);
  const context: Context = { 'github.action_path': REPO, 'github.workspace': workspace };
  for (const [name, input] of Object.entries(action.inputs)) context[`inputs.${name}`] = given[name] ?? input.default ?? '';
  let status = 0;
  for (const step of action.runs.steps) {
    if (!condition(step.if, context, status !== 0)) continue;
    if (step.uses !== undefined) emulate(step, context, workspace, artifacts);
    else if (status === 0) status = runStep(step, context, workspace);
    else runStep(step, context, workspace);
  }
  return status;
}

/** Runs the workflow's jobs in order (the matrix one entry at a time); returns each job's status. */
function runWorkflow(inputs: Record<string, string>): { status: Record<string, number>; workspace: string; artifacts: string } {
  const workflow = parse(readFileSync('.github/workflows/explore.yml', 'utf8')) as Workflow;
  const context: Context = {};
  for (const [name, input] of Object.entries(workflow.on.workflow_dispatch.inputs)) context[`inputs.${name}`] = inputs[name] ?? input.default ?? '';
  const root = mkdtempSync(path.join(tmpdir(), 'faultline-workflow-'));
  const artifacts = path.join(root, 'artifacts');
  mkdirSync(artifacts);
  const status: Record<string, number> = {};
  let workspace = '';
  for (const [name, job] of Object.entries(workflow.jobs)) {
    if (job.needs !== undefined) expect(Object.keys(status)).toContain(job.needs);
    if (!condition(job.if, context, Object.values(status).some((code) => code !== 0))) continue;
    const matrix = job.strategy?.matrix;
    const entries = matrix === undefined ? [{}] : Object.entries(matrix).flatMap(([key, expression]) => {
      const list = /^\$\{\{ fromJSON\((.+)\) \}\}$/.exec(expression);
      if (list === null) throw new Error(`matrix not known to this test: ${expression}`);
      return (JSON.parse(context[list[1]!]!) as unknown[]).map((value) => ({ [`matrix.${key}`]: String(value) }));
    });
    status[name] = 0;
    for (const entry of entries) {
      // Every job (and matrix entry) starts in a fresh workspace, as on a fresh runner.
      workspace = mkdtempSync(path.join(root, `${name}-`));
      const jobContext = { ...context, ...entry };
      const output = path.join(workspace, '.github-output');
      writeFileSync(output, '');
      for (const step of job.steps) {
        let code = 0;
        if (step.uses === './') code = runAction(Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value), jobContext)])), workspace, artifacts);
        else if (step.uses !== undefined) emulate(step, jobContext, workspace, artifacts);
        else code = runStep(step, jobContext, workspace, { GITHUB_OUTPUT: output });
        if (code !== 0) status[name] = code;
        if (code !== 0) break;
      }
      for (const line of readFileSync(output, 'utf8').split('\n').filter(Boolean)) {
        const [key, ...value] = line.split('=');
        const step = job.steps.find((candidate) => candidate.id !== undefined)!;
        context[`steps.${step.id}.outputs.${key}`] = value.join('=');
      }
      for (const [key, expression] of Object.entries(job.outputs ?? {})) context[`needs.${name}.outputs.${key}`] = substitute(expression, context);
    }
  }
  return { status, workspace, artifacts };
}

describe('.github/workflows/explore.yml with action.yml', () => {
  it('runs the shards as a matrix, merges them, uploads the report, and fails the job on a violation', () => {
    const { status, artifacts } = runWorkflow({ preset: 'sl-async', runs: '32', shards: '4', seed: '1' });
    expect(status).toEqual({ plan: 0, explore: 0, merge: 1 });
    expect(readdirSync(artifacts).sort()).toEqual(['faultline-report', 'faultline-shard-0', 'faultline-shard-1', 'faultline-shard-2', 'faultline-shard-3']);
    const merged = JSON.parse(readFileSync(path.join(artifacts, 'faultline-report', 'merged.json'), 'utf8')) as { shards: number; runs: number; firstFailingRun: number; failures: Array<{ dir: string }> };
    expect(merged).toMatchObject({ shards: 4, runs: 32, firstFailingRun: 28 });
    for (const failure of merged.failures) expect(existsSync(path.join(artifacts, 'faultline-report', failure.dir, 'counterexample.txt'))).toBe(true);
  });

  it('passes when the store keeps its promises', () => {
    const { status } = runWorkflow({ preset: 'll-abd', runs: '8', shards: '2', seed: '1' });
    expect(status).toEqual({ plan: 0, explore: 0, merge: 0 });
  });

  it('fails a shard on bad input, and then the merge (exit 2)', () => {
    const { status } = runWorkflow({ preset: 'no-such-preset', runs: '8', shards: '2', seed: '1' });
    expect(status).toEqual({ plan: 0, explore: 2, merge: 2 });
  });
});
