// A figure's shape: its Vega-Lite spec with what differs between similar figures lifted out into
// signals and datasets, so that figures of one shape can share one Vega-Lite compile and vega parse
// (views.ts) and differ only in the values set on their Views. Pure: a spec in, the shape (with its
// key) and the lifted values out.
//
// Lifted: every dataset and inline `data.values`; titles of plots and of the figure; scale domains and
// the colours of scale ranges; the values filters compare a field with; the string literals of
// `calculate` expressions. Everything else (marks, encodings, layout, legend positions) is the shape.
// test/render/reuse.test.ts proves the lifting changes nothing: a figure drawn from its shape is byte
// for byte what a fresh compile of its spec draws.

export interface Shape {
  /** The spec to compile: lifted values replaced by signals (`params`, null) and empty datasets. */
  spec: Record<string, unknown>;
  /** Identifies the shape: figures with the same key can share a View. */
  key: string;
  /** Each lifted value by its signal name, in the order they were lifted (equal values once). */
  signals: [string, unknown][];
  /** Each dataset's rows by its name. */
  datasets: [string, unknown[]][];
}

const PREFIX = 'actfig_';
const VIEW_KEYS = ['layer', 'hconcat', 'vconcat', 'concat'] as const;
const COLOR = /^(#[0-9a-f]{3,8}|rgba?\(.*\)|[a-z]+)$/i;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape of a spec; undefined when the spec holds something this does not know how to lift. */
export function shapeOf(spec: object): Shape | undefined {
  const signals: [string, unknown][] = [];
  const datasets: [string, unknown[]][] = [];
  // Equal values share a signal: Vega-Lite merges equal literal domains of a shared scale silently, but
  // would warn of two signals.
  const byValue = new Map<string, string>();
  const lift = (value: unknown) => {
    const json = JSON.stringify(value);
    let name = byValue.get(json);
    if (!name) {
      name = `${PREFIX}p${signals.length}`;
      signals.push([name, value]);
      byValue.set(json, name);
    }
    return { expr: name };
  };
  const top = { ...(spec as Json) };
  // The description is no part of the drawing: the renderer writes it into the SVG from its options.
  delete top.description;
  if (top.params !== undefined || top.datasets === undefined || !isObject(top.datasets)) return undefined;
  for (const [name, rows] of Object.entries(top.datasets)) {
    if (!Array.isArray(rows)) return undefined;
    datasets.push([name, rows]);
  }
  const inline = (values: unknown[]) => {
    const name = `${PREFIX}d${datasets.length}`;
    datasets.push([name, values]);
    return { name };
  };
  try {
    const body = view(top, lift, inline, true);
    const lifted: Json = {
      ...body,
      params: signals.map(([name]) => ({ name, value: null })),
      datasets: Object.fromEntries(datasets.map(([name]) => [name, []])),
    };
    return { spec: lifted, key: JSON.stringify(lifted), signals, datasets };
  } catch (error) {
    if (error instanceof Unliftable) return undefined;
    throw error;
  }
}

class Unliftable extends Error {}

type Lift = (value: unknown) => { expr: string };
type Inline = (values: unknown[]) => { name: string };

/** A view spec (the top level, a plot, a layer or a unit) with its values lifted. */
function view(node: Json, lift: Lift, inline: Inline, top = false): Json {
  const out: Json = { ...node };
  if (node.title !== undefined) out.title = title(node.title, lift);
  if (isObject(node.data) && Array.isArray(node.data.values)) {
    if (Object.keys(node.data).length !== 1) throw new Unliftable('data with a format');
    out.data = inline(node.data.values);
  }
  if (Array.isArray(node.transform)) out.transform = node.transform.map((t) => transform(t, lift));
  if (isObject(node.encoding)) out.encoding = encoding(node.encoding, lift);
  for (const key of VIEW_KEYS) {
    const children = node[key];
    if (Array.isArray(children)) out[key] = children.map((child) => view(child as Json, lift, inline));
  }
  if (!top && node.params !== undefined) throw new Unliftable('nested params');
  return out;
}

function title(value: unknown, lift: Lift): unknown {
  if (typeof value === 'string') return { text: lift(value) };
  if (isObject(value) && typeof value.text === 'string') return { ...value, text: lift(value.text) };
  return value;
}

function transform(node: unknown, lift: Lift): unknown {
  if (!isObject(node)) return node;
  if (typeof node.calculate === 'string') return { ...node, calculate: liftStrings(node.calculate, lift) };
  const filter = node.filter;
  if (isObject(filter) && typeof filter.field === 'string' && 'equal' in filter && !isObject(filter.equal)) {
    return { ...node, filter: { ...filter, equal: lift(filter.equal) } };
  }
  return node;
}

function encoding(node: Json, lift: Lift): Json {
  const out: Json = {};
  for (const [channel, def] of Object.entries(node)) {
    out[channel] = isObject(def) && isObject(def.scale) ? { ...def, scale: scale(def.scale, lift) } : def;
  }
  return out;
}

function scale(node: Json, lift: Lift): Json {
  const out: Json = { ...node };
  if (Array.isArray(node.domain)) out.domain = lift(node.domain);
  if (Array.isArray(node.range)) {
    out.range = node.range.map((v) => (typeof v === 'string' && COLOR.test(v) ? lift(v) : v));
  }
  return out;
}

/**
 * A vega expression with each string literal replaced by a signal holding it: double-quoted literals
 * as JSON writes them, single-quoted ones without escapes (one with an escape makes the spec
 * unliftable, and the figure is compiled as it is).
 */
export function liftStrings(expression: string, lift: Lift): string {
  let out = '';
  let i = 0;
  while (i < expression.length) {
    const quote = expression[i];
    if (quote !== '"' && quote !== "'") {
      out += quote;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < expression.length && expression[j] !== quote) j += expression[j] === '\\' ? 2 : 1;
    if (j >= expression.length) throw new Unliftable(`unterminated string in ${expression}`);
    const literal = expression.slice(i, j + 1);
    if (quote === "'" && literal.includes('\\')) throw new Unliftable(`escaped string in ${expression}`);
    const value = quote === '"' ? (JSON.parse(literal) as string) : literal.slice(1, -1);
    out += lift(value).expr;
    i = j + 1;
  }
  return out;
}
