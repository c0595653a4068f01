/**
 * A yaml-syntax message describes the structure and the position, never the text: the `yaml`
 * package's messages quote what they read (an escape, a tag, a token, a source excerpt), and in a
 * file that is not YAML that is often a secret. omlint maps each error code to words of its own
 * (src/source/yaml-messages.ts) and keeps the package's position.
 */
import { parseAllDocuments } from 'yaml';
import { lintText } from './support/lint';
import { parseSource } from '../src/source/parse';
import { describeYamlError } from '../src/source/yaml-messages';

/** Broken texts; every SECRET… token must stay out of the messages. */
const BROKEN: Record<string, string> = {
  'env lines in a values file': 'openmetadata:\n  config:\n    authentication: {}\nDASHBOARD_PASSWORD=SECRETdash01\nSECRET_KEY_BASE=SECRETbase02\n',
  'a key glued to its value': 'openmetadata:\n  config:\n    authentication:\n      clientSecret:"SECRETglued03"\n      provider: okta\n',
  'an alias without anchor': 'openmetadata:\n  config:\n    authentication:\n      clientId: *SECRETalias04\n',
  'an unknown escape': 'openmetadata:\n  config:\n    authentication:\n      clientId: "ab\\qSECRETesc05"\n',
  'a tab as indentation': 'openmetadata:\n  config:\n\tauthentication: SECRETtab06\n',
  'text after a block header': 'openmetadata:\n  config:\n    authentication:\n      clientId: |SECRETblock07\n        x\n',
  'a flow list without commas': 'openmetadata:\n  config:\n    authentication:\n      publicKeys: [SECRETflow08 SECRETflow09: x, y\n',
  'a value that starts with an indicator': 'openmetadata:\n  config:\n    authentication:\n      clientId: @SECRETat10\n',
  'two anchors': 'openmetadata:\n  config:\n    authentication:\n      clientId: &SECRETa11 &SECRETb12 x\n',
  'an unclosed quote': 'openmetadata:\n  config:\n    authentication:\n      clientId: "SECRETquote13\n      provider: okta\n',
};

describe.each(Object.entries(BROKEN))('%s', (_name, text) => {
  const result = lintText(text, 'values.yaml', { parser: 'yaml' });
  const syntax = (result?.messages ?? []).filter((m) => m.ruleId === 'yaml-syntax');

  it('is reported, with no text of the file in the message', () => {
    expect(syntax.length).toBeGreaterThan(0);
    for (const finding of syntax) {
      expect(finding.message).not.toMatch(/SECRET|DASHBOARD|clientSecret|clientId|authentication/);
    }
  });

  it('at the position the yaml package gives (the opening quote, for an unclosed one)', () => {
    const errors = parseAllDocuments(text, { strict: true, uniqueKeys: false, prettyErrors: true })
      .flatMap((doc) => ('errors' in doc ? doc.errors : []));
    const own = syntax.map((m) => `${m.line}:${m.column}`);
    const theirs = errors.map((error) => `${error.linePos?.[0].line}:${error.linePos?.[0].col}`);
    if (_name === 'an unclosed quote') expect(own).toEqual(['4:17']);
    else if (_name === 'an alias without anchor') expect(own).toEqual(['4:17']);
    else expect(own).toEqual(theirs);
  });
});

it('the fast reader gives the same words at the same place as the yaml reader', () => {
  for (const text of [BROKEN['a key glued to its value'], BROKEN['an unclosed quote']]) {
    const fast = parseSource(text, 'values.yaml').syntaxErrors;
    const full = parseSource(text, 'values.yaml', { parser: 'yaml' }).syntaxErrors;
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(full);
  }
});

it('the words for each shape', () => {
  const words = (name: string): string[] =>
    (lintText(BROKEN[name], 'values.yaml', { parser: 'yaml' })?.messages ?? []).filter((m) => m.ruleId === 'yaml-syntax').map((m) => m.message);
  expect(words('a key glued to its value')[0]).toMatch(/^A key has no space after its colon/);
  expect(words('an alias without anchor')).toEqual(['An alias (*name) refers to an anchor (&name) that is not defined before it in this document.']);
  expect(words('an unknown escape')[0]).toMatch(/^A double-quoted value holds a backslash escape/);
  expect(words('a tab as indentation')[0]).toMatch(/tab is used for indentation/);
  expect(words('an unclosed quote')[0]).toMatch(/^This quote is never closed/);
});

it('every yaml error code has words of its own; an unknown code gets a generic line', () => {
  for (const code of ['ALIAS_PROPS', 'BAD_ALIAS', 'BAD_DIRECTIVE', 'BAD_DQ_ESCAPE', 'BAD_INDENT', 'BAD_PROP_ORDER', 'BAD_SCALAR_START',
    'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'IMPOSSIBLE', 'KEY_OVER_1024_CHARS', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY',
    'MULTIPLE_ANCHORS', 'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'NON_STRING_KEY', 'RESOURCE_EXHAUSTION', 'TAB_AS_INDENT', 'TAG_RESOLVE_FAILED',
    'UNEXPECTED_TOKEN', 'BAD_COLLECTION_TYPE']) {
    const message = describeYamlError(code, `Unexpected SECRETx in flow: SECRETy`);
    expect(message).not.toMatch(/SECRET/);
    if (code !== 'IMPOSSIBLE') expect(message).not.toBe('YAML cannot read this part of the file.');
  }
  expect(describeYamlError('SOMETHING_NEW', 'quoting SECRETz')).toBe('YAML cannot read this part of the file.');
});

it('a substituted env value that is not YAML: the reason is in omlint\'s words too', () => {
  const text = 'authenticationConfiguration:\n  provider: ${AUTHENTICATION_PROVIDER:-"okta\\qSECRETenv14"}\n';
  const messages = (lintText(text, 'openmetadata.yaml')?.messages ?? []).filter((m) => m.ruleId === 'yaml-syntax');
  expect(messages.length).toBe(1);
  expect(messages[0].message).toMatch(/backslash escape YAML does not know/);
});
