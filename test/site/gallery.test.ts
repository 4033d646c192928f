import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { activationNames } from '../../src/math/activations/registry.ts';
import { actfig, root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

// The gallery as a reader sees it: Debian's Chromium (installed by scripts/setup-system.sh; no browser
// is downloaded), opening figures/index.html from disk.
let out: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  out = join(tempDir(), 'figures');
  const r = actfig(['build', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(pathToFileURL(join(out, 'index.html')).href, { waitUntil: 'load' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('figures/index.html in Chromium', () => {
  it('loads every image, each with alt text', async () => {
    const images = await page.$$eval('img', (imgs) =>
      imgs.map((img) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0, alt: img.alt })),
    );
    expect(images.length).toBeGreaterThanOrEqual(27);
    for (const image of images) {
      expect(image.loaded, `${image.src} did not load`).toBe(true);
      expect(image.alt.length, `${image.src} has no alt text`).toBeGreaterThan(20);
    }
  });

  it('logs no console error and requests nothing outside its folder', () => {
    expect(consoleErrors).toEqual([]);
    const folder = pathToFileURL(out).href + '/';
    expect(requests.filter((url) => !url.startsWith(folder))).toEqual([]);
  });

  it('shows every figure of the manifest, with its downloads and embed snippets', async () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      figures: { id: string; title: string; alt: string; files: { name: string }[] }[];
    };
    for (const { id, title, alt, files } of manifest.figures) {
      const figure = page.locator(`#fig-${id}`);
      const gif = files.some((f) => f.name === `${id}.gif`);
      const mp4 = files.some((f) => f.name === `${id}.mp4`);
      const frames = files.filter((f) => f.name.startsWith(`${id}-`) && f.name.endsWith('.pdf')).length;
      expect(await figure.count(), id).toBe(1);
      expect(await figure.locator('h3').textContent()).toBe(title);
      expect(await figure.locator('img').first().getAttribute('alt')).toBe(alt);
      const links = await figure.locator('.files a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      // A training figure also links its record (its kind's data file).
      const data = id.startsWith('training-') ? [`${id}.training.json`] : [];
      const downloads = [`${id}.html`, `${id}.svg`, `${id}.pdf`, `${id}.png`, `${id}.vl.json`, `${id}.csv`];
      expect(links).toEqual([...downloads, ...(gif ? [`${id}.gif`] : []), ...(mp4 ? [`${id}.mp4`] : []), ...data]);
      const snippets = await figure.locator('pre code').allTextContents();
      // A reveal's card shows its steps and their Beamer lines; an animation's, its GIF.
      const beamer = Array.from(
        { length: frames },
        (_, i) => `\\includegraphics<${i + 1}>[width=\\linewidth]{figures/${id}-${i + 1}.pdf}`,
      );
      expect(await figure.locator('.frames img').count()).toBe(frames + (gif ? 1 : 0));
      expect(snippets).toEqual([
        `![${title}](figures/${id}.png)`,
        expect.stringMatching(
          new RegExp(
            `^<img src="figures/${id}\\.svg" srcset="figures/${id}\\.png 2x" width="\\d+" height="\\d+" ` +
              'style="max-width: 100%; height: auto" alt=".+">$',
          ),
        ),
        `\\includegraphics[width=\\linewidth]{figures/${id}.pdf}`,
        ...(frames ? [beamer.join('\n')] : []),
        ...(gif ? [`![${title}](figures/${id}.gif)`] : []),
      ]);
      if (frames || gif) expect(id).toMatch(/^(smooth-relus|softplus-beta)$/);
    }
  });

  it('has a property table listing every activation, with typeset formulas', async () => {
    const names = await page.$$eval('#properties tbody th code', (codes) => codes.map((c) => c.textContent));
    // The built-ins, then the config's formula activation (squareplus), each with f and f' typeset.
    expect(names).toEqual([...activationNames, 'squareplus']);
    expect(await page.locator('#properties tbody math').count()).toBe(2 * (activationNames.length + 1));
    expect(await page.locator('#act-squareplus').innerText()).toMatch(/Squareplus\s+squareplus \(formula\)/);
    expect(await page.locator('#act-squareplus a').getAttribute('href')).toBe('#fig-squareplus');
    const sigmoid = await page.locator('#act-sigmoid').innerText();
    expect(sigmoid).toMatch(/0\.25 at z = 0/);
    expect(await page.locator('#act-sigmoid a').getAttribute('href')).toBe('#fig-activation-sigmoid');
  });

  it('is readable on a phone: one column, no horizontal scrolling of the page', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(pathToFileURL(join(out, 'index.html')).href);
    const { scrollWidth, width } = await phone.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(width);
    await phone.close();
  });

  it('saves a screenshot with the test output (test-output/gallery.png)', async () => {
    mkdirSync(join(root, 'test-output'), { recursive: true });
    const path = join(root, 'test-output', 'gallery.png');
    await page.screenshot({ path });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  });
});
