// PDF: node-canvas's PDF backend, dated by the build (not the clock) so that its bytes are reproducible.
import type { Drawing } from '../render.ts';

export async function drawPdf({ view, options }: Drawing): Promise<Uint8Array> {
  // textDrawingMode 'glyph' writes real text (selectable, searchable) instead of glyph outlines.
  const pdfOptions = { type: 'pdf', context: { textDrawingMode: 'glyph' } } as object;
  const canvas = (await view.toCanvas(1, pdfOptions)) as unknown as import('canvas').Canvas;
  return canvas.toBuffer('application/pdf', {
    title: options.title,
    creator: 'activation-figures',
    creationDate: options.date,
    modDate: options.date,
  });
}
