import { activationNames, activations, type Activation } from '../math/activations/registry.ts';
import { createRequire } from 'node:module';
import { basename, posix, sep } from 'node:path';
import { DEFAULT_KIND, hasKind, kindOf } from '../kinds/registry.ts';
import type { ActivationRow, Manifest, ManifestFigure } from '../output/manifest.ts';
import { FORMATS, type Format, type FormatRecord, formatRecord } from '../formats.ts';
import { escapeXml as esc } from '../text.ts';
import { toolVersion } from '../versions.ts';
import { GALLERY_CSS } from './gallery.css.ts';
import { GALLERY_STYLESHEET } from './files.ts';
import { motionParts } from './motion.ts';
const num = (v: number) => String(Number(v.toPrecision(4)));

const require = createRequire(import.meta.url);

/** Typesets without the cache (for callers that did not call typeset() first). */
function typesetNow(tex: string): string {
  const katex = require('katex') as typeof import('katex');
  return katex.renderToString(tex, { output: 'mathml', throwOnError: true, displayMode: false });
}

/**
 * The formula activations the manifest's figures draw, each with the figures that draw it (a name
 * defined twice, by two configs sharing the folder, keeps the first figure's row).
 */
function customActivations(manifest: Manifest): { row: ActivationRow; figures: string[] }[] {
  const found = new Map<string, { row: ActivationRow; figures: string[] }>();
  for (const entry of manifest.figures) {
    for (const row of entry.activations ?? []) {
      const seen = found.get(row.name);
      if (seen) seen.figures.push(entry.id);
      else found.set(row.name, { row, figures: [entry.id] });
    }
  }
  return [...found.values()];
}

const builtinRows = new Map<string, ActivationRow>();

/**
 * A built-in's row of the property table, with PyTorch's default parameters. Kept once made: some take
 * a numeric search (GELU's loads and calls erfc thousands of times).
 */
function builtinRow(a: Activation): ActivationRow {
  let row = builtinRows.get(a.name);
  if (!row) {
    const params = Object.fromEntries(Object.entries(a.params).map(([k, spec]) => [k, spec.default]));
    row = { name: a.name, displayName: a.displayName, latex: a.latex, properties: a.properties(params) };
    builtinRows.set(a.name, row);
  }
  return row;
}

/** Makes the built-ins' rows now, for a build to call while its last figures render. */
export function prepareGallery(): void {
  for (const name of activationNames) builtinRow(activations[name] as unknown as Activation);
}

/** Every formula the gallery typesets, for typeset() in formulas.ts. */
export const galleryFormulas = (manifest: Manifest = { generator: '', figures: [] }): string[] => [
  ...activationNames.flatMap((name) => {
    const { latex } = activations[name] as unknown as Activation;
    return [latex.f, latex.df];
  }),
  ...customActivations(manifest).flatMap(({ row }) => [row.latex.f, row.latex.df]),
];

/**
 * The gallery, figures/index.html with gallery.css: every figure of the manifest with its image,
 * caption, alt text, downloads and embed snippets, then a property table of every activation with
 * its formulas typeset to MathML at build time. A pure function of the manifest and the config, so
 * its bytes are as reproducible as the figures'.
 */
export function buildSite(
  manifest: Manifest,
  outDir: string,
  page = 'index.html',
  math?: ReadonlyMap<string, string>,
): Record<string, string> {
  const tex = (s: string) => math?.get(s) ?? typesetNow(s);
  const configs = [...new Set(manifest.figures.map((f) => f.config))].filter(Boolean);
  const sections = figureSections(manifest, outDir, configs.length > 1);
  const linked = new Set(manifest.figures.map((f) => f.id));
  const rows = [
    ...activationNames.map((name) => propertyRow(builtinRow(activations[name] as unknown as Activation), linked, tex)),
    ...customActivations(manifest).map(({ row, figures }) => propertyRow(row, linked, tex, figures[0])),
  ];
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Activation figures</title>
<link rel="stylesheet" href="gallery.css">
</head>
<body>
<header>
<h1>Activation figures</h1>
<p class="lead">${manifest.figures.length} figures of neural-network activation functions and their derivatives, exactly as PyTorch computes them, for slides, notebooks and documentation. Each comes as SVG, PNG (2×), PDF, a Vega-Lite spec and CSV data.</p>
<nav><a href="#figures">Figures</a><a href="#properties">Activation properties</a><a href="manifest.json">manifest.json</a></nav>
</header>
<main>
<section id="figures">
<h2>Figures</h2>
<p class="lead">The snippets' paths are relative to a page beside the figure's config, where its slides or notes usually are.</p>
${sections}
</section>
<section id="properties">
<h2>Activation properties</h2>
<p class="lead">With PyTorch's default parameters. Zero-centred: f(0) = 0 and f takes both signs. Saturating: f′ tends to 0 on both sides.</p>
<div class="table-wrap">
<table>
<thead><tr><th scope="col">Activation</th><th scope="col">f(z)</th><th scope="col">f′(z)</th><th scope="col">Range</th><th scope="col">Monotonic</th><th scope="col">Zero-centred</th><th scope="col">Smoothness</th><th scope="col">Largest |f′|</th><th scope="col">Saturating</th><th scope="col">Figure</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
</section>
</main>
<footer>Made by activation-figures ${esc(toolVersion)}${configs.length ? ` from ${configs.map((c) => esc(configName(c, outDir))).join(', ')}` : ''}. Rebuild with <code>npx actfig build</code>; check with <code>npx actfig check</code>.</footer>
</body>
</html>
`;
  return { [page]: html, [GALLERY_STYLESHEET]: GALLERY_CSS };
}

/**
 * The figures' cards: one grid, or, in a folder several configs share (a course's lectures), a table of
 * contents and a section per config headed by its path, in the manifest's order (by config).
 */
function figureSections(manifest: Manifest, outDir: string, byConfig: boolean): string {
  const grid = (entries: ManifestFigure[], level: number) =>
    `<div class="grid">\n${entries.map((entry) => card(entry, outDir, level)).join('\n')}\n</div>`;
  if (!byConfig) return grid(manifest.figures, 3);
  const groups = new Map<string, ManifestFigure[]>();
  for (const entry of manifest.figures) groups.set(entry.config, [...(groups.get(entry.config) ?? []), entry]);
  const named = [...groups].map(([config, entries]) => {
    const name = configName(config, outDir);
    return { id: `config-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`, name, entries };
  });
  const toc = named.map((g) => `<li><a href="#${g.id}">${esc(g.name)}</a> (${g.entries.length})</li>`).join('\n');
  const parts = named.map(
    (g) => `<section class="config" id="${g.id}">\n<h3>${esc(g.name)}</h3>\n${grid(g.entries, 4)}\n</section>`,
  );
  return `<nav class="toc" aria-label="Configs"><ol>\n${toc}\n</ol></nav>\n${parts.join('\n')}`;
}

/** A config as the gallery names it: its path from the output folder's parent (usually the repository's root). */
function configName(config: string, outDir: string): string {
  return config === '' ? 'figures given in code' : posix.normalize(posix.join(basename(outDir), config));
}

/**
 * A file's path as a page beside the config would write it (a lecture's slides live beside its config):
 * `figures/x.svg` for a config at the root, `../../figures/x.svg` for lectures/02/figures.config.ts.
 */
function embedPath(entry: ManifestFigure, outDir: string, name: string): string {
  // A config outside the folder's parent (a build with --out elsewhere): the folder's own name, as before.
  if (entry.config === '' || configName(entry.config, outDir).startsWith('../'))
    return posix.join(basename(outDir), name);
  const base = outDir.split(sep).join('/');
  return posix.relative(posix.dirname(posix.join(base, entry.config)), posix.join(base, name));
}

/** The first of these formats that the figure has, by `rank` (lowest first; formats without one never). */
function best(has: (format: Format) => boolean, rank: (g: FormatRecord['gallery']) => number | undefined) {
  const ranked = FORMATS.filter((f) => has(f) && rank(formatRecord(f).gallery) !== undefined);
  return ranked.sort((a, b) => rank(formatRecord(a).gallery)! - rank(formatRecord(b).gallery)!)[0];
}

function card(entry: ManifestFigure, outDir: string, level: number): string {
  const file = (ext: string) => `${entry.id}.${ext}`;
  const hasFile = (ext: string) => entry.files.some((f) => f.name === file(ext));
  const ext = (format: Format) => formatRecord(format).ext;
  const has = (format: Format) => hasFile(ext(format));
  const size = entry.width && entry.height ? ` width="${entry.width}" height="${entry.height}"` : '';
  const img = best(has, (g) => g.img);
  const hiDpi = img && FORMATS.find((f) => f !== img && has(f) && formatRecord(f).gallery.srcset);
  const srcset = hiDpi ? ` srcset="${file(ext(hiDpi))} 2x"` : '';
  const image = img
    ? `<img src="${file(ext(img))}"${srcset}${size} alt="${esc(entry.alt)}">`
    : `<p>No image format built; see the PDF or spec.</p>`;
  const downloads = [...FORMATS].sort((a, b) => formatRecord(a).gallery.link - formatRecord(b).gallery.link);
  const links = [
    ['html', 'Interactive'],
    ...downloads.map((f) => [ext(f), formatRecord(f).gallery.label]),
    ['vl.json', 'Vega-Lite spec'],
    ['csv', 'CSV'],
    ['gif', 'GIF'],
    ['mp4', 'MP4'],
    // A kind's own data files (a training figure's training.json), by name.
    ...entry.files
      .map((f) => f.name.slice(entry.id.length + 1))
      .filter((e) => !['html', 'vl.json', 'csv', 'gif', 'mp4', ...FORMATS.map(ext)].includes(e) && !/^\d+\./.test(e))
      .map((e) => [e, e]),
  ]
    .filter(([e]) => hasFile(e))
    .map(([e, label]) => `<a href="${file(e)}">${label}</a>`)
    .join('');
  const path = (format: Format) => embedPath(entry, outDir, file(ext(format)));
  const snippets: [string, string][] = [];
  const markdown = best(has, (g) => g.markdown);
  if (markdown) snippets.push(['Markdown', `![${entry.title}](${path(markdown)})`]);
  if (img)
    snippets.push([
      'HTML',
      `<img src="${path(img)}"${hiDpi ? ` srcset="${path(hiDpi)} 2x"` : ''}${size} ` +
        `style="max-width: 100%; height: auto" alt="${esc(entry.alt)}">`,
    ]);
  const latex = FORMATS.find((f) => has(f) && formatRecord(f).gallery.latex);
  if (latex) snippets.push(['LaTeX', `\\includegraphics[width=\\linewidth]{${path(latex)}}`]);
  const motion = motionParts(entry, (name) => embedPath(entry, outDir, name), img);
  snippets.push(...motion.snippets);
  const kind = kindOf(hasKind(entry.kind) ? entry.kind : DEFAULT_KIND);
  const caption = entry.caption ?? kind.caption;
  return `<figure id="fig-${entry.id}">
${image}
<figcaption>
<h${level}>${esc(entry.title)}</h${level}>
<p>${esc(caption)}</p>
<details><summary>Description (alt text)</summary><p>${esc(entry.alt)}</p></details>
</figcaption>${motion.html && `\n${motion.html}`}
<p class="files">${links}</p>
<dl class="snippets">
${snippets.map(([label, code]) => `<dt>${label}</dt><dd><pre><code>${esc(code)}</code></pre></dd>`).join('\n')}
</dl>
</figure>`;
}

/** A row of the property table; `custom` is the first figure drawing a formula activation. */
function propertyRow(a: ActivationRow, linked: Set<string>, tex: (s: string) => string, custom?: string): string {
  const p = a.properties;
  const peak = p.maxAbsDerivative;
  const at = typeof peak.at === 'number' ? `z = ${num(peak.at)}` : peak.at;
  const figureId = custom ?? `activation-${a.name}`;
  const link = linked.has(figureId) ? `<a href="#fig-${figureId}">${figureId}</a>` : '';
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return `<tr id="act-${a.name}"><th scope="row">${esc(a.displayName)}<br><code>${a.name}</code>${custom ? ' (formula)' : ''}</th><td class="math">${tex(a.latex.f)}</td><td class="math">${tex(a.latex.df)}</td><td>${esc(p.range)}</td><td>${yes(p.monotonic)}</td><td>${yes(p.zeroCentred)}</td><td>${esc(p.smoothness)}</td><td>${num(peak.value)} at ${esc(at)}</td><td>${yes(p.saturating)}</td><td>${link}</td></tr>`;
}
