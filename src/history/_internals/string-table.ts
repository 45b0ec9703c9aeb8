/**
 * Interns ASCII strings straight from bytes: a string seen before costs a hash and a
 * byte comparison, not an allocation. Millions of ops repeat a few f names and keys,
 * so the reader of big histories makes each only once.
 */
export class StringTable {
  readonly strings: string[] = [];
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes: number[] = [];
  /** Per id: 1 when the string is in `slots` (ASCII text, found from bytes). */
  private indexed: number[] = [];

  /** The id of the string held in `bytes[start, end)` (ASCII only). */
  idOfBytes(bytes: Buffer, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === -1) return this.add(bytes.toString('latin1', start, end), hash, slot);
      if (this.hashes[id] === hash && sameText(this.strings[id]!, bytes, start, end)) return id;
    }
  }

  /** The id of `text` (any string). */
  idOf(text: string): number {
    // Only ASCII text has the same bytes in latin1 and in the file: other text gets an
    // id of its own, which no text read from bytes can match.
    if (!/^[\x00-\x7f]*$/.test(text)) return this.add(text, 0, -1);
    const bytes = Buffer.from(text, 'latin1');
    return this.idOfBytes(bytes, 0, bytes.length);
  }

  private add(text: string, hash: number, slot: number): number {
    const id = this.strings.length;
    this.strings.push(text);
    this.hashes.push(hash);
    this.indexed.push(slot >= 0 ? 1 : 0);
    if (slot >= 0) {
      this.slots[slot] = id;
      if (this.strings.length * 2 > this.slots.length) this.grow();
    }
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.strings.length; id++) {
      if (this.indexed[id] === 0) continue;
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

function sameText(text: string, bytes: Buffer, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}
