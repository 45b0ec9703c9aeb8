import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One row of the reference corpus's EXPECTED.tsv. */
export interface CorpusEntry {
  file: string;
  path: string;
  format: 'jepsen-log' | 'edn' | 'ndjson';
  model: string;
  init: unknown;
  expected: 'valid' | 'invalid';
}

/**
 * Where the Porcupine reference corpus is: $FAULTLINE_CORPUS, else ../shared/corpus/porcupine
 * beside the repository. Undefined when absent (a user's clone): callers skip with a message.
 */
export function corpusRoot(): string | undefined {
  const candidates = [process.env.FAULTLINE_CORPUS, path.resolve('..', 'shared', 'corpus', 'porcupine')];
  return candidates.find((dir) => dir !== undefined && existsSync(path.join(dir, 'EXPECTED.tsv')));
}

export const CORPUS_ABSENT_MESSAGE =
  'reference corpus not found: set FAULTLINE_CORPUS or place it at ../shared/corpus/porcupine';

/** The corpus's expected verdicts, or [] when it is absent. */
export function corpusEntries(): CorpusEntry[] {
  const root = corpusRoot();
  if (root === undefined) return [];
  const lines = readFileSync(path.join(root, 'EXPECTED.tsv'), 'utf8').split('\n').slice(1);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [file, format, model, init, expected] = line.split('\t');
      return {
        file: file!,
        path: path.join(root, file!),
        format: format as CorpusEntry['format'],
        model: model!,
        init: JSON.parse(init!),
        expected: expected!.trim() as CorpusEntry['expected'],
      };
    });
}
