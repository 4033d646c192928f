import { UserError } from '../errors.ts';

/** The latest date a PDF can carry (PDF dates have four-digit years): 9999-12-31T23:59:59Z. */
const LAST_SECOND = 253402300799;

/** A fixed PDF date, so builds are byte-identical; SOURCE_DATE_EPOCH (seconds) overrides it. */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_SECOND) {
      throw new UserError(
        `SOURCE_DATE_EPOCH: must be whole seconds since 1970, at most ${LAST_SECOND} (year 9999), ` +
          `got "${epoch.slice(0, 40)}"`,
      );
    }
    return new Date(Number(epoch) * 1000);
  }
  return new Date(Date.UTC(2000, 0, 1));
}
