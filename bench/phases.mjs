// Where a render process's time goes, per figure: W24's 24 figures drawn in one process, four times
// through, through the renderer's own pieces (dist/), each phase timed. The first pass is cold (the
// JIT has seen nothing, every shape is compiled); the last is what a warm render process spends.
// usage: node --max-semi-space-size=4 bench/phases.mjs CONFIG.json   (the render processes' V8 flag)
// Prints one JSON line: [{ pass, perFigure: { phase: ms } }, ...].
const dist = new URL('../dist/', import.meta.url);
const { loadConfig } = await import(new URL('config/load.js', dist));
const { buildSpec } = await import(new URL('kinds/spec.js', dist));
const { specForRender } = await import(new URL('kinds/spec.js', dist));
const { loadRenderer } = await import(new URL('render/fonts.js', dist));
const { viewFor } = await import(new URL('render/views.js', dist));
const { drawPng } = await import(new URL('render/canvases.js', dist));
const { drawSvg } = await import(new URL('render/formats/svg.js', dist));
const { opaqueBackground } = await import(new URL('render/formats/png.js', dist));

const renderer = await loadRenderer();
const config = await loadConfig(process.argv[2]);
const { scale, compression, filter } = config.png;
const passes = [];
for (let pass = 1; pass <= 4; pass++) {
  const total = { spec: 0, view: 0, svg: 0, pngDraw: 0, pngEncode: 0, pdf: 0 };
  for (const figure of config.figures) {
    const t0 = performance.now();
    const spec = specForRender(figure, buildSpec(figure), scale);
    const t1 = performance.now();
    // the View: built from the shape's parse (compiled on a shape's first figure), values set, dataflow run
    const { view, done } = await viewFor(spec, [], renderer);
    const t2 = performance.now();
    // the SVG as the build writes it: text as outlines, ids renumbered
    await drawSvg({ view, renderer, options: { id: figure.id, title: figure.id }, description: '' });
    const t3 = performance.now();
    let encode = 0;
    await drawPng(
      view,
      scale,
      renderer.canvas,
      (canvas) => {
        const start = performance.now();
        const png = canvas.toBuffer('image/png', {
          compressionLevel: compression,
          filters: renderer.canvas.Canvas[`PNG_FILTER_${filter.toUpperCase()}`],
          resolution: Math.round(72 * scale),
        });
        encode = performance.now() - start;
        return png;
      },
      opaqueBackground(view.background()),
    );
    const t4 = performance.now();
    const pdf = await view.toCanvas(1, { type: 'pdf', context: { textDrawingMode: 'glyph' } });
    pdf.toBuffer('application/pdf', { creationDate: new Date(0), modDate: new Date(0) });
    const t5 = performance.now();
    done();
    Object.assign(total, {
      spec: total.spec + t1 - t0,
      view: total.view + t2 - t1,
      svg: total.svg + t3 - t2,
      pngDraw: total.pngDraw + t4 - t3 - encode,
      pngEncode: total.pngEncode + encode,
      pdf: total.pdf + t5 - t4,
    });
  }
  const n = config.figures.length;
  passes.push({
    pass,
    perFigure: Object.fromEntries(Object.entries(total).map(([k, v]) => [k, Math.round((v / n) * 10) / 10])),
  });
}
process.stdout.write(`${JSON.stringify(passes)}\n`);
