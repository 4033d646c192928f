// `actfig dev`'s web server: the output folder's files as they are on disk, and one event stream that
// tells open pages to reload. An HTML page gets a small script before </body> in the response only: the
// files themselves stay byte for byte what a build writes.
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, isIP } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { UserError } from '../errors.ts';
import { FORMATS, formatRecord } from '../formats.ts';

/** The event stream's path; no file of a build starts with "__". */
export const EVENTS = '/__actfig/events';

/** What an HTML page gets before </body>: reload when the server says so. */
export const RELOAD_SCRIPT =
  `<script data-actfig-dev>new EventSource('${EVENTS}')` +
  ".addEventListener('reload', () => location.reload());</script>";

/** Content-Types by extension: the image formats' from their records, and the folder's other files'. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  ...Object.fromEntries(FORMATS.map((format) => [`.${formatRecord(format).ext}`, formatRecord(format).mime])),
  '.csv': 'text/csv; charset=utf-8',
  // An animation (build/motion.ts).
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The folder served and its gallery page (what "/" shows); read on every request, so it may change. */
export interface Site {
  dir: string;
  gallery: string | false;
}

export interface DevServer {
  /** The address pages are served at, e.g. http://127.0.0.1:4173/. */
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  /** Ends the event streams and every connection, and stops listening. */
  close(): Promise<void>;
}

/** Listens on host:port (0: any free port); a port in use or an address not of this machine is a UserError. */
export async function startServer(options: { host: string; port: number; site: () => Site }): Promise<DevServer> {
  const streams = new Set<ServerResponse>();
  let trusted: (host: string | undefined) => boolean = () => false;
  const server = createServer((req, res) => {
    // Every response says its type is the one sent: a browser never sniffs a CSV or a JSON into a page.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A page of another site that rebinds its name to this address must not read the preview.
    if (!trusted(req.headers.host)) return send(res, 403, 'forbidden: not a Host of this server\n');
    handle(req, res, options.site(), streams).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
      process.stderr.write(`actfig dev: ${req.method} ${req.url}: ${(error as Error)?.stack ?? error}\n`);
    });
  });
  // The streams say something every 25 s, so that no proxy or browser closes them as idle.
  const beat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, 25_000);
  beat.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, options.host, options.port)));
    server.listen(options.port, options.host, () => resolve());
  }).catch((error) => {
    clearInterval(beat);
    throw error;
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  trusted = trustedHosts(options.host, host, address.port);
  let count = 0;
  return {
    url: `http://${host}:${address.port}/`,
    reload() {
      count++;
      for (const res of streams) res.write(`event: reload\ndata: ${count}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(beat);
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Names of this machine's loopback, whatever address the server is bound to. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Which Host headers the server answers: the address it is bound to (as given and as bound), and the
 * loopback names, each with its port (or none on port 80). Bound to every address (0.0.0.0 or ::), any
 * IP address is this machine's: DNS rebinding needs a name, so a name other than these is refused.
 */
export function trustedHosts(given: string, bound: string, port: number): (host: string | undefined) => boolean {
  const bracket = (h: string) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h);
  const names = new Set([...LOOPBACK, bracket(given.toLowerCase()), bound.toLowerCase()]);
  const wildcard = bound === '0.0.0.0' || bound === '[::]';
  return (header) => {
    const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(header ?? '');
    if (!m) return false;
    const name = m[1].toLowerCase().replace(/\.$/, '');
    const portOk = m[2] === undefined ? port === 80 : Number(m[2]) === port;
    if (!portOk) return false;
    return names.has(name) || (wildcard && (isIP(name) !== 0 || isIP(name.slice(1, -1)) !== 0));
  };
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new UserError(
        `actfig dev: port ${port} on ${host} is in use; give another with --port (0: any free port)`,
      );
    case 'EACCES':
      return new UserError(`actfig dev: not allowed to listen on port ${port}; give one above 1023 with --port`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UserError(`actfig dev: --host: cannot listen on "${host}" (${error.code}); try 127.0.0.1`);
    default:
      return error;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, site: Site, streams: Set<ServerResponse>) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'method not allowed\n');
  }
  const target = req.url ?? '/';
  const path = target.split(/[?#]/)[0];
  if (path === EVENTS) return openStream(req, res, streams);
  const found = await locate(site, path);
  if (typeof found === 'number') return send(res, found, `${STATUS[found]}: ${path}\n`, req.method === 'HEAD');
  const type = TYPES[extname(found).toLowerCase()] ?? 'application/octet-stream';
  let body: Buffer = await readFile(found);
  if (type.startsWith('text/html')) body = withReloadScript(body);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const STATUS: Record<number, string> = { 400: 'bad request', 403: 'forbidden', 404: 'not found' };

function send(res: ServerResponse, status: number, text: string, head = false) {
  const body = Buffer.from(text);
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : body);
}

function openStream(req: IncomingMessage, res: ServerResponse, streams: Set<ServerResponse>) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  if (req.method === 'HEAD') return res.end();
  // Sent at once, so that a page (and a test) knows the stream is open.
  res.write('retry: 1000\n: connected\n\n');
  streams.add(res);
  res.on('close', () => streams.delete(res));
}

/** The page's bytes with the reload script before its last </body> (or at its end). */
export function withReloadScript(page: Buffer): Buffer {
  const text = page.toString('utf8');
  const at = text.toLowerCase().lastIndexOf('</body>');
  const out = at === -1 ? text + RELOAD_SCRIPT : text.slice(0, at) + RELOAD_SCRIPT + text.slice(at);
  return Buffer.from(out, 'utf8');
}

/**
 * The file a request path names inside the folder, or an HTTP status: 400 for a path that cannot be
 * decoded, 403 for one that leaves the folder (a "..", an encoded slash, a link pointing out), 404 for a
 * missing file or one of the build's hidden files (.actfig.lock).
 */
export async function locate(site: Site, path: string): Promise<string | number> {
  if (!path.startsWith('/')) return 400;
  const parts: string[] = [];
  for (const raw of path.split('/')) {
    let part: string;
    try {
      part = decodeURIComponent(raw);
    } catch {
      return 400;
    }
    if (part.includes('\0')) return 400;
    if (part === '..' || part.includes('/') || part.includes('\\')) return 403;
    if (part === '' || part === '.') continue;
    if (part.startsWith('.')) return 404;
    parts.push(part);
  }
  let file = join(site.dir, ...parts);
  if (!inside(site.dir, file)) return 403;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    const page = parts.length === 0 ? site.gallery : 'index.html';
    if (page === false) return 404;
    file = join(file, page);
  } else if (!info) {
    return 404;
  }
  const [real, realDir] = await Promise.all([realpath(file).catch(() => undefined), realpath(site.dir)]);
  if (!real) return 404;
  if (!inside(realDir, real)) return 403;
  return (await stat(real)).isFile() ? real : 404;
}

function inside(dir: string, path: string): boolean {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !r.startsWith(sep) && !/^[a-zA-Z]:/.test(r));
}
