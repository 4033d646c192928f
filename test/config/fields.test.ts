// The README's field table is checked against the zod schema the config is validated with (and its
// TypeScript types are inferred from): every field a user may write is in the table, with where it may
// be written, and every field the table names exists there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keysAt } from '../../src/config/messages.ts';
import { configSchema } from '../../src/config/schema.ts';
import { root } from '../cli.ts';

/** The table's rows: each name in its first column with the places of its second ("top, figure"). */
function table(): { name: string; where: string[] }[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('| Field | Where | Meaning |');
  expect(start).toBeGreaterThan(0);
  const rows = readme.slice(start).split('\n\n')[0].split('\n').slice(2);
  return rows.flatMap((row) => {
    const [names, where] = row.split(' | ').map((cell) => cell.replace(/^\| /, ''));
    const places = where.split(',').map((w) => w.trim());
    return [...names.matchAll(/`([^`]+)`/g)].map((m) => ({ name: m[1], where: places }));
  });
}

const schema = configSchema();
const scopes = {
  top: keysAt(schema, []).flatMap((k) => (k === 'png' ? keysAt(schema, ['png']).map((p) => `png.${p}`) : [k])),
  figure: keysAt(schema, ['figures', 0]),
  panel: keysAt(schema, ['figures', 0, 'panels', 0]),
};

describe("README's configuration table", () => {
  const rows = table();
  const named = (scope: keyof typeof scopes, key: string) =>
    rows.some(
      (r) =>
        (r.name === key || r.name === `panels[].${key}`) &&
        r.where.some((w) => (scope === 'figure' ? !['top', 'panel', 'series'].includes(w) : w.startsWith(scope))),
    ) ||
    (scope === 'panel' && rows.some((r) => r.name === key && r.where.some((w) => w.includes('panel'))));

  it.each(Object.keys(scopes) as (keyof typeof scopes)[])('names every %s field the schema accepts', (scope) => {
    const missing = scopes[scope].filter((key) => key !== 'png' && !named(scope, key));
    expect(missing).toEqual([]);
  });

  it('names no field the schema does not have', () => {
    const all = new Set([...scopes.top, ...scopes.figure, ...scopes.panel].flatMap((k) => [k, `panels[].${k}`]));
    expect(rows.map((r) => r.name).filter((name) => !all.has(name))).toEqual([]);
  });
});
