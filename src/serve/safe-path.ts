import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The file a request path names under `root`, or undefined when it names nothing
 * there: a `..` segment (plain or percent-encoded, once or more), a backslash, a
 * NUL, a malformed escape, or a symbolic link that leads outside `root` all give
 * undefined, so nothing outside `root` is ever read.
 *
 * @example
 * resolveUnder('/srv/out', '/sl-async-seed1/report.html'); // '/srv/out/sl-async-seed1/report.html'
 * resolveUnder('/srv/out', '/%2e%2e/etc/passwd'); // undefined
 */
export function resolveUnder(root: string, requestPath: string): string | undefined {
  let decoded = requestPath;
  // Decoding until nothing changes catches %252e%252e as well as %2e%2e.
  for (let i = 0; i < 4 && decoded.includes('%'); i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return undefined;
    }
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes('%')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return undefined;
  const base = path.resolve(root);
  const full = path.join(base, ...segments);
  if (!isUnder(base, full)) return undefined;
  if (existsSync(full) && !isUnder(realpathSync(base), realpathSync(full))) return undefined;
  return full;
}

function isUnder(base: string, full: string): boolean {
  const relative = path.relative(base, full);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
