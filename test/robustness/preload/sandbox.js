'use strict';
/**
 * Test preload (NODE_OPTIONS=--require): every way out of the process is blocked and announced on
 * stderr with "SANDBOX-VIOLATION": network sockets, DNS, HTTP(S), TLS, UDP, fetch, file writes,
 * child processes (except `git show`, which --since runs) and loading code from outside omlint.
 * A lint run under it must never print that word.
 */
const fs = require('fs');
const path = require('path');
const Module = require('module');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const report = (what) => {
  const message = `SANDBOX-VIOLATION: ${what}`;
  try {
    process.stderr.write(`${message}\n`);
  } catch {
    // stderr may be gone; the throw below still fails the run.
  }
  return new Error(message);
};
const block = (object, names, what) => {
  for (const name of names) {
    if (typeof object[name] !== 'function') continue;
    object[name] = function blocked() {
      throw report(`${what}.${name}`);
    };
  }
};

const net = require('net');
block(net, ['connect', 'createConnection', 'createServer'], 'net');
net.Socket.prototype.connect = function blocked() {
  throw report('net.Socket.connect');
};
block(require('tls'), ['connect', 'createServer'], 'tls');
block(require('http'), ['request', 'get', 'createServer'], 'http');
block(require('https'), ['request', 'get', 'createServer'], 'https');
block(require('http2'), ['connect', 'createServer', 'createSecureServer'], 'http2');
block(require('dgram'), ['createSocket'], 'dgram');
const dns = require('dns');
block(dns, ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse'], 'dns');
block(dns.promises, ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'], 'dns.promises');
for (const name of ['fetch', 'WebSocket', 'EventSource']) {
  if (name in globalThis) {
    globalThis[name] = function blocked() {
      throw report(name);
    };
  }
}

// Writes: only stdout and stderr (fd 1, 2) may be written.
const WRITE_FLAGS = /[wa+]/;
const writesTo = (flags) => (typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND)) !== 0 : WRITE_FLAGS.test(String(flags ?? 'r')));
for (const name of ['openSync', 'open']) {
  const original = fs[name];
  fs[name] = function guarded(file, flags, ...rest) {
    if (writesTo(flags)) throw report(`fs.${name}(${file}, ${flags})`);
    return original.call(this, file, flags, ...rest);
  };
}
block(fs, ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'createWriteStream', 'mkdirSync', 'mkdir', 'mkdtempSync', 'mkdtemp', 'renameSync', 'rename', 'unlinkSync', 'unlink', 'rmSync', 'rm', 'rmdirSync', 'rmdir', 'copyFileSync', 'copyFile', 'cpSync', 'cp', 'symlinkSync', 'symlink', 'linkSync', 'link', 'truncateSync', 'truncate', 'chmodSync', 'chmod', 'chownSync', 'chown', 'utimesSync', 'utimes'], 'fs');
block(fs.promises, ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rename', 'unlink', 'rm', 'rmdir', 'copyFile', 'cp', 'symlink', 'link', 'truncate', 'chmod', 'chown', 'utimes'], 'fs.promises');
const writeSync = fs.writeSync;
fs.writeSync = function guarded(fd, ...rest) {
  if (fd !== 1 && fd !== 2) throw report(`fs.writeSync(${fd})`);
  return writeSync.call(this, fd, ...rest);
};

// Child processes: only `git ... show --end-of-options REV:./FILE`, the one command --since runs.
const childProcess = require('child_process');
const isGitShow = (command, args) => command === 'git' && Array.isArray(args) && args.includes('show') && args[args.indexOf('show') + 1] === '--end-of-options';
for (const name of ['execFileSync', 'execFile', 'spawn', 'spawnSync']) {
  const original = childProcess[name];
  childProcess[name] = function guarded(command, args, ...rest) {
    if (!isGitShow(command, args)) throw report(`child_process.${name}(${command} ${Array.isArray(args) ? args.join(' ') : ''})`);
    return original.call(this, command, args, ...rest);
  };
}
block(childProcess, ['exec', 'execSync', 'fork'], 'child_process');
block(require('vm'), ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction'], 'vm');

// Code: only omlint's own files and its node_modules may be loaded.
const originalLoad = Module._load;
Module._load = function guarded(request, parent, ...rest) {
  const resolved = (() => {
    try {
      return Module._resolveFilename(request, parent, ...rest);
    } catch {
      return request;
    }
  })();
  if (path.isAbsolute(resolved) && !resolved.startsWith(ROOT + path.sep)) throw report(`require(${resolved})`);
  return originalLoad.call(this, request, parent, ...rest);
};
