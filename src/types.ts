/** Shared types: the vocabulary every layer of omlint speaks. */

/** How bad a finding is. `info` is advice: it is printed but never fails a run. */
export type Severity = 'error' | 'warn' | 'info';

/** What a user may set a rule to. */
export type RuleSetting = Severity | 'off';

/** A path into a parsed YAML value: map keys and sequence indexes. */
export type Path = readonly (string | number)[];

/** 1-based positions; `endColumn` is the column just after the last character, as in ESLint. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where something is: the file that holds it and the range in that file. */
export interface Location extends Range {
  filePath: string;
}

/** One problem, ready for a formatter. */
export interface Finding extends Range {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The file that holds the offending key or value (it may differ from the linted file with -f layering). */
  filePath: string;
  /** The document path of the key or value at fault: a stable identity across line shifts (gitlab fingerprints). */
  keyPath?: Path;
}

/** All findings for one linted file, in the shape of ESLint's LintResult. */
export interface LintResult {
  filePath: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

/** A plain YAML value after parsing: what ajv and the rules see. */
export type Plain = null | boolean | number | string | Plain[] | PlainMap;
export interface PlainMap {
  [key: string]: Plain;
}
