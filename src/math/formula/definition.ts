import { UserError } from '../../errors.ts';

/** A custom activation written as a formula in z, as a config gives it. */
export interface FormulaDefinition {
  /** f(z), e.g. '(z + sqrt(z^2 + b)) / 2'. */
  formula: string;
  /** Every symbol other than z, with its default, e.g. { b: 4 }. */
  params?: Record<string, number>;
  /** The display name; the key by default. */
  label?: string;
  /** A hand-written f', checked against the symbolic one. */
  derivative?: string;
  /** A hand-written f'', checked against the symbolic one. */
  second?: string;
  /**
   * Which piece's derivative a kink takes: 'left' (the default, as PyTorch's relu'(0) = 0 and
   * leaky_relu'(0) = negative_slope) or 'right'.
   */
  kink?: 'left' | 'right';
}

/**
 * A mistake in a formula definition. `field` names the part at fault ('formula', 'derivative', 'second',
 * 'params.b', 'kink', 'label', 'name') so that a config error can point at it; the message is one line.
 */
export class FormulaError extends UserError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'FormulaError';
    this.field = field;
  }
}

/**
 * A stable string of everything that changes the activation, for content keys: the same definition
 * written with its params in another order, or with `kink: 'left'` spelt out, gives the same key.
 */
export function formulaKey(def: FormulaDefinition): string {
  const params = Object.entries(def.params ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    'formula/1',
    def.formula,
    params,
    def.label ?? null,
    def.derivative ?? null,
    def.second ?? null,
    def.kink ?? 'left',
  ]);
}

/** A number short enough for a message: 6 significant digits, no trailing zeros, no "-0". */
export function short(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)) + 0);
}

/** A number for a property table, to 4 decimals as the built-ins write them ("-0.2785"), integers bare. */
export function tableNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  const rounded = Math.round(x);
  if (Math.abs(x - rounded) <= 1e-9 * Math.max(1, Math.abs(x))) return String(rounded + 0);
  return String(Number(x.toFixed(4)) + 0);
}
