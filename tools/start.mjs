#!/usr/bin/env node
// `npm start`: build every project once, then serve the API (which also serves the web builds)
// on http://localhost:4200. The database is migrated and the demo venues seeded on start.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: process.env.NX_DAEMON ?? 'false' };
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=stream']);
run('node', ['dist/apps/api/server.js']);
