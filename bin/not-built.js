// A clone installed with --ignore-scripts has no dist/: say what to run instead of a module-not-found trace.
export function notBuilt(program) {
  return (error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/')) throw error;
    process.stderr.write(`${program}: not built yet: run npm run build (npm install does it through prepare)\n`);
    process.exit(1);
  };
}
