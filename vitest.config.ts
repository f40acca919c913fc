import { configDefaults, defineConfig } from 'vitest/config';
import { SPAWN_TIMEOUT_MS } from './test/wait.js';

// Test files that change process-wide state (the console, globals), so they get a fresh process.
const ISOLATED = ['test/teams/sdk-console.test.ts', 'test/proxy.test.ts', 'test/teams/sign-in.test.ts'];

export default defineConfig({
  test: {
    // vitest's default on 2 cores is one worker, but most test time is spent waiting on child
    // processes, Chromium and loopback sockets: a second file keeps the other core busy.
    maxWorkers: 2,
    // Files that train the matcher or start a server in-process take seconds on a loaded machine,
    // not vitest's default 5 s; tests that spawn processes also say so themselves.
    testTimeout: SPAWN_TIMEOUT_MS,
    hookTimeout: SPAWN_TIMEOUT_MS,
    projects: [
      // A fresh process per file cost a third of the run (each re-imported botbuilder, Bolt and the
      // sources); the rest share their worker's modules.
      { extends: true, test: { name: 'shared', isolate: false, exclude: [...configDefaults.exclude, ...ISOLATED] } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
