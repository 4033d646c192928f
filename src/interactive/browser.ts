// The script an interactive page runs (bundled into actfig-page.js by scripts/bundle-page.mjs). It
// draws the figure from its config with the library's own code: the figure's source, with the
// controls' values applied, is normalized and drawn as a build would (config/normalize.ts, kinds/), and
// vega-embed shows the spec. Nothing is precomputed: any slider value is computed afresh.
import { normalizeConfig } from '../config/normalize.ts';
import type { Control } from '../kinds/kind.ts';
import { buildSpec, type Spec } from '../kinds/spec.ts';
import { applyControls } from './controls.ts';

/** What a page holds: its figure's source and its controls. */
export interface PageData {
  id: string;
  source: Record<string, unknown>;
  controls: Control[];
  theme: 'light' | 'dark';
}

/** The spec a page draws for these control values: the image's spec, with tooltips on its marks. */
export function pageSpec(data: PageData, values: Readonly<Record<string, number | string>>): Spec {
  const config = normalizeConfig(applyControls(data.source, data.controls, values), data.id, '/');
  const spec = buildSpec(config.figures[0]);
  const vl = spec.config as Record<string, Record<string, unknown>>;
  return { ...spec, config: { ...vl, mark: { ...vl.mark, tooltip: true } } };
}

interface EmbedResult {
  view: { finalize(): void };
}
declare const vegaEmbed: (el: HTMLElement, spec: object, options: object) => Promise<EmbedResult>;

const text = (tag: string, className: string, content: string) => {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = content;
  return el;
};

/** One control's row: its label, a slider and a box to type the value in (or a choice). */
function controlRow(control: Control, onChange: (value: number | string) => void): HTMLElement {
  const row = document.createElement('label');
  row.className = 'control';
  row.append(text('span', 'control-name', control.label));
  if (control.type === 'choice') {
    const select = document.createElement('select');
    for (const choice of control.choices) select.append(new Option(choice, choice, false, choice === control.value));
    select.addEventListener('change', () => onChange(select.value));
    row.append(select);
    return row;
  }
  const slider = document.createElement('input');
  Object.assign(slider, { type: 'range', min: String(control.min), max: String(control.max) });
  slider.step = String(control.step);
  slider.value = String(control.value);
  const box = document.createElement('input');
  Object.assign(box, { type: 'number', step: 'any', value: String(control.value) });
  box.setAttribute('aria-label', control.label);
  slider.addEventListener('input', () => {
    box.value = slider.value;
    onChange(Number(slider.value));
  });
  box.addEventListener('change', () => {
    if (box.value.trim() === '' || !Number.isFinite(Number(box.value))) return;
    slider.value = box.value;
    onChange(Number(box.value));
  });
  row.append(slider, box);
  return row;
}

/** The page's style, once in the shared script rather than in every page. */
const CSS = `
body { margin: 0; font-family: "DejaVu Sans", Verdana, sans-serif; color: #222; background: #fff; }
main { box-sizing: border-box; width: 100%; max-width: 100vw; padding: 1rem 1.5rem; }
.toolbar { display: flex; justify-content: flex-end; }
.figure { width: 100%; }
.figure svg { display: block; width: 100%; height: auto; }
.figure:fullscreen { display: flex; align-items: center; justify-content: center; background: #fff; }
.figure:fullscreen svg { max-height: 100vh; height: 100vh; }
.controls { display: grid; gap: 0.4rem; margin-top: 0.75rem; }
.control { display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; }
.control-name { min-width: 12rem; }
.control input[type="range"] { width: min(28rem, 60vw); }
.control input[type="number"] { width: 7rem; }
.error { color: #b00020; }
`.trim();

/** Draws the page's figure into `root` and wires its controls; the View is `window.VEGA_DEBUG.view`. */
export function mount(root: HTMLElement, data: PageData): void {
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
  const figure = root.querySelector<HTMLElement>('.figure')!;
  const error = root.querySelector<HTMLElement>('.error')!;
  const form = root.querySelector<HTMLElement>('.controls')!;
  const values: Record<string, number | string> = {};
  for (const c of data.controls) values[c.id] = c.value;
  let view: EmbedResult['view'] | undefined;
  let pending = false;
  let renders = 0;
  const draw = async () => {
    pending = false;
    let spec: Spec;
    try {
      spec = pageSpec(data, values);
    } catch (e) {
      // A value the library refuses (a typed beta of 0): say why, keep the last figure.
      error.textContent = (e as Error).message;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    const result = await vegaEmbed(figure, spec, {
      mode: 'vega-lite',
      renderer: 'svg',
      actions: false,
      tooltip: { theme: data.theme },
    });
    view?.finalize();
    view = result.view;
    (window as unknown as { VEGA_DEBUG: object }).VEGA_DEBUG = { view, spec, values: { ...values } };
    document.documentElement.setAttribute('data-renders', String(++renders));
    document.documentElement.setAttribute('data-ready', 'true');
  };
  // One draw at a time, each with the values as they are when it starts: a draw that ended after a later
  // one would put the older figure back.
  let queue: Promise<void> = Promise.resolve();
  const redraw = () => {
    if (pending) return;
    pending = true;
    queue = queue
      .then(() => new Promise<void>((next) => requestAnimationFrame(() => next())))
      .then(draw)
      .catch(fail);
  };
  const fail = (e: unknown) => {
    error.textContent = `The figure could not be drawn: ${(e as Error).message}`;
    error.hidden = false;
    console.error(e);
  };
  for (const control of data.controls) {
    form.append(
      controlRow(control, (value) => {
        values[control.id] = value;
        redraw();
      }),
    );
  }
  const full = root.querySelector<HTMLButtonElement>('.fullscreen');
  full?.addEventListener('click', () => void figure.requestFullscreen?.());
  queue = draw().catch(fail);
}
