// An interactive figure's page: one small HTML file holding its figure's config, drawn by the scripts of
// interactiveAssets() loaded by relative path, so it works opened from disk (file://) and asks for
// nothing outside its folder. Its bytes depend on the figure's source and controls alone.
import { PAGE_ASSETS } from '../output/layout.ts';
import { escapeXml } from '../text.ts';
import type { FigureBase } from '../figures/model.ts';
import { pageControls } from './controls.ts';

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

/**
 * A figure's page: the figure's source and controls as JSON, drawn by actfig-page.js (with vega-lite and
 * vega-embed, loaded from beside it) into the page, the width of its window. No rows are inlined: the
 * page computes them with the library's own code, for any value a control takes.
 */
export function interactivePage(figure: FigureBase, title: string): string {
  const data = {
    id: figure.id,
    source: figure.source,
    controls: pageControls(figure),
    theme: figure.theme,
  };
  const element = `fig-${figure.id}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
${PAGE_ASSETS.map((src) => `<script src="${src}"></script>`).join('\n')}
</head>
<body>
<main id="${escapeXml(element)}">
<div class="toolbar"><button type="button" class="fullscreen">Full screen</button></div>
<div class="figure" role="img" aria-label="${escapeXml(title)}"></div>
<p class="error" hidden></p>
<div class="controls"></div>
<noscript><p>This figure is interactive: it needs JavaScript.</p></noscript>
</main>
<script type="application/json" id="${escapeXml(element)}-data">${scriptJson(data)}</script>
<script>
var root = document.getElementById(${scriptJson(element)});
actfig.mount(root, JSON.parse(document.getElementById(root.id + '-data').textContent));
</script>
</body>
</html>
`;
}
