/** Every rule can be found by its id in three places: src/rules/<id>.ts, fixtures/<id>/, docs/rules/<id>.md. */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../src/rules';
import { docsUrl } from '../src/rules/support/rule';

const root = path.join(__dirname, '..');
const ids = RULES.map((rule) => rule.id);
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** A default severity as the README, docs/rules/ and --list-rules write it. */
const SEVERITY_WORD = { error: 'error', warn: 'warning', info: 'info' } as const;
/** The rules table of the README: rule id → its severity column. */
const README_SEVERITIES = new Map(
  readme.split('\n').flatMap((line) => {
    const row = /^\| \[([a-z0-9-]+)\]\(docs\/rules\/\1\.md\) \| ([^|]+) \|/.exec(line);
    return row ? [[row[1], row[2].trim()] as const] : [];
  }),
);

describe.each(ids)('rule %s', (id) => {
  it('lives in src/rules/<id>.ts', () => {
    expect(fs.existsSync(path.join(root, 'src', 'rules', `${id}.ts`))).toBe(true);
  });
  it('has valid and invalid fixtures', () => {
    for (const kind of ['valid', 'invalid']) {
      const dir = path.join(root, 'fixtures', id, kind);
      expect(fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.(ya?ml|env)$/.test(f)) : []).not.toHaveLength(0);
    }
  });
  it('has a doc with what, why (with a source), a bad and a good example', () => {
    const file = path.join(root, 'docs', 'rules', `${id}.md`);
    expect(fs.existsSync(file)).toBe(true);
    const doc = fs.readFileSync(file, 'utf8');
    expect(doc.split('\n')[0]).toBe(`# ${id}`);
    for (const heading of ['## Why', '## Bad', '## Good']) expect(doc).toContain(heading);
    expect(doc).toMatch(/Source|reference\/|user-pain|§/);
  });
  it('says in its doc whether --fix can fix it', () => {
    const file = path.join(root, 'docs', 'rules', `${id}.md`);
    const fixable = RULES.find((rule) => rule.id === id)?.fixable === true;
    const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''; // a missing doc fails the test above
    expect(/^\*\*Fixable:\*\* yes\b/m.test(doc)).toBe(fixable);
  });
  it('is listed in the README with a link to its doc', () => {
    expect(readme).toContain(`(docs/rules/${id}.md)`);
  });
  it('has the default severity the rule declares in the README table and in its doc', () => {
    const declared = SEVERITY_WORD[RULES.find((rule) => rule.id === id)?.severity ?? 'error'];
    // The first word is the default; graded findings may follow in brackets or after a semicolon.
    expect(README_SEVERITIES.get(id)?.split(/[\s;(]/)[0]).toBe(declared);
    const file = path.join(root, 'docs', 'rules', `${id}.md`);
    const stated = /^\*\*Default severity:\*\* *([a-z]+)/m.exec(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
    if (stated) expect(stated[1]).toBe(declared);
  });
  it('has a docs URL derived from its id', () => {
    expect(docsUrl(id)).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
  });
});

it('has no fixtures or docs for rules that do not exist', () => {
  const fixtureDirs = fs.readdirSync(path.join(root, 'fixtures')).filter((d) => !['examples', 'demo', 'gitops'].includes(d));
  const docs = fs.readdirSync(path.join(root, 'docs', 'rules')).map((f) => f.replace(/\.md$/, ''));
  expect(fixtureDirs.filter((d) => !ids.includes(d))).toEqual([]);
  expect(docs.filter((d) => !ids.includes(d))).toEqual([]);
});

it('has one row a rule in the README table', () => {
  expect([...README_SEVERITIES.keys()]).toEqual(ids);
});

it('registers rules in id order with unique ids', () => {
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
});
