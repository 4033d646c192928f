// The gallery's formulas typeset to MathML by KaTeX, through a local cache: the MathML of a formula
// depends only on its TeX and KaTeX's version, so a rebuild that typesets nothing new never loads KaTeX.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheDir } from '../output/cache-dir.ts';
import { packageVersion } from '../versions.ts';

/** MathML for each TeX formula, from the cache near `near` or typeset now (and cached). */
export async function typeset(formulas: readonly string[], near: string): Promise<Map<string, string>> {
  const version = packageVersion('katex');
  const file = join(cacheDir(near), `katex-${version}.json`);
  const cached = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Record<string, string>)
    .catch(() => ({}) as Record<string, string>);
  const key = (tex: string) => createHash('sha256').update(tex).digest('hex').slice(0, 32);
  const missing = formulas.filter((tex) => typeof cached[key(tex)] !== 'string');
  if (missing.length) {
    const { default: katex } = await import('katex');
    for (const tex of missing) {
      cached[key(tex)] = katex.renderToString(tex, { output: 'mathml', throwOnError: true, displayMode: false });
    }
    const temp = `${file}.${process.pid}.tmp`;
    await mkdir(dirname(file), { recursive: true })
      .then(() => writeFile(temp, JSON.stringify(cached)))
      .then(() => rename(temp, file))
      .catch(() => {});
  }
  return new Map(formulas.map((tex) => [tex, cached[key(tex)]]));
}
