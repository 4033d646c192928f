import { hueColors } from '../../figures/hues.ts';
import type { LegendPosition } from '../../figures/model.ts';
import { append, RowKeys, sampleActivation, type Row, type Sampled } from '../../figures/data.ts';
import { axisTitle, chooseLegend, legendBox, placeLabels, plotPixels } from '../../figures/place.ts';
import type { Layer } from '../../figures/vl.ts';
import { labelNumber } from '../../text.ts';
import { hideEntries, jumpLayers, legendSpec, markerRadius, revealed, segment } from '../../figures/layers.ts';
import { type Colors, xTickCount, yTickCount } from '../../figures/theme.ts';
import type { OverlayFigure } from './types.ts';
import { userYScale } from '../../figures/axes.ts';

/** The y scale and axis: a domain the user gave labels its ends and draws a curve along one whole. */
function yAxis(figure: OverlayFigure, yDomain: [number, number], sampled: readonly Sampled[]) {
  const tickCount = yTickCount(figure.height, figure.fontScale);
  if (!figure.yDomain) return { scale: { domain: yDomain, nice: false }, axis: { tickCount } };
  const curves = sampled.map((d) => d.rows.map((r) => r.dy));
  return userYScale(figure.yDomain, figure.height, tickCount, figure.lineWidth, curves, figure.fontScale);
}

/**
 * The derivatives of several activations on one set of axes: one line per activation (broken at its
 * jumps), each derivative's largest value marked and labelled (sigmoid's 0.25 at z = 0, tanh's 1).
 */
export function overlayBody(figure: OverlayFigure, c: Colors) {
  const keys = overlayKeys(figure);
  const rows: Row[] = [];
  const sampled = figure.series.map((s, i) => {
    const { key, isNew } = keys[i];
    const d = sampleActivation(s.activation, s.params, figure.grid, { kinks: true, key, y: false, dy: true });
    if (isNew) append(rows, d.rows);
    return d;
  });
  const baseLabels = figure.series.map((s) => `${s.label}′(z)`);
  const colors = hueColors(
    figure.series.map((s) => s.activation),
    figure.hues,
    c.series,
  );
  const byKey = (values: string[]) =>
    sampled.reduceRight((rest, d, i) => `datum.activation === ${JSON.stringify(d.key)} ? ${values[i]} : ${rest}`, '0');
  const [lo, hi] = sampled[0].zRange;
  const yDomain = figure.yDomain ?? figure.fixedY ?? dyDomain(rows);
  const placed = figure.labelPeaks ? placePeaks(figure, sampled, colors, baseLabels, yDomain) : undefined;
  const labels = placed?.legend ?? baseLabels;
  // A reveal's frame draws the first series only; the others keep their legend entries' room.
  const shows = (i: number) => revealed(figure.frame, 0, i);
  const hidden = labels.filter((_, i) => !shows(i));
  const lines: Layer = {
    data: { name: 'table' },
    transform: [
      ...(hidden.length
        ? [{ filter: { field: 'activation', oneOf: keys.filter((_, i) => shows(i)).map((k) => k.key) } }]
        : []),
      { calculate: byKey(labels.map((l) => JSON.stringify(l))), as: 'label' },
      { calculate: byKey(sampled.map((d) => segment(d.splits.dy))), as: 'segment' },
    ],
    mark: { type: 'line', strokeWidth: figure.lineWidth, clip: true },
    encoding: {
      x: {
        field: 'z',
        type: 'quantitative',
        title: axisTitle(figure.xTitle, figure.width, figure),
        scale: { domain: [lo, hi], nice: false },
        axis: { tickCount: xTickCount(figure.width, figure.fontScale) },
      },
      // Headroom above the highest peak for its label, and below 0 so no line runs along the frame.
      y: {
        field: 'dy',
        type: 'quantitative',
        title: axisTitle(figure.yTitle, figure.height, figure),
        ...yAxis(figure, yDomain, sampled),
      },
      color: {
        field: 'label',
        type: 'nominal',
        scale: { domain: labels, range: colors },
        legend: hideEntries(
          legendSpec(placed?.position ?? (figure.legend === 'auto' ? 'top-left' : figure.legend)),
          hidden,
          labels.length,
        ),
      },
      detail: { field: 'segment', type: 'quantitative' },
      order: { field: 'z', type: 'quantitative' },
    },
  };
  const markers = sampled.flatMap((d, i) => (shows(i) ? d.markers.map((m) => ({ ...m, color: colors[i] })) : []));
  const peaks = placed && {
    ...placed,
    texts: placed.texts.filter((t) => shows(t.series)),
    shown: placed.shown.filter((p) => shows(p.series)),
  };
  return {
    layer: [lines, ...jumpLayers(markers, c, figure.lineWidth), ...(peaks ? peakLayers(peaks, figure, c) : [])],
    rows,
    sampled,
  };
}

/** The `activation` value of each series' rows, and whether the series is the first with those rows. */
export function overlayKeys(figure: OverlayFigure): { key: string; isNew: boolean }[] {
  const keys = new RowKeys();
  return figure.series.map((s) => keys.key(s.activation, s.params, figure.grid));
}

/**
 * [min(0, smallest dy), largest dy] with a margin below and room above for the peaks' labels, in a loop:
 * Math.min(...values) passes every value as an argument and overflows the stack on a large grid.
 */
function dyDomain(rows: readonly Row[]): [number, number] {
  let lo = 0;
  let hi = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    lo = Math.min(lo, r.dy);
    hi = Math.max(hi, r.dy);
  }
  return [lo - 0.04 * (hi - lo), hi + 0.15 * (hi - lo)];
}

interface Peak {
  /** The index of its series. */
  series: number;
  z: number;
  value: number;
  color: string;
  text: string;
  /** What its legend entry says when the label fits nowhere: "max 1 at z = 0". */
  note: string;
  /** A single largest value (a dot); false for a plateau (relu' = 1 for z > 0). */
  dot: boolean;
}

/** Each derivative's largest value: a point, or a plateau labelled on the line towards the right. */
function peaks(figure: OverlayFigure, sampled: Sampled[], colors: string[]): Peak[] {
  const [lo, hi] = sampled[0].zRange;
  return sampled.flatMap((d, i): Peak[] => {
    const s = figure.series[i];
    const { value, at } = d.activation.properties(d.params).maxAbsDerivative;
    if (typeof at === 'number') {
      if (at < lo || at > hi) return [];
      const note = `max ${labelNumber(value, 4)} at z = ${labelNumber(at, 4)}`;
      const text = `max ${s.label}′ = ${labelNumber(value, 4)} at z = ${labelNumber(at, 4)}`;
      return [{ series: i, z: at, value: d.activation.df(at, d.params), color: colors[i], text, note, dot: true }];
    }
    const z = lo + 0.7 * (hi - lo);
    const note = `${labelNumber(value, 4)} for ${at}`;
    const text = `${s.label}′ = ${note}`;
    return [{ series: i, z, value: d.activation.df(z, d.params), color: colors[i], text, note, dot: false }];
  });
}

/**
 * Places the peaks' labels where they collide with nothing (placeLabels); a peak outside the y range, or
 * whose label fits nowhere, is said in the legend instead. Returns the placed labels and the legend's labels.
 */
function placePeaks(
  figure: OverlayFigure,
  sampled: Sampled[],
  colors: string[],
  labels: string[],
  yDomain: [number, number],
) {
  const [lo, hi] = sampled[0].zRange;
  const [ylo, yhi] = yDomain;
  const plot = { width: figure.width, height: figure.height };
  const px = plotPixels([lo, hi], yDomain, plot);
  const all = peaks(figure, sampled, colors);
  const shown = all.filter((p) => p.value >= ylo && p.value <= yhi);
  const fontSize = 11 * figure.fontScale;
  const r = Math.max(6, markerRadius(figure.lineWidth));
  const dots = [...shown.filter((p) => p.dot), ...sampled.flatMap((d) => d.markers)].map((m) => {
    const { x, y } = px(m.z, m.value);
    return { x1: x - r, y1: y - r, x2: x + r, y2: y + r };
  });
  // Every few rows are enough to tell where a label would lie on a curve (a million would take gigabytes).
  const curve = sampled.flatMap((d) => {
    const step = Math.max(1, Math.floor(d.rows.length / 4000));
    const points: { x: number; y: number }[] = [];
    for (let i = 0; i < d.rows.length; i += step) points.push(px(d.rows[i].z, d.rows[i].dy));
    return points.filter((p) => p.y >= 0 && p.y <= plot.height);
  });
  const markers = dots.map((d) => ({ x: d.x1 + r, y: d.y1 + r }));
  const attempt = (position: LegendPosition | false, legend: string[]) => {
    const box = legendBox(position, [legend], plot, figure.fontScale);
    const requests = shown.map((p) => ({ ...px(p.z, p.value), text: p.text, fontSize }));
    return placeLabels(requests, plot, box ? [box, ...dots] : dots, curve);
  };
  // A peak outside the y range, or whose label fits nowhere, is said in its legend entry instead. The
  // legend then grows, so its corner is chosen again and the labels placed again, until no more move.
  const noted = new Set<number>();
  const legendLabels = () =>
    labels.map((l, i) => {
      const p = all.find((q) => q.series === i);
      return p && noted.has(i) ? `${l}, ${p.note}` : l;
    });
  for (const p of all) if (!shown.includes(p)) noted.add(p.series);
  let legend = legendLabels();
  let position: LegendPosition | false = 'top-left';
  let placed: ReturnType<typeof attempt> = [];
  for (;;) {
    position =
      figure.legend === 'auto'
        ? chooseLegend([legend], plot, figure.fontScale, curve, false, markers, figure.size)
        : figure.legend;
    placed = attempt(position, legend);
    const before = noted.size;
    shown.forEach((p, i) => {
      if (!placed[i]) noted.add(p.series);
    });
    if (noted.size === before) break;
    legend = legendLabels();
  }
  // A label placed after all needs no note: dropping it only shrinks the legend, so nothing new collides.
  shown.forEach((p, i) => {
    if (placed[i]) noted.delete(p.series);
  });
  legend = legendLabels();
  const at = (x: number, y: number) => ({
    z: lo + (x / plot.width) * (hi - lo),
    value: ylo + ((plot.height - y) / plot.height) * (yhi - ylo),
  });
  const texts = shown.flatMap((p, i) => {
    const r = placed[i];
    if (!r) return [];
    const point = px(p.z, p.value);
    // A leader from the point to the label's nearer side, when the label is not right beside it.
    const side = r.x1 >= point.x ? r.x1 : r.x2 <= point.x ? r.x2 : point.x;
    const edge = { x: side, y: Math.min(Math.max(point.y, r.y1), r.y2) };
    const far = Math.hypot(edge.x - point.x, edge.y - point.y) > 10;
    return [{ ...p, label: at(r.x1, r.y1), leader: far ? at(edge.x, edge.y) : undefined }];
  });
  return { texts, shown, legend, position };
}

/** A dot on each derivative's largest value and its label where there is room, joined by a dotted leader. */
function peakLayers(placed: ReturnType<typeof placePeaks>, figure: OverlayFigure, c: Colors): Layer[] {
  const x = (field: string) => ({ field, type: 'quantitative' as const });
  const leaders = placed.texts.filter((t) => t.leader);
  const dots = placed.shown.filter((p) => p.dot);
  const layers: Layer[] = [];
  if (leaders.length) {
    const values = leaders.map((t) => ({
      z: t.z,
      value: t.value,
      z2: t.leader!.z,
      value2: t.leader!.value,
      color: t.color,
    }));
    layers.push({
      data: { values },
      mark: { type: 'rule', strokeDash: [2, 2], strokeWidth: 1 },
      encoding: {
        x: x('z'),
        y: x('value'),
        x2: { field: 'z2' },
        y2: { field: 'value2' },
        stroke: { field: 'color', type: 'nominal', scale: null },
      },
    });
  }
  if (dots.length) {
    layers.push({
      data: { values: dots.map((p) => ({ z: p.z, value: p.value, color: p.color })) },
      mark: { type: 'point', filled: true, size: Math.round(50 * (figure.lineWidth / 2) ** 2), opacity: 1 },
      encoding: { x: x('z'), y: x('value'), fill: { field: 'color', type: 'nominal', scale: null } },
    });
  }
  if (placed.texts.length) {
    layers.push({
      data: { values: placed.texts.map((t) => ({ z: t.label.z, value: t.label.value, text: t.text })) },
      mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 11 * figure.fontScale, color: c.text },
      encoding: { x: x('z'), y: x('value'), text: { field: 'text' } },
    });
  }
  return layers;
}
