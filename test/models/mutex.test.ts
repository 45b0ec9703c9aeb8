import { describe, expect, it } from 'vitest';
import { mutexModel } from '../../src/models/mutex.js';
import { ok, UNKNOWN } from '../support/outputs.js';

const acquire = { f: 'acquire', value: null };
const release = { f: 'release', value: null };

describe('mutexModel', () => {
  const m = mutexModel();

  it('acquires only when free and releases only when held', () => {
    expect(m.init()).toBe(false);
    expect(m.step(false, acquire, ok(null))).toEqual([true]);
    expect(m.step(true, acquire, ok(null))).toEqual([]);
    expect(m.step(true, release, ok(null))).toEqual([false]);
    expect(m.step(false, release, ok(null))).toEqual([]);
  });

  it('holds an indeterminate op to the same rules, had it happened', () => {
    expect(m.step(true, acquire, UNKNOWN)).toEqual([]);
    expect(m.step(false, acquire, UNKNOWN)).toEqual([true]);
  });

  it('can start held', () => {
    expect(mutexModel({ init: true }).init()).toBe(true);
  });

  it('hashes, describes and validates', () => {
    expect(m.hash(true)).not.toBe(m.hash(false));
    expect(m.describe(acquire, ok(null))).toBe('acquire');
    expect(m.describe(release, UNKNOWN)).toBe('release ?');
    expect(m.describeState!(true)).toBe('locked');
    expect(m.validate({ f: 'lock', value: null }, undefined)?.field).toBe('f');
    expect(m.validate(acquire, undefined)).toBeNull();
  });
});
