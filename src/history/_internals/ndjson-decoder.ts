import { failAt, type SourceLocation } from '../errors.js';
import { holdsRoundedInteger, parseJsonExact } from '../exact-json.js';
import { nestedDeeperThan, tooDeep } from '../limits.js';
import type { HistoryBuilder } from './history-builder.js';
import type { LineDecoder } from './line-decoder.js';
import { isRecord, opFromRecord } from './op-record.js';

/**
 * Reads NDJSON: one JSON object per line, blank lines ignored. This is the hot path for
 * million-op histories, so it does one JSON.parse per line and nothing per character.
 * Integers beyond 2^53 in a value or key are kept exactly (as bigints): only a line
 * whose value or key JSON.parse may have rounded is parsed a second time, exactly.
 * Other fields (a nanosecond time) may stay rounded: they order ops, they are not compared.
 */
export class NdjsonDecoder implements LineDecoder {
  constructor(private readonly builder: HistoryBuilder) {}

  line(text: string, lineNo: number): void {
    if (isBlank(text)) return;
    const where = { file: this.builder.file, line: lineNo };
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      failAt(where, 'syntax', `invalid JSON (${(error as Error).message})`);
    }
    if (!isRecord(record)) failAt(where, 'syntax', 'expected a JSON object, one op per line');
    checkDepth(record, text.length, this.builder.limits.maxDepth, where);
    if (holdsRoundedInteger(record.value) || holdsRoundedInteger(record.key)) {
      const exact = parseJsonExact(text) as Record<string, unknown>;
      record.value = exact.value;
      if (record.key !== undefined) record.key = exact.key;
    }
    this.builder.add(opFromRecord(record, this.builder.size, where), lineNo);
  }

  end(): void {}
}

/** Fails at the first field nested deeper than the bound (checkers recurse into values). */
function checkDepth(record: Record<string, unknown>, length: number, maxDepth: number, where: SourceLocation): void {
  // Each level takes two characters at least: a short line cannot be too deep, and most lines are short.
  if (length <= 2 * maxDepth) return;
  for (const [field, value] of Object.entries(record)) {
    if (nestedDeeperThan(value, maxDepth)) failAt(where, field, tooDeep(maxDepth));
  }
}

function isBlank(text: string): boolean {
  // Most lines start with '{': decide on the first character without scanning the line.
  const first = text.charCodeAt(0);
  if (Number.isNaN(first)) return true;
  if (first !== 0x20 && first !== 0x09 && first !== 0xfeff) return false;
  return text.trim().length === 0;
}
