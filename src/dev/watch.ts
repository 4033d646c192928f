// What `actfig dev` watches: the config file and the local files it imports, found by reading their
// import specifiers (./ and ../ ones, recursively). Packages (node_modules) and the output folder are
// never watched. The watching itself is chokidar's.
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { FSWatcher } from 'chokidar';

/** `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`, `require('…')`. */
const SPECIFIERS = [
  /\b(?:import|export)\s+(?:type\s+)?[\w*${}\s,]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  /\bimport\s*(['"])([^'"\n]+)\1/g,
  /\b(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];

const SOURCE = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.json'];
/** A TypeScript import may name the compiled file: './params.js' is './params.ts'. */
const COMPILED: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
  '.jsx': ['.tsx'],
};

/** The relative import specifiers of a module's text (a false hit, e.g. in a comment, only adds a file to watch). */
export function relativeSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const m of text.matchAll(pattern)) if (m[2].startsWith('./') || m[2].startsWith('../')) found.add(m[2]);
  }
  return [...found];
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** The file a relative specifier names, as node, TypeScript and jiti resolve it; undefined if none exists. */
async function resolveImport(from: string, specifier: string): Promise<string | undefined> {
  const base = resolve(dirname(from), specifier);
  const ext = extname(base);
  const candidates = [
    base,
    ...(COMPILED[ext] ?? []).map((e) => base.slice(0, -ext.length) + e),
    ...SOURCE.map((e) => base + e),
    ...SOURCE.map((e) => join(base, `index${e}`)),
  ];
  for (const path of candidates) if (await isFile(path)) return path;
  return undefined;
}

/**
 * The config file and every local file it imports, directly or not. `skip` leaves out a file (and what it
 * imports): the output folder's and node_modules' are skipped always.
 */
export async function localFiles(entry: string, skip: (path: string) => boolean = () => false): Promise<string[]> {
  const seen = new Set<string>([resolve(entry)]);
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (extname(file) === '.json') continue;
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const specifier of relativeSpecifiers(text)) {
      const path = await resolveImport(file, specifier);
      if (!path || seen.has(path) || path.split(sep).includes('node_modules') || skip(path)) continue;
      seen.add(path);
      queue.push(path);
    }
  }
  return [...seen];
}

export interface FileWatcher {
  /** The files watched now. */
  files(): string[];
  /** Watches exactly these files from now on. */
  set(files: string[]): void;
  close(): Promise<void>;
}

/** Watches the files (resolved once ready); `onChange` gets each changed, added or deleted one. */
export async function watchFiles(
  files: string[],
  onChange: (path: string) => void,
  onError: (error: Error) => void,
): Promise<FileWatcher> {
  const { watch } = await import('chokidar');
  let current = new Set(files);
  const watcher: FSWatcher = watch([...current], { ignoreInitial: true, persistent: true });
  watcher.on('all', (event, path) => {
    if (event === 'change' || event === 'add' || event === 'unlink') onChange(path);
  });
  watcher.on('error', (error) => onError(error as Error));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return {
    files: () => [...current],
    set(next) {
      const wanted = new Set(next);
      const gone = [...current].filter((f) => !wanted.has(f));
      const added = [...wanted].filter((f) => !current.has(f));
      if (gone.length) watcher.unwatch(gone);
      if (added.length) watcher.add(added);
      current = wanted;
    },
    close: () => watcher.close(),
  };
}
