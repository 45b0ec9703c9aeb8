import { describe, expect, test } from 'vitest';
import { BENIGN_FAULT_KINDS, BYZANTINE_FAULT_KINDS, FAULT_KINDS, FAULT_TARGETING, REGION_FAULT_KINDS } from '../../src/nemesis/fault.js';
import { planFault, type FaultScope } from '../../src/nemesis/plan.js';

const scope: FaultScope = { storeNodes: ['n1', 'n2', 'n3'], allNodes: ['n1', 'n2', 'n3', 'c0'], groups: [], leaders: () => ['n2'] };

describe('the byzantine fault kinds', () => {
  test('are part of the one vocabulary, apart from the benign kinds (as the region kinds are)', () => {
    for (const kind of BYZANTINE_FAULT_KINDS) expect(FAULT_KINDS).toContain(kind);
    expect([...BENIGN_FAULT_KINDS, ...BYZANTINE_FAULT_KINDS, ...REGION_FAULT_KINDS].sort()).toEqual([...FAULT_KINDS].sort());
    expect(FAULT_TARGETING.equivocate).toBe('leader');
  });

  test('make their target byzantine until heal; equivocate aims at the leader', () => {
    expect(planFault({ kind: 'lie-read', atMs: 0, durationMs: 10, targets: ['n3'] }, scope)).toEqual({
      family: 'byzantine', effects: [{ type: 'byzantine', node: 'n3', behaviour: 'lie-read' }], detail: { nodes: ['n3'] },
    });
    expect(planFault({ kind: 'equivocate', atMs: 0, durationMs: 10, targets: ['n1'] }, scope).effects).toEqual([{ type: 'byzantine', node: 'n2', behaviour: 'equivocate' }]);
  });

  test('corrupt-disk takes the node down, rots its disk, and (at heal) restarts it', () => {
    expect(planFault({ kind: 'corrupt-disk', atMs: 0, durationMs: 10, targets: ['n2'] }, scope).effects).toEqual([
      { type: 'down', nodes: ['n2'], loseUnsynced: false },
      { type: 'rot-disk', node: 'n2' },
    ]);
  });
});
