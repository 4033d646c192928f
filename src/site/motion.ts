// A gallery card's part for a figure that moves: its reveal frames side by side, with the Beamer lines
// that show them one slide step after another, and its animation.
import { FORMATS, type Format, formatRecord } from '../formats.ts';
import type { ManifestFigure } from '../output/manifest.ts';
import { escapeXml as esc } from '../text.ts';

/** The card's frames and animation (empty for a figure that does not move), and its snippets. */
export function motionParts(entry: ManifestFigure, pathOf: (name: string) => string, img: Format | undefined) {
  const names = new Set(entry.files.map((f) => f.name));
  const frames = (format: Format) => {
    const ext = formatRecord(format).ext;
    const list: string[] = [];
    for (let i = 1; names.has(`${entry.id}-${i}.${ext}`); i++) list.push(`${entry.id}-${i}.${ext}`);
    return list;
  };
  const shown = img ? frames(img) : [];
  const html: string[] = [];
  const snippets: [string, string][] = [];
  if (shown.length) {
    const imgs = shown.map(
      (name, i) => `<img src="${name}" alt="${esc(entry.title)}, step ${i + 1} of ${shown.length}">`,
    );
    html.push(
      `<details class="frames"><summary>Reveal: ${shown.length} steps</summary><div>${imgs.join('')}</div></details>`,
    );
    const latex = FORMATS.find((f) => formatRecord(f).gallery.latex && frames(f).length);
    if (latex) {
      const lines = frames(latex).map((name, i) => `\\includegraphics<${i + 1}>[width=\\linewidth]{${pathOf(name)}}`);
      snippets.push(['Beamer', lines.join('\n')]);
    }
  }
  if (names.has(`${entry.id}.gif`)) {
    html.push(
      `<details class="frames"><summary>Animation (GIF)</summary><img src="${entry.id}.gif" alt="${esc(`Animation: ${entry.alt}`)}"></details>`,
    );
    snippets.push(['Markdown (animation)', `![${entry.title}](${pathOf(`${entry.id}.gif`)})`]);
  }
  return { html: html.join('\n'), snippets };
}
