import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/config/config-checks.js';

describe('withDefaults', () => {
  const defaults = { a: 1, nested: { b: true, c: 'x' }, list: [1, 2], variant: { kind: 'one', p: 1 } };

  it('fills what is missing, recursively, and copies the defaults', () => {
    const filled = withDefaults('cfg', { nested: { c: 'y' } }, defaults);
    expect(filled).toEqual({ a: 1, nested: { b: true, c: 'y' }, list: [1, 2], variant: { kind: 'one', p: 1 } });
    expect(filled.list).not.toBe(defaults.list);
  });

  it('takes arrays and other variants (a different kind) as given', () => {
    const filled = withDefaults('cfg', { list: [9], variant: { kind: 'two', q: 2 } }, defaults);
    expect(filled.list).toEqual([9]);
    expect(filled.variant).toEqual({ kind: 'two', q: 2 });
  });

  it('rejects unknown fields and non-objects where an object belongs, naming the path', () => {
    expect(() => withDefaults('cfg', { nested: { d: 1 } }, defaults)).toThrow(/^cfg\.nested\.d: is not a known field/);
    expect(() => withDefaults('cfg', { nested: 5 }, defaults)).toThrow(/^cfg\.nested: 5 must be an object/);
    expect(() => withDefaults('', { z: 1 }, defaults)).toThrow(/^z: is not a known field/);
  });
});
