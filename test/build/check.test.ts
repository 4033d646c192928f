// actfig check (src/build/check.ts) against a folder someone has tampered with: --render re-renders and compares
// bytes; a figure torn by a killed build is named. Through the real CLI.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/output/manifest.ts';
import { buildSite } from '../../src/site/gallery.ts';
import { builtProjects, replaceRecorded, sha, tree } from '../project.ts';

const built = builtProjects();

describe('check --render (item 4)', () => {
  it('a figure replaced with its manifest record updated: plain check passes (documented), --render names it', () => {
    const p = built();
    const ok = p.check('--render');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(
      'out is current: 1 figures match c.json; 1 figures re-rendered and compared byte for byte\n',
    );
    // A valid PNG, different bytes.
    const other = new PNG({ width: 2, height: 2 });
    other.data.fill(255);
    replaceRecorded(p.out, 'a.png', PNG.sync.write(other));
    const before = tree(p.dir);
    expect(p.check().code).toBe(0); // plain check trusts the manifest: the documented limitation
    const r = p.check('--render');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  modified out/a.png: differs from what the build makes now');
    expect(r.stdout.match(/^ {2}\S/gm)).toHaveLength(1); // nothing else is named
    expect(r.stdout).toContain('fix: npx actfig build --force --config c.json');
    expect(tree(p.dir)).toEqual(before); // check writes nothing, also with --render
    // The fix it names works.
    expect(p.build('--force').code).toBe(0);
    expect(p.check('--render').code).toBe(0);
  });

  it('index.html with a <script> payload and a matching manifest record: check --render fails naming it', () => {
    const p = built();
    const page = readFileSync(join(p.out, 'index.html'), 'utf8');
    replaceRecorded(p.out, 'index.html', page.replace('</body>', '<script>alert(1)</script>\n</body>'));
    expect(p.check().code).toBe(0);
    const r = p.check('--render');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  modified out/index.html: differs from what the build makes now');
    expect(r.stdout.match(/^ {2}\S/gm)).toHaveLength(1);
  });

  it('a gallery made from a manifest with edited title, alt text and width: --render names it', async () => {
    const p = built();
    const path = join(p.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    Object.assign(manifest.figures[0], { title: 'Not what the config says', alt: 'A wrong description', width: 99 });
    writeFileSync(path, JSON.stringify(manifest, null, 2));
    // The page is exactly what the gallery code makes from that manifest, and recorded as such.
    const pages = buildSite((await readManifest(p.out))!, p.out);
    replaceRecorded(p.out, 'index.html', pages['index.html']);
    expect(p.check().code).toBe(0);
    const r = p.check('--render');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  modified out/index.html: differs from what the build makes now');
  });
});

describe('a torn figure', () => {
  it('a torn figure (a build killed between renames): check names it torn with exit 1; the next build heals it', () => {
    const p = built();
    writeFileSync(
      join(p.out, '.actfig.pending.json'),
      JSON.stringify({ id: 'a', files: [{ name: 'a.svg', sha256: sha('<svg>the new one</svg>') }] }),
    );
    writeFileSync(join(p.out, 'a.svg'), '<svg>the new one</svg>');
    const r = p.check();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}torn {5}out\/a\.svg: figure "a" was being written when a build stopped/m);
    expect(r.stdout.match(/^ {2}\S/gm)).toHaveLength(1);
    expect(p.build().code).toBe(0);
    expect(p.check().code).toBe(0);
    expect(existsSync(join(p.out, '.actfig.pending.json'))).toBe(false);
  });
});
