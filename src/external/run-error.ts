/**
 * A run against external nodes that cannot go on for a reason of the user's:
 * a missing binary, a node that breaks the protocol, never answers `init`, or
 * dies while starting. The CLI reports it in one line and exits 2.
 *
 * @example
 * throw new ExternalRunError('n2 did not answer init within 10 s');
 */
export class ExternalRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExternalRunError';
  }
}
