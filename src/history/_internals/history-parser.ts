import { FormatSniffer } from '../detect-format.js';
import { describeInput, HistoryError } from '../errors.js';
import { tooLong, type HistoryLimits } from '../limits.js';
import { HISTORY_FORMATS, type HistoryFormat, type ParsedHistory } from '../parsed-history.js';
import { EdnDecoder } from './edn-decoder.js';
import { HistoryBuilder } from './history-builder.js';
import { JepsenLogDecoder } from './jepsen-log-decoder.js';
import type { LineDecoder } from './line-decoder.js';
import { NdjsonDecoder } from './ndjson-decoder.js';

/**
 * Turns lines into a {@link ParsedHistory}, whatever their source: the file reader
 * streams lines into it, the in-memory parser splits a string into it. Without an
 * explicit format it holds lines back until {@link FormatSniffer} decides, then
 * replays them into the decoder for that format.
 */
export class HistoryParser {
  private readonly builder: HistoryBuilder;
  private readonly sniffer = new FormatSniffer();
  private readonly heldLines: string[] = [];
  private decoder: LineDecoder | undefined;
  private format: HistoryFormat | undefined;
  private lineNo = 0;

  constructor(file: string, format?: HistoryFormat, limits?: Readonly<HistoryLimits>) {
    this.builder = new HistoryBuilder(file, limits);
    if (format === undefined) return;
    if (!HISTORY_FORMATS.includes(format)) {
      throw new HistoryError(file, undefined, 'format', `unknown format ${describeInput(format)} (expected ${HISTORY_FORMATS.join(', ')})`);
    }
    this.start(format);
  }

  push(text: string): void {
    this.lineNo++;
    const { maxLineLength } = this.builder.limits;
    if (text.length > maxLineLength) throw new HistoryError(this.builder.file, this.lineNo, 'syntax', tooLong(maxLineLength, 'line'));
    const line = this.lineNo === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (this.decoder !== undefined) {
      this.decoder.line(line, this.lineNo);
      return;
    }
    this.heldLines.push(line);
    this.sniffer.look(line);
    if (this.sniffer.decided !== undefined) this.start(this.sniffer.decided);
    else if (this.sniffer.gaveUp) this.failUndetected();
  }

  finish(): ParsedHistory {
    if (this.decoder === undefined) {
      if (this.sniffer.firstProseLine !== undefined) this.failUndetected();
      // Only blank and comment lines: an empty history.
      return this.builder.build('ndjson');
    }
    this.decoder.end();
    return this.builder.build(this.format!);
  }

  private start(format: HistoryFormat): void {
    this.format = format;
    this.decoder = createDecoder(format, this.builder);
    this.heldLines.forEach((line, i) => this.decoder!.line(line, i + 1));
    this.heldLines.length = 0;
  }

  private failUndetected(): never {
    throw new HistoryError(
      this.builder.file,
      this.sniffer.firstProseLine,
      'format',
      'cannot tell the format (expected NDJSON, Jepsen EDN or a Jepsen log); name it explicitly',
    );
  }
}

function createDecoder(format: HistoryFormat, builder: HistoryBuilder): LineDecoder {
  switch (format) {
    case 'ndjson':
      return new NdjsonDecoder(builder);
    case 'edn':
      return new EdnDecoder(builder);
    case 'jepsen-log':
      return new JepsenLogDecoder(builder);
  }
}
