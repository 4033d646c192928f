// Config errors as one line each: the file, the field path as a user writes it, what is wrong, the
// value found, and the closest known key or name when it looks like a typo.
import type { z } from 'zod';
import { closest, UserError } from '../errors.ts';
import { configSchema } from './schema.ts';

/** Formats a field path the way users write it: figures[2].panels[0].activation. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[k];
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'bigint') return `${v}n`;
  let json: string | undefined;
  try {
    // A BigInt (5n) is shown as written; JSON.stringify alone would throw on it.
    json = JSON.stringify(v, (_key, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
  } catch {
    json = undefined;
  }
  return json === undefined ? String(v) : json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

/** The keys of every object schema `schema` may be at `path` (through arrays, unions and kinds), for "did you mean". */
export function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  const def = (schema as { _zod?: { def: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def) return [];
  if (def.type === 'pipe') {
    const keys = keysAt(def.out, path);
    return keys.length ? keys : keysAt(def.in, path);
  }
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return keysAt(def.innerType, path);
  if (def.type === 'union') return [...new Set((def.options as unknown[]).flatMap((o) => keysAt(o, path)))];
  if (def.type === 'array') return keysAt(def.element, typeof path[0] === 'number' ? path.slice(1) : path);
  if (def.type === 'object') {
    const shape = def.shape as Record<string, unknown>;
    if (path.length === 0) return Object.keys(shape);
    const [key, ...more] = path;
    return typeof key === 'string' && Object.hasOwn(shape, key) ? keysAt(shape[key], more) : [];
  }
  return [];
}

function keysFor(path: readonly PropertyKey[]): readonly string[] {
  return keysAt(configSchema(), path);
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): { path: readonly PropertyKey[]; message: string } {
  const got = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      // Known keys of any kind: not the key itself (a depth figure's grid is a key of other kinds).
      const suggestion = closest(
        key,
        keysFor(issue.path).filter((k) => k !== key),
      );
      return {
        path: [...issue.path, key],
        message: `unknown key${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
      };
    }
    case 'invalid_type':
      if (got === undefined) return { path: issue.path, message: `missing (expected ${issue.expected})` };
      if (issue.expected === 'number' && typeof got === 'number')
        return { path: issue.path, message: `must be a finite number, got ${got}` };
      return { path: issue.path, message: `expected ${issue.expected}, got ${show(got)}` };
    case 'invalid_value':
      return {
        path: issue.path,
        message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(got)}`,
      };
    case 'too_small':
      if (issue.origin === 'string' && got === '') return { path: issue.path, message: 'is empty' };
      if (issue.origin === 'array') return { path: issue.path, message: `must have at least ${issue.minimum} item(s)` };
      return {
        path: issue.path,
        message: `must be ${issue.inclusive === false ? '>' : '≥'} ${issue.minimum}, got ${show(got)}`,
      };
    case 'too_big':
      if (issue.origin === 'array') return { path: issue.path, message: `must have at most ${issue.maximum} items` };
      return {
        path: issue.path,
        message: `must be ${issue.inclusive === false ? '<' : '≤'} ${issue.maximum}, got ${show(got)}`,
      };
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) {
        return {
          path: issue.path,
          message: `must be one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}, got ${show(got)}`,
        };
      }
      {
        // The branch for what was given (an object, not a name) says what is wrong with it, e.g. a sweep's length.
        const branches = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
        const fits = branches.find(
          (b) => b.length > 0 && !b.some((i) => i.code === 'invalid_type' && i.path.length === 0),
        );
        if (fits)
          return issueMessage({ ...fits[0], path: [...issue.path, ...fits[0].path] } as z.core.$ZodIssue, input);
      }
      return { path: issue.path, message: `not a valid value, got ${show(got)}` };
    default:
      return {
        path: issue.path,
        message:
          issue.code === 'custom'
            ? issue.message
            : `${issue.message.replace(/^Invalid input: /, '')}, got ${show(got)}`,
      };
  }
}

export function configError(file: string, issues: readonly z.core.$ZodIssue[], input: unknown): UserError {
  const messages = issues.map((issue) => {
    const { path, message } = issueMessage(issue, input);
    return `${file}: ${path.length ? `${formatPath(path)}: ` : ''}${message}`;
  });
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more)` : '';
  return new UserError(messages[0] + more);
}
