/**
 * A run's report: results arrive one by one in file order and go to every output. A format that can
 * be written result by result (every built-in one: `stream` in src/formatters) is turned into text
 * as results come, and printed as it grows when it goes to stdout, so a run over thousands of files
 * keeps neither its results nor their text for it. An -o file is written as its text grows too. A
 * format whose beginning is known only at the end (junit: a `head`) has its text set aside,
 * compressed, until then (set-aside.ts). Other formatters get every result at the end. The bytes
 * of each output are those of the formatter called once with all results.
 */
import type { LintResult } from '../types';
import type { Formatter, FormatterContext, FormatterStream, StreamingFormatter } from '../formatters/types';
import { SetAside } from './set-aside';

export interface ReportOutput {
  formatter: Formatter;
  context: FormatterContext;
  /** Undefined: stdout. */
  file?: string;
}

/** An -o file, opened when its first text is due. */
export interface OutputFile {
  /** Appends text. A failure is kept for close(): the run goes on, and the outputs before this one are still written. */
  write(text: string): void;
  /** Ends the file; throws the file's first failure. */
  close(): void;
}

/** Text handed to stdout or a file at a time while streaming: few writes, little held. */
const FLUSH_AT = 64 * 1024;
/**
 * Text set aside at a time (set-aside.ts). What each piece costs while it is packed and unpacked
 * (zlib's buffers) stays until the garbage collector gets to it; peak RSS of junit at 10 000 files
 * was 168-170 MiB with pieces of 64 KiB, 156-161 with 128 KiB, 158-170 with 256 KiB, 165-177 with
 * 1 MiB (json: 126).
 */
const SET_ASIDE_AT = 128 * 1024;

interface OutputState extends ReportOutput {
  stream?: FormatterStream;
  /** Printed while the run goes on (the stdout output, when no output before it could fail first). */
  live: boolean;
  /** Text written by the stream and not yet printed. */
  pending: string;
  /** Whether anything was printed yet, and the last character printed (the output must end with a newline). */
  printed: boolean;
  lastChar: string;
  /** The -o file, once text was written to it. */
  sink?: OutputFile;
  /** A stream with a `head`: its text set aside so far. */
  setAside?: SetAside;
}

export class Report {
  private readonly outputs: OutputState[];
  /** Results for the formats that need them all at once; only kept when there is such a format. */
  private readonly kept: LintResult[] = [];
  private readonly keepResults: boolean;
  errors = 0;
  warnings = 0;

  constructor(
    outputs: readonly ReportOutput[],
    private readonly shown: (result: LintResult) => LintResult,
    private readonly stdout: (text: string) => void,
    private readonly openFile: (file: string) => OutputFile,
  ) {
    // Outputs are finished in order at the end; stdout goes early only when no -o file comes before
    // it (a file that cannot be written ends the run before the outputs after it). -o files are
    // written as they grow: whether they can be is only told at the end, in order.
    const fileFirst = outputs.findIndex((output) => output.file !== undefined);
    const stdoutAt = outputs.findIndex((output) => output.file === undefined);
    this.outputs = outputs.map((output, i) => {
      const stream = isStreaming(output.formatter) ? output.formatter.stream(output.context) : undefined;
      const live = stream !== undefined && i === stdoutAt && (fileFirst === -1 || fileFirst > stdoutAt);
      return { ...output, stream, live, pending: '', printed: false, lastChar: '' };
    });
    this.keepResults = this.outputs.some((output) => !output.stream);
  }

  add(result: LintResult): void {
    this.errors += result.errorCount;
    this.warnings += result.warningCount;
    const shown = this.shown(result);
    for (const output of this.outputs) {
      if (!output.stream) continue;
      output.pending += output.stream.write(shown);
      if (output.stream.head) {
        if (output.pending.length >= SET_ASIDE_AT) this.setAside(output);
      } else if (output.pending.length >= FLUSH_AT) {
        if (output.live) this.print(output);
        else if (output.file !== undefined) this.toFile(output, output.file);
      }
    }
    if (this.keepResults) this.kept.push(shown);
  }

  /** Writes every output, in order: the rest of the streamed ones, the others whole. */
  finish(): void {
    for (const output of this.outputs) {
      if (output.stream) {
        output.pending += output.stream.end();
        if (output.stream.head) this.writeHeadAndSetAside(output, output.stream.head());
      } else {
        output.pending = output.formatter(this.kept, output.context);
      }
      const last = output.pending ? output.pending[output.pending.length - 1] : output.lastChar;
      // Every report ends with a newline; an empty one stays empty.
      if ((output.printed || output.pending) && last !== '\n') output.pending += '\n';
      if (output.file === undefined) {
        this.print(output);
      } else {
        // Opened here at the latest, so that an empty report still makes its (empty) file.
        output.sink ??= this.openFile(output.file);
        this.toFile(output, output.file);
        output.sink.close();
      }
    }
  }

  /** Moves the pending text of a stream with a `head` aside. */
  private setAside(output: OutputState): void {
    (output.setAside ??= new SetAside()).add(output.pending);
    output.pending = '';
  }

  /** The head, then the text set aside: what comes before the pending text of a stream with a `head`. */
  private writeHeadAndSetAside(output: OutputState, head: string): void {
    if (!output.setAside) {
      // Nothing set aside (a small report): one piece of text.
      output.pending = head + output.pending;
      return;
    }
    const rest = output.pending;
    this.emit(output, head);
    // Unpacked piece by piece: the text set aside is never all in memory at once.
    for (const text of output.setAside.read()) this.emit(output, text);
    output.pending = rest;
  }

  private emit(output: OutputState, text: string): void {
    output.pending = text;
    if (output.file === undefined) this.print(output);
    else this.toFile(output, output.file);
  }

  private print(output: OutputState): void {
    if (!output.pending) return;
    this.stdout(output.pending);
    this.written(output);
  }

  private toFile(output: OutputState, file: string): void {
    if (!output.pending) return;
    output.sink ??= this.openFile(file);
    output.sink.write(output.pending);
    this.written(output);
  }

  private written(output: OutputState): void {
    output.printed = true;
    output.lastChar = output.pending[output.pending.length - 1];
    output.pending = '';
  }
}

function isStreaming(formatter: Formatter): formatter is StreamingFormatter {
  return typeof (formatter as Partial<StreamingFormatter>).stream === 'function';
}
