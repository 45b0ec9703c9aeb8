import { createHash } from 'node:crypto';

/**
 * The integrity tools the byzantine defences share: checksums over data, and
 * signatures simulated as a keyed hash. Both are deterministic (a hash, no
 * clock, no randomness), so runs stay reproducible.
 */

/**
 * A checksum of JSON data: what a receiver or a restarted node recomputes to
 * find data that changed after it was summed (a flipped bit on the wire, rot on
 * the disk). It detects accidents, not lies: a sender that alters the data
 * before summing it passes.
 *
 * @example
 * checksum({ key: 'x', value: 1 }) === checksum({ key: 'x', value: 1 }); // true
 */
export function checksum(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data) ?? 'undefined').digest('hex').slice(0, 16);
}

/**
 * A signature: a keyed hash of the payload, HMAC-like. Only the holder of `key`
 * can make it; anyone given the key ring can check it. Standing in for a public
 * key signature, whose verification needs no secret.
 *
 * @example
 * sign('k1', 'vote:3:n2') === sign('k1', 'vote:3:n2'); // true
 */
export function sign(key: string, payload: string): string {
  return createHash('sha256').update(`${key}\u0000${payload}`).digest('hex').slice(0, 24);
}

/**
 * Per-node signing keys, drawn once from the simulation's generator (so each
 * seed gives other keys), shared by the honest nodes of one store to check each
 * other's signatures. A byzantine tamper is given no access to it: it can
 * replay a signature it saw, never make one.
 *
 * @example
 * const ring = new KeyRing();
 * ring.keyOf('n1', () => 0.5); // the same string for the whole run
 */
export class KeyRing {
  private secret: string | undefined;

  /** The key of `node`; the first call draws the ring's secret from `random`. */
  keyOf(node: string, random: () => number): string {
    this.secret ??= Math.floor(random() * 2 ** 52).toString(36);
    return checksum(`${this.secret}/${node}`);
  }
}

/**
 * What bit rot or a corrupting sender makes of a value: a number with a high
 * bit flipped, a string with a garbled character, a list with a stray element.
 * Never equal to the value, and (for the numbers and strings workloads write)
 * never a value a client wrote.
 *
 * @example
 * rotValue(3);   // 1048579
 * rotValue('a'); // 'a\u0007'
 */
export function rotValue(value: unknown): unknown {
  if (typeof value === 'number') return value ^ (1 << 20);
  if (typeof value === 'string') return `${value}\u0007`;
  if (Array.isArray(value)) return [...value, 1 << 20];
  if (value === null || value === undefined) return 1 << 20;
  return { rotten: value };
}

/**
 * A value a lying node makes up: a number no workload writes.
 *
 * @example
 * forgedValue(() => 0.5); // 2097152 + ...
 */
export function forgedValue(random: () => number): number {
  return (1 << 21) + Math.floor(random() * 1000);
}
