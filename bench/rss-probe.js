/**
 * Preloaded into every node process of a benchmark run when /usr/bin/time is missing
 * (NODE_OPTIONS=--require bench/rss-probe.js): appends the process's peak RSS and CPU time to the
 * file named by OMLINT_BENCH_PROBE when it exits.
 */
'use strict';
const fs = require('fs');

const target = process.env.OMLINT_BENCH_PROBE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.appendFileSync(target, `${JSON.stringify({ maxRSS: usage.maxRSS, userCPUTime: usage.userCPUTime, systemCPUTime: usage.systemCPUTime })}\n`);
  });
}
