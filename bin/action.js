#!/usr/bin/env node
'use strict';
/**
 * The GitHub Action's entry (action.yml, `runs.main`). The runner gives each input as an INPUT_<NAME>
 * environment variable (the name upper-cased, hyphens kept) and the files GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY. This runs the CLI from the bundle (bin/load-cli.js, as bin/omlint.js does)
 * with the options the inputs give, and:
 * - findings become annotations: the `github` format, on stdout, where the runner reads them;
 * - the `format` input's report goes to `output-file`, and a SARIF file to `sarif-file`;
 * - the counts become the step's outputs (from `--summary`, counted as the exit code counts them);
 * - a table of what was reported goes to the step summary (from a JSON report in a temporary file);
 * - the step fails with omlint's exit code; a run that failed (exit 2) also gets an error annotation
 *   with omlint's message.
 * Plain CommonJS for Node 20 and newer: the runner runs it with Node 24, the tests with Node 20.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Every input of action.yml, and what it becomes on the command line. */
const INPUTS = {
  paths: { kind: 'list' },
  values: { kind: 'list', option: '--values' },
  format: { kind: 'value' },
  'output-file': { kind: 'value' },
  'sarif-file': { kind: 'value' },
  'chart-version': { kind: 'value', option: '--chart-version' },
  'server-version': { kind: 'value', option: '--server-version' },
  layout: { kind: 'value', option: '--layout' },
  set: { kind: 'list', option: '--set' },
  'set-string': { kind: 'list', option: '--set-string' },
  'set-json': { kind: 'list', option: '--set-json' },
  'set-file': { kind: 'list', option: '--set-file' },
  'against-export': { kind: 'value', option: '--against-export' },
  config: { kind: 'value', option: '--config' },
  'env-file': { kind: 'value', option: '--env-file' },
  baseline: { kind: 'value', option: '--baseline' },
  since: { kind: 'value', option: '--since' },
  rules: { kind: 'list', option: '--rule' },
  'max-warnings': { kind: 'value', option: '--max-warnings' },
  'show-info': { kind: 'flag', option: '--show-info' },
  quiet: { kind: 'flag', option: '--quiet' },
  'allow-empty': { kind: 'flag', option: '--allow-empty' },
  'report-unused-disable-directives': { kind: 'flag', option: '--report-unused-disable-directives' },
  args: { kind: 'words' },
};

/** File extensions of the `format` input's default output file. */
const EXTENSIONS = { json: 'json', sarif: 'sarif', junit: 'xml', gitlab: 'json', checkstyle: 'xml', stylish: 'txt', compact: 'txt' };

/** The summary table lists at most this many findings; the annotations and reports hold them all. */
const SUMMARY_ROWS = 50;

class InputError extends Error {}

/** An input as the runner passes it (as @actions/core reads it): INPUT_<NAME>, trimmed. */
function input(env, name) {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A boolean input as YAML 1.2 writes one (as @actions/core's getBooleanInput); empty is false. */
function flag(env, name) {
  const value = input(env, name);
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE|)$/.test(value)) return false;
  throw new InputError(`input ${name}: "${value}" is not true or false`);
}

/**
 * Words as a shell splits them, without expanding anything: spaces and new lines separate,
 * single quotes keep everything, double quotes keep everything but `\"` and `\\`, a backslash
 * outside quotes keeps the next character.
 */
function splitWords(text) {
  const words = [];
  let word;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new InputError('input args: a single quote is not closed');
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let quoted = '';
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\')) j++;
        quoted += text[j];
      }
      if (j >= text.length) throw new InputError('input args: a double quote is not closed');
      word = (word ?? '') + quoted;
      i = j;
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** A list input: words separated by spaces, commas (rules only) or new lines; quotes as in `args`. */
function list(env, name) {
  const words = splitWords(input(env, name));
  return name === 'rules' ? words.flatMap((word) => word.split(',')).filter(Boolean) : words;
}

/** The omlint command line the inputs give, and the files the action writes besides. */
function commandLine(env, jsonReport) {
  const argv = ['--format', 'github', '--format', 'json', '-o', jsonReport];
  const sarifFile = input(env, 'sarif-file');
  if (sarifFile) argv.push('--format', 'sarif', '-o', sarifFile);
  const format = input(env, 'format');
  let outputFile = input(env, 'output-file');
  if (format) {
    if (format === 'github') throw new InputError('input format: the findings are annotations already (the github format); name another format, or none');
    outputFile ||= `omlint-report.${EXTENSIONS[format] ?? 'txt'}`;
    argv.push('--format', format, '-o', outputFile);
  } else if (outputFile) {
    throw new InputError('input output-file: give the report\'s format too (input format)');
  }
  argv.push('--summary');
  for (const [name, spec] of Object.entries(INPUTS)) {
    if (!spec.option) continue;
    if (spec.kind === 'flag' && flag(env, name)) argv.push(spec.option);
    else if (spec.kind === 'value' && input(env, name)) argv.push(spec.option, input(env, name));
    else if (spec.kind === 'list') for (const value of list(env, name)) argv.push(spec.option, value);
  }
  argv.push(...splitWords(input(env, 'args')));
  const paths = list(env, 'paths');
  if (paths.length > 0) argv.push('--', ...paths);
  return { argv, sarifFile, outputFile: format ? outputFile : '' };
}

/** Text safe in a workflow command's message (as @actions/core escapes it). */
function escapeData(text) {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A markdown table cell: one line, no column break. */
function cell(text) {
  return String(text).replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** `omlint: N files seen, M with OpenMetadata auth settings; E errors, W warnings, I info findings` as numbers. */
function parseSummary(stderr) {
  const match = /omlint: (\d+) files? seen, (\d+) with OpenMetadata auth settings; (\d+) errors?, (\d+) warnings?, (\d+) info findings?/.exec(stderr);
  if (!match) return undefined;
  const [seen, files, errors, warnings, infos] = match.slice(1).map(Number);
  return { seen, files, errors, warnings, infos };
}

/** The step summary: the counts, then what was reported, file by file. */
function stepSummary(counts, results, cwd, failure) {
  const lines = ['### omlint', ''];
  if (failure) lines.push(`> ${cell(failure)}`, '');
  if (counts) {
    lines.push('| files seen | with OpenMetadata auth settings | errors | warnings | info findings |', '|---|---|---|---|---|');
    lines.push(`| ${counts.seen} | ${counts.files} | ${counts.errors} | ${counts.warnings} | ${counts.infos} |`, '');
  }
  const rows = results.flatMap((result) => result.messages.map((m) => ({ file: path.relative(cwd, m.filePath ?? result.filePath) || result.filePath, m })));
  if (rows.length > 0) {
    lines.push('| file | line | level | rule | message |', '|---|---|---|---|---|');
    for (const { file, m } of rows.slice(0, SUMMARY_ROWS)) {
      lines.push(`| ${cell(file)} | ${m.line}:${m.column} | ${m.level ?? (m.severity === 2 ? 'error' : 'warning')} | ${cell(m.ruleId)} | ${cell(m.message)} |`);
    }
    if (rows.length > SUMMARY_ROWS) lines.push('', `… and ${rows.length - SUMMARY_ROWS} more: see the annotations and the reports.`);
    lines.push('');
  } else if (counts && !failure) {
    lines.push(counts.files > 0 ? 'No problems reported.' : 'No file with OpenMetadata auth settings.', '');
  }
  return `${lines.join('\n')}\n`;
}

function appendTo(file, text) {
  if (file) fs.appendFileSync(file, text);
}

/** Runs the action: returns the exit code. `io` writes stdout and stderr (the runner's log). */
function runAction(env, cwd, io) {
  const bundle = path.join(__dirname, '..', 'dist', 'omlint.cjs');
  if (!fs.existsSync(bundle)) {
    io.stdout('::error title=omlint::This ref of omlint/omlint has no built bundle (dist/omlint.cjs). Use a release tag: uses: omlint/omlint@vX.Y.Z\n');
    return 2;
  }
  const temp = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'omlint-action-'));
  try {
    let command;
    try {
      command = commandLine(env, path.join(temp, 'report.json'));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stdout(`::error title=omlint::${escapeData(error.message)}\n`);
      appendTo(env.GITHUB_STEP_SUMMARY, stepSummary(undefined, [], cwd, error.message));
      return 2;
    }
    const { run } = require('./load-cli').loadCli();
    // The command line as omlint receives it: a finding on a value a --set argument (in `args`) set
    // is reported at its column in this line (file <command line>, line 1; docs/gitops.md).
    io.stderr(`omlint command line: ${command.argv.join(' ')}\n`);
    let stderr = '';
    const code = run(command.argv, {
      stdout: io.stdout,
      stderr: (text) => {
        stderr += text;
        io.stderr(text);
      },
      cwd,
      env,
      isTTY: false,
    });
    let results = [];
    try {
      results = JSON.parse(fs.readFileSync(path.join(temp, 'report.json'), 'utf8'));
    } catch {
      // No report: the run stopped before writing it (a usage error).
    }
    const counts = parseSummary(stderr);
    const failure = code === 2 ? stderr.split('\n').filter((line) => line.startsWith('omlint: ') && !parseSummary(line)).join(' ') : '';
    if (failure) io.stdout(`::error title=omlint::${escapeData(failure)}\n`);
    const outputs = {
      errors: counts?.errors ?? 0,
      warnings: counts?.warnings ?? 0,
      infos: counts?.infos ?? 0,
      files: counts?.files ?? 0,
      'exit-code': code,
      'sarif-file': command.sarifFile && fs.existsSync(path.resolve(cwd, command.sarifFile)) ? command.sarifFile : '',
    };
    appendTo(env.GITHUB_OUTPUT, Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`).join(''));
    appendTo(env.GITHUB_STEP_SUMMARY, stepSummary(counts, results, cwd, failure));
    return code;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  process.exitCode = runAction(process.env, process.cwd(), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

module.exports = { INPUTS, commandLine, splitWords, runAction };
