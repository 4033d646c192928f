// Figures that move (src/build/motion.ts), through the real CLI: a reveal's frames, each the size of the
// figure and the last the figure byte for byte, known to check and prune; an animation's GIF, decoded
// here frame by frame, the same bytes from two builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../png.ts';
import { grid, project, sha } from '../project.ts';

interface Gif {
  width: number;
  height: number;
  numFrames(): number;
  loopCount(): number;
  frameInfo(i: number): { width: number; height: number; delay: number };
  decodeAndBlitFrameRGBA(i: number, into: Uint8Array): void;
}
// omggif, a GIF decoder independent of the encoder (gifenc), ships no types.
const { GifReader } = createRequire(import.meta.url)('omggif') as { GifReader: new (bytes: Buffer) => Gif };

const read = (dir: string, name: string) => readFileSync(join(dir, name));
/** An SVG's width and height attributes. */
const svgSize = (svg: Buffer) =>
  svg
    .toString('utf8')
    .match(/<svg[^>]* width="([\d.]+)" height="([\d.]+)"/)!
    .slice(1);
/** A PDF's page box. */
const pdfBox = (pdf: Buffer) => pdf.toString('latin1').match(/\/MediaBox \[([^\]]+)\]/)![1];
/** Pixels near a colour: how much of a series is drawn. */
const near = (png: ReturnType<typeof decodePng>, [r, g, b]: number[]) => {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (Math.abs(png.data[i] - r) + Math.abs(png.data[i + 1] - g) + Math.abs(png.data[i + 2] - b) < 30) n++;
  return n;
};
const manifestFiles = (out: string) =>
  (
    JSON.parse(read(out, 'manifest.json').toString()) as { figures: { files: { name: string }[] }[] }
  ).figures[0].files.map((f) => f.name);

describe('reveal', () => {
  const three = { id: 'r', grid, reveal: true, panels: [{ series: ['sigmoid', 'tanh', 'relu'] }] };

  it('writes <id>-1 … <id>-3 in every format: equal sizes, the last the figure byte for byte', () => {
    const p = project({ formats: ['png', 'svg', 'pdf'], figures: [three] });
    const r = p.build();
    expect(r.code, r.stderr).toBe(0);
    for (const ext of ['png', 'svg', 'pdf']) {
      expect(read(p.out, `r-3.${ext}`).equals(read(p.out, `r.${ext}`)), ext).toBe(true);
      expect(read(p.out, `r-1.${ext}`).equals(read(p.out, `r-2.${ext}`)), ext).toBe(false);
    }
    const pngs = [1, 2, 3].map((i) => decodePng(read(p.out, `r-${i}.png`)));
    expect(new Set(pngs.map((png) => `${png.width}×${png.height}`)).size).toBe(1);
    expect(new Set([1, 2, 3].map((i) => svgSize(read(p.out, `r-${i}.svg`)).join('×'))).size).toBe(1);
    expect(new Set([1, 2, 3].map((i) => pdfBox(read(p.out, `r-${i}.pdf`)))).size).toBe(1);
    // ReLU (the third series, Okabe–Ito's vermilion #d55e00) is drawn in the last frame only; sigmoid's
    // blue (#0072b2) from the first. The legend's swatches are there in every frame but invisible.
    const relu = pngs.map((png) => near(png, [0xd5, 0x5e, 0x00]));
    const sigmoid = pngs.map((png) => near(png, [0x00, 0x72, 0xb2]));
    expect(relu[0]).toBe(0);
    expect(relu[1]).toBe(0);
    expect(relu[2]).toBeGreaterThan(500);
    expect(sigmoid[0]).toBeGreaterThan(500);
    // The SVG of the first frame names the series it draws (its text is outlines, the words in aria-label);
    // the later ones' entries keep their room but draw nothing.
    const svg = read(p.out, 'r-1.svg').toString();
    expect(svg).toContain('aria-label="Sigmoid"');
    const reluEntry = /<[^>]*aria-label="ReLU"[^>]*>/.exec(svg)?.[0];
    expect(reluEntry === undefined || /opacity="0"/.test(reluEntry)).toBe(true);
  });

  it('the frames are in the manifest: check passes, a second build keeps them, dropping reveal removes them', () => {
    const p = project({ figures: [three] });
    expect(p.build().code).toBe(0);
    const names = manifestFiles(p.out);
    expect(names).toEqual(expect.arrayContaining(['r-1.png', 'r-2.png', 'r-3.png', 'r-1.svg', 'r-3.svg']));
    expect(p.check().code).toBe(0);
    expect(p.check('--render').code).toBe(0);
    const again = p.build();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 files written|unchanged/);
    expect(existsSync(join(p.out, 'r-2.png'))).toBe(true);
    expect(p.check().code).toBe(0);
    p.write({ figures: [{ ...three, reveal: false }] });
    const stale = p.check();
    expect(stale.code).toBe(1);
    expect(p.build().code).toBe(0);
    expect(existsSync(join(p.out, 'r-2.png'))).toBe(false);
    expect(manifestFiles(p.out).some((n) => n.startsWith('r-'))).toBe(false);
    expect(p.check().code).toBe(0);
  });

  it("reveal: 'panels' builds a figure up panel by panel", () => {
    const p = project({
      formats: ['png'],
      figures: [{ id: 'p', grid, reveal: 'panels', panels: [{ activation: 'sigmoid' }, { activation: 'relu' }] }],
    });
    expect(p.build().code).toBe(0);
    const [one, two] = ['p-1.png', 'p-2.png'].map((n) => decodePng(read(p.out, n)));
    expect([one.width, one.height]).toEqual([two.width, two.height]);
    expect(read(p.out, 'p-2.png').equals(read(p.out, 'p.png'))).toBe(true);
    // Sigmoid's blue and its red derivative in both frames; ReLU's green only in the second.
    const green = (png: typeof one) => near(png, [0x00, 0x80, 0x00]);
    expect(green(one)).toBe(0);
    expect(green(two)).toBeGreaterThan(300);
  });
});

describe('animate', () => {
  const softplus = {
    id: 'sp',
    show: ['f'],
    grid,
    animate: { param: 'beta', from: 0.5, to: 8, frames: 40, fps: 20 },
    panels: [{ series: [{ activation: 'softplus' }, 'relu'] }],
  };

  it('40 frames make a looping GIF of 40 frames of one size, byte-identical across two builds', () => {
    const [a, b] = [
      project({ formats: ['png'], figures: [softplus] }),
      project({ formats: ['png'], figures: [softplus] }),
    ];
    const built = a.build();
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toBe('sp.gif: drawing and encoding 40 frames (beta 0.5 to 8) at 20 fps\n');
    expect(b.build().code).toBe(0);
    const gif = read(a.out, 'sp.gif');
    expect(gif.equals(read(b.out, 'sp.gif'))).toBe(true);
    const reader = new GifReader(gif);
    expect(reader.numFrames()).toBe(40);
    expect(reader.loopCount()).toBe(0); // forever
    const frames = Array.from({ length: 40 }, (_, i) => {
      const info = reader.frameInfo(i);
      expect([info.width, info.height, info.delay]).toEqual([reader.width, reader.height, 5]);
      const rgba = new Uint8Array(reader.width * reader.height * 4);
      reader.decodeAndBlitFrameRGBA(i, rgba);
      return rgba;
    });
    // The frame is the figure at scale 1: the PNG (scale 2) is twice as wide.
    const png = decodePng(read(a.out, 'sp.png'));
    expect(Math.abs(png.width / 2 - reader.width)).toBeLessThanOrEqual(1);
    // Every frame draws its own β; the y axis (its tick labels, the strip left of the plot) never moves.
    expect(new Set(frames.map((f) => sha(f))).size).toBe(40);
    const strip = (f: Uint8Array) => {
      const rows = [];
      for (let y = 0; y < reader.height; y++)
        rows.push(sha(f.subarray(y * reader.width * 4, (y * reader.width + 40) * 4)));
      return rows.join();
    };
    for (const f of frames) expect(strip(f)).toBe(strip(frames[0]));
    expect(manifestFiles(a.out)).toContain('sp.gif');
    expect(a.check().code).toBe(0);
    // check --render makes the GIF again in memory: the same bytes.
    expect(a.check('--render').code).toBe(0);
  });

  const ffmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
  it.skipIf(!ffmpeg)('animate.mp4 also writes an H.264 MP4 of every frame, byte-identical across two builds', () => {
    const figure = { ...softplus, animate: { ...softplus.animate, frames: 12, mp4: true } };
    const [a, b] = [project({ formats: ['png'], figures: [figure] }), project({ formats: ['png'], figures: [figure] })];
    const built = a.build();
    expect(built.code, built.stderr).toBe(0);
    expect(b.build().code).toBe(0);
    const mp4 = read(a.out, 'sp.mp4');
    expect(mp4.equals(read(b.out, 'sp.mp4'))).toBe(true);
    expect(mp4.toString('latin1', 4, 8)).toBe('ftyp');
    const probe = spawnSync('ffprobe', [
      ...['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-of', 'json'],
      ...['-show_entries', 'stream=codec_name,width,height,nb_read_frames,r_frame_rate', join(a.out, 'sp.mp4')],
    ]);
    const [stream] = JSON.parse(probe.stdout.toString()).streams;
    expect(stream.codec_name).toBe('h264');
    expect(Number(stream.nb_read_frames)).toBe(12);
    expect(stream.r_frame_rate).toBe('20/1');
    // The GIF's frames on an even canvas.
    const gif = new GifReader(read(a.out, 'sp.gif'));
    expect([stream.width, stream.height]).toEqual([gif.width + (gif.width % 2), gif.height + (gif.height % 2)]);
    expect(manifestFiles(a.out)).toContain('sp.mp4');
    expect(a.check().code).toBe(0);
  });

  it('animate.mp4 without ffmpeg on PATH fails the figure in one line that says what to install', () => {
    const figure = { ...softplus, animate: { ...softplus.animate, frames: 3, mp4: true } };
    const p = project({ formats: ['png'], figures: [figure] });
    const r = p.run(['build', '--config', 'c.json'], { ...process.env, PATH: join(p.dir, 'no-programs-here') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sp.mp4: animate.mp4 needs ffmpeg on PATH (Debian: apt-get install ffmpeg); not found');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(p.out, 'sp.mp4'))).toBe(false);
  });
});
