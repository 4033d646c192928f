// The gallery's stylesheet, written beside index.html as gallery.css: light and dark (following the
// reader's preference), a print layout, and a single column on a phone. No web fonts, no requests.
export const GALLERY_CSS = `:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --card: #f6f8fa; --line: #d1d9e0; --accent: #0550ae; --code: #eef1f4;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --card: #151b23; --line: #3d444d; --accent: #4493f8; --code: #1f2630; }
  figure img { background: #ffffff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 24px; }
h1 { margin: 0 0 4px; font-size: 1.8rem; }
h2 { margin: 32px 0 12px; font-size: 1.4rem; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin: 0 0 4px; font-size: 1.1rem; }
a { color: var(--accent); }
nav a { margin-right: 16px; }
.lead, footer { color: var(--muted); }
.toc ol { margin: 0 0 16px; padding-left: 1.4em; columns: 2 16em; }
section.config { margin-top: 24px; }
section.config > h3 { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 1.05rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 20px; }
figure { margin: 0; padding: 12px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; min-width: 0; }
figure img { display: block; width: 100%; height: auto; border-radius: 4px; }
figcaption { margin-top: 8px; }
figcaption p { margin: 4px 0; }
.files { font-size: 0.9rem; }
.files a { margin-right: 10px; }
details { margin-top: 6px; font-size: 0.9rem; }
summary { cursor: pointer; color: var(--muted); }
.frames div { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 6px; margin-top: 6px; }
dl.snippets { margin: 6px 0 0; }
dl.snippets dt { font-weight: 600; margin-top: 6px; }
dl.snippets dd { margin: 2px 0 0; }
pre { margin: 0; padding: 6px 8px; background: var(--code); border-radius: 4px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
pre code { font: 0.8rem/1.4 ui-monospace, "DejaVu Sans Mono", monospace; user-select: all; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
th { background: var(--card); position: sticky; top: 0; }
td.math { min-width: 12rem; }
math { font-size: 1.05em; }
footer { padding: 32px 16px; font-size: 0.85rem; }
@media (max-width: 560px) {
  .grid { grid-template-columns: 1fr; }
  header, main, footer { padding: 0 10px; }
  h1 { font-size: 1.4rem; }
}
@media print {
  :root { --bg: #ffffff; --fg: #000000; --card: #ffffff; --code: #ffffff; }
  nav, details, .files { display: none; }
  .grid { display: block; }
  figure { break-inside: avoid; margin-bottom: 12px; border: none; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; border: none; }
  th { position: static; }
}
`;
