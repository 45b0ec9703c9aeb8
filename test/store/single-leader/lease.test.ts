import { describe, expect, it } from 'vitest';
import { cluster } from './support/cluster.js';

/**
 * Lease reads. n1 leads and holds a lease; at 200 ms it is cut off from n2 and n3
 * (the client still reaches it), optionally with its clock slowed to a tenth of real
 * speed. n2 and n3 elect a new leader, which writes x = 2 once it has waited out the
 * old lease; then the client reads x from n1.
 */
function leaseScenario(options: { slowClock: boolean; fencing: boolean }) {
  const c = cluster({ reads: 'lease', acks: 'majority', leaseMs: 1_000, clockDriftMarginMs: 100, requestTimeoutMs: 3_000, fencing: options.fencing });
  c.at(100, () => c.client().send('n1', 'write', 'x', 1));
  c.at(150, () => c.client().send('n1', 'read', 'x', null));
  c.at(200, () => {
    if (options.slowClock) c.world.setClockDrift('n1', -0.9);
    c.world.partitionGroups([['n1'], ['n2', 'n3']]);
  });
  c.at(1_000, () => c.client().send('n2', 'write', 'x', 2, { followRedirects: true }));
  c.at(2_500, () => c.client().send('n1', 'read', 'x', null, { followRedirects: false }));
  c.world.runUntil(6_000);
  const [, healthyRead, newWrite, oldLeaderRead] = c.client().requests;
  return { c, healthyRead: healthyRead!, newWrite: newWrite!, oldLeaderRead: oldLeaderRead! };
}

describe('lease reads', () => {
  it('a deposed leader whose clock runs slow still believes in its lease and serves a stale read', () => {
    const { c, healthyRead, newWrite, oldLeaderRead } = leaseScenario({ slowClock: true, fencing: true });
    expect(healthyRead.final).toMatchObject({ outcome: 'ok', value: 1 });
    expect(newWrite.final).toMatchObject({ outcome: 'ok', value: 2 });
    expect(newWrite.answeredAtMs!).toBeLessThan(oldLeaderRead.sentAtMs);
    // x = 2 was acknowledged before this read began, yet the read returns 1.
    expect(oldLeaderRead.answeredBy).toBe('n1');
    expect(oldLeaderRead.final).toMatchObject({ outcome: 'ok', value: 1 });
    expect(c.events('election').map((e) => e.detail.epoch)).toEqual([1, 2]);
  });

  it('the new leader waits out the old lease (plus the drift margin) before acknowledging', () => {
    const { c, newWrite } = leaseScenario({ slowClock: true, fencing: true });
    const elected = c.events('election').find((e) => e.detail.epoch === 2)!;
    expect(newWrite.answeredAtMs!).toBeGreaterThanOrEqual(elected.timeMs + 1_100);
  });

  it('with an honest clock, the fenced old leader steps down and sends the reader away', () => {
    const { oldLeaderRead } = leaseScenario({ slowClock: false, fencing: true });
    expect(oldLeaderRead.final?.outcome).toBe('redirect');
  });

  it('with an honest clock and no fencing, the old leader’s lease lapses and it will not serve the read', () => {
    const { oldLeaderRead } = leaseScenario({ slowClock: false, fencing: false });
    expect(oldLeaderRead.final).toMatchObject({ outcome: 'fail', error: 'read-timeout' });
  });
});
