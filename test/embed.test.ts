import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../src/config/load.ts';
import { stringifySpec } from '../src/output/files.ts';
import { buildSpec } from '../src/kinds/spec.ts';
import { root } from './cli.ts';
import { tempDir } from './tmp.ts';

// The specs as a reader would use them elsewhere: vega-embed in a browser page, from local files.
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 120_000);
afterAll(async () => browser?.close());

const script = (path: string) => `<script src="${pathToFileURL(join(root, 'node_modules', path)).href}"></script>`;

describe('vega-embed renders the specs unchanged', () => {
  const config = loadConfig(join(root, 'figures.config.ts'));
  it.each(['sigmoid-vs-relu', 'activation-hardshrink', 'derivatives-overlay', 'vanishing-gradient-depth'])(
    '%s',
    async (id) => {
      const figure = (await config).figures.find((f) => f.id === id)!;
      const dir = tempDir();
      const scripts =
        script('vega/build/vega.min.js') +
        script('vega-lite/build/vega-lite.min.js') +
        script('vega-embed/build/vega-embed.min.js');
      const spec = stringifySpec(buildSpec(figure)).replace(/</g, '\\u003c');
      writeFileSync(
        join(dir, 'index.html'),
        `<!doctype html><meta charset="utf-8"><div id="vis"></div>${scripts}\n` +
          `<script>window.spec = ${spec};\n` +
          "vegaEmbed('#vis', window.spec, { renderer: 'svg', actions: false })" +
          '.then(() => { window.done = true; }, (e) => { window.failed = String(e); });</script>',
      );
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await page.waitForFunction(
        () =>
          (window as unknown as { done?: boolean; failed?: string }).done ||
          (window as unknown as { failed?: string }).failed,
        null,
        { timeout: 30_000 },
      );
      expect(await page.evaluate(() => (window as unknown as { failed?: string }).failed)).toBeUndefined();
      const texts = await page.$$eval('#vis svg text', (nodes) => nodes.map((n) => n.textContent));
      const expected = figure.kind === 'activations' ? figure.panels.map((p) => p.title) : [figure.title!];
      for (const title of expected) expect(texts).toContain(title);
      expect(await page.locator('#vis svg path').count()).toBeGreaterThan(5);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
