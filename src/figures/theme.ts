import type { Palette, Theme } from '../config/model.ts';
import { FONT_FAMILY } from '../font.ts';

export interface Colors {
  /** Activation line colours, by panel (cycled). */
  activation: readonly string[];
  derivative: string;
  /** Series colours when several activations share one set of axes. */
  series: readonly string[];
  background: string;
  text: string;
  grid: string;
  domain: string;
  shade: string;
}

// 'lab' keeps the lab's matplotlib roles: 'b' and 'g' for activations, 'r' dashed for derivatives.
// 'colorblind' is Okabe–Ito, distinguishable with every common colour-vision deficiency.
const palettes: Record<Palette, Record<Theme, Pick<Colors, 'activation' | 'derivative' | 'series'>>> = {
  lab: {
    light: {
      activation: ['#0000ff', '#008000'],
      derivative: '#ff0000',
      series: ['#0000ff', '#008000', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2'],
    },
    dark: {
      activation: ['#7aa2ff', '#4cc24c'],
      derivative: '#ff6b6b',
      series: ['#7aa2ff', '#4cc24c', '#ffb45a', '#c49cff', '#d8a88f', '#ff9fd8'],
    },
  },
  colorblind: {
    light: {
      activation: ['#0072b2', '#009e73'],
      derivative: '#d55e00',
      series: ['#0072b2', '#009e73', '#d55e00', '#cc79a7', '#e69f00', '#56b4e9'],
    },
    dark: {
      activation: ['#56b4e9', '#009e73'],
      derivative: '#e69f00',
      series: ['#56b4e9', '#009e73', '#e69f00', '#cc79a7', '#f0e442', '#d55e00'],
    },
  },
};

const surfaces: Record<Theme, Pick<Colors, 'background' | 'text' | 'grid' | 'domain' | 'shade'>> = {
  light: { background: '#ffffff', text: '#222222', grid: '#e3e3e3', domain: '#888888', shade: '#9e9e9e' },
  dark: { background: '#1b1e23', text: '#e6e6e6', grid: '#3a3f47', domain: '#8a9099', shade: '#6b7280' },
};

export function colors(theme: Theme, palette: Palette): Colors {
  return { ...palettes[palette][theme], ...surfaces[theme] };
}

/** The Vega-Lite `config` block: one font everywhere, the theme's surfaces. */
export function vegaLiteConfig(c: Colors) {
  const text = { labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelColor: c.text, titleColor: c.text };
  return {
    font: FONT_FAMILY,
    background: c.background,
    view: { stroke: c.domain },
    axis: {
      ...text,
      gridColor: c.grid,
      domainColor: c.domain,
      tickColor: c.domain,
      labelFontSize: 11,
      titleFontSize: 12,
      titleFontWeight: 'normal',
    },
    legend: {
      ...text,
      labelFontSize: 11,
      symbolStrokeWidth: 2,
      symbolType: 'stroke',
      fillColor: c.background,
      strokeColor: c.grid,
      padding: 6,
      cornerRadius: 3,
    },
    title: {
      font: FONT_FAMILY,
      color: c.text,
      fontSize: 14,
      fontWeight: 'normal',
      subtitleFont: FONT_FAMILY,
      subtitleColor: c.text,
    },
    text: { font: FONT_FAMILY, color: c.text },
    concat: { spacing: 30 },
  } as const;
}
