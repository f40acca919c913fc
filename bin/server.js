#!/usr/bin/env node
// `npm start`: runs the build (`npm run build`, also run by `npm install` through `prepare`).
import { notBuilt } from './not-built.js';

const { main } = await import('../dist/index.js').catch(notBuilt('campaign-module-bot'));
await main();
