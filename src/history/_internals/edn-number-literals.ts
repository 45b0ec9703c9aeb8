/**
 * Rewrites the number literals of an EDN text that edn-data misreads, so that it reads
 * them right:
 * - an integer a number cannot hold exactly gets EDN's bigint suffix `N` (edn-data
 *   reads plain integers with parseInt, rounding 9007199254740993 to 9007199254740992);
 * - Clojure's symbolic doubles `##Inf`, `##-Inf` and `##NaN` (how Clojure prints an
 *   infinite latency or a clock offset nobody could measure) become the tagged value
 *   `#faultline/double "Inf"`, which {@link symbolicDouble} reads as the number; edn-data would take `##Inf` for a tag and swallow the value after it.
 * Strings and comments are skipped as EdnFormScanner and edn-data skip them, so a
 * string that holds such text is never changed. Texts with neither a run of 16 digits
 * nor `##` are returned as they are.
 *
 * @example
 * markNumberLiterals('{:value 9007199254740993, :s "9007199254740993", :lag ##Inf}');
 * // '{:value 9007199254740993N, :s "9007199254740993", :lag #faultline/double "Inf"}'
 */
export function markNumberLiterals(text: string): string {
  if (!SIXTEEN_DIGITS.test(text) && !text.includes('##')) return text;
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      i = afterString(text, i + 1);
      continue;
    }
    if (ch === ';') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (isDelimiter(ch)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && !isDelimiter(text[end]!)) end++;
    const token = text.slice(i, end);
    if (INTEGER.test(token) && !Number.isSafeInteger(Number(token))) {
      parts.push(text.slice(copied, end), 'N');
      copied = end;
    } else if (SYMBOLIC_DOUBLES.has(token)) {
      parts.push(text.slice(copied, i), `#${SYMBOLIC_DOUBLE_TAG} "${token.slice(2)}"`);
      copied = end;
    }
    i = end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

const SIXTEEN_DIGITS = /\d{16}/;

const SYMBOLIC_DOUBLES: ReadonlySet<string> = new Set(['##Inf', '##-Inf', '##NaN']);

/** The tag {@link markNumberLiterals} gives a symbolic double; {@link symbolicDouble} reads it. */
export const SYMBOLIC_DOUBLE_TAG = 'faultline/double';

/**
 * The number a symbolic double's tagged name stands for (edn-data's handler for
 * {@link SYMBOLIC_DOUBLE_TAG}).
 *
 * @example
 * symbolicDouble('-Inf'); // -Infinity
 */
export function symbolicDouble(name: unknown): number {
  return name === 'Inf' ? Infinity : name === '-Inf' ? -Infinity : NaN;
}

/** An integer as edn-data's own int pattern reads it. */
const INTEGER = /^[-+]?(?:0|[1-9][0-9]*)$/;

function afterString(text: string, i: number): number {
  for (; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return i;
}

function isDelimiter(ch: string): boolean {
  return (
    ch === ' ' || ch === ',' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '"' || ch === ';' ||
    ch === '[' || ch === ']' || ch === '(' || ch === ')' || ch === '{' || ch === '}'
  );
}
