// PDF: node-canvas's PDF backend, dated by the build (not the clock) so that its bytes are reproducible.
import type { Drawing } from '../render.ts';

export async function drawPdf({ view, options }: Drawing): Promise<Uint8Array> {
  // textDrawingMode 'glyph' writes real text (selectable, searchable) instead of glyph outlines.
  const pdfOptions = { type: 'pdf', context: { textDrawingMode: 'glyph' } } as object;
  // A CSS pixel is 0.75 pt: a 960×540 figure is a 720×405 pt page, the size it has on a slide or in LaTeX.
  const canvas = (await view.toCanvas(0.75, pdfOptions)) as unknown as import('canvas').Canvas;
  return canvas.toBuffer('application/pdf', {
    title: options.title,
    creator: 'activation-figures',
    creationDate: options.date,
    modDate: options.date,
  });
}
