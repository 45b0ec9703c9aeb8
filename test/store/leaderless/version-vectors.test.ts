import { describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

/**
 * Three nodes that cannot talk to each other each take one write (W = R = 1, so
 * each can work alone); then they heal, anti-entropy reconciles them, and a read
 * shows what the merge kept.
 */
function concurrentWrites(versioning: 'lww' | 'vv', f: string, values: unknown[]): { h: Harness; read: unknown } {
  const antiEntropy = { enabled: true, intervalMs: 100, treeDepth: 4 };
  const h = new Harness({ nodes: 3, n: 3, w: 1, r: 1, versioning, hintedHandoff: false, antiEntropy });
  h.world.partitionGroups([['n1'], ['n2'], ['n3']]);
  values.forEach((value, i) => expect(h.call(`n${i + 1}`, f, 'k', value)?.outcome).toBe('ok'));
  h.world.heal();
  h.advance(1_000);
  for (const id of ['n2', 'n3']) expect(h.state(id).k).toEqual(h.state('n1').k);
  const read = h.call('n1', 'read', 'k');
  expect(read?.outcome).toBe('ok');
  return { h, read: read?.value };
}

describe('leaderless version vectors', () => {
  it('keeps concurrent writes as siblings; a read answers their sorted values', () => {
    const { h, read } = concurrentWrites('vv', 'write', ['b', 'c', 'a']);
    expect(read).toEqual(['a', 'b', 'c']);
    for (const id of ['n1', 'n2', 'n3']) expect(h.state(id).k!.values).toEqual(['a', 'b', 'c']);
    // A later write has seen all three and replaces them.
    expect(h.call('n2', 'write', 'k', 'resolved')?.outcome).toBe('ok');
    expect(h.call('n3', 'read', 'k')).toMatchObject({ outcome: 'ok', value: 'resolved' });
  });

  it('read repair spreads siblings to the replicas that lack some of them', () => {
    const h = new Harness({ nodes: 3, n: 3, w: 1, r: 3, versioning: 'vv', hintedHandoff: false });
    h.world.partitionGroups([['n1'], ['n2'], ['n3']]);
    expect(h.call('n1', 'write', 'k', 'x')?.outcome).toBe('ok');
    expect(h.call('n2', 'write', 'k', 'y')?.outcome).toBe('ok');
    h.world.heal();
    expect(h.call('n3', 'read', 'k')).toMatchObject({ outcome: 'ok', value: ['x', 'y'] });
    h.advance(100);
    for (const id of ['n1', 'n2', 'n3']) expect(h.state(id).k!.values).toEqual(['x', 'y']);
    expect([...h.events('read-repair')[0]!.detail.replicas].sort()).toEqual(['n1', 'n2', 'n3']);
  });

  it('merges concurrent counter increments instead of picking one', () => {
    expect(concurrentWrites('vv', 'incr', [2, 3, 4]).read).toBe(9);
    expect([2, 3, 4]).toContain(concurrentWrites('lww', 'incr', [2, 3, 4]).read); // LWW: the newest state wins
  });

  it('merges concurrent set additions by union', () => {
    expect(concurrentWrites('vv', 'sadd', ['x', 'y', 'z']).read).toEqual(['x', 'y', 'z']);
    const lww = concurrentWrites('lww', 'sadd', ['x', 'y', 'z']).read as unknown[];
    expect(lww).toHaveLength(1);
  });

  it('builds on the causal past: sequential writes through different nodes never make siblings', () => {
    const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2, versioning: 'vv' });
    for (let i = 0; i < 6; i++) expect(h.call(`n${(i % 3) + 1}`, 'write', 'k', i)?.outcome).toBe('ok');
    expect(h.call('n1', 'read', 'k')).toMatchObject({ outcome: 'ok', value: 5 });
  });

  it('a cas fails with a mismatch and applies when the expected value matches', () => {
    const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2, versioning: 'vv' });
    expect(h.call('n1', 'write', 'k', 1)?.outcome).toBe('ok');
    expect(h.call('n2', 'cas', 'k', [2, 3])).toMatchObject({ outcome: 'fail', error: 'cas-mismatch' });
    expect(h.call('n3', 'cas', 'k', [1, 3])?.outcome).toBe('ok');
    expect(h.call('n1', 'read', 'k')).toMatchObject({ outcome: 'ok', value: 3 });
  });
});
