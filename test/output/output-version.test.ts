// OUTPUT_VERSION is part of every content key, so it must change exactly when output bytes change:
// a refactor that changes no byte leaves every committed figure current, and a change that alters a
// byte makes them stale. Interactive pages have their own PAGE_VERSION (a page's key holds its figure's
// source and that version). This test builds every default figure and compares its files' hashes with
// test/golden/output.json, recorded at the current versions (UPDATE_GOLDEN=1 records them anew). The
// pages' scripts are copies of packaged files, compared by `actfig check` itself.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { OUTPUT_VERSION, PAGE_VERSION } from '../../src/output/content-key.ts';
import { PAGE_ASSETS } from '../../src/output/layout.ts';
import { actfig, root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const goldenPath = join(root, 'test/golden/output.json');

it('output bytes change only together with OUTPUT_VERSION, and pages only with PAGE_VERSION', () => {
  const out = join(tempDir(), 'figures');
  const r = actfig(['build', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const files: Record<string, string> = {};
  for (const name of readdirSync(out).sort()) {
    if (['index.html', 'gallery.css', 'manifest.json', ...PAGE_ASSETS].includes(name)) continue;
    files[name] = createHash('sha256')
      .update(readFileSync(join(out, name)))
      .digest('hex');
  }
  if (process.env.UPDATE_GOLDEN)
    writeFileSync(
      goldenPath,
      `${JSON.stringify({ outputVersion: OUTPUT_VERSION, pageVersion: PAGE_VERSION, files }, null, 2)}\n`,
    );
  const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as {
    outputVersion: number;
    pageVersion: number;
    files: Record<string, string>;
  };
  const changed = Object.keys({ ...golden.files, ...files }).filter((name) => golden.files[name] !== files[name]);
  const pages = changed.filter((name) => name.endsWith('.html'));
  const others = changed.filter((name) => !name.endsWith('.html'));
  const stale = (what: string, version: string) =>
    `${what} changed: bump ${version} in src/output/content-key.ts, then UPDATE_GOLDEN=1 npm test`;
  if (golden.outputVersion !== OUTPUT_VERSION || golden.pageVersion !== PAGE_VERSION) {
    expect.fail(
      `OUTPUT_VERSION ${OUTPUT_VERSION} and PAGE_VERSION ${PAGE_VERSION}, but test/golden/output.json was recorded ` +
        `at ${golden.outputVersion} and ${golden.pageVersion}: run UPDATE_GOLDEN=1 npm test and review`,
    );
  }
  expect(others, stale('output', 'OUTPUT_VERSION')).toEqual([]);
  expect(pages, stale('a page', 'PAGE_VERSION')).toEqual([]);
});
