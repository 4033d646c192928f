// The output folder's bookkeeping files, by name.

export const MANIFEST = 'manifest.json';
export const LOCK = '.actfig.lock';
/** A figure's files being switched in: lists the new hashes, so check can name a torn figure. */
export const PENDING = '.actfig.pending.json';
