import { activations, activationNames } from '../activations/index.ts';
import type { Activation } from '../activations/index.ts';

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
