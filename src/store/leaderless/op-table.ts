/**
 * The requests a coordinator has in progress, found by their op id.
 *
 * Op ids end in a number that grows with every id the node makes (see
 * NodeEnv.newId), and an op lives at most its deadline, so the ops in progress
 * sit in a short window of numbers: a sliding array holds them, indexed by number.
 * A Map filled and emptied with every request would do the same job, but in V8
 * a churning Map keeps replaced hash tables, and what they hold, alive across
 * young-generation collections (see ChurnTable in the simulator).
 *
 * @example
 * const ops = new OpTable();
 * ops.add(op);                 // op.id 'n1.x7.12'
 * ops.get('n1.x7.12') === op;  // true
 * ops.delete(op);
 */
import type { CoordinatedOp } from './coordinated-op.js';

/**
 * The number an id ends with (after its last '.'); NaN when it ends otherwise.
 *
 * @example
 * idNumberOf('n1.x7.12'); // 12
 */
export function idNumberOf(id: string): number {
  let number = 0;
  let scale = 1;
  let i = id.length - 1;
  for (; i >= 0; i--) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    number += digit * scale;
    scale *= 10;
  }
  return i === id.length - 1 || i < 0 || id.charCodeAt(i) !== 46 ? Number.NaN : number;
}

/**
 * A coordinator's ops in progress (see the file's description).
 *
 * @example
 * const ops = new OpTable();
 * if (ops.has(op)) ops.delete(op);
 */
export class OpTable {
  /** slots[i] holds the op whose id number is first + i (undefined: none, or done). */
  private slots: Array<CoordinatedOp | undefined> = [];
  private first = 0;
  /** Slots before this index are all empty. */
  private head = 0;

  /** Adds an op; its id number must be above those of the ops added before. */
  add(op: CoordinatedOp): void {
    const number = op.idNumber;
    if (this.head === this.slots.length) this.reset(number);
    while (this.first + this.slots.length < number) this.slots.push(undefined);
    this.slots.push(op);
  }

  /** The op in progress with this id, if any. */
  get(id: string): CoordinatedOp | undefined {
    const op = this.slots[idNumberOf(id) - this.first];
    return op !== undefined && op.id === id ? op : undefined;
  }

  has(op: CoordinatedOp): boolean {
    return this.slots[op.idNumber - this.first] === op;
  }

  delete(op: CoordinatedOp): void {
    const index = op.idNumber - this.first;
    if (this.slots[index] !== op) return;
    this.slots[index] = undefined;
    while (this.head < this.slots.length && this.slots[this.head] === undefined) this.head++;
    // Drop the empty prefix once it is most of the array (amortised: each slot moves once).
    if (this.head > 64 && this.head * 2 > this.slots.length) {
      this.slots = this.slots.slice(this.head);
      this.first += this.head;
      this.head = 0;
    }
  }

  private reset(number: number): void {
    this.slots = [];
    this.first = number;
    this.head = 0;
  }
}
