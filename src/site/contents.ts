// The folder's own files for a manifest: the gallery's page and stylesheet (unless the config has none),
// and, when figures have interactive pages, the scripts those load. What a build writes and what
// `check --render` compares are this one function's output.
import { readFile } from 'node:fs/promises';
import { hasPages } from '../output/layout.ts';
import type { Manifest } from '../output/manifest.ts';

export async function siteContents(
  manifest: Manifest,
  outDir: string,
  gallery: string | false,
  math?: ReadonlyMap<string, string>,
): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string | Uint8Array> = {};
  if (gallery !== false) {
    const { buildSite } = await import('./gallery.ts');
    Object.assign(files, buildSite(manifest, outDir, gallery, math));
  }
  // Interactive pages load vega, vega-lite and vega-embed from beside them: copies of the installed builds.
  if (hasPages(manifest.figures)) {
    const { interactiveAssets } = await import('../interactive/assets.ts');
    for (const asset of interactiveAssets()) files[asset.name] = await readFile(asset.path);
  }
  return files;
}
