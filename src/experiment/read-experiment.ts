import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError } from '../config/config-error.js';
import type { Experiment } from './experiment.js';
import { validateExperiment } from './validate-experiment.js';

/** Largest experiment file read: one is a few dozen lines. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * Reads and validates an experiment file (YAML, or JSON, which is YAML too). A
 * bad file throws a ConfigError whose message names the file, the line when
 * one is at fault, and the field: `exp.yaml:7: hypothesis.okShare: 1.5 must be
 * a number in [0, 1]`.
 *
 * @example
 * const experiment = readExperimentFile('examples/experiments/follower-crash-holds.yaml');
 */
export function readExperimentFile(path: string): Experiment {
  const { size } = statSync(path);
  if (size > MAX_FILE_BYTES) throw new ConfigError('', `is ${size} bytes; an experiment file has at most ${MAX_FILE_BYTES}`, undefined, path);
  return parseExperiment(readFileSync(path, 'utf8'), path);
}

/**
 * Parses and validates the text of an experiment file (see readExperimentFile).
 *
 * @example
 * parseExperiment('name: x\npreset: sl-majority\n...', 'exp.yaml');
 */
export function parseExperiment(text: string, file: string): Experiment {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const error = document.errors[0];
  if (error !== undefined) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new ConfigError('', `is not valid YAML or JSON: ${error.message.split('\n')[0]}`, undefined, file, line);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw new ConfigError('', `cannot be read: ${(cause as Error).message.split('\n')[0]}`, undefined, file);
  }
  try {
    return validateExperiment(value);
  } catch (cause) {
    if (!(cause instanceof ConfigError)) throw cause;
    const line = lineOfField(document, lineCounter, cause.field);
    const prefix = cause.field === '' ? ': ' : `${cause.field}: `;
    const problem = cause.message.startsWith(prefix) ? cause.message.slice(prefix.length) : cause.message;
    throw new ConfigError(cause.field, problem, undefined, file, line);
  }
}

/**
 * The line of a field (`workload.clients`, `blastRadius.nodes[1]`) in the file,
 * or of the nearest enclosing field present when it is missing; undefined for
 * the whole file.
 */
function lineOfField(document: Document, lineCounter: LineCounter, field: string): number | undefined {
  if (field === '') return undefined;
  const path = field.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  for (let length = path.length; length > 0; length--) {
    let node: { range?: [number, number, number] | null } | undefined;
    try {
      node = document.getIn(path.slice(0, length), true) as typeof node;
    } catch {
      // A path through a scalar (a file that is not a mapping): no line to give.
      return undefined;
    }
    if (node?.range != null) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
