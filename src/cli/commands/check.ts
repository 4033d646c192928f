import { relative } from 'node:path';
import { check } from '../../build/check.ts';
import { loadConfigFrom } from '../../config/load.ts';
import type { Values } from '../main.ts';

/** `actfig check`: exit 0 when the output folder is what a build would make now, 1 listing what is not. */
export async function checkCommand(values: Values): Promise<number> {
  const config = await loadConfigFrom(values.config as string | undefined, values.out as string | undefined);
  const problems = await check(config);
  const where = relative(process.cwd(), config.outDir) || '.';
  if (problems.length === 0) {
    process.stdout.write(`${where} is current: ${config.figures.length} figures match ${config.file}\n`);
    return 0;
  }
  const lines = problems.map((p) => `  ${p.kind.padEnd(8)} ${where}/${p.file}: ${p.why}`);
  const args = [
    values.config !== undefined && `--config ${values.config}`,
    values.out !== undefined && `--out ${values.out}`,
  ]
    .filter(Boolean)
    .join(' ');
  process.stdout.write(
    `${where} is not what a build would make now (${problems.length} files):\n${lines.join('\n')}\nfix: npx actfig build${args ? ` ${args}` : ''}\n`,
  );
  return 1;
}
