import { resolveConfigFile } from '../../config/load.ts';
import type { Config } from '../../config/model.ts';
import { DEFAULT_KIND, kindOf } from '../../kinds/registry.ts';
import type { Activation } from '../../math/activations/registry.ts';
import { activationNames, activations } from '../../math/activations/registry.ts';
import type { Values } from '../args.ts';
import { configFiles, loadConfigs } from '../configs.ts';
import { write } from '../stdout.ts';

/** The activations' table for `actfig list`: name, display name, parameters with their defaults. */
export function listActivations(): string {
  const lines = [`Activations (${activationNames.length}):`];
  for (const name of activationNames) {
    const a = activations[name] as unknown as Activation;
    const params = Object.entries(a.params).map(([key, spec]) =>
      spec.kind === 'choice' ? `${key}=${spec.default} (${spec.choices.join('|')})` : `${key}=${spec.default}`,
    );
    const alias = a.aliases?.length ? `  alias: ${a.aliases.join(', ')}` : '';
    lines.push(`  ${name.padEnd(12)} ${a.displayName.padEnd(14)} ${params.join(' ') || '-'}${alias}`.trimEnd());
  }
  return lines.join('\n') + '\n';
}

/** `actfig list`: the activations, then the figures of each config (when there is one). */
export async function listCommand(values: Values): Promise<number> {
  const given = values.config as string[] | undefined;
  let out = listActivations();
  if (!(await configFiles(given)) && !(await resolveConfigFile(undefined))) {
    await write(out);
    return 0;
  }
  for (const { config } of await loadConfigs(values)) out += `\n${listConfig(config)}`;
  await write(out);
  return 0;
}

/** A config's formula activations with their parameters, then its figures with what each draws. */
function listConfig(config: Config): string {
  let out = '';
  const formulas = Object.entries(config.activations ?? {});
  if (formulas.length) {
    out += `Formula activations in ${config.file} (${formulas.length}):\n`;
    for (const [name, f] of formulas) {
      const params = Object.entries(f.params ?? {}).map(([key, value]) => `${key}=${value}`);
      out += `  ${name.padEnd(12)} ${f.formula}${params.length ? `  (${params.join(' ')})` : ''}\n`;
    }
  }
  out += `Figures in ${config.file} (${config.figures.length}):\n`;
  for (const f of config.figures) {
    const kind = f.kind === DEFAULT_KIND ? '' : `  (${f.kind})`;
    const names = [
      ...new Set(
        kindOf(f.kind)
          .drawn(f)
          .map((d) => d.activation),
      ),
    ];
    out += `  ${f.id.padEnd(28)} ${names.join(', ')}${kind}\n`;
  }
  return out;
}
