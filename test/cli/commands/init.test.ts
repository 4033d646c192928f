// The workflow `actfig init` writes (src/cli/commands/workflow.ts), parsed as GitHub reads it: a check job
// with no apt and no compile, a second job on a stale figure only, one run per change; in an npm workspace,
// at the git root with the package as its working directory, one file per package.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { initCommand } from '../../../src/cli/commands/init.ts';
import { tempDir } from '../../tmp.ts';

interface Step {
  id?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Job {
  needs?: string;
  if?: string;
  outputs?: Record<string, string>;
  defaults?: { run: { 'working-directory': string } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, { branches?: string[]; paths?: string[] } | null>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: { check: Job; figures: Job };
}

/** A GitHub Actions expression as the workflow writes it. */
const expr = (inside: string) => `\${{ ${inside} }}`;
const read = (path: string) => parse(readFileSync(path, 'utf8')) as Workflow;
const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run] : []));
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'ignore' });

let out: string[] = [];
beforeEach(() => {
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
    out.push(String(line));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('actfig init', () => {
  it('writes a workflow whose check needs no canvas, and builds only on a stale figure or by hand', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'trunk');
    writeFileSync(join(dir, 'package.json'), '{ "name": "course" }\n');
    expect(await initCommand(dir)).toBe(0);
    const w = read(join(dir, '.github/workflows/figures.yml'));
    expect(Object.keys(w.on)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(w.on.push).toEqual({ branches: ['trunk'] });
    expect(w.concurrency).toEqual({
      group: `${expr('github.workflow')}-${expr('github.ref')}`,
      'cancel-in-progress': true,
    });
    const { check, figures } = w.jobs;
    expect(runs(check).slice(0, 1)).toEqual(['npm ci --ignore-scripts']);
    expect(runs(check).join('\n')).not.toMatch(/apt|setup-system|rebuild/);
    expect(check.defaults).toBeUndefined();
    const step = check.steps.find((s) => s.id === 'check')!;
    expect(step.run).toMatch(/npx actfig check \|\| code=\$\?/);
    expect(step.run).toMatch(/if \[ "\$code" = 1 \]; then echo stale=true >> "\$GITHUB_OUTPUT"; fi/);
    expect(check.outputs).toEqual({ stale: expr('steps.check.outputs.stale') });
    expect(figures.needs).toBe('check');
    expect(figures.if).toBe(
      expr("!cancelled() && (needs.check.outputs.stale == 'true' || github.event_name == 'workflow_dispatch')"),
    );
    expect(figures.if).not.toMatch(/failure\(\)/);
    expect(runs(figures)).toEqual([
      'npm ci --ignore-scripts',
      'npx actfig setup-system',
      'npm rebuild canvas',
      'npx actfig build',
    ]);
    const upload = figures.steps.find((s) => s.uses === 'actions/upload-artifact@v4')!;
    expect(upload.with!.path.trim()).toBe('figures/');
    // The starter grid ends at its max (linspace), not at 4.95.
    expect(readFileSync(join(dir, 'figures.config.mjs'), 'utf8')).toContain('grid: { min: -5, max: 5, samples: 201 }');
  });

  it("lists a course's lecture configs in package.json and uploads each output folder", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '{ "name": "course" }\n');
    for (const n of ['01', '02']) {
      mkdirSync(join(dir, 'lectures', n), { recursive: true });
      const outDir = n === '01' ? '../../figures' : 'figures';
      const figures = [{ id: `f${n}`, grid: { min: -1, max: 1, samples: 3 }, panels: [{ activation: 'relu' }] }];
      writeFileSync(join(dir, 'lectures', n, 'figures.config.json'), JSON.stringify({ outDir, figures }));
    }
    expect(await initCommand(dir)).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.actfig).toEqual({ configs: ['lectures/01/figures.config.json', 'lectures/02/figures.config.json'] });
    expect(existsSync(join(dir, 'figures.config.mjs'))).toBe(false);
    const upload = read(join(dir, '.github/workflows/figures.yml')).jobs.figures.steps.at(-1)!;
    expect(upload.with!.path.trim().split('\n')).toEqual(['figures/', 'lectures/02/figures/']);
  });

  it('in an npm workspace, writes at the git root with a working directory, one workflow per package', async () => {
    const root = tempDir();
    git(root, 'init', '-q', '-b', 'main');
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'mono', workspaces: ['courses/*'] }));
    for (const name of ['ml', 'dl']) {
      const dir = join(root, 'courses', name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name }));
      expect(await initCommand(dir)).toBe(0);
      expect(existsSync(join(dir, '.github'))).toBe(false);
      const file = join(root, `.github/workflows/figures-courses-${name}.yml`);
      expect(out.join('')).toContain(`wrote ../../.github/workflows/figures-courses-${name}.yml`);
      const w = read(file);
      for (const job of [w.jobs.check, w.jobs.figures]) {
        expect(job.defaults).toEqual({ run: { 'working-directory': `courses/${name}` } });
        expect(job.steps.find((s) => s.uses === 'actions/setup-node@v4')!.with!['cache-dependency-path']).toBe(
          'package-lock.json',
        );
      }
      expect(w.on.pull_request).toEqual({ paths: [`courses/${name}/**`, 'package-lock.json'] });
      expect(w.jobs.figures.steps.at(-1)!.with!.path.trim()).toBe(`courses/${name}/figures/`);
    }
  });
});
