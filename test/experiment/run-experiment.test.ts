import { describe, expect, it } from 'vitest';
import { readExperimentFile } from '../../src/experiment/read-experiment.js';
import { runExperiment } from '../../src/experiment/run-experiment.js';
import { validateExperiment } from '../../src/experiment/validate-experiment.js';

describe('runExperiment', () => {
  const violated = readExperimentFile('examples/experiments/leader-partition-violated.yaml');

  it('aborts on latency only beyond the margin: the failover window (400-1100 ms against a 100 ms bound) aborts with a 300 ms margin, not with a 1000 ms one', () => {
    const plain = runExperiment(violated);
    expect(plain.aborted).toBeNull();
    const worst = plain.phases[1]!.worst.p99LatencyMs!;
    expect(worst).toBeGreaterThan(400);
    expect(worst).toBeLessThan(1100);

    const wide = runExperiment({ ...violated, abort: { p99LatencyMarginMs: 1000 } });
    expect(wide.aborted).toBeNull();
    // Looking without aborting changes nothing.
    expect(wide.phases).toEqual(plain.phases);

    const tight = runExperiment({ ...violated, abort: { p99LatencyMarginMs: 300 } });
    expect(tight.aborted).toMatchObject({ atMs: 3000, window: { fromMs: 2000, toMs: 3000, p99LatencyMs: worst } });
    expect(tight.aborted!.reason).toBe(`p99 latency ${worst.toFixed(1)} ms > 400 ms (100 ms plus the 300 ms margin)`);
    expect(tight.fault.healedAtMs).toBe(3000);
    expect(tight.phases.map((phase) => [phase.name, phase.fromMs, phase.toMs])).toEqual([
      ['baseline', 0, 2000], ['injection', 2000, 3000], ['recovery', 3000, 6000],
    ]);
    expect(tight.held).toBe(false);
  });

  it('a region is cut off as one group, and a link share acts on the links of the nodes the seed picked', () => {
    const region = runExperiment(validateExperiment({
      name: 'region', preset: 'ml-vv', hypothesis: { windowMs: 500, okShare: 0.5 },
      phases: { baselineMs: 500, injectionMs: 1000, recoveryMs: 500 },
      fault: { kind: 'partition-group' }, blastRadius: { region: 'dc2' },
    }));
    expect(region.fault.started).toEqual({ atMs: 500, detail: { groups: [['dc2-n1', 'dc2-n2'], ['dc1-n1', 'dc1-n2']] } });
    const links = runExperiment(validateExperiment({
      name: 'links', preset: 'll-abd', seed: 4, hypothesis: { windowMs: 500, okShare: 0.5 },
      phases: { baselineMs: 500, injectionMs: 1000, recoveryMs: 500 },
      fault: { kind: 'loss', params: { probability: 0.5 } }, blastRadius: { linkShare: 0.5 },
    }));
    expect(links.fault.targets).toHaveLength(1);
    expect(links.fault.linkShare).toBeCloseTo(2 / 3, 10);
    expect(links.fault.started).toEqual({ atMs: 500, detail: { nodes: links.fault.targets, probability: 0.5 } });
  });
});
