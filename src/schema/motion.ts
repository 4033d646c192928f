// The config of a figure that moves: `reveal` (one image per step, for slides that build up) and
// `animate` (a GIF sweeping one parameter). Their limits are here, once: the docs and the tests read them.
import { z } from 'zod';
import { REVEAL_BY } from '../figures/model.ts';
import { linspace } from '../math/grid.ts';

/** The most frames an animation may have. */
export const MAX_FRAMES = 200;
/** The most CSS pixels of all an animation's frames together (a 960×540 figure: 77 frames). */
export const MAX_FRAME_PIXELS = 40_000_000;
/** Frames per second: a GIF's delay is in hundredths of a second, so 50 is as fast as it goes. */
export const MAX_FPS = 50;

const finite = z.number();

export const revealSchema = z.union([z.boolean(), z.enum(REVEAL_BY)]);

export const animateSchema = z
  .strictObject({
    /** The parameter swept, by its PyTorch name ("beta", "negative_slope"). */
    param: z.string().min(1),
    /** From this value to `to`, in `frames` evenly spaced values (numpy.linspace). */
    from: finite.optional(),
    to: finite.optional(),
    frames: z.number().int().min(2).max(MAX_FRAMES).optional(),
    /** Or the values themselves, one frame each. */
    values: z.array(finite).min(2).max(MAX_FRAMES).optional(),
    /** Frames per second (default 10). */
    fps: z.number().min(1).max(MAX_FPS).optional(),
    /** Also `<id>.mp4` (H.264), made by ffmpeg, which the build then needs on PATH. */
    mp4: z.boolean().optional(),
  })
  .superRefine((a, ctx) => {
    const range = ['from', 'to', 'frames'] as const;
    if (a.values) {
      for (const key of range)
        if (a[key] !== undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: 'cannot be combined with values' });
      return;
    }
    for (const key of range)
      if (a[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: 'missing (give from, to and frames, or values)' });
  });

export type ParsedAnimate = z.output<typeof animateSchema>;

/**
 * The values of an animation, one per frame: its own, or numpy.linspace(from, to, frames) rounded to three
 * significant digits, as a frame's label says them (β = 0.692, not 0.6923076923076923).
 */
export function animationValues(a: ParsedAnimate): number[] {
  if (a.values) return [...a.values];
  const { from, to, frames } = a as Required<ParsedAnimate>;
  return [...linspace(from, to, frames)].map((v) => Number(v.toPrecision(3)));
}
