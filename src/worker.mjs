// A render worker for the build's pool: plain JavaScript, no TypeScript loader (see render.mjs).
import { render } from './render.mjs';

/**
 * @param {{ id: string, title: string, spec: object, formats: string[], png: { scale: number, compression: number, filter: string }, date: string }} job
 * @returns {Promise<Record<string, Uint8Array>>} the bytes of each format
 */
export default async function renderJob(job) {
  return render(job.spec, {
    formats: job.formats,
    scale: job.png.scale,
    pngCompression: job.png.compression,
    pngFilter: job.png.filter,
    date: new Date(job.date),
    title: job.title,
    id: job.id,
  });
}
