// The GitHub workflow `actfig init` writes. A check job that needs no canvas (npm ci --ignore-scripts, no
// apt, no compile); only when it finds a stale figure (a job output, not `if: failure()`, which a failed
// install also sets), or when run by hand, a second job sets up canvas, builds and uploads the figures.
// In a package below the git root (an npm workspace), the workflow goes to the git root's .github, which
// is the only one GitHub reads, one file per package, with the package as its working directory.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export interface Workflow {
  /** Where it goes: the git root's .github/workflows/. */
  path: string;
  text: string;
}

const posix = (path: string) => path.split(sep).join('/');

/** The nearest folder at or above `dir` that passes `test`. */
function above(dir: string, test: (dir: string) => boolean): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (test(d)) return d;
    if (dirname(d) === d) return undefined;
  }
}

const hasWorkspaces = (dir: string) => {
  try {
    return 'workspaces' in JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    return false;
  }
};

/** The branch pushes to run on: origin's default, else the current one, else main. */
function defaultBranch(cwd: string): string {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const origin = git('symbolic-ref', '--short', 'refs/remotes/origin/HEAD').replace(/^origin\//, '');
  return origin || git('branch', '--show-current') || git('config', 'init.defaultBranch') || 'main';
}

/** The workflow for the package in `cwd`, whose configs write to `outDirs` (absolute paths). */
export function workflowFor(cwd: string, outDirs: readonly string[]): Workflow {
  const gitRoot = above(cwd, (d) => existsSync(join(d, '.git'))) ?? cwd;
  const workspace = above(cwd, (d) => d !== cwd && hasWorkspaces(d) && !relative(gitRoot, d).startsWith('..'));
  const lockDir = workspace ?? cwd;
  const pkg = posix(relative(gitRoot, cwd));
  const lockfile = posix(relative(gitRoot, join(lockDir, 'package-lock.json')));
  const name = pkg === '' ? 'figures' : `figures-${pkg.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const paths = [...new Set(outDirs.map((d) => `${posix(relative(gitRoot, d))}/`))];
  const branch = defaultBranch(cwd);
  // A package of a monorepo runs only for changes to it (or to the lockfile).
  const filter = pkg === '' ? '' : `\n    paths: ['${pkg}/**', '${lockfile}']`;
  const dir = pkg === '' ? '' : `\n    defaults:\n      run:\n        working-directory: ${pkg}`;
  const setup = `      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
          cache-dependency-path: ${lockfile}
      # Links actfig and installs its packages; canvas is not compiled (check needs no renderer).
      - run: npm ci --ignore-scripts`;
  const text = `# Fails a pull request whose committed figures are not what \`actfig build\` makes from the configs
# (package.json's actfig.configs, else figures.config.*). A stale figure, or a run by hand, then builds
# the figures and uploads them for review.
name: ${name}
on:
  pull_request:${filter}
  push:
    branches: [${branch}]${filter}
  workflow_dispatch:
concurrency:
  group: \${{ github.workflow }}-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  check:
    runs-on: ubuntu-latest${dir}
    outputs:
      stale: \${{ steps.check.outputs.stale }}
    steps:
${setup}
      # Exit 1: a figure is stale, said as the job's output; exit 2 (a bad config) is not stale.
      - id: check
        run: |
          code=0
          npx actfig check || code=$?
          if [ "$code" = 1 ]; then echo stale=true >> "$GITHUB_OUTPUT"; fi
          exit "$code"
  figures:
    needs: check
    if: \${{ !cancelled() && (needs.check.outputs.stale == 'true' || github.event_name == 'workflow_dispatch') }}
    runs-on: ubuntu-latest${dir}
    steps:
${setup}
      # cairo, pango, ... headers (apt-get through sudo), then canvas built against them.
      - run: npx actfig setup-system
      - run: npm rebuild canvas
      - run: npx actfig build
      - uses: actions/upload-artifact@v4
        with:
          name: ${name}
          path: |
${paths.map((p) => `            ${p}`).join('\n')}
`;
  return { path: join(gitRoot, '.github/workflows', `${name}.yml`), text };
}
