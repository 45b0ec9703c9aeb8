import { failAt } from '../errors.js';
import { DEFAULT_HISTORY_LIMITS, tooDeep, tooLong, type HistoryLimits } from '../limits.js';

/** One complete top-level EDN form and the line it starts on. */
export interface EdnForm {
  text: string;
  line: number;
}

const CLOSER_OF: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

/**
 * Splits EDN text, fed line by line, into top-level forms without parsing them, so that
 * each op map can be handed to the EDN parser alone and keep the line it starts on,
 * and a long history never sits in memory as one string.
 *
 * With `unwrapContainers`, a top-level vector or list is taken as a container of forms
 * (Jepsen writes a history either as one map per line or as one vector of maps): its
 * elements are emitted, not the vector itself.
 *
 * It recognises brackets, strings and comments exactly as edn-data does, so a form it
 * calls balanced is one edn-data can read to the end. A `#tag` prefix stays attached
 * to the form that follows it.
 */
export class EdnFormScanner {
  private readonly closers: string[] = [];
  private inString = false;
  private escaped = false;
  /** The last token was a `#tag`, which needs a value before any closing bracket. */
  private tagWaiting = false;
  private formOpen = false;
  private formLine = 0;
  private formParts: string[] = [];
  /** Characters of the open form held so far (its parts on earlier lines). */
  private formChars = 0;
  private containerCloser: string | null = null;
  private containerLine = 0;

  constructor(
    private readonly file: string,
    private readonly unwrapContainers: boolean,
    private readonly emit: (form: EdnForm) => void,
    /** maxDepth counts every bracket of a form, its own included. */
    private readonly limits: Readonly<HistoryLimits> = DEFAULT_HISTORY_LIMITS,
  ) {}

  line(text: string, lineNo: number): void {
    let formStart = 0;
    let i = 0;
    while (i < text.length) {
      if (this.inString) {
        i = this.skipStringChars(text, i, formStart);
        continue;
      }
      const ch = text[i]!;
      if (ch === ';') break;
      if (isSpace(ch)) {
        i++;
        continue;
      }
      if (!this.formOpen) {
        if (this.atContainerEdge(ch, lineNo)) {
          i++;
          continue;
        }
        this.formOpen = true;
        this.formLine = lineNo;
        formStart = i;
      }
      i = this.step(text, i, lineNo, formStart);
    }
    // edn-data takes the line break after a trailing backslash as the escaped character.
    if (this.inString) this.escaped = false;
    if (this.formOpen) {
      this.formParts.push(text.slice(formStart), '\n');
      this.formChars += text.length - formStart + 1;
      if (this.formChars > this.limits.maxLineLength) failAt({ file: this.file, line: this.formLine }, 'syntax', tooLong(this.limits.maxLineLength, 'op'));
    }
  }

  end(): void {
    const where = { file: this.file, line: this.formLine };
    if (this.inString) failAt(where, 'syntax', 'unterminated string');
    if (this.formOpen) {
      const expected = this.closers.length > 0 ? `'${this.closers[this.closers.length - 1]}'` : 'a value after the tag';
      failAt(where, 'syntax', `unexpected end of input, expected ${expected}`);
    }
    if (this.containerCloser !== null) {
      failAt({ file: this.file, line: this.containerLine }, 'syntax', `unexpected end of input, expected '${this.containerCloser}'`);
    }
  }

  /** Handles a bracket at the top level that opens or closes a container; false otherwise. */
  private atContainerEdge(ch: string, lineNo: number): boolean {
    if (ch === ']' || ch === ')' || ch === '}') {
      if (ch !== this.containerCloser) failAt({ file: this.file, line: lineNo }, 'syntax', `unexpected '${ch}'`);
      this.containerCloser = null;
      return true;
    }
    if (this.unwrapContainers && this.containerCloser === null && (ch === '[' || ch === '(')) {
      this.containerCloser = CLOSER_OF[ch]!;
      this.containerLine = lineNo;
      return true;
    }
    return false;
  }

  /** Consumes one token of an open form starting at `i`; returns the next position. */
  private step(text: string, i: number, lineNo: number, formStart: number): number {
    const ch = text[i]!;
    const tagWaiting = this.tagWaiting;
    this.tagWaiting = false;
    if (ch === '"') {
      this.inString = true;
      return i + 1;
    }
    const closer = CLOSER_OF[ch];
    if (closer !== undefined) {
      if (this.closers.length >= this.limits.maxDepth) failAt({ file: this.file, line: lineNo }, 'syntax', tooDeep(this.limits.maxDepth - (this.unwrapContainers ? 1 : 0)));
      this.closers.push(closer);
      return i + 1;
    }
    if (ch === ']' || ch === ')' || ch === '}') {
      const expected = this.closers.pop();
      // edn-data would let a dangling tag swallow the bracket and misread the rest.
      if (expected !== ch || tagWaiting) {
        const wanted = expected === undefined || tagWaiting ? 'a value after the tag' : `'${expected}'`;
        failAt({ file: this.file, line: lineNo }, 'syntax', `unexpected '${ch}', expected ${wanted}`);
      }
      if (this.closers.length === 0) this.finishForm(text, formStart, i + 1);
      return i + 1;
    }
    let end = i + 1;
    while (end < text.length && !isDelimiter(text[end]!)) end++;
    // `##Inf`, `##-Inf` and `##NaN` are values (symbolic doubles), not tags.
    const tag = ch === '#' && text[i + 1] !== '#';
    this.tagWaiting = tag;
    // An atom completes a top-level form, unless it is a tag waiting for its value.
    if (this.closers.length === 0 && !tag) this.finishForm(text, formStart, end);
    return end;
  }

  private skipStringChars(text: string, i: number, formStart: number): number {
    for (; i < text.length; i++) {
      const ch = text[i];
      if (this.escaped) this.escaped = false;
      else if (ch === '\\') this.escaped = true;
      else if (ch === '"') {
        this.inString = false;
        if (this.closers.length === 0) this.finishForm(text, formStart, i + 1);
        return i + 1;
      }
    }
    return i;
  }

  private finishForm(text: string, formStart: number, formEnd: number): void {
    this.formParts.push(text.slice(formStart, formEnd));
    const form = { text: this.formParts.join(''), line: this.formLine };
    this.formParts = [];
    this.formChars = 0;
    this.formOpen = false;
    this.emit(form);
  }
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === ',' || ch === '\t' || ch === '\n' || ch === '\r';
}

function isDelimiter(ch: string): boolean {
  return isSpace(ch) || ch === '"' || ch === ';' || ch === '[' || ch === ']' || ch === '(' || ch === ')' || ch === '{' || ch === '}';
}
