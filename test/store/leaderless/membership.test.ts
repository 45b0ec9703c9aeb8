import { describe, expect, it } from 'vitest';
import { Membership } from '../../../src/store/leaderless/membership.js';

describe('leaderless membership', () => {
  it('hands a failed member\'s tokens to its spare, and follows a spare that failed in turn', () => {
    const members = new Membership();
    expect(members.resolve('n2')).toBe('n2');
    expect(members.adopt([['n2', 's1']])).toBe(true);
    expect(members.adopt([['n2', 's1']])).toBe(false);
    expect(members.resolve('n2')).toBe('s1');
    expect(members.replacedBy('s1')).toBe('n2');
    members.adopt([['s1', 's2']]);
    expect(members.resolve('n2')).toBe('s2');
    expect(members.list()).toEqual([['n2', 's1'], ['s1', 's2']]);
  });

  it('settles two claims on one member the same way on every node: the lower spare keeps it', () => {
    const a = new Membership();
    const b = new Membership();
    a.adopt([['n2', 's2']]);
    a.adopt([['n2', 's1']]);
    b.adopt([['n2', 's1']]);
    b.adopt([['n2', 's2']]);
    expect(a.list()).toEqual([['n2', 's1']]);
    expect(b.list()).toEqual([['n2', 's1']]);
    expect(a.replacedBy('s2')).toBeUndefined();
  });

  it('lets a spare hold one member at most: its claim on the lower member id stands', () => {
    const members = new Membership();
    members.adopt([['n3', 's1']]);
    members.adopt([['n1', 's1']]);
    expect(members.list()).toEqual([['n1', 's1']]);
    members.adopt([['n3', 's1']]);
    expect(members.list()).toEqual([['n1', 's1']]);
  });
});
