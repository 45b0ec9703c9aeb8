import { fc, test } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../../src/config/config-error.js';
import { experimentFault } from '../../src/experiment/blast-radius.js';
import { parseExperiment } from '../../src/experiment/read-experiment.js';
import { validateExperiment } from '../../src/experiment/validate-experiment.js';
import { PRESETS } from '../../src/presets/index.js';

/** A valid experiment; each test changes one thing. */
function base(): Record<string, any> {
  return {
    name: 'base',
    preset: 'sl-majority',
    hypothesis: { windowMs: 1000, okShare: 0.99, p99LatencyMs: 200 },
    phases: { baselineMs: 1000, injectionMs: 2000, recoveryMs: 1000 },
    fault: { kind: 'crash-one' },
    blastRadius: { nodes: ['n2'] },
  };
}

function errorOf(value: unknown): ConfigError {
  try {
    validateExperiment(value);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('validateExperiment', () => {
  it('completes a preset experiment: the preset\'s store, client policy and workload, seed 1, no abort', () => {
    const experiment = validateExperiment(base());
    expect(experiment.seed).toBe(1);
    expect(experiment.store).toEqual(PRESETS['sl-majority']!.store);
    expect(experiment.client).toEqual(PRESETS['sl-majority']!.client);
    expect(experiment.workload).toEqual({ workload: 'cas-register', clients: 3, keys: 1, spacingMs: 20 });
    expect(experiment.abort).toBeNull();
    expect(experimentFault(experiment)).toEqual({
      fault: { kind: 'crash-one', atMs: 1000, durationMs: 2000, targets: ['n2'] }, radius: 'nodes n2',
    });
  });

  it('takes a spelled-out store and client policy, naming their fields under store. and client.', () => {
    const spelled = { ...base(), preset: undefined, store: { mode: 'leaderless' }, client: { timeouts: { requestTimeoutMs: 300 } } };
    delete spelled.preset;
    const experiment = validateExperiment(spelled);
    expect(experiment.store.mode).toBe('leaderless');
    expect(experiment.client.timeouts.requestTimeoutMs).toBe(300);
    expect(errorOf({ ...spelled, store: { mode: 'leaderless', leaderless: { n: 0 } } }).field).toMatch(/^store\.leaderless\.n$/);
    expect(errorOf({ ...spelled, client: { retry: { tries: 1 } } }).field).toBe('client.retry.tries');
    expect(errorOf({ ...base(), store: { mode: 'leaderless' } }).message).toBe('store: cannot be given with preset: name one or the other');
  });

  it('names the field of each bad value', () => {
    const cases: Array<[(experiment: Record<string, any>) => void, string, RegExp]> = [
      [(e) => void (e.hypothesis.okShare = -0.1), 'hypothesis.okShare', /must be a number in \[0, 1\]/],
      [(e) => void (e.hypothesis = { windowMs: 1000 }), 'hypothesis', /must bound okShare, p99LatencyMs or both/],
      [(e) => void (e.hypothesis.windowMs = 0), 'hypothesis.windowMs', /must be a number > 0/],
      [(e) => void (e.phases.injectionMs = 1500), 'phases.injectionMs', /whole number of windows/],
      [(e) => void (e.phases.recoveryMs = 4_000_000), 'phases', /at most 3600000 ms/],
      [(e) => void (e.fault = { kind: 'meteor' }), 'fault.kind', /must be one of/],
      [(e) => void (e.fault = { kind: 'loss', params: { probability: 2 } }), 'fault.params.probability', /in \[0, 1\]/],
      [(e) => void (e.fault.atMs = 5), 'fault.atMs', /not a known field/],
      [(e) => void (e.workload = { workload: 'queue' }), 'workload.workload', /not a known workload/],
      [(e) => void (e.workload = { spacingMs: 1, clients: 1000 }), 'workload.spacingMs', /at most 1000000/],
      [(e) => void (e.seed = -1), 'seed', /integer in \[0, 4294967295\]/],
      [(e) => void (e.preset = 'toString'), 'preset', /must be one of/],
      [(e) => void (e.abort = {}), 'abort', /okShareMargin, p99LatencyMarginMs or both/],
      [(e) => void (e.abort = { okShareMargin: 2 }), 'abort.okShareMargin', /in \[0, 1\]/],
      [(e) => { delete e.hypothesis.p99LatencyMs; e.abort = { p99LatencyMarginMs: 100 }; }, 'abort.p99LatencyMarginMs', /needs hypothesis\.p99LatencyMs/],
      [(e) => void (e.blastRadius = { nodes: ['n1'], linkShare: 0.5 }), 'blastRadius', /give one of nodes, region, linkShare/],
      [(e) => void (e.blastRadius = { nodes: ['n1', 'n1'] }), 'blastRadius.nodes[1]', /named twice/],
      [(e) => void (e.blastRadius = { nodes: ['n1', 'n2'] }), 'blastRadius.nodes', /names 2 nodes: 'crash-one' acts on one node/],
      [(e) => void (e.blastRadius = {}), 'blastRadius', /is missing: 'crash-one' acts on one node/],
      [(e) => void (e.blastRadius = { linkShare: 0 }), 'blastRadius.linkShare', /in \(0, 1\]/],
    ];
    for (const [change, field, problem] of cases) {
      const experiment = base();
      change(experiment);
      const error = errorOf(experiment);
      expect([error.field, error.message]).toEqual([field, expect.stringMatching(problem)]);
    }
  });

  it('maps each blast radius onto the fault catalogue, or refuses the combinations that cannot apply', () => {
    const region = validateExperiment({ ...base(), preset: 'ml-vv', fault: { kind: 'partition-group' }, blastRadius: { region: 'dc2' } });
    expect(experimentFault(region).fault.targets).toEqual(['dc2-n1', 'dc2-n2']);
    expect(errorOf({ ...base(), preset: 'ml-vv', fault: { kind: 'partition-group' }, blastRadius: { region: 'dc3' } }).message)
      .toBe('blastRadius.region: "dc3" is not a datacenter of the store (its datacenters: dc1, dc2)');
    expect(errorOf({ ...base(), fault: { kind: 'partition-group' }, blastRadius: {} }).field).toBe('blastRadius');
    expect(errorOf({ ...base(), fault: { kind: 'crash-one' }, blastRadius: { linkShare: 0.5 } }).message).toMatch(/^blastRadius\.linkShare: does not apply: 'crash-one' acts on one node/);
    expect(errorOf({ ...base(), fault: { kind: 'crash-minority' }, blastRadius: { nodes: ['n1'] } }).message).toMatch(/takes its own share of the whole cluster/);
    expect(errorOf({ ...base(), fault: { kind: 'discovery' }, blastRadius: { nodes: ['n1'] } }).message).toMatch(/discovery service/);
    expect(errorOf({ ...base(), fault: { kind: 'partition-group' }, blastRadius: { linkShare: 0.2 } }).field).toBe('blastRadius.linkShare');
    const everyLink = validateExperiment({ ...base(), fault: { kind: 'latency' }, blastRadius: undefined });
    expect(experimentFault(everyLink)).toEqual({ fault: { kind: 'latency', atMs: 1000, durationMs: 2000 }, radius: 'every link' });
  });

  it('meets a link share with seed-picked nodes whose links reach at least that share, the same for the same seed', () => {
    // Five nodes: 10 links between them; one node touches 4, two touch 7, three touch 9, four all 10.
    const store = { mode: 'leaderless', leaderless: { nodes: 5, n: 3, w: 2, r: 2 } };
    const at = (linkShare: number, seed: number) => experimentFault(validateExperiment({
      name: 'links', seed, store, hypothesis: { windowMs: 100, okShare: 0.5 },
      phases: { baselineMs: 100, injectionMs: 100, recoveryMs: 100 }, fault: { kind: 'loss' }, blastRadius: { linkShare },
    }));
    const expected: Array<[number, number, number]> = [[0.1, 1, 0.4], [0.4, 1, 0.4], [0.5, 2, 0.7], [0.7, 2, 0.7], [0.8, 3, 0.9], [1, 4, 1]];
    for (const [share, nodes, reached] of expected) {
      const planned = at(share, 7);
      expect(planned.fault.targets).toHaveLength(nodes);
      expect(planned.linkShare).toBeCloseTo(reached, 10);
      expect(at(share, 7)).toEqual(planned);
    }
    const picks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => at(0.3, seed).fault.targets![0]));
    expect(picks.size).toBeGreaterThan(1);
  });

  test.prop([fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true })], { numRuns: 300 })(
    'never crashes on arbitrary values: a valid experiment or a ConfigError',
    (value) => {
      try {
        validateExperiment(value);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
      }
    },
  );

  test.prop([
    fc.record({
      name: fc.oneof(fc.string(), fc.constant('x')),
      seed: fc.oneof(fc.integer(), fc.constant(1), fc.double()),
      preset: fc.oneof(fc.constantFrom(...Object.keys(PRESETS)), fc.string()),
      hypothesis: fc.record({ windowMs: fc.oneof(fc.constant(100), fc.double()), okShare: fc.oneof(fc.double(), fc.constant(0.9)), p99LatencyMs: fc.anything() }, { requiredKeys: [] }),
      phases: fc.record({ baselineMs: fc.constantFrom(100, 200, 150, -1), injectionMs: fc.constantFrom(100, 300, 0), recoveryMs: fc.constantFrom(100, 1e9) }, { requiredKeys: [] }),
      fault: fc.record({ kind: fc.constantFrom('crash-one', 'latency', 'partition-group', 'crash-leader', 'pause', 'nope'), params: fc.anything() }, { requiredKeys: ['kind'] }),
      blastRadius: fc.record({ nodes: fc.array(fc.constantFrom('n1', 'n2', 'dc1-n1', 'n9', ''), { maxLength: 3 }), region: fc.constantFrom('dc1', 'dc2', 'x'), linkShare: fc.double() }, { requiredKeys: [] }),
      abort: fc.oneof(fc.constant(undefined), fc.record({ okShareMargin: fc.double(), p99LatencyMarginMs: fc.double() }, { requiredKeys: [] })),
      workload: fc.oneof(fc.constant(undefined), fc.record({ workload: fc.constantFrom('register', 'set', 'bad'), clients: fc.integer({ min: -1, max: 5 }), spacingMs: fc.double() }, { requiredKeys: [] })),
    }, { requiredKeys: [] }),
  ], { numRuns: 500 })('never crashes on near-valid files: a valid experiment (whose fault plans) or a ConfigError', (value) => {
    try {
      const experiment = validateExperiment(value);
      expect(experimentFault(experiment).fault.kind).toBe(experiment.fault.kind);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
    }
  });
});

describe('parseExperiment', () => {
  const yaml = [
    'name: lines',
    'preset: sl-majority',
    'hypothesis:',
    '  windowMs: 1000',
    '  okShare: 0.99',
    'phases: { baselineMs: 1000, injectionMs: 1000, recoveryMs: 1000 }',
    'fault:',
    '  kind: latency',
    'blastRadius:',
    '  nodes:',
    '    - n1',
    '    - n9',
  ].join('\n');

  it('reads the README\'s sample file as it stands', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Chaos experiments'));
    const sample = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const experiment = parseExperiment(sample, 'README.md');
    expect(experiment.blastRadius).toEqual({ nodes: ['n3'] });
    expect(experiment.abort).toEqual({ okShareMargin: 0.3, p99LatencyMarginMs: 500 });
  });

  it('reads YAML and JSON alike', () => {
    const fromYaml = parseExperiment(yaml.replace('n9', 'n2'), 'e.yaml');
    expect(fromYaml.blastRadius).toEqual({ nodes: ['n1', 'n2'] });
    const fromJson = parseExperiment(JSON.stringify(parse(yaml.replace('n9', 'n2'))), 'e.json');
    expect(fromJson).toEqual(fromYaml);
  });

  it('names the file and the line of the bad field (the nearest enclosing one when it is missing)', () => {
    expect(() => parseExperiment(yaml, 'e.yaml')).toThrow(/^e\.yaml:12: blastRadius\.nodes\[1\]: "n9" is not a node of the store/);
    expect(() => parseExperiment(yaml.replace('  okShare: 0.99', '  okShare: high'), 'e.yaml')).toThrow(/^e\.yaml:5: hypothesis\.okShare: "high" must be a number/);
    expect(() => parseExperiment(yaml.replace('  kind: latency', '  kinds: latency'), 'e.yaml')).toThrow(/^e\.yaml:8: fault\.kinds: is not a known field/);
    expect(() => parseExperiment('name: a\nname: b\n', 'e.yaml')).toThrow(/^e\.yaml:2: is not valid YAML or JSON: Map keys must be unique/);
    expect(() => parseExperiment('- 1\n', 'e.yaml')).toThrow(/^e\.yaml: must be a mapping of experiment fields/);
  });
});
