import { failAt, HistoryError, type SourceLocation } from '../errors.js';
import { tooDeep, type HistoryLimits } from '../limits.js';
import type { Op, OpType, Process } from '../op.js';
import { opShapeProblem } from '../op-shape.js';
import { EdnFormScanner, type EdnForm } from './edn-form-scanner.js';
import { parseEdnForm } from './edn-value.js';
import type { HistoryBuilder } from './history-builder.js';
import type { LineDecoder } from './line-decoder.js';

/**
 * An op line of a Jepsen log: `<process> <type> <f> <value>` separated by tabs or
 * spaces, after whatever prefix the logger wrote (`INFO  jepsen.util - `).
 * Groups: process, type, f, value text (may be absent).
 *
 * @example
 * JEPSEN_LOG_OP_LINE.exec('INFO  jepsen.util - 3\t:invoke\t:cas\t[3 0]')?.slice(1);
 * // ['3', 'invoke', ':cas', '[3 0]']
 */
export const JEPSEN_LOG_OP_LINE = /(?:^|[\t ])(\d+|:nemesis)[\t ]+:(invoke|ok|fail|info)[\t ]+(\S+)(?:[\t ]+(.*))?$/;

/**
 * Reads Jepsen log lines, skipping every line that is not an op line. Index is the
 * op's position and time its index (logs carry neither).
 *
 * In these logs a client's `:info` completion carries the error where a value would
 * be (`:info :write :timed-out`), so it becomes `error` and the value null; a `:fail`
 * whose value is a keyword is read the same way, while `:fail :cas [3 0]` keeps its
 * value. Nemesis values are kept as they are, as raw text when they are not EDN.
 */
export class JepsenLogDecoder implements LineDecoder {
  constructor(private readonly builder: HistoryBuilder) {}

  line(text: string, lineNo: number): void {
    const match = JEPSEN_LOG_OP_LINE.exec(text);
    if (match === null) return;
    const where = { file: this.builder.file, line: lineNo };
    const [, processText, type, fText, valueText = ''] = match;
    const process: Process = processText === ':nemesis' ? 'nemesis' : Number(processText);
    const f = fText!.startsWith(':') ? fText!.slice(1) : fText!;
    const index = this.builder.size;
    const op: Op = { index, time: index, process, type: type as OpType, f, value: null };
    this.setValue(op, valueText.trim(), where, this.builder.limits);
    const problem = opShapeProblem(op);
    if (problem !== null) failAt(where, problem.field, problem.message);
    this.builder.add(op, lineNo);
  }

  end(): void {}

  private setValue(op: Op, text: string, where: SourceLocation, limits: Readonly<HistoryLimits>): void {
    if (op.process === 'nemesis') {
      op.value = text === '' ? null : parseNemesisValue(text, where, limits);
      return;
    }
    const value = text === '' ? null : parseSingleValue(text, where, limits);
    const isKeyword = text.startsWith(':');
    if (op.type === 'info') {
      if (value !== null) op.error = isKeyword ? String(value) : text;
    } else if (op.type === 'fail' && isKeyword) {
      op.error = String(value);
    } else {
      op.value = value;
    }
  }
}

/** Parses the value text of a log line, which must be exactly one EDN form. */
function parseSingleValue(text: string, where: SourceLocation, limits: Readonly<HistoryLimits>): unknown {
  const forms: EdnForm[] = [];
  const scanner = new EdnFormScanner(where.file, false, (form) => forms.push(form), limits);
  try {
    scanner.line(text, 0);
    scanner.end();
  } catch (error) {
    if (error instanceof HistoryError && error.problem === tooDeep(limits.maxDepth)) failAt(where, 'value', error.problem);
    return failAt(where, 'value', `not an EDN value: ${text.length > 40 ? `${text.slice(0, 40)}...` : text}`);
  }
  if (forms.length !== 1) failAt(where, 'value', `expected one EDN value, found ${forms.length}`);
  return parseEdnForm(forms[0]!.text, where, 'value');
}

function parseNemesisValue(text: string, where: SourceLocation, limits: Readonly<HistoryLimits>): unknown {
  // Nemesis values are whatever Clojure printed (#object[...], messages): keep the text.
  try {
    return parseSingleValue(text, where, limits);
  } catch {
    return text;
  }
}
