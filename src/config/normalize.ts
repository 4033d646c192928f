// Loose in, normalized out: validates a config object and fills in every default.
import { resolve } from 'node:path';
import type { GridSpec } from '../math/grid.ts';
import { nameSeries } from '../math/params.ts';
import { canonicalName } from '../schema/kit.ts';
import { hueOrder, huesList } from '../figures/hues.ts';
import { canonicalFormats } from '../formats.ts';
import { configError } from './messages.ts';
import { checkOnGrid, type FormulaDefinition, normalizeFormulas } from './formulas.ts';
import { normalizeMotion, refuseFrameIds } from './motion.ts';
import { DEFAULTS, NORMALIZED, type Config, type Figure, type FigureBase, type Series } from './model.ts';
import { DEFAULT_SERIES, fnsOf, PRESET_SIZES } from '../figures/model.ts';
import type { Layout } from '../kinds/kind.ts';
import { kindOf } from '../kinds/registry.ts';
import {
  configSchema,
  type ParsedConfig,
  type ParsedFigure,
  type ParsedGrid,
  type ParsedSeries,
  styleShape,
} from './schema.ts';

/** The most rows (points of all series) a figure with an interactive page may have: the page recomputes them all. */
export const PAGE_MAX_ROWS = 20_000;

/**
 * Validates a config object; on failure throws a UserError naming the file and the field path.
 * `file` names the config in messages; `baseDir` is where a relative outDir starts.
 */
export function normalizeConfig(input: unknown, file = 'config', baseDir = process.cwd(), path?: string): Config {
  // Formula activations first: the figures may name them.
  const formulas = normalizeFormulas(input, file);
  const result = configSchema().safeParse(input);
  if (!result.success) throw configError(file, result.error.issues, input);
  const c = result.data;
  const figures = c.figures.map((f) => normalizeFigure(f as ParsedFigure, c, baseDir));
  if (formulas) for (const [i, f] of figures.entries()) attachFormulas(f, formulas, file, `figures[${i}]`);
  for (const [i, f] of figures.entries()) {
    const parsed = c.figures[i] as ParsedFigure;
    if (parsed.reveal !== undefined || parsed.animate)
      normalizeMotion(f, parsed, file, `figures[${i}]`, (p) => normalizeFigure(p, c, baseDir));
  }
  refuseFrameIds(figures, file);
  // An activation keeps its colour across the build (figures/hues.ts).
  const drawnBy = figures.map((f) =>
    kindOf(f.kind)
      .drawn(f)
      .map((d) => d.activation),
  );
  const hues = hueOrder(
    (c.hues ?? []).map((name) => name && canonicalName(name)),
    drawnBy.flat(),
  );
  for (const [i, f] of figures.entries()) giveHues(f, drawnBy[i], hues);
  // A page recomputes its figure at every slider step: a large grid gets none.
  for (const f of figures) if (kindOf(f.kind).rows(f) > PAGE_MAX_ROWS) f.interactive = false;
  for (const [i, f] of figures.entries()) {
    if (f.interactive !== false) f.source = pageSource(c, c.figures[i], f, hues);
  }
  return {
    [NORMALIZED]: true,
    file,
    ...(path !== undefined && { path }),
    outDir: resolve(baseDir, c.outDir ?? DEFAULTS.outDir),
    formats: canonicalFormats(c.formats ?? DEFAULTS.formats),
    png: { ...DEFAULTS.png, ...c.png },
    gallery: c.gallery ?? DEFAULTS.gallery,
    ...(formulas && { activations: formulas }),
    figures,
  };
}

/**
 * What a figure's page normalizes again when a control moves: a config of this one figure as written,
 * with the style keys it inherits and the formula activations it draws.
 */
function pageSource(
  c: ParsedConfig,
  raw: unknown,
  figure: Figure,
  hues: ReadonlyMap<string, number>,
): Record<string, unknown> {
  const style = Object.fromEntries(
    Object.keys(styleShape).flatMap((k) => (k in c ? [[k, c[k as keyof ParsedConfig]]] : [])),
  );
  const used = Object.keys(figure.formulas ?? {});
  const activations =
    c.activations && used.length ? Object.fromEntries(used.map((n) => [n, c.activations![n]])) : undefined;
  // The build's hues, so that the page draws each activation (any a control picks too) in its colour;
  // a formula activation the page does not define keeps its place free.
  const list = figure.hues && huesList(hues, (name) => Object.hasOwn(figure.hues!, name));
  return { ...style, ...(list && { hues: list }), ...(activations && { activations }), figures: [raw] };
}

/** The hues of the activations a figure draws (`names`), and its animation frames'. */
function giveHues(figure: Figure, names: readonly string[], hues: ReadonlyMap<string, number>): void {
  if (!figure.hues) return;
  figure.hues = Object.fromEntries(names.map((name) => [name, hues.get(name)!]));
  // Each frame draws the figure's activations, one parameter changed.
  for (const frame of figure.animate?.frames ?? []) if (frame.hues) frame.hues = figure.hues;
}

/**
 * Gives a figure the definitions of the formula activations it draws (so its content key covers them)
 * and checks each is finite on the grid it is drawn on.
 */
function attachFormulas(figure: Figure, formulas: Record<string, FormulaDefinition>, file: string, at: string): void {
  const drawn = kindOf(figure.kind)
    .drawn(figure)
    .filter((d) => Object.hasOwn(formulas, d.activation));
  if (drawn.length === 0) return;
  figure.formulas = Object.fromEntries(drawn.map((d) => [d.activation, formulas[d.activation]]));
  for (const d of drawn) if (d.grid) checkOnGrid(d.activation, d.params, d.grid, file, `${at}.${d.at}`);
}

function normalizeSeries(list: ParsedSeries[] | undefined): Series[] {
  return (list ?? DEFAULT_SERIES).map((s) => {
    const ref = typeof s === 'string' ? { activation: s } : s;
    const { activation, params, name } = nameSeries(ref.activation, ref.params);
    const init = typeof s === 'string' ? undefined : s.init;
    return { activation, params, label: (typeof s === 'string' ? undefined : s.label) ?? name, ...(init && { init }) };
  });
}

/**
 * A first guess at the panel size that fills an outer size: what the axes, titles, spacing, padding and an
 * outside legend take, per column and per row, at this font scale. The renderer then fits the panels to
 * the size exactly (render/fit.ts); the better the guess, the fewer passes it takes.
 */
function fitGuess(layout: Layout, fontScale: number, legendOutside: boolean, [outerW, outerH]: [number, number]) {
  const { columns, rows } = layout;
  const spacing = 30 * fontScale;
  const axisY = layout.axisY * fontScale;
  const figureTitle = layout.figureTitle ? 27 * fontScale : 0;
  const row = (layout.panelTitles ? 48 : 31) * fontScale;
  const legend = legendOutside ? 160 * fontScale : 0;
  return {
    width: Math.max(40, Math.floor((outerW - 24 - legend - (columns - 1) * spacing) / columns - axisY)),
    height: Math.max(40, Math.floor((outerH - 24 - figureTitle - (rows - 1) * spacing) / rows - row)),
  };
}

/** Fills in a figure's common defaults, then hands it to its kind (src/kinds/). */
function normalizeFigure(f: ParsedFigure, c: ParsedConfig, baseDir: string): Figure {
  const pick = <K extends keyof typeof styleShape>(key: K) => (f[key] ?? c[key]) as ParsedConfig[K];
  const kind = kindOf(f.kind);
  const preset = pick('preset') ?? DEFAULTS.preset;
  const legendOption = pick('legend') ?? true;
  const legend = legendOption === true ? 'auto' : legendOption;
  const showDerivative = pick('derivative') ?? true;
  const show = fnsOf(pick('show') ?? (showDerivative ? ['f', 'df'] : ['f']));
  const layout = kind.layout(f, show);
  const slide = preset !== 'default';
  const fontScale = pick('fontScale') ?? (slide ? 1.75 : 1);
  // A size (or a preset's) is the whole figure's: panels share what axes, titles and legends leave.
  const size = pick('size') ?? (slide ? PRESET_SIZES[preset] : undefined);
  const guess = size && fitGuess(layout, fontScale, legend === 'right', size);
  const background = pick('background');
  const font = pick('font');
  const labLook = layout.onePerPanel === true && layout.colours <= 2;
  const base: Omit<FigureBase, 'kind'> = {
    id: f.id,
    ...(typeof f.title === 'string' && { title: f.title }),
    ...(f.description !== undefined && { description: f.description }),
    ...(f.caption !== undefined && { caption: f.caption }),
    width: guess?.width ?? pick('width') ?? layout.width,
    height: guess?.height ?? pick('height') ?? 300,
    ...(size && {
      size: [size[0], size[1]] as [number, number],
      cells: [layout.columns, layout.rows] as [number, number],
    }),
    theme: pick('theme') ?? DEFAULTS.theme,
    palette: pick('palette') ?? (labLook ? DEFAULTS.palette : 'colorblind'),
    // Its activations' hues in the build, given once every figure is known (giveHues); the lab's look
    // colours by panel and needs none, so such a figure's bytes do not depend on the rest of the build.
    ...(!labLook && { hues: {} }),
    xTitle: pick('xTitle') ?? layout.xTitle,
    yTitle: pick('yTitle') ?? layout.yTitle,
    legend,
    fontScale,
    lineWidth: pick('lineWidth') ?? (slide ? 3 : 2),
    ...(background !== undefined && { background }),
    ...(pick('svg')?.text === 'text' && { svgText: 'text' as const }),
    ...(font && {
      font: { files: [font.file].flat().map((file) => resolve(baseDir, file)), ...(!f.font && { top: true }) },
    }),
    interactive:
      c.interactive === false || f.interactive === false
        ? false
        : { sliders: typeof f.interactive === 'object' ? f.interactive : {} },
  };
  return kind.normalize(f, {
    base,
    show,
    series: (list) => normalizeSeries(list as ParsedSeries[] | undefined),
    grid: (g) => toGridSpec(g as ParsedGrid),
  }) as Figure;
}

function toGridSpec(g: ParsedGrid): GridSpec {
  if (g.points) return { points: g.points };
  if (g.samples !== undefined) return { min: g.min!, max: g.max!, samples: g.samples };
  return { min: g.min!, max: g.max!, step: g.step! };
}
