import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK = '.actfig.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the output folder's lock, so two builds on one folder take turns instead of interleaving.
 * A lock left by a process that no longer runs (a killed build) is taken over. Returns the release.
 */
export async function lockFolder(dir: string, wait: (pid: number) => void = () => {}, timeoutMs = 600_000): Promise<() => Promise<void>> {
  const path = join(dir, LOCK);
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(path).catch(() => {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(await readFile(path, 'utf8').catch(() => ''));
    if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
      await unlink(path).catch(() => {});
      continue;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${path}: still locked by process ${pid} after ${timeoutMs / 1000} s`);
    if (!told) wait(pid);
    told = true;
    await new Promise((r) => setTimeout(r, 100));
  }
}
