import { relative } from 'node:path';
import { check, DIFFERS } from '../../build/check.ts';
import { DEFAULT_CONFIG_FILES } from '../../config/load.ts';
import type { Config } from '../../config/model.ts';
import type { Values } from '../args.ts';
import { eachConfig } from '../configs.ts';

/**
 * `actfig check`: exit 0 when each config's output folder is what a build would make now, 1 listing what
 * is not. With --render, every figure and the gallery are also made again in memory and compared byte for byte.
 */
export async function checkCommand(values: Values): Promise<number> {
  return eachConfig(values, (config, name) => checkOne(config, name, values));
}

async function checkOne(config: Config, name: string, values: Values) {
  const render = values.render === true;
  const problems = await check(config, { render });
  const where = relative(process.cwd(), config.outDir) || '.';
  if (problems.length === 0) {
    const how = render ? `; ${config.figures.length} figures re-rendered and compared byte for byte` : '';
    process.stdout.write(`${where} is current: ${config.figures.length} figures match ${config.file}${how}\n`);
    return { code: 0, summary: `current (${config.figures.length} figures in ${where})` };
  }
  const lines = problems.map((p) => `  ${p.kind.padEnd(8)} ${where}/${p.file}: ${p.why}`);
  // A file replaced together with its manifest record looks intact to a plain build: only --force rewrites it.
  const force = problems.some((p) => p.why === DIFFERS);
  // The default config needs no --config; one of several (or of package.json's list) does.
  const given = values.config !== undefined || !(DEFAULT_CONFIG_FILES as readonly string[]).includes(name);
  const args = [force && '--force', given && `--config ${name}`, values.out !== undefined && `--out ${values.out}`]
    .filter(Boolean)
    .join(' ');
  const fix = `npx actfig build${args ? ` ${args}` : ''}`;
  process.stdout.write(
    `${where} is not what a build of ${config.file} would make now (${problems.length} files):\n` +
      `${lines.join('\n')}\nfix: ${fix}\n`,
  );
  return { code: 1, summary: `stale (${problems.length} files in ${where}); fix: ${fix}` };
}
