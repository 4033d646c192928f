import { relative } from 'node:path';
import { check, DIFFERS } from '../../build/check.ts';
import { loadConfigFrom } from '../../config/load.ts';
import type { Values } from '../args.ts';

/**
 * `actfig check`: exit 0 when the output folder is what a build would make now, 1 listing what is not.
 * With --render, every figure and the gallery are also made again in memory and compared byte for byte.
 */
export async function checkCommand(values: Values): Promise<number> {
  const config = await loadConfigFrom(values.config as string | undefined, values.out as string | undefined);
  const render = values.render === true;
  const problems = await check(config, { render });
  const where = relative(process.cwd(), config.outDir) || '.';
  if (problems.length === 0) {
    const how = render ? `; ${config.figures.length} figures re-rendered and compared byte for byte` : '';
    process.stdout.write(`${where} is current: ${config.figures.length} figures match ${config.file}${how}\n`);
    return 0;
  }
  const lines = problems.map((p) => `  ${p.kind.padEnd(8)} ${where}/${p.file}: ${p.why}`);
  // A file replaced together with its manifest record looks intact to a plain build: only --force rewrites it.
  const force = problems.some((p) => p.why === DIFFERS);
  const args = [
    force && '--force',
    values.config !== undefined && `--config ${values.config}`,
    values.out !== undefined && `--out ${values.out}`,
  ]
    .filter(Boolean)
    .join(' ');
  const fix = `npx actfig build${args ? ` ${args}` : ''}`;
  process.stdout.write(
    `${where} is not what a build would make now (${problems.length} files):\n${lines.join('\n')}\nfix: ${fix}\n`,
  );
  return 1;
}
