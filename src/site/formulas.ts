// The gallery's formulas typeset to MathML by KaTeX, through a local cache: the MathML of a formula
// depends only on its TeX and KaTeX's version, so a rebuild that typesets nothing new never loads KaTeX.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cacheDir, readCache, writeCache } from '../output/cache-dir.ts';
import { packageVersion } from '../versions.ts';

/** MathML for each TeX formula, from the cache near `near` or typeset now (and cached). */
export async function typeset(formulas: readonly string[], near: string): Promise<Map<string, string>> {
  const version = packageVersion('katex');
  const file = join(cacheDir(near), `katex-${version}.json`);
  const saved = await readCache(file);
  const cached = (saved && typeof saved === 'object' ? saved : {}) as Record<string, string>;
  const key = (tex: string) => createHash('sha256').update(tex).digest('hex').slice(0, 32);
  const missing = formulas.filter((tex) => typeof cached[key(tex)] !== 'string');
  if (missing.length) {
    const { default: katex } = await import('katex');
    for (const tex of missing) {
      cached[key(tex)] = katex.renderToString(tex, { output: 'mathml', throwOnError: true, displayMode: false });
    }
    await writeCache(file, cached);
  }
  return new Map(formulas.map((tex) => [tex, cached[key(tex)]]));
}
