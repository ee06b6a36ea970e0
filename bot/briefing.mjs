#!/usr/bin/env node
// The `briefing` executable: loads the TypeScript sources through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
