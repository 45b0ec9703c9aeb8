/**
 * Splits a byte stream into lines, refusing a line longer than `maxBytes`: a
 * node that writes without newlines must not grow faultline's memory without
 * bound.
 *
 * @example
 * const split = new LineSplitter(1 << 20, (line) => console.log(line), (why) => fail(why));
 * split.push(Buffer.from('{"a":1}\n{"b"'));
 */
export class LineSplitter {
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private failed = false;

  constructor(
    private readonly maxBytes: number,
    private readonly onLine: (line: string) => void,
    private readonly onTooLong: (head: string) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    while (!this.failed) {
      const newline = chunk.indexOf(10, start);
      if (newline < 0) {
        if (start < chunk.length) {
          this.partial.push(chunk.subarray(start));
          this.partialBytes += chunk.length - start;
          if (this.partialBytes > this.maxBytes) this.tooLong();
        }
        return;
      }
      const piece = chunk.subarray(start, newline);
      this.partialBytes += piece.length;
      if (this.partialBytes > this.maxBytes) return this.tooLong(piece);
      const line = this.partial.length === 0 ? piece.toString('utf8') : Buffer.concat([...this.partial, piece]).toString('utf8');
      this.partial = [];
      this.partialBytes = 0;
      start = newline + 1;
      // Blank lines (a trailing \r\n's \r, or an empty print) carry nothing.
      const trimmed = line.trim();
      if (trimmed !== '') this.onLine(trimmed);
    }
  }

  private tooLong(last?: Buffer): void {
    this.failed = true;
    const head = Buffer.concat(last === undefined ? this.partial : [...this.partial, last]).subarray(0, 200).toString('utf8');
    this.partial = [];
    this.onTooLong(head);
  }
}
