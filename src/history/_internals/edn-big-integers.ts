/**
 * Marks every integer literal of an EDN text that a number cannot hold exactly with
 * EDN's bigint suffix `N`, so that edn-data (which reads plain integers with parseInt,
 * rounding 9007199254740993 to 9007199254740992) reads it as a bigint. Strings and
 * comments are skipped as EdnFormScanner and edn-data skip them, so a string that holds
 * digits is never changed. Texts without a run of 16 digits are returned as they are.
 *
 * @example
 * markBigIntegers('{:value 9007199254740993, :s "9007199254740993"}');
 * // '{:value 9007199254740993N, :s "9007199254740993"}'
 */
export function markBigIntegers(text: string): string {
  if (!SIXTEEN_DIGITS.test(text)) return text;
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
    }
    i = end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

const SIXTEEN_DIGITS = /\d{16}/;

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
