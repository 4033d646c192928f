// vega and vega-lite loaded as one script with a V8 code cache. Importing them as ESM parses and
// compiles hundreds of modules in every render process; `npm run build` bundles them into
// dist/render/vendor.cjs (scripts/bundle-renderer.mjs), and this compiles that script with the
// bytecode V8 made for it last time. The cache costs time, never correctness: anything wrong with it
// (missing, rejected by V8, unreadable, unwritable) means compiling from source, as without it; and a
// bundle made from other package versions than those installed is not used at all.
// ACTFIG_CODE_CACHE=0 turns it off (vega is imported as ESM); ACTFIG_CODE_CACHE_DIR moves the cache.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { cacheDir, TEMP_CACHE, trustedCacheDir } from '../output/cache-dir.ts';

export interface Vendor {
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
  fontkit: typeof import('fontkit');
}

export interface CodeCacheStatus {
  /**
   * off: ACTFIG_CODE_CACHE=0. no-bundle: no vendor.cjs (running from src/ without a build). stale:
   * the bundle was made from other package versions than those installed. failed: the bundle did not
   * load. missing, corrupt, rejected, accepted: the bundle loaded, and its code cache was absent,
   * damaged (its checksum is wrong), refused by V8 (made by another V8 or with other V8 flags) or used.
   */
  state: 'off' | 'no-bundle' | 'stale' | 'failed' | 'missing' | 'corrupt' | 'rejected' | 'accepted';
  vendor?: string;
  /** The cache file read, or to be written. */
  cache?: string;
  /** Where saveCodeCache wrote the cache. */
  saved?: string;
}

let status: CodeCacheStatus | undefined;
let vendor: Vendor | undefined;
let script: vm.Script | undefined;
let cacheFiles: string[] = [];
let stamp: Buffer | undefined;

/** How the last loadVendor went; undefined before it ran. */
export function codeCacheStatus(): CodeCacheStatus | undefined {
  return status && { ...status };
}

/** vega, vega-lite and fontkit from the bundle, or undefined when the caller should import them itself. */
export function loadVendor(): Vendor | undefined {
  if (status) return vendor;
  status = { state: 'off' };
  if (process.env.ACTFIG_CODE_CACHE === '0') return report(undefined);
  const vendorPath = findVendor();
  if (!vendorPath) return report(undefined, 'no-bundle');
  status.vendor = vendorPath;
  const installed = installedPackages(vendorPath);
  if (!installed) return report(undefined, 'stale');
  try {
    const source = readFileSync(vendorPath);
    const key = createHash('sha256')
      .update(source)
      // V8 refuses a cache made under other flags: the render processes' (build/pool.ts) get their own.
      .update(`\0${installed.manifest}\0${process.version}\0${process.arch}\0${process.versions.v8}`)
      .update(`\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`)
      .digest('hex')
      .slice(0, 32);
    cacheFiles = cacheDirs(vendorPath).map((dir) => join(dir, `vendor-${key}.v8cache`));
    let found: Cached | 'corrupt' | undefined;
    status.cache = cacheFiles[0];
    for (const file of cacheFiles) {
      found = readCache(file);
      if (found) {
        status.cache = file;
        break;
      }
    }
    const cachedData = found === 'corrupt' ? undefined : found?.data;
    // A cache is written once the installed versions were read and found right, stamped with the
    // package.json files it read; while those files are the same (a stat each), they need no reading.
    if (!(found !== 'corrupt' && found?.stamp.equals(installed.stamp)) && !installed.current()) {
      return report(undefined, 'stale');
    }
    stamp = installed.stamp;
    // latin1 is the fastest decoding, and exact: scripts/bundle-renderer.mjs makes the bundle ASCII.
    const wrapper = `(function (exports, require, module, __filename, __dirname) {${source.toString('latin1')}\n})`;
    script = new vm.Script(wrapper, { filename: vendorPath, cachedData });
    const state =
      found === 'corrupt' ? 'corrupt' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
    const module = { exports: {} as Vendor };
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(module.exports, module.exports, createRequire(vendorPath), module, vendorPath, dirname(vendorPath));
    const { vega, vegaLite, fontkit } = module.exports;
    if (!vega?.View || !vegaLite?.compile || !fontkit?.openSync) throw new Error('vendor.cjs: no vega or fontkit');
    return report({ vega, vegaLite, fontkit }, state);
  } catch (error) {
    script = undefined;
    if (process.env.ACTFIG_CODE_CACHE_DEBUG) console.error('actfig code cache:', error);
    return report(undefined, 'failed');
  }
}

/**
 * Writes the code cache if V8 had none to use. Called once after the first figure is rendered: the
 * functions that rendering compiled are in the cache too, so the next process compiles fewer. Never
 * throws; a cache that cannot be written is no cache.
 */
export function saveCodeCache(): void {
  const current = script;
  script = undefined;
  if (!current || !status || !['missing', 'corrupt', 'rejected'].includes(status.state)) return;
  try {
    // Processes of a pool start together: when another one wrote the cache meanwhile, keep its.
    if (status.state === 'missing' && cacheFiles.some((file) => existsSync(file))) return;
    const data = current.createCachedData();
    for (const file of cacheFiles) {
      if (writeAtomic(file, stamp!, data)) {
        status.saved = file;
        break;
      }
    }
  } catch {
    // a cache costs time, never correctness
  }
  if (process.env.ACTFIG_CODE_CACHE_DEBUG) console.error(`actfig code cache: saved ${status.saved ?? 'nothing'}`);
}

function report(result: Vendor | undefined, state?: CodeCacheStatus['state']): Vendor | undefined {
  if (status && state) status.state = state;
  vendor = result;
  if (process.env.ACTFIG_CODE_CACHE_DEBUG) {
    console.error(`actfig code cache: ${status?.state} ${status?.cache ?? status?.vendor ?? ''}`);
  }
  return result;
}

/** dist/render/vendor.cjs: next to this module in dist/, or in dist/ when this runs from src/ (the tests). */
function findVendor(): string | undefined {
  for (const url of ['./vendor.cjs', '../../dist/render/vendor.cjs']) {
    const path = fileURLToPath(new URL(url, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * The packages in the bundle as installed where Node would load them from: vendor.json lists them
 * with the versions bundled, nested ones as 'a/node_modules/b' (b as a loads it). `stamp` identifies
 * their package.json files on disk (a stat each, cheap); `current` reads them and says whether each is
 * the version bundled, so that the bundle renders what `import('vega')` would. Undefined when one is
 * missing.
 */
function installedPackages(
  vendorPath: string,
): { manifest: string; stamp: Buffer; current: () => boolean } | undefined {
  const wanted: [file: string, version: string][] = [];
  const stamp = createHash('sha256');
  let manifest: string;
  try {
    manifest = readFileSync(join(dirname(vendorPath), 'vendor.json'), 'utf8');
    const above = nodeModulesAbove(dirname(vendorPath));
    for (const [key, version] of Object.entries(
      (JSON.parse(manifest) as { packages: Record<string, string> }).packages,
    )) {
      let file = '';
      let stat: Stats | undefined;
      for (const [i, name] of key.split('/node_modules/').entries()) {
        stat = undefined;
        for (const folder of i === 0 ? above : nodeModulesAbove(dirname(file))) {
          file = join(folder, name, 'package.json');
          stat = statSync(file, { throwIfNoEntry: false });
          if (stat) break;
        }
        if (!stat) return undefined;
      }
      stamp.update(`${file} ${stat!.dev} ${stat!.ino} ${stat!.size} ${stat!.mtimeMs} ${stat!.ctimeMs}\n`);
      wanted.push([file, version]);
    }
  } catch {
    return undefined;
  }
  if (!wanted.length) return undefined;
  const current = () => {
    try {
      return wanted.every(
        ([file, version]) => (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version === version,
      );
    } catch {
      return false;
    }
  };
  return { manifest, stamp: stamp.digest(), current };
}

/** The node_modules folders Node searches from `dir`, nearest first, those that exist. */
function nodeModulesAbove(dir: string): string[] {
  const out: string[] = [];
  for (; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules' && existsSync(join(dir, 'node_modules'))) out.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) return out;
  }
}

/**
 * Where the cache may live, best first: ACTFIG_CODE_CACHE_DIR alone when set; else
 * node_modules/.cache/activation-figures in the nearest node_modules above the bundle, then a folder
 * of this user's in the temporary folder.
 */
function cacheDirs(vendorPath: string): string[] {
  const override = process.env.ACTFIG_CODE_CACHE_DIR;
  if (override) return [resolve(override)];
  return [...new Set([cacheDir(dirname(vendorPath)), TEMP_CACHE])];
}

interface Cached {
  /** What V8 made. */
  data: Buffer;
  /** installedPackages's stamp when it was made. */
  stamp: Buffer;
}

/**
 * A cache file: the SHA-256 of the code cache, the packages' stamp, then the code cache (V8 checks a
 * cache's header, not its body, and a damaged body can crash the process). In the shared temporary
 * folder, only a folder that is this user's alone is read.
 */
function readCache(file: string): Cached | 'corrupt' | undefined {
  let bytes: Buffer;
  try {
    if (!trustedCacheDir(dirname(file))) return undefined;
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const data = bytes.subarray(64);
  const sum = createHash('sha256').update(data).digest();
  if (bytes.length <= 64 || !sum.equals(bytes.subarray(0, 32))) return 'corrupt';
  return { data, stamp: bytes.subarray(32, 64) };
}

function writeAtomic(file: string, stamp: Buffer, data: Buffer): boolean {
  const dir = dirname(file);
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    // The folder in the temporary folder is this user's alone (readCache reads no other).
    mkdirSync(dir, { recursive: true, mode: dir === TEMP_CACHE ? 0o700 : 0o777 });
    writeFileSync(temp, Buffer.concat([createHash('sha256').update(data).digest(), stamp, data]));
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {}
    return false;
  }
  // Each update of the packages or of Node makes a new cache: keep the few written last.
  try {
    const others = readdirSync(dir)
      .filter((name) => /^vendor-[0-9a-f]+\.v8cache$/.test(name) && name !== basename(file))
      .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const old of others.slice(KEEP - 1)) unlinkSync(old.path);
  } catch {}
  return true;
}

/** Cache files kept in a folder: one per Node version and bundle in use at once. */
const KEEP = 4;
