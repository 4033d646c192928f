// A config's own activations, written as formulas: validated, compiled (errors name the field), and
// registered by name so that figures, eval and the gallery use them like built-ins.
import { UserError } from '../errors.ts';
import { checkFinite, type FormulaDefinition, FormulaError } from '../math/formula/index.ts';
import { defineFormula, formulaActivation } from '../math/formula/register.ts';
import { sample, withBreaks, type GridSpec } from '../math/grid.ts';
import type { ParamValues } from '../math/activations/registry.ts';
import { configError } from './messages.ts';
import { activationsSchema } from './schema.ts';

export type { FormulaDefinition };

/**
 * Validates a config's `activations` block, compiles each formula now (so a mistake is found before
 * anything is written) and registers it. Throws a one-line UserError naming the file and the field.
 */
export function normalizeFormulas(input: unknown, file: string): Record<string, FormulaDefinition> | undefined {
  if (!input || typeof input !== 'object' || !('activations' in input)) return undefined;
  const raw = (input as { activations: unknown }).activations;
  const parsed = activationsSchema.safeParse(raw);
  if (!parsed.success) {
    throw configError(
      file,
      parsed.error.issues.map((i) => ({ ...i, path: ['activations', ...i.path] })),
      input,
    );
  }
  const defs = parsed.data as Record<string, FormulaDefinition>;
  for (const [name, def] of Object.entries(defs)) {
    try {
      defineFormula(name, def);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      const field = error.field === 'name' ? '' : `.${error.field}`;
      throw new UserError(`${file}: activations.${name}${field}: ${error.message}`);
    }
  }
  return defs;
}

/**
 * Checks that a custom activation is finite wherever a figure's grid needs it (its kinks included);
 * throws a UserError naming the file, the field and the first bad z.
 */
export function checkOnGrid(name: string, params: ParamValues, grid: GridSpec, file: string, path: string): void {
  const activation = formulaActivation(name)!;
  try {
    checkFinite(activation, params, withBreaks(sample(grid).sort(), activation.breaks(params)));
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    throw new UserError(`${file}: ${path}: ${name}: ${error.message}`);
  }
}
