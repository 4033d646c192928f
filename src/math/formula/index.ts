// Custom activations written as formulas in z: parsed, differentiated and evaluated with mathjs.
export { type FormulaDefinition, FormulaError, formulaKey } from './definition.ts';
export { compileFormula, checkFinite, findNonFinite, type NonFinite } from './compile.ts';
export { checkFormulaName, CONSTANTS as formulaConstants, FUNCTIONS as formulaFunctions } from './parse.ts';
export { useFormulas } from './register.ts';
