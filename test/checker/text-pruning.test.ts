import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/index.js';
import { kvModel } from '../../src/models/kv.js';
import { HistoryBuilder } from './support/history.js';

describe('the search prunes texts no pending read can see, and explains as before', () => {
  // p1's append of "b" completes before p2's append of "a" starts, so "b" comes first;
  // p1's read of "ab" needs the other order.
  const history = new HistoryBuilder()
    .invoke(1, 'append', 'b', 'k').complete(1, 'ok', 'append', 'b', 'k')
    .invoke(2, 'append', 'a', 'k')
    .invoke(1, 'get', null, 'k').complete(1, 'ok', 'get', 'ab', 'k')
    .complete(2, 'ok', 'append', 'a', 'k');

  it('names the read that no order of the pending appends can satisfy', () => {
    const verdict = checkLinearizable(history.ops, kvModel({ init: '' }), { workers: 0 });
    expect(verdict.valid).toBe(false);
    const [failure] = verdict.detail.failures;
    expect(failure!.linearized.map(({ op, stateAfter }) => [op.input.f, stateAfter])).toEqual([['append', 'b']]);
    expect(failure!.blocked?.output.value).toBe('ab');
    const others = failure!.candidates.filter((op) => op !== failure!.blocked);
    expect(others.map((op) => [op.input.f, op.input.value])).toEqual([['append', 'a']]);
  });

  it('a put that may still go before the read keeps the text alive', () => {
    // The state after the append is "b", no prefix of "ab"; but a put of "a" can still go
    // first, and then the append makes "ab": valid.
    const withPut = new HistoryBuilder()
      .invoke(3, 'put', 'a', 'k')
      .invoke(1, 'append', 'b', 'k').complete(1, 'ok', 'append', 'b', 'k')
      .invoke(1, 'get', null, 'k').complete(1, 'ok', 'get', 'ab', 'k')
      .complete(3, 'ok', 'put', 'a', 'k');
    expect(checkLinearizable(withPut.ops, kvModel({ init: '' }), { workers: 0 }).valid).toBe(true);
  });
});
