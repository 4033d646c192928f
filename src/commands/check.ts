import { relative } from 'node:path';
import { parse } from '../args.ts';
import { check } from '../check.ts';
import { loadConfigFrom } from '../config.ts';
import { UserError } from '../errors.ts';

/** `actfig check`: exit 0 when the output folder is what a build would make now, 1 listing what is not. */
export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('check', argv, { config: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length) throw new UserError(`actfig check: unexpected argument "${positionals[0]}"; usage: actfig check [--config F] [--out DIR]`);
  const config = await loadConfigFrom(values.config, values.out);
  const problems = await check(config);
  const where = relative(process.cwd(), config.outDir) || '.';
  if (problems.length === 0) {
    process.stdout.write(`${where} is current: ${config.figures.length} figures match ${config.file}\n`);
    return 0;
  }
  const lines = problems.map((p) => `  ${p.kind.padEnd(8)} ${where}/${p.file}: ${p.why}`);
  const args = [values.config !== undefined && `--config ${values.config}`, values.out !== undefined && `--out ${values.out}`].filter(Boolean).join(' ');
  process.stdout.write(`${where} is not what a build would make now (${problems.length} files):\n${lines.join('\n')}\nfix: npx actfig build${args ? ` ${args}` : ''}\n`);
  return 1;
}
