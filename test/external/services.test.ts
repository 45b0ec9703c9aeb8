import { describe, expect, it } from 'vitest';
import { LinKvService, LwwKvService, SeqKvService, TsoService } from '../../src/external/services.js';
import { SimRandom } from '../../src/sim/rng.js';

describe('services', () => {
  it('lin-kv: read of a missing key is 20, cas against another value is 22, create_if_not_exists creates', () => {
    const kv = new LinKvService();
    expect(kv.handle('n1', { type: 'read', msg_id: 1, key: 'x' })).toMatchObject({ type: 'error', code: 20, in_reply_to: 1 });
    expect(kv.handle('n1', { type: 'cas', msg_id: 2, key: 'x', from: 1, to: 2 })).toMatchObject({ type: 'error', code: 20 });
    expect(kv.handle('n1', { type: 'cas', msg_id: 3, key: 'x', from: 1, to: 2, create_if_not_exists: true })).toEqual({ type: 'cas_ok', in_reply_to: 3 });
    expect(kv.handle('n1', { type: 'cas', msg_id: 4, key: 'x', from: 1, to: 3 })).toMatchObject({ type: 'error', code: 22 });
    expect(kv.handle('n2', { type: 'write', msg_id: 5, key: 'x', value: [1, 2] })).toEqual({ type: 'write_ok', in_reply_to: 5 });
    expect(kv.handle('n2', { type: 'cas', msg_id: 6, key: 'x', from: [1, 2], to: 9 })).toEqual({ type: 'cas_ok', in_reply_to: 6 });
    expect(kv.handle('n3', { type: 'read', msg_id: 7, key: 'x' })).toEqual({ type: 'read_ok', in_reply_to: 7, value: 9 });
  });

  it('seq-kv: a caller never reads older than what it last saw or wrote, though others may', () => {
    const kv = new SeqKvService(new SimRandom(1));
    for (let v = 1; v <= 10; v++) kv.handle('writer', { type: 'write', msg_id: v, key: 'k', value: v });
    let last = 0;
    let staleSeen = false;
    for (let i = 0; i < 50; i++) {
      const reply = kv.handle('reader', { type: 'read', msg_id: 100 + i, key: 'k' });
      const value = reply.type === 'read_ok' ? (reply.value as number) : 0;
      expect(value).toBeGreaterThanOrEqual(last);
      if (value < 10) staleSeen = true;
      last = value;
    }
    expect(staleSeen).toBe(true);
    expect(kv.handle('writer', { type: 'read', msg_id: 200, key: 'k' })).toMatchObject({ value: 10 });
  });

  it('lww-kv: replicas disagree, so some read misses the latest write', () => {
    const kv = new LwwKvService(new SimRandom(3));
    let stale = 0;
    for (let v = 1; v <= 40; v++) {
      kv.handle('n1', { type: 'write', msg_id: v, key: 'k', value: v });
      const reply = kv.handle('n2', { type: 'read', msg_id: 1000 + v, key: 'k' });
      if (reply.type !== 'read_ok' || reply.value !== v) stale++;
    }
    expect(stale).toBeGreaterThan(0);
  });

  it('lin-tso: timestamps strictly increase across callers', () => {
    const tso = new TsoService();
    const stamps = ['n1', 'n2', 'n1', 'n3'].map((src, i) => tso.handle(src, { type: 'ts', msg_id: i }).ts as number);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(4);
  });
});
