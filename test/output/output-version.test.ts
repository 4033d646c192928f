// OUTPUT_VERSION is part of every content key, so it must change exactly when output bytes change:
// a refactor that changes no byte leaves every committed figure current, and a change that alters a
// byte makes them stale. This test builds every default figure and compares its files' hashes with
// test/golden/output.json, recorded at the current OUTPUT_VERSION (UPDATE_GOLDEN=1 records them anew).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { OUTPUT_VERSION } from '../../src/output/content-key.ts';
import { actfig, root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const goldenPath = join(root, 'test/golden/output.json');

it('output bytes change only together with OUTPUT_VERSION', () => {
  const out = join(tempDir(), 'figures');
  const r = actfig(['build', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const files: Record<string, string> = {};
  for (const name of readdirSync(out).sort()) {
    if (['index.html', 'gallery.css', 'manifest.json'].includes(name)) continue;
    files[name] = createHash('sha256')
      .update(readFileSync(join(out, name)))
      .digest('hex');
  }
  if (process.env.UPDATE_GOLDEN)
    writeFileSync(goldenPath, `${JSON.stringify({ outputVersion: OUTPUT_VERSION, files }, null, 2)}\n`);
  const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as {
    outputVersion: number;
    files: Record<string, string>;
  };
  const changed = Object.keys({ ...golden.files, ...files }).filter((name) => golden.files[name] !== files[name]);
  if (golden.outputVersion === OUTPUT_VERSION) {
    expect(
      changed,
      'output changed: bump OUTPUT_VERSION in src/output/content-key.ts, then UPDATE_GOLDEN=1 npm test',
    ).toEqual([]);
  } else {
    expect.fail(
      `OUTPUT_VERSION is ${OUTPUT_VERSION} but test/golden/output.json was recorded at ${golden.outputVersion}: ` +
        'run UPDATE_GOLDEN=1 npm test and review',
    );
  }
});
