/**
 * A throwaway project that uses faultline as a user would after `npm install`:
 * the package is packed with `npm pack` (so only what package.json's `files`
 * ships is there), unpacked into the project's node_modules, and imported by
 * its name. Its dependencies are linked from this repository's node_modules,
 * so no registry is needed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (test/support/ is two levels below it, in sources and in dist/). */
export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'faultline') return dir;
    } catch {
      // not here: look one level up
    }
    dir = dirname(dir);
  }
  throw new Error(`no faultline package.json above ${from}`);
}

/** A consumer project on disk, and how to build and run files in it. */
export interface ConsumerProject {
  dir: string;
  /** Writes a file (relative to the project). */
  write(file: string, text: string): void;
  /** Type-checks and compiles the project's .ts files with the repository's tsc; throws with tsc's output on an error. */
  compile(): void;
  /** Runs a compiled file (`main.js` for `main.ts`, from build/) with node and returns its stdout. */
  run(file: string, args?: string[]): string;
  remove(): void;
}

/**
 * Packs the package and lays out a consumer project that depends on it.
 * Needs a built dist/ (npm test builds first).
 *
 * @example
 * const project = createConsumerProject();
 * project.write('main.ts', "import { check } from 'faultline';\n...");
 * project.compile();
 * project.run('main.js');
 */
export function createConsumerProject(): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-consumer-'));
  const packDir = join(dir, '.pack');
  mkdirSync(packDir);
  // --ignore-scripts: dist/ is already built; packing must not rebuild it underneath running tests.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: REPO_ROOT, encoding: 'utf8' }),
  ) as Array<{ filename: string }>;
  const tarball = join(packDir, packed[0]!.filename);
  const installed = join(dir, 'node_modules', 'faultline');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const linked = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), '@types/node'];
  for (const name of new Set(linked)) {
    const target = join(dir, 'node_modules', name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules', name), target, 'dir');
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true,
          noUnusedLocals: true, skipLibCheck: false, types: ['node'], outDir: 'build', rootDir: '.',
        },
        include: ['*.ts'],
      },
      null,
      2,
    ),
  );
  return {
    dir,
    write: (file, text) => writeFileSync(join(dir, file), text),
    compile() {
      const tsc = resolve(REPO_ROOT, 'node_modules', '.bin', 'tsc');
      try {
        execFileSync(tsc, ['-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const failure = error as { stdout?: string; stderr?: string };
        throw new Error(`the consumer project does not compile:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
      }
    },
    run: (file, args = []) => execFileSync(process.execPath, [join(dir, 'build', file), ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
