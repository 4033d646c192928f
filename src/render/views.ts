// vega Views by figure shape (shape.ts): compiling a Vega-Lite spec and parsing it cost about a sixth of
// a figure (12 of 70 ms), so figures of one shape are compiled and parsed once, and each gets a View of
// that parse with its own values set. ACTFIG_SHAPE_CACHE=0 compiles every figure afresh, as without this.
import type { Renderer } from './fonts.ts';
import { shapeOf } from './shape.ts';

type View = import('vega').View;
type Logger = import('vega').LoggerInterface;

/** The last shapes rendered in this process, each compiled and parsed once (a parsed spec is some 100 kB). */
const KEPT_SHAPES = 64;
const kept = new Map<string, import('vega').Runtime>();
const counts = { shared: 0, compiled: 0 };

/** Figures drawn from a shape compiled before (shared) and shapes compiled, in this process. */
export const shapeCounts = (): { shared: number; compiled: number } => ({ ...counts });

export interface Lease {
  /** The View, run with the figure's values. */
  view: View;
  /** Frees the View. */
  done(): void;
}

/**
 * A View of `spec`, run and ready to draw; warnings from compiling and running it go into `warnings`.
 * Each figure gets a View of its own (a View run again with other values keeps its guides' items in
 * their old order, and draws differently); what figures of one shape share is the parsed spec it is
 * built from.
 */
export async function viewFor(spec: object, warnings: string[], renderer: Renderer): Promise<Lease> {
  const logger = collectingLogger(warnings);
  const shape = process.env.ACTFIG_SHAPE_CACHE === '0' ? undefined : shapeOf(spec);
  let view: View;
  if (!shape) {
    view = new renderer.vega.View(parsed(spec, logger, renderer), { renderer: 'none', logger });
  } else {
    let runtime = kept.get(shape.key);
    if (runtime) {
      kept.delete(shape.key); // most recently used last
      counts.shared++;
    } else {
      runtime = parsed(shape.spec, logger, renderer);
      counts.compiled++;
    }
    kept.set(shape.key, runtime);
    if (kept.size > KEPT_SHAPES) kept.delete(kept.keys().next().value!);
    view = new renderer.vega.View(runtime, { renderer: 'none', logger });
    for (const [name, value] of shape.signals) view.signal(name, value);
    for (const [name, rows] of shape.datasets) view.data(name, rows as object[]);
  }
  try {
    await view.runAsync();
  } catch (error) {
    view.finalize();
    throw error;
  }
  return { view, done: () => view.finalize() };
}

function parsed(spec: object, logger: Logger, { vega, vegaLite }: Renderer): import('vega').Runtime {
  const compiled = vegaLite.compile(spec as import('vega-lite').TopLevelSpec, { logger }).spec;
  return vega.parse(compiled);
}

function collectingLogger(warnings: string[]): Logger {
  let level = 2;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]): never {
      throw new Error(args.map(String).join(' '));
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger as unknown as Logger;
}
