'use strict';
/**
 * Lints N different texts with one linter in this process (run with --expose-gc) and prints the heap
 * in use after a full garbage collection at each checkpoint, as JSON: what test/memory.test.ts reads.
 * Every text differs (client ids, hosts, secrets, admins), so every cache of the linter meets new
 * keys all the time.
 */
const { createLinter } = require('../../dist/index.js');

const checkpoints = process.argv.slice(2).map(Number);
const linter = createLinter({ configFile: false });

function text(i) {
  return [
    'openmetadata:',
    '  config:',
    '    authorizer:',
    `      initialAdmins: [admin${i}, "user${i}:pass${i}"]`,
    `      principalDomain: team${i}.example-${i % 97}.io`,
    '    authentication:',
    '      provider: okta',
    `      publicKeys: [https://idp-${i}.okta.com/oauth2/v1/keys]`,
    `      authority: https://idp-${i}.okta.com/oauth2/default/`,
    `      clientId: "{Client ${i}}"`,
    `      callbackUrl: http://om-${i}.internal:8585/callback`,
    '      oidcConfiguration:',
    '        enabled: true',
    `        clientSecret: "Zq${i}x8PlainTextSecretValue${i * 7919}Abc"`,
    `        serverUrl: https://om-${i}.example.io/`,
    '',
  ].join('\n');
}

const heap = {};
let linted = 0;
for (const checkpoint of checkpoints) {
  for (; linted < checkpoint; linted++) {
    const result = linter.lintText(text(linted), `/repo/team-${linted}/values.yaml`);
    if (!result || result.messages.length === 0) throw new Error(`text ${linted} gave no finding`);
  }
  global.gc();
  global.gc();
  heap[checkpoint] = process.memoryUsage().heapUsed;
}
process.stdout.write(JSON.stringify(heap));
