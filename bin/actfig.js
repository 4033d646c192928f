#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no compile step between editing and using.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // An unexpected failure is a bug: show the whole stack.
  console.error(error);
  process.exitCode = 1;
}
