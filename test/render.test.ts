import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PDFParse } from 'pdf-parse';
import { PAGE_ASSETS } from '../src/output/layout.ts';
import { actfig, root } from './cli.ts';
import { countColor, decodePng } from './png.ts';
import { tempDir } from './tmp.ts';

// The real build of the default config, into a temporary folder.
let out: string;
let stdout: string;
beforeAll(() => {
  out = join(tempDir(), 'figures');
  const r = actfig(['build', '--out', out]);
  // Nothing on stderr but the line an animation prints while it encodes (softplus-beta.gif), by design.
  expect(r.stderr.replace(/^[\w.-]+\.gif: drawing and encoding \d+ frames .*\n/gm, '')).toBe('');
  expect(r.code).toBe(0);
  stdout = r.stdout;
}, 300_000);

const read = (name: string) => readFileSync(join(out, name));
const svgSize = (svg: string) => {
  const m = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};

describe('actfig build (default config)', () => {
  const everyOutput =
    'writes a spec, CSV, PNG, SVG and PDF for every figure, the gallery, no temporary files, and a summary line';
  it(everyOutput, () => {
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // smooth-relus reveals its three series (smooth-relus-1 … -3 in each format); softplus-beta animates.
    const frame = /^smooth-relus-[123]\./;
    for (const ext of ['.vl.json', '.csv', '.png', '.svg', '.pdf'])
      expect(files.filter((f) => f.endsWith(ext) && !frame.test(f))).toHaveLength(32);
    for (const ext of ['.png', '.svg', '.pdf'])
      expect(files.filter((f) => f.endsWith(ext) && frame.test(f))).toHaveLength(3);
    expect(files.filter((f) => f.endsWith('.gif'))).toEqual(['softplus-beta.gif']);
    expect(files.filter((f) => f.endsWith('.mp4'))).toEqual(['softplus-beta.mp4']);
    // Every figure's interactive page (index.html is the gallery), and the scripts they load.
    expect(files.filter((f) => f.endsWith('.html') && f !== 'index.html')).toHaveLength(32);
    // The training figure's record.
    expect(files.filter((f) => f.endsWith('.training.json'))).toEqual(['training-moons.training.json']);
    for (const asset of PAGE_ASSETS) expect(files).toContain(asset);
    expect(stdout.trim().split('\n').at(-1)).toMatch(
      /^32 figures: 32 rendered, 0 unchanged, 0 removed, 0 failed; 210 files written to .* in \d+\.\d\d s$/,
    );
  });
});

describe('PNG', () => {
  it("decodes at the configured scale (2): twice the SVG's size, with 144 ppi recorded", () => {
    const png = decodePng(read('sigmoid-vs-relu.png'));
    const svg = svgSize(read('sigmoid-vs-relu.svg').toString());
    expect(png.width).toBe(svg.width * 2);
    expect(png.height).toBe(svg.height * 2);
    expect(png.ppi).toBeCloseTo(144, 0);
  });

  it("shows the derivative's red, the sigmoid's blue and the ReLU's green", () => {
    const png = decodePng(read('sigmoid-vs-relu.png'));
    expect(countColor(png, [255, 0, 0])).toBeGreaterThan(500);
    expect(countColor(png, [0, 0, 255])).toBeGreaterThan(500);
    expect(countColor(png, [0, 128, 0])).toBeGreaterThan(500);
  });
});

describe('SVG', () => {
  it('parses, has the panel titles, axis titles and legend labels, and exposes the description', () => {
    const text = read('sigmoid-vs-relu.svg').toString();
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(text);
    expect(doc.svg['@_role']).toBe('img');
    expect(doc.svg.desc['#text']).toBe(JSON.parse(read('sigmoid-vs-relu.vl.json').toString()).description);
    for (const t of [
      'Sigmoid Activation &amp; Gradient',
      'ReLU Activation &amp; Gradient',
      'Input Value (z)',
      'Activation / Gradient',
      'Sigmoid Derivative',
      'ReLU Activation',
    ]) {
      // Drawn as outlines (render/formats/svg-paths.ts), the words kept for screen readers.
      expect(text).toContain(`aria-label="${t}"`);
    }
    expect(text).not.toContain('<text');
  });

  it('numbers its element ids per document, prefixed with the figure id', () => {
    const ids = [
      ...read('activation-relu.svg')
        .toString()
        .matchAll(/ id="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(ids.slice(0, 4)).toEqual([
      'activation-relu-title',
      'activation-relu-desc',
      'activation-relu-1',
      'activation-relu-2',
    ]);
  });
});

describe('PDF', () => {
  it("has one page of the figure's size, real text with the titles, and fixed dates", async () => {
    const bytes = read('sigmoid-vs-relu.pdf');
    const svg = svgSize(read('sigmoid-vs-relu.svg').toString());
    // CSS pixels to points, 0.75 pt each, in whole points (a slide's 960×540 is exactly 720×405).
    const media = /\/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]/.exec(bytes.toString('latin1'))!;
    expect([Number(media[1]), Number(media[2])]).toEqual([Math.floor(0.75 * svg.width), Math.floor(0.75 * svg.height)]);
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const text = (await parser.getText()).text;
    expect(text).toContain('Sigmoid Activation & Gradient');
    expect(text).toContain('ReLU Activation & Gradient');
    expect(text).toContain('Input Value (z)');
    const info = (await parser.getInfo()).info;
    expect(info.CreationDate).toBe('20000101000000Z');
    expect(info.ModDate).toBe('20000101000000Z');
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
  });
});

describe("the specs render unchanged in the Vega team's own tools", () => {
  it.each(['sigmoid-vs-relu', 'activation-hardshrink'])("vega-cli's vl2svg renders %s without a warning", (id) => {
    const r = spawnSync(join(root, 'node_modules/.bin/vl2svg'), [join(out, `${id}.vl.json`)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const ours = read(`${id}.svg`).toString();
    expect(svgSize(r.stdout)).toEqual(svgSize(ours));
    for (const title of ours.matchAll(/>([^<>]+)<\/text>/g)) expect(r.stdout).toContain(`>${title[1]}</text>`);
  });
});

describe('actfig spec and list', () => {
  it('actfig spec ID prints exactly the spec the build wrote', () => {
    const r = actfig(['spec', 'relu-vs-tanh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(read('relu-vs-tanh.vl.json').toString());
  });

  it('actfig list lists the figures after the activations', () => {
    const r = actfig(['list']);
    expect(r.stdout).toMatch(
      /Figures in figures\.config\.ts \(32\):\n {2}sigmoid-vs-relu\s+sigmoid, relu\n {2}relu-vs-tanh\s+relu, tanh/,
    );
  });
});
