import { loadConfigFrom } from '../../config/load.ts';
import { selectFigures } from '../../config/select.ts';
import { buildSpec } from '../../kinds/spec.ts';
import { specChunks } from '../../output/files.ts';
import type { Values } from '../args.ts';
import { write } from '../stdout.ts';

/** `actfig spec ID`: the figure's Vega-Lite spec on stdout, byte for byte what the build writes. */
export async function specCommand(values: Values): Promise<number> {
  const config = await loadConfigFrom(values.config as string | undefined);
  const [figure] = selectFigures(config, [values.id as string], 'actfig spec');
  for (const chunk of specChunks(buildSpec(figure))) await write(chunk);
  return 0;
}
