import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder for one test. */
export function tempDir(prefix = 'actfig-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file in a folder with its bytes and modification time, to prove a command left it alone. */
export function snapshot(dir: string): Record<string, { bytes: string; mtimeMs: number }> {
  const out: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = { bytes: readFileSync(path).toString('base64'), mtimeMs: statSync(path).mtimeMs };
  }
  return out;
}
