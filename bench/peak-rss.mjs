// Preloaded into every process the start-up bench times (`node --import`): prints the process's peak RSS on exit, for both contenders alike.
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
