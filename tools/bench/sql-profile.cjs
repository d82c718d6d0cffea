// Per-statement SQLite timings of an API under load — a profiling aid, not part of `npm run bench`.
// Preload it into the API the bench starts:
//
//   BENCH_NODE_ARGS="-r ./tools/bench/sql-profile.cjs" node tools/bench/order-cpu.mjs
//
// Every better-sqlite3 statement run is timed by its SQL text; when the API stops, the statements
// are written to $SQL_PROFILE_OUT (default /tmp/sql-profile.txt), most total time first, with
// count, mean, p50 and p90 in µs. A statement whose p50 is far above its cost in a plain loop is
// worth a look: SQLite may be preparing it again on every run (see InlineLimitSqliteCompiler).
const Module = require('node:module');
const fs = require('node:fs');

const stats = new Map();
const originalRequire = Module.prototype.require;
let patched = false;
Module.prototype.require = function require(id, ...rest) {
  const exported = originalRequire.call(this, id, ...rest);
  if (!patched && id === 'better-sqlite3') {
    patched = true;
    const proto = Object.getPrototypeOf(new exported(':memory:').prepare('select 1'));
    for (const method of ['run', 'get', 'all', 'iterate']) {
      const original = proto[method];
      proto[method] = function timed(...args) {
        const t = process.hrtime.bigint();
        try {
          return original.apply(this, args);
        } finally {
          const us = Number(process.hrtime.bigint() - t) / 1e3;
          const key = this.source.replace(/\s+/g, ' ').slice(0, 400);
          let s = stats.get(key);
          if (!s) stats.set(key, (s = { us: 0, runs: [] }));
          s.us += us;
          s.runs.push(us);
        }
      };
    }
  }
  return exported;
};

function write() {
  const rows = [...stats].sort((a, b) => b[1].us - a[1].us);
  const total = rows.reduce((sum, [, s]) => sum + s.us, 0);
  const lines = [`all statements: ${(total / 1000).toFixed(0)} ms`, '   total ms      runs   mean µs    p50 µs    p90 µs  sql'];
  for (const [sql, s] of rows.slice(0, 80)) {
    const sorted = s.runs.sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(1);
    lines.push(`${(s.us / 1000).toFixed(0).padStart(11)} ${String(sorted.length).padStart(9)} ${(s.us / sorted.length).toFixed(1).padStart(9)} ${at(0.5).padStart(9)} ${at(0.9).padStart(9)}  ${sql}`);
  }
  fs.writeFileSync(process.env.SQL_PROFILE_OUT || '/tmp/sql-profile.txt', `${lines.join('\n')}\n`);
}
process.once('SIGTERM', () => {
  write();
  process.exit(0);
});
process.once('exit', write);
