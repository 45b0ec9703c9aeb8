/**
 * A client's walk over the store's entry points: it starts at its own offset (so
 * clients spread over the nodes) and moves to the next one whenever the current
 * one lets it down.
 *
 * @example
 * const walk = new EntryPointWalk(['n1', 'n2', 'n3'], 1);
 * walk.current();    // 'n2'
 * walk.passOver('n2');
 * walk.current();    // 'n3'
 */
export class EntryPointWalk {
  private position: number;

  constructor(
    private readonly entryPoints: readonly string[],
    start: number,
  ) {
    if (entryPoints.length === 0) throw new RangeError('a client needs at least one entry point');
    this.position = start % entryPoints.length;
  }

  current(): string {
    return this.entryPoints[this.position]!;
  }

  /** Moves past `nodeId` when it is the current entry point; other nodes leave the walk as it is. */
  passOver(nodeId: string): void {
    if (this.current() === nodeId) this.position = (this.position + 1) % this.entryPoints.length;
  }
}
