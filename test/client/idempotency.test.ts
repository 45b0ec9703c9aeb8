import { describe, expect, it } from 'vitest';
import { idempotencyKeyFor, validateIdempotencyConfig } from '../../src/client/idempotency.js';
import { ConfigError } from '../../src/config/config-error.js';
import { brief, makeHarness } from './support/harness.js';

describe('idempotency keys', () => {
  it('gives one key per logical op, none when switched off', () => {
    expect(idempotencyKeyFor({ enabled: true }, 'c1', 7)).toBe('c1/7');
    expect(idempotencyKeyFor({ enabled: true }, 'c1', 8)).not.toBe(idempotencyKeyFor({ enabled: true }, 'c1', 7));
    expect(idempotencyKeyFor({ enabled: false }, 'c1', 7)).toBeUndefined();
  });

  it('rejects a non-boolean switch, naming the field', () => {
    expect(() => validateIdempotencyConfig({ enabled: 'yes' as never }, 'client.idempotency')).toThrow(
      expect.objectContaining({ name: 'ConfigError', field: 'client.idempotency.enabled' }),
    );
    expect(() => validateIdempotencyConfig({ enabled: 1 as never }, 'x')).toThrow(ConfigError);
  });

  /** One incr whose first reply is lost: the store applied it, the client does not know. */
  function lostReplyIncr(configure: Parameters<typeof makeHarness>[0]['policy']) {
    const h = makeHarness({ ops: [[{ f: 'add', key: 'c', value: 1 }]], storeNodes: 1, verbs: { add: 'incr' }, policy: configure });
    h.world.schedule(0, 'lose replies', () => h.world.blockLink('n1', 'c0'));
    h.world.schedule(100, 'heal', () => h.world.heal());
    h.world.runUntil(5000);
    return h;
  }

  it('sends the same key with every retry, so a retried incr applies once', () => {
    const h = lostReplyIncr(undefined);
    const received = h.store('n1').received;
    expect(received).toHaveLength(2);
    expect(received[0]!.idempotencyKey).toBeDefined();
    expect(received[1]!.idempotencyKey).toBe(received[0]!.idempotencyKey);
    expect(received[1]!.requestId).not.toBe(received[0]!.requestId);
    expect(h.store('n1').values.get('c')).toBe(1);
    expect(brief(h.runtime.recorder.ops)[1]).toMatchObject({ type: 'ok', value: 1 });
  });

  it('without keys, a client that retries unknown outcomes anyway applies the incr twice', () => {
    const h = lostReplyIncr((p) => {
      p.idempotency.enabled = false;
      p.retry.retryUnknown = 'always';
    });
    const received = h.store('n1').received;
    expect(received.map((r) => r.idempotencyKey)).toEqual([undefined, undefined]);
    expect(h.store('n1').values.get('c')).toBe(2);
    // the client believes it added 1 once: the history says so, the store disagrees
    expect(brief(h.runtime.recorder.ops)[1]).toMatchObject({ type: 'ok', value: 1 });
  });

  it('without keys, the default rule does not retry an unknown outcome: the op is info', () => {
    const h = lostReplyIncr((p) => void (p.idempotency.enabled = false));
    expect(h.store('n1').received).toHaveLength(1);
    expect(h.store('n1').values.get('c')).toBe(1);
    expect(brief(h.runtime.recorder.ops)[1]).toMatchObject({ type: 'info', error: 'connect-timeout' });
  });
});
