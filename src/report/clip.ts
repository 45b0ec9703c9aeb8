/**
 * Bounds on what human output prints of values: a history may hold values of
 * any size (a 20 MB string), and printing each one whole, in the reason, the
 * timeline and the counterexample, multiplies it. JSON output and saved
 * histories keep values whole; only text meant for reading is clipped.
 */

/** A quoted string longer than this is shown by its head and its length. */
export const MAX_QUOTED_CHARS = 200;

/** A line longer than this is cut, saying how much was left out. */
export const MAX_LINE_CHARS = 10_000;

/** An op's label in a timeline is cut to this many characters (the drawing is as wide as its labels). */
export const MAX_LABEL_CHARS = 80;

/**
 * Text with every quoted string longer than {@link MAX_QUOTED_CHARS} and
 * every line longer than {@link MAX_LINE_CHARS} cut, each cut saying how many
 * characters it left out. Text without such strings or lines is returned as it is.
 *
 * @example
 * clipText(`read -> "${'x'.repeat(1000)}"`); // 'read -> "xxxx…" (+800 chars)'
 */
export function clipText(text: string, limits: { quoted?: number; line?: number } = {}): string {
  const quoted = limits.quoted ?? MAX_QUOTED_CHARS;
  const line = limits.line ?? MAX_LINE_CHARS;
  // Cheap exit for the usual case: nothing that long can be in a short text.
  if (text.length <= Math.min(quoted, line)) return text;
  return text.split('\n').map((row) => clipLine(clipQuoted(row, quoted), line)).join('\n');
}

/**
 * A label cut to `max` characters, with an ellipsis when cut.
 *
 * @example
 * clipLabel('write ' + 'x'.repeat(100), 10); // 'write xxx…'
 */
export function clipLabel(label: string, max = MAX_LABEL_CHARS): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/** Scans JSON-style string literals (backslash escapes honoured) and cuts the long ones. */
function clipQuoted(row: string, max: number): string {
  if (row.length <= max) return row;
  const parts: string[] = [];
  let from = 0;
  let i = row.indexOf('"');
  while (i >= 0) {
    let end = i + 1;
    while (end < row.length && row[end] !== '"') end += row[end] === '\\' ? 2 : 1;
    if (end >= row.length) break; // an unclosed quote: leave the rest to the line bound
    const length = end - i - 1;
    if (length > max) {
      parts.push(row.slice(from, i + 1), row.slice(i + 1, i + 1 + max), `…" (+${length - max} chars)`);
      from = end + 1;
    }
    i = row.indexOf('"', end + 1);
  }
  parts.push(row.slice(from));
  return parts.join('');
}

function clipLine(row: string, max: number): string {
  return row.length <= max ? row : `${row.slice(0, max)}… (line cut: +${row.length - max} chars)`;
}
