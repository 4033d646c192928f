import {
  type Activation,
  findActivation,
  knownNames,
  type ParamValues,
  registerCustom,
} from '../activations/registry.ts';
import { compileFormula } from './compile.ts';
import { checkFormulaName } from './parse.ts';
import { type FormulaDefinition, formulaKey } from './definition.ts';

/** Registers formula activations for this process by name; each compiles (loading mathjs) on first use. */
export function useFormulas(defs: Readonly<Record<string, FormulaDefinition>> | undefined): void {
  for (const [name, def] of Object.entries(defs ?? {})) {
    registerCustom(name, formulaKey(def), () => compileFormula(name, def));
  }
}

/**
 * Registers one formula activation and compiles it now, refusing a name that is not an identifier or
 * shadows a built-in; throws FormulaError naming the field at fault.
 */
export function defineFormula(name: string, def: FormulaDefinition): Activation<ParamValues> {
  checkFormulaName(name, knownNames);
  useFormulas({ [name]: def });
  return findActivation(name)!;
}

/** A registered formula activation by name. */
export const formulaActivation = (name: string): Activation<ParamValues> | undefined => findActivation(name);
