// The command table (src/cli/commands.ts) is all the command line knows: each entry is listed, has its
// help, runs, and its options that take a value get their text as typed.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { actfig } from '../cli.ts';

describe('the command table', () => {
  it('lists each command and description in --help; each answers --help with its options and examples', () => {
    const help = actfig(['--help']);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) {
      expect(help.stdout).toContain(command.description);
      const own = actfig([command.name, '--help']);
      expect(own.code, command.name).toBe(0);
      expect(own.stdout).toContain(`$ actfig ${command.name}${command.argument ? ` ${command.argument}` : ''}\n`);
      for (const [flags] of command.options) expect(own.stdout).toContain(flags);
      for (const [, description] of command.options) expect(own.stdout).toContain(description);
      for (const example of command.examples) expect(own.stdout).toContain(example);
    }
  });

  it('prints each option line exactly: no default cac invents, no garbled text', () => {
    const line = (command: string, flag: string) =>
      actfig([command, '--help'])
        .stdout.split('\n')
        .find((l) => l.trimStart().startsWith(flag))
        ?.trim()
        .replace(/ {2,}/g, '  ');
    expect(line('build', '--no-prune')).toBe(
      '--no-prune  keep the figures that left the config instead of deleting their files',
    );
    expect(line('eval', '--config')).toBe(
      '--config <file>  a config file: the formula activations it defines (its activations field) can be NAME',
    );
    expect(line('eval', '--kinks')).toBe(
      "--kinks  also evaluate at the kinks in the range: the points where f, f' or f'' is not smooth",
    );
    for (const command of ['build', 'check', 'list', 'dev'])
      expect(line(command, '--config'), command).toMatch(/^--config <file> {2}config file or quoted glob, repeatable/);
  });

  it('names every command of the table for an unknown one', () => {
    const r = actfig(['bulid']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `actfig: unknown command "bulid"; commands: ${COMMANDS.map((c) => c.name).join(', ')} (see actfig --help)\n`,
    );
  });

  it('gives a valued option its text as typed, even one that starts with a dash', () => {
    const r = actfig(['build', '--jobs', '-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('actfig build: --jobs: must be a whole number from 1 to 64, got "-1"\n');
  });
});
