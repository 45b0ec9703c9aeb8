/**
 * Calls `visit` with each line of `text` and its 1-based number, breaking lines exactly
 * as node:readline does (\r\n, \n or a lone \r), so a text parsed in memory gets the
 * same line numbers as the same bytes streamed from a file. Returning false stops.
 */
export function forEachLine(text: string, visit: (line: string, lineNo: number) => boolean | void): void {
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  let lineNo = 0;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
    if (visit(text.slice(start, match.index), ++lineNo) === false) return;
    start = match.index + match[0].length;
  }
  // Like readline: text after the last line break is a line; nothing after it is not.
  if (start < text.length) visit(text.slice(start), ++lineNo);
}
