/**
 * Who holds each resource (a link, a node's clock, a node's liveness...) and
 * with what value, in the order the holders came. Faults overlap: two
 * partitions may cut the same link, two clock faults may hit one node. Healing
 * one must leave the other in force, so each resource keeps a stack of holders
 * instead of a single flag.
 *
 * @example
 * const blocked = new Layers<true>();
 * blocked.push(1, ['n1->n2'], true);   // [{ key: 'n1->n2', wasFree: true }]
 * blocked.push(2, ['n1->n2'], true);   // [{ key: 'n1->n2', wasFree: false }]
 * blocked.remove(1, ['n1->n2']);       // [{ key: 'n1->n2', wasTop: false, next: true }]
 * blocked.remove(2, ['n1->n2']);       // [{ key: 'n1->n2', wasTop: true, next: undefined }]
 */
export class Layers<V> {
  private readonly holders = new Map<string, { owner: number; value: V }[]>();

  /** Adds `owner` on top of each key; tells for each whether nobody held it before. */
  push(owner: number, keys: readonly string[], value: V): { key: string; wasFree: boolean }[] {
    return keys.map((key) => {
      const stack = this.holders.get(key) ?? [];
      stack.push({ owner, value });
      this.holders.set(key, stack);
      return { key, wasFree: stack.length === 1 };
    });
  }

  /**
   * Takes `owner` off each key; tells for each whether it was on top (its value
   * was the one in force) and the value in force now (undefined when free).
   */
  remove(owner: number, keys: readonly string[]): { key: string; wasTop: boolean; next: V | undefined }[] {
    return keys.map((key) => {
      const stack = this.holders.get(key) ?? [];
      const at = stack.findIndex((holder) => holder.owner === owner);
      const wasTop = at !== -1 && at === stack.length - 1;
      if (at !== -1) stack.splice(at, 1);
      if (stack.length === 0) this.holders.delete(key);
      return { key, wasTop, next: stack[stack.length - 1]?.value };
    });
  }

  /** The value in force on a key, or undefined when free. */
  top(key: string): V | undefined {
    const stack = this.holders.get(key);
    return stack?.[stack.length - 1]?.value;
  }

  /** Every key held by someone, in the order first held. */
  heldKeys(): string[] {
    return [...this.holders.keys()];
  }
}
