/**
 * stored-config-precedence per server release: what wins once an install has started and the
 * commands that reconcile the stored copy on that release (the positions are the fixtures').
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import { ROOT } from './support/cli';

describe('stored-config-precedence per release', () => {
  const dir = path.join(ROOT, 'fixtures', 'stored-config-precedence', 'invalid');
  const values = fs.readFileSync(path.join(dir, 'changed-values.yaml'), 'utf8');
  const baseline = { filePath: 'old.yaml', text: fs.readFileSync(path.join(dir, 'changed-values.baseline.yaml'), 'utf8') };
  const messages = (chartVersion: string): string[] =>
    (lintText(values, 'values.yaml', { baseline, chartVersion })?.messages ?? []).filter((m) => m.ruleId === 'stored-config-precedence').map((m) => m.message);

  it('offers export, edit and import from 1.12.0', () => {
    const [message] = messages('1.12.1');
    expect(message).toContain('Once an install has started, OpenMetadata 1.12.1 (what chart 1.12.1 deploys) runs the auth settings stored in its database');
    expect(message).toContain('"openmetadata-ops.sh get-security-config -o FILE"');
    expect(message).toContain('remove-security-config --force');
  });

  it('offers Settings > SSO or removal on 1.10 and 1.11', () => {
    const [message] = messages('1.11.2');
    expect(message).toContain('OpenMetadata 1.11.2 (what chart 1.11.2 deploys)');
    expect(message).not.toContain('get-security-config');
    expect(message).toContain('Make the change in Settings > SSO, or run "openmetadata-ops.sh remove-security-config --force" and restart');
  });

  it('is silent before 1.10: the values run', () => {
    expect(messages('1.9.7')).toEqual([]);
  });
});
