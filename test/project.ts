// A throwaway project folder and the real CLI run in it, for the tests that probe the CLI end to end
// (one line on stderr naming the thing, the exit code, nothing written).
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { actfig } from './cli.ts';
import { tempDir } from './tmp.ts';

export const grid = { min: -3, max: 3, samples: 31 };
export const fig = (id: string, activation = 'relu') => ({ id, grid, panels: [{ activation }] });

/** A project folder with `c.json` (outDir "out", PNG and SVG unless said otherwise) and the CLI run in it. */
export function project(config: object = {}, from?: string) {
  const dir = tempDir();
  const out = join(dir, 'out');
  const write = (c: object) =>
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({ outDir: 'out', formats: ['png', 'svg'], figures: [fig('a')], ...c }),
    );
  if (from) cpSync(from, dir, { recursive: true });
  else write(config);
  const run = (args: string[], env?: NodeJS.ProcessEnv) => actfig(args, { cwd: dir, ...(env && { env }) });
  return {
    dir,
    out,
    write,
    run,
    build: (...args: string[]) => run(['build', '--config', 'c.json', ...args]),
    check: (...args: string[]) => run(['check', '--config', 'c.json', ...args]),
  };
}

export type Project = ReturnType<typeof project>;

/**
 * The default project, built once per test file (in its `beforeAll`): the function returned copies it
 * (a build costs a second or two, a copy nothing).
 */
export function builtProjects(): () => Project {
  let template: string;
  beforeAll(() => {
    const p = project();
    expect(p.build().code).toBe(0);
    template = p.dir;
  });
  return () => project({}, template);
}

/** Every file under `dir` (recursively) with its bytes and modification time, to prove a command left it alone. */
export function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) files[entry.name] = `link to ${readlinkSync(path)}`;
    else if (entry.isDirectory()) for (const [k, v] of Object.entries(tree(path))) files[`${entry.name}/${k}`] = v;
    else files[entry.name] = `${statSync(path).mtimeMs} ${readFileSync(path).toString('base64')}`;
  }
  return files;
}

/** stderr is exactly one line (no stack trace); returns it. */
export function oneLine(stderr: string): string {
  expect(stderr).toMatch(/^[^\n]+\n$/);
  expect(stderr).not.toMatch(/^\s+at /m);
  return stderr.trimEnd();
}

export const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Replaces a file of the output folder and updates its bytes and sha256 in manifest.json, as an attacker would. */
export function replaceRecorded(out: string, name: string, data: string | Buffer): void {
  const bytes = Buffer.from(data);
  writeFileSync(join(out, name), bytes);
  const path = join(out, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const records = [...manifest.figures.flatMap((f: { files: object[] }) => f.files), ...(manifest.site?.files ?? [])];
  const record = records.find((f: { name: string }) => f.name === name);
  expect(record, `${name} is in the manifest`).toBeDefined();
  Object.assign(record, { bytes: bytes.length, sha256: sha(bytes) });
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}
