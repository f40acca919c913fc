#!/usr/bin/env node
// `npm start`. No build step: tsx compiles the TypeScript sources on the fly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/index.ts');
await main();
