// `actfig dev`: build, serve the output folder, and on every save of the config (or of a local file it
// imports) reload the config afresh, rebuild, and tell the open pages to reload. One build at a time: a
// save during a build asks for one more build after it. A config mistake is printed and the last good
// build stays served. SIGINT or SIGTERM lets a running build finish (the folder is left as a build leaves
// it, its lock released), then closes everything and ends with 0; a second signal ends at once.
import { readFileSync, unlinkSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build, type BuildResult, type ProgressEvent } from '../build/build.ts';
import { loadConfigFrom, resolveConfigFile } from '../config/load.ts';
import { type Config, DEFAULTS } from '../config/model.ts';
import { UserError } from '../errors.ts';
import { LOCK } from '../output/names.ts';
import { printable } from '../text.ts';
import { type DevServer, type Site, startServer } from './server.ts';
import { type FileWatcher, localFiles, watchFiles } from './watch.ts';

export interface DevOptions {
  /** --config: the config file; default: figures.config.* in the current folder. */
  config?: string;
  /** Several configs sharing one output folder, instead of `config`: each built in turn, the folder served. */
  configs?: readonly string[];
  /** --out: the output folder, instead of the config's outDir. */
  out?: string;
  port: number;
  host: string;
  /** How long a burst of saves settles before a rebuild, in ms. Default 100. */
  debounceMs?: number;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const shown = (dir: string) => `${relative(process.cwd(), dir) || '.'}${sep}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A user's mistake as its one line; anything else with its stack. */
function report(error: unknown): void {
  if (error instanceof UserError) err(error.message);
  else err(`actfig dev: unexpected error (still serving the last build):\n${(error as Error)?.stack ?? error}`);
}

/** Runs until SIGINT or SIGTERM; returns the exit code. */
export async function dev(options: DevOptions): Promise<number> {
  if (options.out === '') throw new UserError('--out: must not be empty');
  const given = options.configs ?? [options.config];
  const files: string[] = [];
  for (const config of given) {
    const file = await resolveConfigFile(config === '' ? undefined : config);
    // Without a config file there is nothing to watch: the build's own message, exit 2.
    if (config === '' || !file || !(await stat(file).catch(() => undefined))?.isFile()) {
      await loadConfigFrom(config, options.out);
      throw new UserError(`${config ?? file}: config file not found`);
    }
    files.push(file);
  }
  // Until a config loads, the folder its outDir would default to.
  const site: Site = {
    dir: options.out !== undefined ? resolve(options.out) : resolve(dirname(files[0]), DEFAULTS.outDir),
    gallery: DEFAULTS.gallery,
  };
  const session = new Session(files, given, options, site);
  return session.run();
}

class Session {
  private server: DevServer | undefined;
  private watcher: FileWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopping = false;
  private waitingForLock = false;
  /** Whether a build has succeeded yet: the first one reports as "built", the next ones as "rebuilt". */
  private built = false;
  /** Whether the address has been printed: a later change of the folder served is printed too. */
  private announced = false;
  private finish: (code: number) => void = () => {};
  private readonly releaseSignals: () => void;

  constructor(
    private readonly files: readonly string[],
    private readonly given: readonly (string | undefined)[],
    private readonly options: DevOptions,
    private readonly site: Site,
  ) {
    const releaseSignals = ownSignals(() => this.stop());
    const releaseParent = onParentExit(() => this.stop());
    this.releaseSignals = () => {
      releaseSignals();
      releaseParent();
    };
  }

  async run(): Promise<number> {
    const stopped = new Promise<number>((resolve) => (this.finish = resolve));
    try {
      this.server = await startServer({ host: this.options.host, port: this.options.port, site: () => this.site });
      this.watcher = await watchFiles(
        await this.dependencies(),
        () => this.schedule(),
        (error) => err(`actfig dev: watching: ${error.message}`),
      );
    } catch (error) {
      await this.close();
      this.releaseSignals();
      throw error;
    }
    if (!this.stopping) {
      this.request();
      await this.running;
    }
    if (!this.stopping) out(`actfig dev: serving ${shown(this.site.dir)} at ${this.server.url} (Ctrl-C to stop)`);
    this.announced = true;
    return stopped;
  }

  /** The config file and the local files it imports, but none in the output folder. */
  private async dependencies(): Promise<string[]> {
    const outDir = this.site.dir;
    const skip = (path: string) => path === outDir || path.startsWith(outDir + sep);
    const found = await Promise.all(this.files.map((file) => localFiles(file, skip).catch(() => [file])));
    return [...new Set(found.flat())];
  }

  /** A save: rebuild once the burst of saves has settled. */
  private schedule(): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.request(), this.options.debounceMs ?? 100);
  }

  /** Starts a build, or asks for one more after the one running. */
  private request(): void {
    if (this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.cycle();
        } catch (error) {
          report(error);
        }
      } while (this.again && !this.stopping);
      this.running = undefined;
    })();
  }

  /** Loads the config afresh, rebuilds, and reloads the pages when the folder changed. */
  private async cycle(): Promise<void> {
    const first = !this.built;
    const started = performance.now();
    const configs: Config[] = [];
    try {
      for (const given of this.given) configs.push(await loadConfigFrom(given, this.options.out));
      const folders = new Set(configs.map((c) => c.outDir));
      if (folders.size > 1)
        throw new UserError(
          `actfig dev: serves one folder, and these configs write to ${[...folders].map(shown).join(', ')}; ` +
            'run one actfig dev for each (--port)',
        );
    } catch (error) {
      report(error);
      // A new import may be what broke it: watch what the file names now.
      this.watcher?.set(await this.dependencies());
      return;
    }
    const [config] = configs;
    if (config.outDir !== this.site.dir && this.announced) out(`actfig dev: now serving ${shown(config.outDir)}`);
    this.site.dir = config.outDir;
    this.site.gallery = config.gallery;
    this.watcher?.set(await this.dependencies());
    const results: BuildResult[] = [];
    try {
      for (const each of configs) results.push(await build(each, { progress: (event) => this.progress(event, first) }));
    } catch (error) {
      report(error);
      return;
    } finally {
      this.waitingForLock = false;
    }
    this.built = true;
    const result = results.reduce(merged);
    out(summary(result, first, (performance.now() - started) / 1000));
    if (this.stopping && result.failed.length > 0) {
      const missed = plural(result.failed.length, 'figure');
      out(`actfig dev: stopped during the build: ${missed} not rendered; the next build renders them`);
    }
    if (result.filesWritten > 0 || result.removed.length > 0) this.server?.reload();
  }

  private progress(event: ProgressEvent, first: boolean): void {
    switch (event.type) {
      case 'waiting':
        this.waitingForLock = true;
        out(`actfig dev: waiting for the build running as process ${event.pid} on ${printable(event.host)} to end`);
        break;
      case 'start':
        this.waitingForLock = false;
        if (first && event.toRender > 0) out(`rendering ${event.toRender} of ${plural(event.total, 'figure')}`);
        break;
      case 'figure':
        // Ctrl-C reaches the render processes too: while stopping, their end is no news (see cycle).
        if (event.status === 'failed' && !this.stopping) {
          err(`actfig dev: figure "${printable(event.id)}" failed: ${event.error!.message}`);
          if (!(event.error instanceof UserError)) err(`${event.error!.stack}`);
        }
        break;
      case 'removed':
        out(`removed ${printable(event.id)} (no longer in the config)`);
        break;
      default:
        break;
    }
  }

  /** The first signal: let a running build finish, then close everything. */
  private stop(): void {
    if (this.stopping) {
      // A second signal: end now, releasing the folder's lock if this process holds it.
      releaseLock(this.site.dir);
      process.exit(130);
    }
    this.stopping = true;
    clearTimeout(this.timer);
    void (async () => {
      await this.watcher?.close().catch(() => {});
      // A build waiting for another process's lock holds nothing: no need to wait for it.
      if (this.running && !this.waitingForLock) await this.running;
      await this.close();
      this.releaseSignals();
      this.finish(0);
      // A build still waiting for another's lock must not keep the process alive.
      setTimeout(() => process.exit(0), 2_000).unref();
      if (this.running) process.exit(0);
    })();
  }

  private async close(): Promise<void> {
    await this.watcher?.close().catch(() => {});
    await this.server?.close();
  }
}

/** Several configs' builds of one folder, counted as one. */
function merged(a: BuildResult, b: BuildResult): BuildResult {
  return {
    ...a,
    rendered: [...a.rendered, ...b.rendered],
    unchanged: [...a.unchanged, ...b.unchanged],
    removed: [...a.removed, ...b.removed],
    failed: [...a.failed, ...b.failed],
    filesWritten: a.filesWritten + b.filesWritten,
  };
}

function summary(r: BuildResult, first: boolean, seconds: number): string {
  const extra = [
    `${r.unchanged.length} current`,
    ...(r.removed.length ? [`${r.removed.length} removed`] : []),
    ...(r.failed.length ? [`${r.failed.length} failed`] : []),
  ].join(', ');
  const verb = first ? 'built' : 'rebuilt';
  return `${verb} ${plural(r.rendered.length, 'figure')} in ${seconds.toFixed(2)} s (${extra})`;
}

/**
 * Makes `stop` the only handler of SIGINT and SIGTERM while dev runs. The folder lock's own handler (added
 * for each build) ends the process at once, which would leave a build half done; dev waits for it instead.
 */
function ownSignals(stop: () => void): () => void {
  const mine = () => stop();
  const guard = (event: string | symbol, listener: (...args: unknown[]) => void) => {
    if ((SIGNALS as readonly (string | symbol)[]).includes(event) && listener !== mine) {
      // newListener runs before the listener is added; no signal is delivered before the next tick.
      process.nextTick(() => process.off(event as NodeJS.Signals, listener));
    }
  };
  process.on('newListener', guard);
  for (const signal of SIGNALS) process.on(signal, mine);
  return () => {
    process.off('newListener', guard);
    for (const signal of SIGNALS) process.off(signal, mine);
  };
}

/**
 * Calls `stop` once the process that started dev has ended. `npx actfig dev` runs dev under npm and a
 * shell; npm killed by SIGTERM does not pass the signal on, and dev would serve on as an orphan.
 */
function onParentExit(stop: () => void): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, 500);
  timer.unref();
  return () => clearInterval(timer);
}

/** The folder's lock file, if this process holds it (a forced stop during a build). */
function releaseLock(dir: string): void {
  const path = join(dir, LOCK);
  try {
    if ((JSON.parse(readFileSync(path, 'utf8')) as { pid?: number }).pid === process.pid) unlinkSync(path);
  } catch {}
}
