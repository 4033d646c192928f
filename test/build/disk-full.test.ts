// A write that fails part way through a build (a full disk; a folder where a file should go): one line
// naming the file and the cause, exit 1, a manifest true to what is on disk, and the next build, once the
// cause is gone, succeeds and leaves the folder current. Through the real CLI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fig, oneLine, project, sha } from '../project.ts';
import { tempDir } from '../tmp.ts';

/** The names the manifest records, each checked to be the file on disk (but `skip`). */
function recordsTrue(out: string, skip = ''): string[] {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const records = [...manifest.figures.flatMap((f: { files: object[] }) => f.files), ...(manifest.site?.files ?? [])];
  for (const r of records as { name: string; sha256: string }[]) {
    if (r.name === skip) continue;
    expect(sha(readFileSync(join(out, r.name))), r.name).toBe(r.sha256);
  }
  return records.map((r: { name: string }) => r.name);
}

/** A tmpfs of `size` (root only; elsewhere the test is skipped), unmounted after the file's tests. */
const mounts: string[] = [];
function tinyDisk(size: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = tempDir('actfig-disk-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  if (r.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir]);
});
const disk = tinyDisk('200k');

describe('a write that fails part way through a build', () => {
  it.skipIf(!disk)('a full disk: one line naming the file, exit 1; freed, the next build heals', () => {
    const p = project({ outDir: join(disk!, 'out'), formats: ['svg'] });
    const r = p.build();
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/^\/.*\/out\/[\w.-]+: cannot write: no space left on device \(ENOSPC\)$/);
    // The gallery's page and stylesheet fit and are recorded; the scripts that did not fit are not.
    const recorded = recordsTrue(join(disk!, 'out'));
    expect(recorded).toEqual(expect.arrayContaining(['a.svg', 'index.html', 'gallery.css']));
    expect(spawnSync('mount', ['-o', 'remount,size=20m', disk!]).status).toBe(0);
    const again = p.build();
    expect([again.code, again.stderr]).toEqual([0, '']);
    const c = p.check();
    expect([c.code, c.stderr]).toEqual([0, '']);
    recordsTrue(join(disk!, 'out'));
  });

  it('a folder where gallery.css goes: one line, exit 1, index.html recorded; gone, the next build heals', () => {
    const p = project({ figures: [fig('a')] });
    expect(p.build().code).toBe(0);
    rmSync(join(p.out, 'gallery.css'));
    mkdirSync(join(p.out, 'gallery.css'));
    writeFileSync(join(p.out, 'gallery.css', 'x'), '');
    p.write({ figures: [fig('a'), fig('b')] });
    const r = p.build();
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/\/out\/gallery\.css: cannot write: .* \(E[A-Z]+\)$/);
    // The new gallery (with b) was written before the stylesheet failed: the manifest records it.
    const recorded = recordsTrue(p.out, 'gallery.css');
    expect(recorded).toEqual(expect.arrayContaining(['b.svg', 'index.html']));
    expect(readFileSync(join(p.out, 'index.html'), 'utf8')).toContain('b.svg');
    rmSync(join(p.out, 'gallery.css'), { recursive: true });
    const again = p.build();
    expect([again.code, again.stderr]).toEqual([0, '']);
    const c = p.check();
    expect([c.code, c.stderr]).toEqual([0, '']);
    recordsTrue(p.out);
  });
});
