import { describe, it, expect } from 'vitest';
import { PartitionSearch } from '../../src/checker/linearizable/search.js';
function searchPartition(ops: any[], model: any, o: { trackLongest: boolean; deadline: number }) {
  const s = new PartitionSearch(ops, model, o.trackLongest);
  while (s.run(1000) === 'running');
  return { kind: s.status, longest: s.longest };
}
const reg = { name: 'r', fs: ['read','write'], init: () => null as unknown, hash: (s: unknown) => JSON.stringify(s),
  step: (s: unknown, i: any, o: any) => i.f === 'write' ? [i.value] : (!o.known || o.value === s ? [s] : []),
  describe: () => '', validate: () => null };
const op = (id: number, call: number, ret: number, f: string, value: unknown, out?: unknown) =>
  ({ id, process: id, call, ret, input: { f, value }, output: { known: ret !== Infinity, value: out ?? value }, invokeIndex: call });
describe('search', () => {
  it('valid sequential', () => {
    const r = searchPartition([op(0,0,1,'write',1), op(1,2,3,'read',null,1)], reg, { deadline: Infinity, trackLongest: false });
    expect(r.kind).toBe('ok');
  });
  it('stale read illegal', () => {
    const r = searchPartition([op(0,0,1,'write',1), op(1,2,3,'write',2), op(2,4,5,'read',null,1)], reg, { deadline: Infinity, trackLongest: true });
    expect(r.kind).toBe('illegal');
    console.log(JSON.stringify(r));
  });
  it('concurrent ok', () => {
    const r = searchPartition([op(0,0,5,'write',1), op(1,1,6,'write',2), op(2,2,7,'read',null,1), op(3,8,9,'read',null,1)], reg, { deadline: Infinity, trackLongest: false });
    expect(r.kind).toBe('ok');
  });
  it('info write may happen', () => {
    const r = searchPartition([op(0,0,Infinity,'write',1), op(1,2,3,'read',null,1), op(2,4,5,'read', null, null)], reg, { deadline: Infinity, trackLongest: false });
    expect(r.kind).toBe('illegal');
    const r2 = searchPartition([op(0,0,Infinity,'write',1), op(1,2,3,'read',null,null), op(2,4,5,'read', null, 1)], reg, { deadline: Infinity, trackLongest: false });
    expect(r2.kind).toBe('ok');
    const r3 = searchPartition([op(0,0,Infinity,'write',1), op(1,2,3,'read',null,null)], reg, { deadline: Infinity, trackLongest: false });
    expect(r3.kind).toBe('ok');
  });
});
