export const FONT_FAMILY: string;
export const FONT_FILES: string[];
export function loadRenderer(): Promise<{ canvas: typeof import('canvas'); vega: typeof import('vega'); vegaLite: typeof import('vega-lite') }>;
