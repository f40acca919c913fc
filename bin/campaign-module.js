#!/usr/bin/env node
// No build step: tsx compiles the TypeScript sources on the fly, so `npx campaign-module`
// works straight after `npm install` in a fresh clone.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main();
