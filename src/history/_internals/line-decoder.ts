/**
 * A format's reader, fed one line at a time so that a file can be streamed through it
 * and an in-memory text can take exactly the same path. Decoded ops go to the
 * HistoryBuilder the decoder was made with.
 */
export interface LineDecoder {
  /** Consumes one line, without its line break; `lineNo` is 1-based. */
  line(text: string, lineNo: number): void;
  /** Called once after the last line; throws if the input ended in the middle of an op. */
  end(): void;
}
