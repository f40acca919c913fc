#!/usr/bin/env node
// Runs the build (`npm run build`, also run by `npm install` through `prepare`): plain JavaScript and a trained model, nothing compiled or trained at start-up.
import { notBuilt } from './not-built.js';

const { main } = await import('../dist/cli/main.js').catch(notBuilt('campaign-module'));
await main();
