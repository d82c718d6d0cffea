#!/usr/bin/env node
// `npm test`: type checks, lint (module boundaries included), every jest suite, then the
// Playwright end-to-end specs against the built system in Debian's Chromium. The API suite runs
// on SQLite here; set DATABASE_URL to run it on PostgreSQL (CI does both).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: process.env.NX_DAEMON ?? 'false' };
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['nx', 'run-many', '-t', 'typecheck', 'lint', '--outputStyle=stream']);
run('npx', ['nx', 'run-many', '-t', 'test', '--outputStyle=stream', '--', '--ci']);
run('npx', ['nx', 'run', 'e2e:e2e', '--outputStyle=stream']);
