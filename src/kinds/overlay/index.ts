// The derivatives of several activations on one set of axes, each one's largest value labelled.
import { DEFAULT_SERIES } from '../../figures/model.ts';
import { gridLength } from '../../math/grid.ts';
import { defineKind, type SchemaKit } from '../kind.ts';
import { describeOverlay } from './describe.ts';
import { overlayBody, overlayKeys } from './draw.ts';
import { NAME, OVERLAY_GRID, type OverlayFigure } from './types.ts';

const schema = ({ z, common, grid, series, finite, check, gridRows }: SchemaKit) =>
  z
    .strictObject({
      kind: z.literal(NAME),
      ...common,
      /** Default sigmoid, tanh, relu. */
      activations: z.array(series).min(1).max(8).optional(),
      /** Default linspace(-10, 10, 401). */
      grid: grid.optional(),
      /** Label each derivative's largest value. Default true. */
      labelPeaks: z.boolean().optional(),
      yDomain: z.tuple([finite, finite]).optional(),
    })
    .superRefine((f, ctx) => {
      check.id(f, ctx);
      check.series(f.activations, ctx);
      check.rows((f.activations?.length ?? DEFAULT_SERIES.length) * gridRows(f.grid, 401), ctx);
    });

export const overlay = defineKind<OverlayFigure, ReturnType<typeof schema>>({
  name: NAME,
  caption: 'Derivatives on one set of axes: the peak height bounds how much gradient each layer can pass back.',
  schema,
  layout: (f) => ({
    columns: 1,
    rows: 1,
    width: 520,
    axisY: 35,
    panelTitles: false,
    figureTitle: f.title !== false,
    colours: (f.activations ?? DEFAULT_SERIES).length,
    xTitle: 'Input Value (z)',
    yTitle: 'Derivative f′(z)',
  }),
  normalize: (f, { base, series: resolve, grid }) => {
    const series = resolve(f.activations);
    return {
      ...base,
      kind: NAME,
      series,
      ...(f.title !== false && { title: f.title ?? `Derivatives of ${series.map((s) => s.label).join(', ')}` }),
      grid: f.grid ? grid(f.grid) : OVERLAY_GRID,
      labelPeaks: f.labelPeaks ?? true,
      ...(f.yDomain && { yDomain: f.yDomain }),
    };
  },
  drawn: (figure) =>
    figure.series.map((s, j) => ({
      activation: s.activation,
      params: s.params,
      at: `activations[${j}]`,
      grid: figure.grid,
    })),
  title: (figure) => figure.title ?? figure.id,
  keyed: (figure) => overlayKeys(figure).map(({ key }, i) => ({ key, ...figure.series[i] })),
  rows: (figure) => figure.series.length * gridLength(figure.grid),
  draw: (figure, c) => {
    const { layer, rows, sampled } = overlayBody(figure, c);
    return {
      body: { width: figure.width, height: figure.height, layer },
      rows,
      description: describeOverlay(figure, sampled),
    };
  },
});
