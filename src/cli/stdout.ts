/**
 * Writes to stdout and waits until it is flushed. A reader that closes the pipe early (`| head`) ends
 * the command quietly: bin/actfig.js exits 0 on EPIPE.
 */
export function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
