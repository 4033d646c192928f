// Loose in, normalized out: validates a config object and fills in every default.
import { resolve } from 'node:path';
import { findActivation } from '../math/activations/registry.ts';
import type { GridSpec } from '../math/grid.ts';
import { describeParams, resolveParams } from '../math/params.ts';
import { canonicalFormats } from '../formats.ts';
import { configError } from './messages.ts';
import { DEFAULTS, NORMALIZED, type Config, type Figure, type FigureBase, type Series } from './model.ts';
import {
  configSchema,
  type ParsedConfig,
  type ParsedFigure,
  type ParsedGrid,
  type ParsedSeries,
  type styleShape,
} from './schema.ts';

/**
 * Validates a config object; on failure throws a UserError naming the file and the field path.
 * `file` names the config in messages; `baseDir` is where a relative outDir starts.
 */
export function normalizeConfig(input: unknown, file = 'config', baseDir = process.cwd(), path?: string): Config {
  const result = configSchema.safeParse(input);
  if (!result.success) throw configError(file, result.error.issues, input);
  const c = result.data;
  return {
    [NORMALIZED]: true,
    file,
    ...(path !== undefined && { path }),
    outDir: resolve(baseDir, c.outDir ?? DEFAULTS.outDir),
    formats: canonicalFormats(c.formats ?? DEFAULTS.formats),
    png: { ...DEFAULTS.png, ...c.png },
    gallery: c.gallery ?? DEFAULTS.gallery,
    figures: c.figures.map((f) => normalizeFigure(f, c)),
  };
}

function seriesLabel(
  name: string,
  params: Record<string, number | string>,
): { activation: string; params: typeof params; name: string } {
  const activation = findActivation(name)!;
  const resolved = resolveParams(activation, params);
  const changed = describeParams(activation, resolved);
  return {
    activation: activation.name,
    params: resolved,
    name: changed ? `${activation.displayName} (${changed})` : activation.displayName,
  };
}

function normalizeSeries(list: ParsedSeries[] | undefined): Series[] {
  return (list ?? DEFAULTS.series).map((s) => {
    const ref = typeof s === 'string' ? { activation: s } : s;
    const { activation, params, name } = seriesLabel(ref.activation, ref.params ?? {});
    const init = typeof s === 'string' ? undefined : s.init;
    return { activation, params, label: (typeof s === 'string' ? undefined : s.label) ?? name, ...(init && { init }) };
  });
}

function normalizeFigure(f: ParsedFigure, c: ParsedConfig): Figure {
  const pick = <K extends keyof typeof styleShape>(key: K) => f[key] ?? c[key];
  const preset = pick('preset') ?? DEFAULTS.preset;
  const n = f.kind === 'activations' ? f.panels.length : 1;
  // The slide preset aims at a 960×540 figure: panels share the width; axes and legend take the rest.
  const width =
    pick('width') ?? (preset === 'slide' ? Math.floor((960 - 20) / n) - 70 : f.kind === 'activations' ? 360 : 520);
  const height = pick('height') ?? (preset === 'slide' ? 400 : 300);
  const showDerivative = pick('derivative') ?? true;
  const base: FigureBase = {
    id: f.id,
    ...(f.title !== undefined && { title: f.title }),
    ...(f.description !== undefined && { description: f.description }),
    ...(f.caption !== undefined && { caption: f.caption }),
    width,
    height,
    theme: pick('theme') ?? DEFAULTS.theme,
    palette: pick('palette') ?? DEFAULTS.palette,
    xTitle:
      pick('xTitle') ??
      (f.kind === 'vanishing-gradient-depth' ? 'Depth (layers back from the output)' : 'Input Value (z)'),
    yTitle:
      pick('yTitle') ??
      (f.kind === 'vanishing-gradient-depth'
        ? 'RMS gradient (log scale)'
        : f.kind === 'derivatives-overlay'
          ? "Derivative f'(z)"
          : showDerivative
            ? 'Activation / Gradient'
            : 'Activation'),
    legend: pick('legend') ?? true,
  };
  if (f.kind === 'derivatives-overlay') {
    const series = normalizeSeries(f.activations);
    return {
      ...base,
      kind: f.kind,
      series,
      title: f.title ?? `Derivatives of ${series.map((s) => s.label).join(', ')}`,
      grid: f.grid ? toGridSpec(f.grid) : DEFAULTS.overlayGrid,
      labelPeaks: f.labelPeaks ?? true,
      ...(f.yDomain && { yDomain: f.yDomain }),
    };
  }
  if (f.kind === 'vanishing-gradient-depth') {
    const d = DEFAULTS.depth;
    const simulation = {
      depth: f.depth ?? d.depth,
      width: f.units ?? d.units,
      batch: f.batch ?? d.batch,
      seed: f.seed ?? d.seed,
    };
    return {
      ...base,
      kind: f.kind,
      series: normalizeSeries(f.activations),
      simulation,
      title: f.title ?? `Gradient size through ${simulation.depth} layers`,
      bound: f.bound ?? true,
    };
  }
  return {
    ...base,
    kind: 'activations',
    panels: f.panels.map((p) => {
      const { activation, params, name } = seriesLabel(p.activation, p.params ?? {});
      const displayName = findActivation(activation)!.displayName;
      const saturation = p.saturation === true ? {} : p.saturation === false ? undefined : p.saturation;
      const derivative = p.derivative ?? showDerivative;
      return {
        activation,
        params,
        title: p.title ?? (derivative ? `${name} Activation & Gradient` : name),
        grid: toGridSpec((p.grid ?? f.grid)!),
        derivative,
        ...(p.yDomain && { yDomain: p.yDomain }),
        ...(p.color !== undefined && { color: p.color }),
        labels: {
          activation: p.labels?.activation ?? `${displayName} Activation`,
          derivative: p.labels?.derivative ?? `${displayName} Derivative`,
        },
        kinks: p.kinks ?? true,
        ...(saturation && { saturation: { threshold: saturation.threshold ?? DEFAULTS.saturationThreshold } }),
      };
    }),
  };
}

function toGridSpec(g: ParsedGrid): GridSpec {
  if (g.points) return { points: g.points };
  if (g.samples !== undefined) return { min: g.min!, max: g.max!, samples: g.samples };
  return { min: g.min!, max: g.max!, step: g.step! };
}
