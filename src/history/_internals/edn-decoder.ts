import { describeInput, failAt } from '../errors.js';
import { EdnFormScanner, type EdnForm } from './edn-form-scanner.js';
import { parseEdnForm, untagged } from './edn-value.js';
import type { HistoryBuilder } from './history-builder.js';
import type { LineDecoder } from './line-decoder.js';
import { isRecord, opFromRecord } from './op-record.js';

/**
 * Reads Jepsen EDN: op maps one per line, or inside one (or more) top-level vectors or
 * lists, with comments, keywords, nil and nested vectors. Each op keeps the line its
 * map starts on. `:process :nemesis` reads as "nemesis" because keywords read as strings.
 */
export class EdnDecoder implements LineDecoder {
  private readonly scanner: EdnFormScanner;

  constructor(private readonly builder: HistoryBuilder) {
    // The op map itself is one level: its values may nest maxDepth more.
    const { maxDepth, maxLineLength } = builder.limits;
    this.scanner = new EdnFormScanner(builder.file, true, (form) => this.addForm(form), { maxDepth: maxDepth + 1, maxLineLength });
  }

  line(text: string, lineNo: number): void {
    this.scanner.line(text, lineNo);
  }

  end(): void {
    this.scanner.end();
  }

  private addForm(form: EdnForm): void {
    const where = { file: this.builder.file, line: form.line };
    // Older Jepsen writes ops as records: #jepsen.history.Op{...}.
    const record = untagged(parseEdnForm(form.text, where, 'syntax'));
    if (!isRecord(record)) failAt(where, 'syntax', `expected an op map, found ${describeInput(record)}`);
    this.builder.add(opFromRecord(record, this.builder.size, where), form.line);
  }
}
