import { describe, expect, it } from 'vitest';
import { checkAntiEntropy } from '../../src/checker/anti-entropy.js';
import { simulate } from '../../src/run/simulate.js';
import type { Fault } from '../../src/nemesis/fault.js';
import { PRESETS } from '../../src/presets/index.js';
import type { TraceEvent } from '../../src/sim/trace.js';

const custom = (timeMs: number, node: string, name: string, detail: object): TraceEvent => ({ timeMs, kind: 'custom', node, name, detail: JSON.stringify(detail) });

/** One comparison step of session s1 at the root: the initiator's and the responder's sides. */
function rootStep(initiatorDigests: object, responderDigests: object, differing: number[]): TraceEvent[] {
  const nodes = [{ index: 0, hash: 42 }];
  return [
    custom(10, 'n1', 'merkle-step', { peer: 'n2', role: 'initiator', session: 's1', level: 0, depth: 2, nodes, bytes: 60, digests: { 0: initiatorDigests } }),
    custom(11, 'n2', 'merkle-step', { peer: 'n1', role: 'responder', session: 's1', level: 0, depth: 2, nodes, differing, bytes: 50, digests: { 0: responderDigests } }),
  ];
}

describe('checkAntiEntropy: Merkle exchanges against brute force', () => {
  it('passes when the tree flags exactly the nodes whose keys differ', () => {
    expect(checkAntiEntropy(rootStep({ x: 1, y: 2 }, { x: 1, y: 3 }, [0])).valid).toBe(true);
    expect(checkAntiEntropy(rootStep({ x: 1 }, { x: 1 }, [])).valid).toBe(true);
  });

  it('finds a difference the tree missed, naming the keys', () => {
    const verdict = checkAntiEntropy(rootStep({ x: 1, y: 2 }, { x: 1, y: 3, z: 4 }, []));
    expect(verdict).toMatchObject({ valid: false, anomaly: 'repair-failure' });
    expect(verdict.detail!.merkle.missed).toEqual([{ atMs: 11, initiator: 'n1', responder: 'n2', level: 0, index: 0, keys: ['y', 'z'] }]);
    expect(verdict.reason).toContain('missed y, z');
  });

  it('finds a node flagged where nothing differed, and counts steps it cannot pair', () => {
    expect(checkAntiEntropy(rootStep({ x: 1 }, { x: 1 }, [0])).detail!.merkle.spurious).toHaveLength(1);
    const [, responder] = rootStep({}, {}, []);
    expect(checkAntiEntropy([responder!]).detail!.merkle).toMatchObject({ steps: 1, unpaired: 1, missed: [] });
  });
});

describe('checkAntiEntropy: hinted handoff', () => {
  const stored = (hint: string) => custom(5, 'n4', 'hint-stored', { owner: 'n2', key: 'k', hint });

  it('follows each hint to its delivery, or to its holder still holding it after a restart', () => {
    const trace: TraceEvent[] = [
      stored('h1'), stored('h2'),
      custom(8, 'n4', 'hint-delivered', { owner: 'n2', keys: ['k'], count: 1, hints: ['h1'] }),
      { timeMs: 9, kind: 'crash', node: 'n4' }, { timeMs: 12, kind: 'restart', node: 'n4' },
      custom(12, 'n4', 'hints-held', { hints: ['h2'] }),
    ];
    const verdict = checkAntiEntropy(trace);
    expect(verdict.valid).toBe(true);
    expect(verdict.detail!.hints).toMatchObject({ stored: 2, delivered: 1, held: 1, dropped: [] });
  });

  it('finds a hint its holder no longer had after a restart, never delivered', () => {
    const trace: TraceEvent[] = [
      stored('h1'), stored('h2'),
      { timeMs: 12, kind: 'restart', node: 'n4' },
      custom(12, 'n4', 'hints-held', { hints: ['h1'] }),
      { timeMs: 30, kind: 'restart', node: 'n4' },
      { timeMs: 30, kind: 'send', node: 'n4', peer: 'n1', detail: 'm9 merkle-compare' },
    ];
    const verdict = checkAntiEntropy(trace);
    expect(verdict.detail!.hints.dropped.map((h) => [h.hint, h.atMs])).toEqual([['h2', 12], ['h1', 30]]);
    expect(verdict.reason).toContain('hint h2 (key k for n2) was dropped by n4 at its restart at 12 ms');
  });
});

describe('checkAntiEntropy: read repair', () => {
  const repair = (detail: object) => [custom(20, 'n1', 'read-repair', detail)];

  it('passes when every stale answer got the newest version', () => {
    const trace = repair({ key: 'x', replicas: ['n3'], sent: { c: 5, node: 'n1' }, observed: { n1: { c: 5, node: 'n1' }, n3: { c: 2, node: 'n2' } } });
    expect(checkAntiEntropy(trace).detail!.readRepair).toMatchObject({ repairs: 1, unverifiable: 0, problems: [] });
  });

  it('finds a repair that sent an older version than one observed, or skipped a stale owner', () => {
    const older = checkAntiEntropy(repair({ key: 'x', replicas: ['n1'], sent: { c: 2, node: 'n2' }, observed: { n1: { c: 5, node: 'n1' }, n3: { c: 2, node: 'n2' } } }));
    expect(older.detail!.readRepair.problems).toEqual([
      { atMs: 20, coordinator: 'n1', key: 'x', problem: 'older-sent', owner: 'n1', ownerVersion: { c: 5, node: 'n1' }, sent: { c: 2, node: 'n2' } },
    ]);
    const skipped = checkAntiEntropy(repair({ key: 'x', replicas: ['n2'], sent: [{ n1: 2 }], observed: { n2: null, n3: [{ n1: 1 }] } }));
    expect(skipped.detail!.readRepair.problems).toEqual([expect.objectContaining({ problem: 'unrepaired', owner: 'n3' })]);
    expect(skipped.anomaly).toBe('repair-failure');
  });
});

describe('checkAntiEntropy on simulated leaderless runs', () => {
  const writes = Array.from({ length: 12 }, (_, i) => ({ process: i % 2, f: i % 4 === 3 ? 'read' : 'write', key: `k${i % 3}`, value: i % 4 === 3 ? null : i, atMs: 5 + i * 25 }));
  const cutOff = (node: string): Fault[] => [{ kind: 'partition-one', atMs: 1, durationMs: 399, targets: [node] }];

  it('verifies real Merkle exchanges, and catches one whose answer is tampered with', () => {
    const store = structuredClone(PRESETS['ll-no-repair']!.store) as never as { leaderless: Record<string, unknown> };
    store.leaderless.antiEntropy = { enabled: true, intervalMs: 100, treeDepth: 3 };
    const run = simulate({ seed: 2, store: store as never, clients: { count: 2 }, ops: writes, faults: cutOff('n3'), settleMs: 1500 });
    const verdict = checkAntiEntropy(run.trace);
    expect(verdict.valid).toBe(true);
    expect(verdict.detail!.merkle.steps).toBeGreaterThan(0);
    expect(verdict.detail!.usage.keysRepaired).toBeGreaterThan(0);
    // A responder that answers "nothing differs" where something did: what a hash that leaves the version out would do.
    const index = run.trace.findIndex((e) => e.name === 'merkle-step' && JSON.parse(e.detail!).differing?.length > 0);
    const tampered = run.trace.map((e, i) => (i === index ? { ...e, detail: JSON.stringify({ ...JSON.parse(e.detail!), differing: [] }) } : e));
    expect(checkAntiEntropy(tampered).detail!.merkle.missed.length).toBeGreaterThan(0);
  });

  it('keeps following real hints across a restart of their holder', () => {
    const faults = cutOff('n2');
    const first = simulate({ seed: 4, store: PRESETS['ll-sloppy']!.store, clients: { count: 2 }, ops: writes, faults, settleMs: 1500 });
    const holder = first.trace.find((e) => e.name === 'hint-stored')!.node!;
    const bounce: Fault[] = [{ kind: 'crash-one', atMs: 320, durationMs: 20, targets: [holder] }];
    const run = simulate({ seed: 4, store: PRESETS['ll-sloppy']!.store, clients: { count: 2 }, ops: writes, faults: [...faults, ...bounce], settleMs: 1500 });
    expect(run.trace.some((e) => e.name === 'hints-held' && e.node === holder)).toBe(true);
    const verdict = checkAntiEntropy(run.trace);
    expect(verdict.valid).toBe(true);
    expect(verdict.detail!.hints.dropped).toEqual([]);
    // Had the holder come back without them, they would be dropped.
    const forgetful = run.trace.filter((e) => !(e.name === 'hints-held' || (e.name === 'hint-delivered' && e.node === holder)));
    expect(checkAntiEntropy(forgetful).detail!.hints.dropped.length).toBeGreaterThan(0);
  });

  it('follows real hints from a sloppy quorum to their delivery', () => {
    const run = simulate({ seed: 4, store: PRESETS['ll-sloppy']!.store, clients: { count: 2 }, ops: writes, faults: cutOff('n2'), settleMs: 1500 });
    const verdict = checkAntiEntropy(run.trace);
    expect(verdict.valid).toBe(true);
    expect(verdict.detail!.hints.stored).toBeGreaterThan(0);
    expect(verdict.detail!.hints.delivered).toBe(verdict.detail!.hints.stored);
  });
});
