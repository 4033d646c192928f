// A figure that moves, normalized: `reveal` becomes its steps, `animate` its frames, each frame the
// figure normalized again with the swept series' parameter at one value (so its titles and labels say
// the value). Kind-agnostic: a kind says whether it can (kinds/kind.ts: steps, fixAxes).
import { UserError } from '../errors.ts';
import type { Figure } from '../kinds/registry.ts';
import { kindOf } from '../kinds/registry.ts';
import { ParamError, resolveRef } from '../math/params.ts';
import { animationValues, MAX_FRAME_PIXELS } from '../schema/motion.ts';
import type { ParsedFigure } from './schema.ts';

/** Frames per second of an animation that names none. */
export const DEFAULT_FPS = 10;

/**
 * Gives `figure` its reveal steps and animation frames (`renormalize` normalizes a parsed figure as the
 * config's figures are); a figure that cannot have them is refused, naming `file` and the field at `at`.
 */
export function normalizeMotion(
  figure: Figure,
  parsed: ParsedFigure,
  file: string,
  at: string,
  renormalize: (parsed: ParsedFigure) => Figure,
): void {
  const fail = (field: string, message: string) => new UserError(`${file}: ${at}.${field}: ${message}`);
  const kind = kindOf(figure.kind);
  const reveal = parsed.reveal;
  if (reveal !== undefined && reveal !== false) {
    const by = reveal === true ? 'series' : reveal;
    if (!kind.steps) throw fail('reveal', `a ${figure.kind} figure cannot be revealed`);
    const steps = kind.steps(figure as never, by);
    if (steps < 2)
      throw fail('reveal', `the figure has one ${by === 'series' ? 'series' : 'panel'}: nothing to reveal`);
    figure.reveal = { by, steps };
  }
  const animate = parsed.animate;
  if (!animate) return;
  if (!kind.fixAxes) throw fail('animate', `a ${figure.kind} figure cannot be animated`);
  const values = animationValues(animate);
  const { param } = animate;
  const frames = values.map((value, i) => {
    const last = i === values.length - 1;
    const field = animate.values ? `animate.values[${i}]` : i === 0 ? 'animate.from' : last ? 'animate.to' : 'animate';
    const frame = animate.values || i === 0 || last ? '' : `frame ${i + 1} (${param} = ${value}): `;
    const { copy, found } = withParam(parsed, param, value, (message) => fail(field, frame + message));
    if (found === 0) throw fail('animate.param', `no series of this figure has a parameter "${param}"`);
    if (found > 1)
      throw fail('animate.param', `${found} series have a parameter "${param}"; an animation sweeps one series`);
    const { animate: _a, reveal: _r, ...still } = copy as ParsedFigure;
    const drawn = renormalize({ ...still, interactive: false } as ParsedFigure);
    return { ...drawn, ...(figure.formulas && { formulas: figure.formulas }) };
  });
  const area = figureArea(figure);
  if (area * frames.length > MAX_FRAME_PIXELS) {
    const field = animate.values ? 'animate.values' : 'animate.frames';
    const most = MAX_FRAME_PIXELS.toLocaleString('en');
    const message = `${frames.length} frames of about ${area.toLocaleString('en')} pixels each; at most ${most} in all`;
    throw fail(field, message);
  }
  figure.animate = { param, values, fps: animate.fps ?? DEFAULT_FPS, frames, ...(animate.mp4 && { mp4: true }) };
}

/**
 * The figure's area in CSS pixels: its `size`, else its panels with room for axes and titles (what the
 * limit on an animation's pixels counts before anything is drawn).
 */
function figureArea(figure: Figure): number {
  if (figure.size) return figure.size[0] * figure.size[1];
  const panels = 'panels' in figure ? figure.panels.length : 1;
  const columns = 'columns' in figure ? figure.columns : 1;
  const rows = Math.ceil(panels / columns);
  return (columns * (figure.width + 80) + 24) * (rows * (figure.height + 70) + 24);
}

/**
 * A copy of a parsed figure with `param` set to `value` in every series whose activation has it, and
 * how many such series there are (a sweep counts as several). A bare name in a list of series becomes
 * {activation, params}.
 */
function withParam(
  parsed: unknown,
  param: string,
  value: number,
  fail: (message: string) => Error,
): { copy: unknown; found: number } {
  let found = 0;
  // Names are validated by now; resolveRef gives the activation (a built-in or the config's formula).
  const has = (name: unknown) => typeof name === 'string' && Object.hasOwn(resolveRef(name).activation.params, param);
  const set = (name: string, params: Record<string, unknown> = {}) => {
    found++;
    const merged = { ...params, [param]: value };
    try {
      resolveRef(name, merged);
    } catch (error) {
      if (error instanceof ParamError) throw fail(`${name}: ${error.key}: ${error.message}`);
      throw error;
    }
    return merged;
  };
  const walk = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node))
      return node.map((item) =>
        (key === 'series' || key === 'activations') && has(item)
          ? { activation: item, params: set(item as string) }
          : walk(item),
      );
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    const copy = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v, k)]));
    if (!has(o.activation)) return copy;
    if (o.sweep && typeof o.sweep === 'object' && Object.keys(o.sweep).length) found++;
    return { ...copy, params: set(o.activation as string, o.params as Record<string, unknown> | undefined) };
  };
  return { copy: walk(parsed), found };
}

/** A reveal's frame <id>-i would be another figure's file: refused, naming that figure's id. */
export function refuseFrameIds(figures: readonly Figure[], file: string): void {
  const frames = new Map<string, string>();
  for (const f of figures)
    for (let i = 1; i <= (f.reveal?.steps ?? 0); i++) frames.set(`${f.id}-${i}`.toLowerCase(), f.id);
  for (const [i, f] of figures.entries()) {
    const of = frames.get(f.id.toLowerCase());
    if (of !== undefined)
      throw new UserError(`${file}: figures[${i}].id: "${f.id}" is also the name of a reveal frame of "${of}"`);
  }
}
