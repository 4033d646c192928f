import { activations, activationNames } from '../activations/index.ts';
import type { Activation } from '../activations/index.ts';
import { parse } from '../args.ts';
import { figureActivations, loadConfigFrom, resolveConfigFile } from '../config.ts';

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

/** `actfig list`: the activations, then the figures of the config (when there is one). */
export async function listCommand(argv: string[]): Promise<string> {
  const { values } = parse('list', argv, { config: { type: 'string' } });
  let out = listActivations();
  if (values.config === undefined && !(await resolveConfigFile(undefined))) return out;
  const config = await loadConfigFrom(values.config);
  out += `\nFigures in ${config.file} (${config.figures.length}):\n`;
  for (const f of config.figures) {
    const kind = f.kind === 'activations' ? '' : `  (${f.kind})`;
    out += `  ${f.id.padEnd(28)} ${figureActivations(f).join(', ')}${kind}\n`;
  }
  return out;
}
