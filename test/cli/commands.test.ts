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
