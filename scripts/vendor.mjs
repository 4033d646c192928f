// `npm run vendor -- ../my-course`: packs this package into the course repository's vendor/ folder, removes
// the older tarballs there, and installs it as file:vendor/activation-figures-<version>.tgz. The tarball is
// committed with the course, so `git clone` + `npm ci` works on a fresh runner with an empty npm cache (a
// file:../ path outside the repository does not). Run it again after pulling a new version: that is the upgrade.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const course = process.argv[2];
if (!course || !existsSync(join(course, 'package.json'))) {
  process.stderr.write('usage: npm run vendor -- <course folder with a package.json>\n');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const vendor = resolve(course, 'vendor');
mkdirSync(vendor, { recursive: true });
const npm = (cwd, args) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const [{ filename }] = JSON.parse(npm(root, ['pack', '--json', '--pack-destination', vendor]));
for (const name of readdirSync(vendor)) {
  if (/^activation-figures-.*\.tgz$/.test(name) && name !== filename) unlinkSync(join(vendor, name));
}
// Without its install scripts: canvas compiles only where figures are built (npm rebuild canvas).
npm(resolve(course), ['install', '--ignore-scripts', '--save', `./vendor/${filename}`]);
process.stdout.write(
  `installed file:vendor/${filename} in ${course}\n` +
    'next: git add vendor package.json package-lock.json; to build figures here, once: ' +
    'npx actfig setup-system && npm rebuild canvas\n',
);
