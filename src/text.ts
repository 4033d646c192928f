// Small text rules shared by the config, the output folder and the gallery.

/** Escapes text for XML and HTML, in element content and in double-quoted attributes alike. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A name usable as a file name on every system without escaping its folder: letters, digits, ".",
 * "_" and "-", starting with a letter or digit, no "..". Figure ids and the manifest's file names follow it.
 */
export function safeName(name: unknown): name is string {
  return (
    typeof name === 'string' && name.length <= 120 && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && !name.includes('..')
  );
}

/** Control characters made visible, for names that came from a file and are printed to a terminal. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Significant digits for labels: 4.58486 rather than 4.584863339122356. */
export const short = (v: number, digits = 6): string => String(Number(v.toPrecision(digits)));

/** A number as a label draws it: `short`, with a true minus sign (−4.585, as the axes write it). */
export const labelNumber = (v: number, digits = 6): string => short(v, digits).replace(/^-/, '−');
