import { describe, expect, it } from 'vitest';
import type { LeaderlessConfigInput } from '../../../src/store/leaderless/config.js';
import { CLIENT, Harness } from './support/harness.js';

const ALL = ['n1', 'n2', 'n3'];

describe('leaderless durability', () => {
  for (const versioning of ['lww', 'vv'] as const) {
    it(`rebuilds every replica from its disk after all nodes crash (${versioning})`, () => {
      const h = new Harness({ nodes: 3, n: 3, w: 3, r: 2, versioning });
      expect(h.call('n1', 'write', 'a', 'alpha')?.outcome).toBe('ok');
      expect(h.call('n2', 'incr', 'count', 5)?.outcome).toBe('ok');
      expect(h.call('n3', 'sadd', 'tags', 'red')?.outcome).toBe('ok');
      expect(h.call('n1', 'append', 'log', 'x')?.outcome).toBe('ok');
      h.advance(50);
      const before = ALL.map((id) => h.state(id));
      for (const id of ALL) h.world.crash(id); // unsynced appends are lost: only fsynced data survives
      for (const id of ALL) h.world.restart(id);
      expect(ALL.map((id) => h.state(id))).toEqual(before);
      expect(h.call('n2', 'read', 'a')).toMatchObject({ outcome: 'ok', value: 'alpha' });
      expect(h.call('n3', 'read', 'count')).toMatchObject({ outcome: 'ok', value: 5 });
      expect(h.call('n1', 'read', 'tags')).toMatchObject({ outcome: 'ok', value: ['red'] });
      expect(h.call('n2', 'read', 'log')).toMatchObject({ outcome: 'ok', value: 'x' });
    });
  }

  it('fails a request with disk-full when the coordinator cannot persist it, and applies it nowhere', () => {
    const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2 });
    h.world.fillDisk('n1');
    expect(h.call('n1', 'write', 'x', 1)).toMatchObject({ outcome: 'fail', error: 'disk-full' });
    h.advance(100);
    expect(h.valuesOf('x')).toEqual({ n1: undefined, n2: undefined, n3: undefined });
    // Another coordinator still reaches W = 2 without n1, whose disk refuses the write.
    expect(h.call('n2', 'write', 'x', 2)?.outcome).toBe('ok');
    h.advance(100);
    expect(h.valuesOf('x')).toEqual({ n1: undefined, n2: [2], n3: [2] });
    h.world.freeDisk('n1');
  });
});

describe('leaderless idempotency keys', () => {
  const configs: LeaderlessConfigInput[] = [{ versioning: 'lww' }, { versioning: 'vv' }, { abd: true }];
  for (const config of configs) {
    it(`applies a retried incr once, even across restarts (${JSON.stringify(config)})`, () => {
      const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2, ...config });
      // The first attempt is applied but its reply is lost on the way back.
      h.world.blockLink('n1', CLIENT);
      expect(h.call('n1', 'incr', 'count', 1, 'op-1', 500)).toBeUndefined();
      h.world.heal();
      expect(h.call('n2', 'incr', 'count', 1, 'op-1')?.outcome).toBe('ok');
      for (const id of ALL) h.world.crash(id);
      for (const id of ALL) h.world.restart(id);
      expect(h.call('n3', 'incr', 'count', 1, 'op-1')?.outcome).toBe('ok');
      h.advance(100);
      expect(h.call('n1', 'read', 'count')).toMatchObject({ outcome: 'ok', value: 1 });
    });
  }

  it('applies a retry again when the request carries no idempotency key', () => {
    const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2 });
    h.world.blockLink('n1', CLIENT);
    expect(h.call('n1', 'incr', 'count', 1, undefined, 500)).toBeUndefined();
    h.world.heal();
    expect(h.call('n2', 'incr', 'count', 1)?.outcome).toBe('ok');
    expect(h.call('n1', 'read', 'count')).toMatchObject({ outcome: 'ok', value: 2 });
  });
});
