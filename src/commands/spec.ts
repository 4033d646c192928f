import { parse } from '../args.ts';
import { selectFigures } from '../build.ts';
import { loadConfigFrom } from '../config.ts';
import { UserError } from '../errors.ts';
import { stringifySpec } from '../files.ts';
import { buildSpec } from '../figures/spec.ts';

/** `actfig spec ID`: the figure's Vega-Lite spec on stdout, byte for byte what the build writes. */
export async function specCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parse('spec', argv, { config: { type: 'string' } });
  if (positionals.length !== 1) throw new UserError('actfig spec: expected one figure ID; usage: actfig spec ID [--config F]');
  const config = await loadConfigFrom(values.config);
  const [figure] = selectFigures(config, positionals);
  return stringifySpec(buildSpec(figure));
}
