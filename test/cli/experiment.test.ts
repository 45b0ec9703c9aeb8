import { describe, expect, it } from 'vitest';
import { runCli, tempFile, type CliRun } from './run-cli.js';

const EXAMPLES = 'examples/experiments';

interface WindowJson { fromMs: number; toMs: number; held: boolean | 'unknown'; okShare: number | null; p99LatencyMs: number | null }
interface PhaseJson { name: string; fromMs: number; toMs: number; held: boolean | 'unknown'; windows: WindowJson[]; worst: { okShare: number | null; p99LatencyMs: number | null } }
interface ExperimentJson {
  name: string;
  seed: number;
  fault: { kind: string; started: { atMs: number; detail: Record<string, unknown> } | null; healedAtMs: number | null };
  phases: PhaseJson[];
  aborted: { atMs: number; window: WindowJson; reason: string } | null;
  held: boolean | 'unknown';
}

function jsonOf(run: CliRun): ExperimentJson {
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as ExperimentJson;
}

describe('faultline experiment: the shipped examples', () => {
  it('a follower crash on sl-majority holds in every phase: exit 0', () => {
    const run = runCli(['experiment', `${EXAMPLES}/follower-crash-holds.yaml`, '--json']);
    expect(run.status).toBe(0);
    const result = jsonOf(run);
    expect(result.held).toBe(true);
    expect(result.aborted).toBeNull();
    expect(result.phases.map((phase) => [phase.name, phase.fromMs, phase.toMs, phase.held])).toEqual([
      ['baseline', 0, 3000, true], ['injection', 3000, 7000, true], ['recovery', 7000, 10000, true],
    ]);
    expect(result.phases.map((phase) => phase.windows.length)).toEqual([3, 4, 3]);
    expect(result.fault.started).toEqual({ atMs: 3000, detail: { nodes: ['n3'] } });
    expect(result.fault.healedAtMs).toBe(7000);
    // The hypothesis's bounds, met by every window.
    for (const window of result.phases.flatMap((phase) => phase.windows)) {
      expect(window.okShare).toBeGreaterThanOrEqual(0.95);
      expect(window.p99LatencyMs).toBeLessThanOrEqual(200);
    }
  });

  it('a leader partition breaks a strict latency bound during the injection only: exit 1, the table says which window', () => {
    const run = runCli(['experiment', `${EXAMPLES}/leader-partition-violated.yaml`, '--json']);
    expect(run.status).toBe(1);
    const result = jsonOf(run);
    expect(result.held).toBe(false);
    expect(result.aborted).toBeNull();
    expect(result.phases.map((phase) => phase.held)).toEqual([true, false, true]);
    const injection = result.phases[1]!;
    expect(injection.worst.p99LatencyMs).toBeGreaterThan(100);
    const broken = injection.windows.filter((window) => window.held === false);
    expect(broken.map((window) => window.fromMs)).toEqual([2000]);
    const human = runCli(['experiment', `${EXAMPLES}/leader-partition-violated.yaml`]);
    expect(human.status).toBe(1);
    expect(human.stdout).toMatch(/^injection 2000-6000 ms: violated/m);
    expect(human.stdout).toMatch(/^ {2}2000-3000 .* no: p99 latency \d+\.\d ms > 100 ms$/m);
    expect(human.stdout).toMatch(/verdict: the hypothesis did not hold: violated in injection$/m);
  });

  it('a majority crash is aborted after the first window below the margin, healed then, and the recovery follows at once: exit 1', () => {
    const run = runCli(['experiment', `${EXAMPLES}/majority-crash-aborts.yaml`, '--json']);
    expect(run.status).toBe(1);
    const result = jsonOf(run);
    expect(result.held).toBe(false);
    expect(result.aborted).not.toBeNull();
    const { atMs, window, reason } = result.aborted!;
    expect(atMs).toBe(4000);
    expect([window.fromMs, window.toMs]).toEqual([3000, 4000]);
    expect(window.okShare).toBeLessThan(0.69);
    expect(reason).toMatch(/^ok share 0\.\d{3} < 0\.69 \(0\.99 less the 0\.3 margin\)$/);
    // Planned: 2000 + 6000 ms of injection; it ended at the abort, and the fault was healed then.
    expect(result.fault.healedAtMs).toBe(4000);
    expect(result.phases.map((phase) => [phase.name, phase.fromMs, phase.toMs])).toEqual([
      ['baseline', 0, 2000], ['injection', 2000, 4000], ['recovery', 4000, 7000],
    ]);
    expect(result.phases[0]!.held).toBe(true);
    expect(result.phases[1]!.held).toBe(false);
    const human = runCli(['experiment', `${EXAMPLES}/majority-crash-aborts.yaml`]);
    expect(human.stdout).toMatch(/^aborted at 4000 ms: ok share .*; the fault was healed then$/m);
  });

  it('the same file and seed give the same JSON; --seed changes the run', () => {
    const file = `${EXAMPLES}/leader-partition-violated.yaml`;
    const first = runCli(['experiment', file, '--json']);
    const second = runCli(['experiment', file, '--json']);
    expect(second.stdout).toBe(first.stdout);
    const other = runCli(['experiment', file, '--json', '--seed', '2']);
    expect(jsonOf(other).seed).toBe(2);
    expect(other.stdout).not.toBe(first.stdout);
  });
});

describe('faultline experiment: undecidable', () => {
  it('windows in which no op ends cannot be judged: exit 3 when nothing broke the hypothesis', () => {
    // One client, an op every 2 s on average, half-second windows: most windows see no op end.
    const file = tempFile('sparse.json', JSON.stringify({
      name: 'sparse', preset: 'll-abd', workload: { clients: 1, spacingMs: 2000 },
      hypothesis: { windowMs: 500, okShare: 0.5 },
      phases: { baselineMs: 1000, injectionMs: 1000, recoveryMs: 1000 },
      fault: { kind: 'latency', params: { extraMs: 5 } },
    }));
    const run = runCli(['experiment', file, '--json']);
    expect(run.status).toBe(3);
    const result = jsonOf(run);
    expect(result.held).toBe('unknown');
    const windows = result.phases.flatMap((phase) => phase.windows);
    expect(windows.some((window) => window.held === 'unknown' && window.okShare === null)).toBe(true);
    expect(windows.every((window) => window.held !== false)).toBe(true);
    expect(run.stderr).toMatch(/verdict: unknown: a window had no op to judge/);
  });
});

describe('faultline experiment: bad files exit 2 with one line naming the file, line and field', () => {
  const base = [
    'name: test',
    'preset: sl-majority',
    'hypothesis:',
    '  windowMs: 500',
    '  okShare: 0.99',
    'phases: { baselineMs: 500, injectionMs: 500, recoveryMs: 500 }',
    'fault: { kind: crash-one }',
    'blastRadius: { nodes: [n2] }',
  ];

  function expectBadFile(name: string, text: string, message: RegExp): void {
    const file = tempFile(name, text);
    const run = runCli(['experiment', file]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]!.startsWith(`faultline: ${file}`)).toBe(true);
    expect(run.stdout).toBe('');
  }

  it('a value out of range names its line and field; under --json, as file, line and field', () => {
    expectBadFile('share.yaml', base.join('\n').replace('okShare: 0.99', 'okShare: 1.5'),
      /share\.yaml:5: hypothesis\.okShare: 1\.5 must be a number in \[0, 1\]$/);
    const file = tempFile('share.yaml', base.join('\n').replace('okShare: 0.99', 'okShare: 1.5'));
    const run = runCli(['experiment', file, '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { message: `${file}:5: hypothesis.okShare: 1.5 must be a number in [0, 1]`, file, line: 5, field: 'hypothesis.okShare' },
    });
  });

  it('a blast radius the fault cannot take is refused', () => {
    expectBadFile('leader.yaml', base.join('\n').replace('crash-one', 'crash-leader'),
      /leader\.yaml:8: blastRadius\.nodes: does not apply: 'crash-leader' acts on the leader/);
    expectBadFile('region.yaml', base.join('\n').replace('kind: crash-one', 'kind: latency').replace('nodes: [n2]', 'region: dc1'),
      /blastRadius\.region: "dc1" does not apply: the store has no datacenter groups/);
    expectBadFile('node.yaml', base.join('\n').replace('[n2]', '[n7]'),
      /node\.yaml:8: blastRadius\.nodes\[0\]: "n7" is not a node of the store \(its nodes: n1, n2, n3\)$/);
  });

  it('phases that are not whole windows, an unknown field, a missing section, a store error under store.', () => {
    expectBadFile('phases.yaml', base.join('\n').replace('baselineMs: 500', 'baselineMs: 750'),
      /phases\.yaml:6: phases\.baselineMs: 750 must be a whole number of windows \(hypothesis\.windowMs is 500\)$/);
    expectBadFile('field.yaml', `${base.join('\n')}\nduration: 5`, /field\.yaml:9: duration: is not an experiment field/);
    expectBadFile('missing.yaml', base.filter((line) => !line.startsWith('fault')).join('\n'), /missing\.yaml: fault: is missing$/);
    expectBadFile('store.json', JSON.stringify({
      name: 'x', store: { mode: 'single-leader', singleLeader: { nodes: 0 } },
      hypothesis: { windowMs: 500, okShare: 0.9 }, phases: { baselineMs: 500, injectionMs: 500, recoveryMs: 500 },
      fault: { kind: 'crash-leader' },
    }, null, 1), /store\.json:\d+: store\.singleLeader\.nodes: 0 must be/);
  });

  it('text that is neither YAML nor JSON, a missing file, a bad --seed', () => {
    expectBadFile('broken.yaml', 'name: x\nhypothesis: [1, 2\n', /broken\.yaml:\d+: is not valid YAML or JSON: /);
    const missing = runCli(['experiment', '/nonexistent/exp.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/\/nonexistent\/exp\.yaml/);
    const seed = runCli(['experiment', `${EXAMPLES}/follower-crash-holds.yaml`, '--seed', 'x', '--json']);
    expect(seed.status).toBe(2);
    expect(JSON.parse(seed.stdout).error.message).toMatch(/--seed: expected an integer/);
  });
});
