import { didYouMean, UserError } from '../errors.ts';
import type { Config, Figure } from './model.ts';

/** The figures named by `ids` (all when undefined); an unknown id is a UserError that says where it came from. */
export function selectFigures(config: Config, ids: readonly string[] | undefined, source = '--only'): Figure[] {
  if (!ids) return config.figures;
  const known = config.figures.map((f) => f.id);
  for (const id of ids) {
    if (!known.includes(id))
      throw new UserError(`${source}: no figure "${id}" in ${config.file}${didYouMean(id, known)}`);
  }
  return config.figures.filter((f) => ids.includes(f.id));
}
