export type Format = 'png' | 'svg' | 'pdf';

export interface RenderOptions {
  formats: readonly Format[];
  /** PNG device pixels per CSS pixel. */
  scale: number;
  /** Written into the PDF as its creation and modification date. */
  date: Date;
  /** PNG zlib level, 0-9. */
  pngCompression?: number;
  /** PNG row filter. */
  pngFilter?: 'none' | 'sub' | 'up' | 'avg' | 'paeth';
  /** Title for the PDF's metadata and the SVG's <title>. */
  title: string;
  /** Prefix of the SVG's element ids, unique when several SVGs share one HTML page. */
  id: string;
}

export type Rendered = Partial<Record<Format, Buffer>>;

export function render(spec: object, options: RenderOptions): Promise<Rendered>;
export function accessibleSvg(svg: string, id: string, title: string, description: string): string;
