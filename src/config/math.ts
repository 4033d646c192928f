// TeX math in labels: `$\sigma'(z)$` in a title, an axis title, a legend or series label or a caption.
// MathJax's TeX input parses each `$...$` segment to MathML (so TeX's own rules decide what `'`, `^`,
// `\le` or `\frac` mean); the MathML is then written as Unicode text: σ′(z), e⁻ᶻ, 1/4, ≤, true minus
// signs, with TeX's spaces around relations and binary operators. As text it is measured by vega and
// placed by the layout like any label, drawn by canvas in PNG and PDF and as outlines in the SVG (its
// glyphs from DejaVu, or Noto where DejaVu has none), byte-stable. `\$` is a literal dollar.
// Node only: it runs where the config is loaded (config/load.ts), and MathJax loads only for a config
// with a `$` in a string (about 0.25 s, then a millisecond or two per label).
import { UserError } from '../errors.ts';

type MmlNode = {
  kind: string;
  childNodes: MmlNode[];
  getText?: () => string;
  attributes?: { getAllAttributes(): Record<string, unknown> };
};

interface Jax {
  /** The MathML tree of one TeX expression. */
  parse(tex: string): MmlNode;
}

let jax: Promise<Jax> | undefined;

async function loadJax(): Promise<Jax> {
  jax ??= (async () => {
    const [{ TeX }, { HTMLDocument }, { liteAdaptor }, { STATE }] = await Promise.all([
      import('mathjax-full/js/input/tex.js'),
      import('mathjax-full/js/handlers/html/HTMLDocument.js'),
      import('mathjax-full/js/adaptors/liteAdaptor.js'),
      import('mathjax-full/js/core/MathItem.js'),
    ]);
    // The packages register themselves as they load.
    await Promise.all([
      import('mathjax-full/js/input/tex/base/BaseConfiguration.js'),
      import('mathjax-full/js/input/tex/ams/AmsConfiguration.js'),
    ]);
    const doc = new HTMLDocument('', liteAdaptor(), { InputJax: new TeX({ packages: ['base', 'ams'] }) });
    return { parse: (tex: string) => doc.convert(tex, { display: false, end: STATE.CONVERT }) as MmlNode };
  })();
  return jax;
}

const SUPERSCRIPT: Record<string, string> = Object.fromEntries(
  [...'0123456789+−=()niaebcdfghjklmoprstuvwxyzABDEGHIJKLMNOPRTUVW'].map((c, i) => [
    c,
    [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵉᵇᶜᵈᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ'][i],
  ]),
);
const SUBSCRIPT: Record<string, string> = Object.fromEntries(
  [...'0123456789+−=()aehijklmnoprstuvx'].map((c, i) => [c, [...'₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][i]]),
);
/** Relations and binary operators, which TeX sets with space around them. */
const SPACED = new Set([...'=<>≤≥≠≈≡∼→←⇒⇔∈∉⊂⊆+−×·±∓÷∘∝']);
const ACCENTS: Record<string, string> = { '^': '\u0302', ˆ: '\u0302', '¯': '\u0304', '~': '\u0303', '˙': '\u0307' };

const textOf = (node: MmlNode): string =>
  node.kind === 'text' ? (node.getText?.() ?? '') : node.childNodes.map(textOf).join('');

/** `s` as super- or subscript characters when every one has one, else undefined. */
const scripted = (s: string, table: Record<string, string>) =>
  [...s].every((c) => table[c]) ? [...s].map((c) => table[c]).join('') : undefined;

const grouped = (s: string) => ([...s].length > 1 ? `(${s})` : s);

/** One MathML node as Unicode text; an error node (TeX MathJax could not read) throws its message. */
function unicode(node: MmlNode): string {
  const kids = node.childNodes.filter((n) => n.kind !== 'none' && n.kind !== 'mprescripts');
  switch (node.kind) {
    case 'merror':
      throw new Error(textOf(node));
    case 'mo': {
      const op = textOf(node);
      return SPACED.has(op) ? ` ${op} ` : op === ',' ? ', ' : op;
    }
    case 'mi':
    case 'mn':
    case 'mtext':
    case 'ms':
      return textOf(node);
    case 'mspace':
      return ' ';
    case 'msup':
    case 'msub':
    case 'msubsup': {
      const [base, a, b] = kids.map(unicode);
      const sub = node.kind === 'msub' ? a : node.kind === 'msubsup' ? a : undefined;
      const sup = node.kind === 'msup' ? a : node.kind === 'msubsup' ? b : undefined;
      let out = base;
      if (sub !== undefined) out += scripted(sub.replace(/ /g, ''), SUBSCRIPT) ?? `_${grouped(sub.trim())}`;
      if (sup !== undefined) {
        const s = sup.replace(/ /g, '');
        out += /^[′″‴]+$/.test(s) ? s : (scripted(s, SUPERSCRIPT) ?? `^${grouped(s)}`);
      }
      return out;
    }
    case 'mfrac': {
      const [num, den] = kids.map((k) => unicode(k).trim());
      return `${grouped(num)}/${grouped(den)}`;
    }
    case 'msqrt':
      return `√${grouped(kids.map(unicode).join('').trim())}`;
    case 'mroot':
      return `${scripted(unicode(kids[1]), SUPERSCRIPT) ?? ''}√${grouped(unicode(kids[0]).trim())}`;
    case 'mover':
    case 'munder':
    case 'munderover': {
      const [base, ...marks] = kids.map(unicode);
      const accent = ACCENTS[marks[0]?.trim() ?? ''];
      return accent && node.kind === 'mover' ? base + accent : base;
    }
    default: {
      // mrow, mstyle, mpadded, TeX's own groupings: their children in a row; an operator that opens a
      // row or follows another (a unary minus) loses its spaces.
      let out = '';
      for (const kid of kids) {
        const text = unicode(kid);
        out += /[\s([{|,]$|^$/.test(out) ? (kid.kind === 'mo' ? text.trim() : text.trimStart()) : text;
      }
      return out;
    }
  }
}

/** The `$...$` segments of a label, each with its TeX; `\$` is a literal dollar. Undefined: no math. */
function segments(label: string): { text: string; tex?: string }[] | undefined {
  if (!label.includes('$')) return undefined;
  const parts = label.split(/(?<!\\)\$/);
  if (parts.length % 2 === 0) throw new Error('a "$" opens math that no "$" closes (write \\$ for a dollar)');
  return parts.map((p, i) => (i % 2 ? { text: '', tex: p } : { text: p.replace(/\\\$/g, '$') }));
}

/** A label with its math typeset as Unicode text. */
async function typeset(label: string): Promise<string> {
  const parts = segments(label);
  if (!parts) return label;
  const { parse } = parts.some((p) => p.tex !== undefined) ? await loadJax() : { parse: undefined };
  let out = '';
  for (const part of parts) {
    if (part.tex === undefined) out += part.text;
    else if (part.tex.trim()) out += unicode(parse!(part.tex)).trim();
  }
  return out;
}

/**
 * Every string of the config's figures (their normalized fields and the source their pages normalize
 * again) with its `$...$` math typeset; TeX MathJax cannot read is a UserError naming the field.
 */
export async function typesetLabels(config: { file: string; figures: object[] }): Promise<void> {
  const walk = async (value: unknown, at: string): Promise<unknown> => {
    if (typeof value === 'string') {
      try {
        return await typeset(value);
      } catch (error) {
        throw new UserError(`${config.file}: ${at}: ${(error as Error).message} in "${value}"`);
      }
    }
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) value[i] = await walk(v, `${at}[${i}]`);
    } else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      for (const k of Object.keys(o)) if (k !== 'id' && k !== 'formulas') o[k] = await walk(o[k], `${at}.${k}`);
    }
    return value;
  };
  for (const [i, figure] of config.figures.entries()) await walk(figure, `figures[${i}]`);
}
