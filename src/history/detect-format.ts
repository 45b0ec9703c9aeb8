import { JEPSEN_LOG_OP_LINE } from './_internals/jepsen-log-decoder.js';
import { forEachLine } from './_internals/lines.js';
import type { HistoryFormat } from './parsed-history.js';

/**
 * How many lines of prose (a log's preamble) detection reads while looking for a
 * Jepsen log op line before giving up.
 *
 * @example
 * detectFormat('prose\n'.repeat(FORMAT_SNIFF_LINES + 1)); // undefined
 */
export const FORMAT_SNIFF_LINES = 1000;

/**
 * What one line says about the format of the text it starts:
 * a format; 'skip' for blank and comment lines, which say nothing; 'prose' for a line
 * that is none of the known shapes (a log preamble, or garbage).
 *
 * Rules, on the line without leading blanks: `{"` or `{}` is JSON (ndjson); any other
 * `{`, or `[`, `(`, `#` is EDN; a Jepsen log op line or a line naming `jepsen.util` is
 * a Jepsen log.
 *
 * @example
 * classifyLine('{"index":0}'); // 'ndjson'
 * classifyLine('{:process 0, :type :invoke}'); // 'edn'
 * classifyLine('INFO  jepsen.util - 3\t:invoke\t:read\tnil'); // 'jepsen-log'
 */
export function classifyLine(line: string): HistoryFormat | 'skip' | 'prose' {
  const text = line.replace(/^[\s\uFEFF]+/, '');
  if (text === '' || text.startsWith(';')) return 'skip';
  const first = text[0];
  if (first === '{') {
    const next = text.slice(1).trimStart()[0];
    return next === '"' || next === '}' ? 'ndjson' : 'edn';
  }
  if (first === '[' || first === '(' || first === '#') return 'edn';
  return isJepsenLogLine(text) ? 'jepsen-log' : 'prose';
}

/**
 * Guesses the format of a history from its first lines: the first line that is neither
 * blank nor a comment decides, except that prose (a log preamble) defers to the first
 * Jepsen log line within {@link FORMAT_SNIFF_LINES} lines. Undefined when nothing
 * decides (empty text, or text of no known shape).
 *
 * @example
 * detectFormat('; a comment\n{:process 0, :type :invoke, :f :read}\n'); // 'edn'
 * detectFormat('hello\nworld\n'); // undefined
 */
export function detectFormat(text: string): HistoryFormat | undefined {
  const sniffer = new FormatSniffer();
  forEachLine(text, (line) => {
    sniffer.look(line);
    return sniffer.decided === undefined && !sniffer.gaveUp;
  });
  return sniffer.decided;
}

/**
 * Line-by-line format detection, as {@link detectFormat} describes, for readers that
 * stream: feed lines to `look` until `decided` is set or `gaveUp` is true.
 *
 * @example
 * const s = new FormatSniffer();
 * s.look('INFO  jepsen.core - Running test');
 * s.look('INFO  jepsen.util - 0\t:invoke\t:read\tnil');
 * s.decided; // 'jepsen-log'
 */
export class FormatSniffer {
  decided: HistoryFormat | undefined;
  /** The 1-based number of the first line of prose seen, if any. */
  firstProseLine: number | undefined;
  private linesSeen = 0;

  /** True once prose went on for {@link FORMAT_SNIFF_LINES} lines without a log line. */
  get gaveUp(): boolean {
    return this.decided === undefined && this.firstProseLine !== undefined && this.linesSeen - this.firstProseLine >= FORMAT_SNIFF_LINES;
  }

  look(line: string): void {
    this.linesSeen++;
    if (this.decided !== undefined) return;
    const kind = this.firstProseLine === undefined ? classifyLine(line) : isJepsenLogLine(line) ? 'jepsen-log' : 'prose';
    if (kind === 'prose') this.firstProseLine ??= this.linesSeen;
    else if (kind !== 'skip') this.decided = kind;
  }
}

function isJepsenLogLine(line: string): boolean {
  return line.includes('jepsen.util') || JEPSEN_LOG_OP_LINE.test(line);
}
