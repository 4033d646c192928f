#!/usr/bin/env node
// The actfig command: compiled JavaScript (dist/), no TypeScript loader unless a config is TypeScript.
// A reader that closes the pipe early (`actfig spec ID | head`) ends the command quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../dist/cli/main.js');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // An unexpected failure is a bug: show the whole stack.
  console.error(error);
  process.exitCode = 1;
}
