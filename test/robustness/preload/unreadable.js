'use strict';
/**
 * Test preload (NODE_OPTIONS=--require): opening any file whose name contains "unreadable" fails
 * with EACCES, as a chmod 000 file does for a user who is not root. Tests run as root in CI, where
 * chmod 000 changes nothing, so this is how the CLI's handling of an unreadable file is exercised.
 */
const fs = require('fs');

const denied = (file) => String(file).includes('unreadable');
const eacces = (file) => Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: String(file) });

for (const name of ['openSync', 'readFileSync']) {
  const original = fs[name];
  fs[name] = function guarded(file, ...rest) {
    if (typeof file !== 'number' && denied(file)) throw eacces(file);
    return original.call(this, file, ...rest);
  };
}
