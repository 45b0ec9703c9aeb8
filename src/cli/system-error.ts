/**
 * A failure of the file system (or another system call) that names a path: a folder
 * that cannot be created, a file that cannot be written. Such failures come from the
 * user's environment or arguments, so they are reported like bad input, not as bugs.
 */
export interface PathSystemError extends Error {
  code: string;
  path: string;
  syscall?: string;
}

/** What each system error code means, in words a user can act on. */
const PROBLEM_OF: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'something of that name is already there',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
  EINVAL: 'invalid argument',
};

/** What each system call was trying to do. */
const ACTION_OF: Readonly<Record<string, string>> = {
  mkdir: 'cannot create the folder',
  open: 'cannot open',
  read: 'cannot read',
  write: 'cannot write',
  scandir: 'cannot list the folder',
  rename: 'cannot move',
  unlink: 'cannot remove',
  rmdir: 'cannot remove the folder',
  stat: 'cannot inspect',
  lstat: 'cannot inspect',
  copyfile: 'cannot copy',
};

/**
 * True for an error of a system call that names the path it failed on.
 *
 * @example
 * try { mkdirSync('/etc/passwd/x'); } catch (error) { isPathSystemError(error); } // true
 */
export function isPathSystemError(error: unknown): error is PathSystemError {
  if (!(error instanceof Error)) return false;
  const { code, path } = error as Partial<PathSystemError>;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof path === 'string';
}

/**
 * One line naming the path, what was being done and what went wrong.
 *
 * @example
 * describePathSystemError(Object.assign(new Error('x'), { code: 'ENOTDIR', syscall: 'mkdir', path: 'a/b' }));
 * // 'a/b: cannot create the folder: a part of the path is a file, not a folder (ENOTDIR)'
 */
export function describePathSystemError(error: PathSystemError): string {
  const action = ACTION_OF[error.syscall ?? ''] ?? (error.syscall === undefined ? 'failed' : `${error.syscall} failed`);
  const problem = PROBLEM_OF[error.code] ?? 'system error';
  return `${error.path === '' ? '(empty path)' : error.path}: ${action}: ${problem} (${error.code})`;
}
