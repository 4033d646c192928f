// An interactive figure's page: one self-contained HTML file that draws its inlined spec with the
// scripts of interactiveAssets(), loaded by relative path, so it works opened from disk (file://) and
// asks for nothing outside its folder. Its bytes depend on the spec and the options alone.
import { PAGE_ASSETS } from '../output/layout.ts';
import { escapeXml } from '../text.ts';

export interface PageOptions {
  /** The page's title and heading. */
  title: string;
  /** The figure's id: the element the figure is drawn in is `fig-<id>`. */
  id: string;
  /** The tooltip's colours; light by default. */
  theme?: 'light' | 'dark';
}

/**
 * JSON that is safe inside a <script> element: "<" is written \u003c (inside JSON strings, the only place
 * it can occur), so no "</script>" or "<!--" ends or changes the element early.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const CSS = `
body { margin: 1.5rem; font-family: "DejaVu Sans", Verdana, sans-serif; color: #222; background: #fff; }
h1 { font-size: 1.25rem; font-weight: normal; margin: 0 0 1rem; }
.figure { overflow-x: auto; }
.vega-bindings { margin-top: 0.75rem; }
.vega-bind { margin: 0.25rem 0; }
.vega-bind label { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
.vega-bind-name { min-width: 14rem; }
.vega-bind input[type="range"] { width: min(24rem, 60vw); }
.error { color: #b00020; }
`.trim();

/**
 * The page of an interactive spec: vegaEmbed draws it (SVG, no actions menu) into `#fig-<id>` and
 * leaves the Vega view on `window.__view` for scripts and tests; an error is shown on the page.
 */
export function interactivePage(spec: object, options: PageOptions): string {
  const { title, id, theme = 'light' } = options;
  const element = `fig-${id}`;
  const embedOptions = { mode: 'vega-lite', renderer: 'svg', actions: false, tooltip: { theme } };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
${CSS}
</style>
${PAGE_ASSETS.map((src) => `<script src="${src}"></script>`).join('\n')}
</head>
<body>
<main>
<h1>${escapeXml(title)}</h1>
<div class="figure" id="${escapeXml(element)}"></div>
<p class="error" id="${escapeXml(element)}-error" hidden></p>
<noscript><p>This figure is interactive: it needs JavaScript.</p></noscript>
</main>
<script type="application/json" id="${escapeXml(element)}-spec">${scriptJson(spec)}</script>
<script>
(function () {
  var id = ${scriptJson(element)};
  var spec = JSON.parse(document.getElementById(id + '-spec').textContent);
  vegaEmbed(document.getElementById(id), spec, ${scriptJson(embedOptions)})
    .then(function (result) {
      window.__view = result.view;
      document.documentElement.setAttribute('data-ready', 'true');
    })
    .catch(function (error) {
      var p = document.getElementById(id + '-error');
      p.textContent = 'The figure could not be drawn: ' + error.message;
      p.hidden = false;
      console.error(error);
    });
})();
</script>
</body>
</html>
`;
}
