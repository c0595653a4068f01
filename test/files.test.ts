/** Which files a directory scan lints (src/runner/files.ts): the scan patterns, and .gitignore as git reads it. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveFiles } from '../src/runner/files';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A scratch directory with `files` (an entry ending in `/` is an empty folder). */
function scratch(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-files-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (name.endsWith('/')) {
      fs.mkdirSync(file, { recursive: true });
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  return dir;
}

/** What a scan of `files` lints, relative and with `/`. */
function scan(files: Record<string, string>, from = '.'): string[] {
  const dir = scratch(files);
  return resolveFiles([from], dir).map((file) => path.relative(dir, file).split(path.sep).join('/'));
}

describe('a directory scan', () => {
  it('finds values, openmetadata and env files, and never walks node_modules or .git', () => {
    expect(scan({
      'values.yaml': '', 'helm/values-prod.yml': '', 'helm/prod-values.yaml': '', 'conf/openmetadata.yaml': '',
      'docker/.env': '', 'docker/prod.env': '', 'helm/Chart.yaml': '', 'node_modules/x/values.yaml': '', '.git/values.yaml': '',
    })).toEqual(['conf/openmetadata.yaml', 'docker/.env', 'docker/prod.env', 'helm/prod-values.yaml', 'helm/values-prod.yml', 'values.yaml']);
  });

  it('skips what .gitignore ignores, and lints again what a later !pattern names', () => {
    expect(scan({
      '.gitignore': '# generated\nvalues-*.yaml\n!values-prod.yaml\n\n',
      'values-dev.yaml': '', 'values-prod.yaml': '', 'envs/values-qa.yaml': '', 'envs/values-prod.yaml': '', 'values.yaml': '',
    })).toEqual(['envs/values-prod.yaml', 'values-prod.yaml', 'values.yaml']);
  });

  it('matches a pattern ending in / only to folders', () => {
    expect(scan({
      '.gitignore': 'values-old.yaml/\nbuild/\n',
      'values-old.yaml': '', 'archive/values-old.yaml/values.yaml': '', 'build/values.yaml': '', 'helm/build/values.yaml': '',
    })).toEqual(['values-old.yaml']);
  });

  it('anchors a pattern with a leading or inner slash to the folder of the .gitignore', () => {
    expect(scan({
      '.gitignore': '/values-local.yaml\nenvs/values-dev.yaml\n',
      'values-local.yaml': '', 'helm/values-local.yaml': '', 'envs/values-dev.yaml': '', 'helm/envs/values-dev.yaml': '',
    })).toEqual(['helm/envs/values-dev.yaml', 'helm/values-local.yaml']);
  });

  it('reads the .gitignore of every scanned folder, each relative to its folder, a deeper one winning', () => {
    expect(scan({
      '.gitignore': 'values-secret*.yaml\n',
      'helm/.gitignore': '/values-local.yaml\n!values-secret-template.yaml\n',
      'values-local.yaml': '', 'helm/values-local.yaml': '', 'helm/charts/values-local.yaml': '',
      'values-secret-template.yaml': '', 'helm/values-secret-template.yaml': '', 'helm/values-secret.yaml': '',
    })).toEqual(['helm/charts/values-local.yaml', 'helm/values-secret-template.yaml', 'values-local.yaml']);
  });

  it('never lints a file inside an ignored folder, whatever a .gitignore inside it says (as git)', () => {
    expect(scan({ '.gitignore': 'generated/\n', 'generated/.gitignore': '!values.yaml\n', 'generated/values.yaml': '', 'values.yaml': '' })).toEqual(['values.yaml']);
  });

  it('applies the .gitignore files from the scanned folder down, not those above it', () => {
    expect(scan({ '.gitignore': 'values.yaml\n', 'helm/values.yaml': '', 'helm/sub/.gitignore': 'values.yaml\n', 'helm/sub/values.yaml': '' }, 'helm')).toEqual(['helm/values.yaml']);
  });

  it('lints a file named on the command line even when .gitignore ignores it', () => {
    const dir = scratch({ '.gitignore': 'values.yaml\n', 'values.yaml': '' });
    expect(resolveFiles(['values.yaml'], dir)).toEqual([path.join(dir, 'values.yaml')]);
  });

  it('loads the ignore package only when there is a .gitignore to read', () => {
    const loads = (files: Record<string, string>): boolean => {
      let loaded = false;
      jest.isolateModules(() => {
        jest.doMock('ignore', () => {
          loaded = true;
          return jest.requireActual('ignore');
        });
        const { resolveFiles: resolve } = require('../src/runner/files') as typeof import('../src/runner/files');
        resolve(['.'], scratch(files));
      });
      return loaded;
    };
    expect(loads({ 'values.yaml': '' })).toBe(false);
    expect(loads({ 'values.yaml': '', '.gitignore': 'x\n' })).toBe(true);
  });
});
