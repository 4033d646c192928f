import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** `actfig setup-system`: runs the Debian set-up script shipped in the package. */
export function setupSystemCommand(): number {
  const script = fileURLToPath(new URL('../../../scripts/setup-system.sh', import.meta.url));
  const r = spawnSync('bash', [script], { stdio: 'inherit' });
  return r.status ?? 1;
}
