import { describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';
import { splitGroups } from './support/scenarios.js';

describe('siblings', () => {
  it('keeps both concurrent values as siblings on every node, with the same version vector', () => {
    const h = new Harness({ conflictResolution: 'siblings' });
    splitGroups(h, 300);
    h.at(10, 'a', 'dc1-n1', { f: 'write', key: 'x', value: 'from-dc1' });
    h.at(20, 'b', 'dc2-n1', { f: 'write', key: 'x', value: 'from-dc2' });
    h.at(600, 'read', 'dc2-n1', { f: 'read', key: 'x' });
    h.runUntil(700);
    for (const id of h.store.nodeIds) {
      expect(h.state(id).x, id).toEqual({ values: ['from-dc1', 'from-dc2'], version: { 'dc1-n1': 1, 'dc2-n1': 1 } });
    }
    expect(h.reply('read')?.reply.value).toEqual(['from-dc1', 'from-dc2']);
  });

  it('lets a write supersede every sibling its leader has seen', () => {
    const h = new Harness({ conflictResolution: 'siblings' });
    splitGroups(h, 300);
    h.at(10, 'a', 'dc1-n1', { f: 'write', key: 'x', value: 'a' });
    h.at(20, 'b', 'dc2-n1', { f: 'write', key: 'x', value: 'b' });
    h.at(600, 'resolve', 'dc1-n1', { f: 'cas', key: 'x', value: [['a', 'b'], 'resolved'] });
    h.runUntil(900);
    expect(h.reply('resolve')?.reply).toMatchObject({ outcome: 'ok', value: 'resolved' });
    for (const id of h.store.nodeIds) {
      expect(h.state(id).x, id).toEqual({ values: ['resolved'], version: { 'dc1-n1': 2, 'dc2-n1': 1 } });
    }
  });
});
