/**
 * Replaces the comments of TypeScript source with spaces, keeping line breaks
 * (so line numbers stay right) and leaving strings, templates and regular
 * expression literals intact. A small scanner, not a parser: enough to tell
 * code from comments in ordinary source.
 */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  /** Brace depth of each open template `${` expression, innermost last. */
  const templateDepths: number[] = [];
  let braceDepth = 0;
  let lastSignificant = '';
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');

  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (ch === '"' || ch === "'") {
      const stop = endOfQuoted(source, i, ch);
      out += source.slice(i, stop);
      i = stop;
      lastSignificant = ch;
    } else if (ch === '`' || (ch === '}' && templateDepths.at(-1) === braceDepth)) {
      if (ch === '}') templateDepths.pop();
      const { stop, opensExpression } = endOfTemplateChunk(source, i + 1);
      out += source.slice(i, stop);
      i = stop;
      if (opensExpression) templateDepths.push(braceDepth);
      lastSignificant = '`';
    } else if (ch === '/' && startsRegex(lastSignificant)) {
      const stop = endOfRegex(source, i);
      out += source.slice(i, stop);
      i = stop;
      lastSignificant = 'x';
    } else {
      if (ch === '{') braceDepth++;
      if (ch === '}') braceDepth--;
      if (!/\s/.test(ch)) lastSignificant = /[\w$]/.test(ch) ? wordEndingAt(source, i) : ch;
      out += ch;
      i++;
    }
  }
  return out;
}

function endOfQuoted(source: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < source.length && source[i] !== quote && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Scans template text from `start` to its closing backtick or to just after a `${`. */
function endOfTemplateChunk(source: string, start: number): { stop: number; opensExpression: boolean } {
  let i = start;
  while (i < source.length) {
    if (source[i] === '\\') i += 2;
    else if (source[i] === '`') return { stop: i + 1, opensExpression: false };
    else if (source[i] === '$' && source[i + 1] === '{') return { stop: i + 2, opensExpression: true };
    else i++;
  }
  return { stop: i, opensExpression: false };
}

function endOfRegex(source: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < source.length && source[i] !== '\n') {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) break;
    i++;
  }
  i++;
  while (i < source.length && /[a-z]/.test(source[i]!)) i++; // flags
  return i;
}

/** A `/` starts a regular expression after an operator, an opening bracket, or a keyword like return. */
function startsRegex(lastSignificant: string): boolean {
  if (lastSignificant === '') return true;
  if (/^[\w$]+$/.test(lastSignificant)) return ['return', 'typeof', 'case', 'in', 'of', 'throw', 'yield', 'await'].includes(lastSignificant);
  return '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant);
}

/** The identifier ending at `index` (so keywords can be recognised once the scan moves past them). */
function wordEndingAt(source: string, index: number): string {
  let start = index;
  while (start > 0 && /[\w$]/.test(source[start - 1]!)) start--;
  return source.slice(start, index + 1);
}
