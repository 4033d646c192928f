// An animation's frames as an H.264 MP4, for slide tools that play video (PowerPoint, Keynote, reveal.js),
// made by the ffmpeg on PATH: only a figure with `animate.mp4` asks, and only its build needs ffmpeg
// (check compares keys and runs nothing). Byte-stable for one ffmpeg: one encoder thread, no metadata,
// no version strings (`bitexact`), frames given as raw pixels.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import type { Pixels } from '../render/pixels.ts';
import { onCanvas } from './gif.ts';

/** The MP4 of these frames at `fps`; a missing ffmpeg is the user's to install, said in one line. */
export async function encodeMp4(frames: readonly Pixels[], fps: number, id: string): Promise<Uint8Array> {
  // H.264 in 4:2:0 wants even sides: the frames are set at the top left of an even canvas (as in the GIF).
  const even = (n: number) => n + (n % 2);
  const width = even(Math.max(...frames.map((f) => f.width)));
  const height = even(Math.max(...frames.map((f) => f.height)));
  const dir = await mkdtemp(join(tmpdir(), 'actfig-mp4-'));
  const out = join(dir, `${id}.mp4`);
  try {
    const args = [
      ...['-v', 'error', '-nostdin', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${width}x${height}`],
      ...['-r', String(fps), '-i', 'pipe:0', '-c:v', 'libx264', '-preset', 'medium', '-crf', '18'],
      ...['-pix_fmt', 'yuv420p', '-threads', '1', '-map_metadata', '-1', '-fflags', '+bitexact'],
      ...['-flags:v', '+bitexact', '-movflags', '+faststart', '-y', out],
    ];
    await run(
      args,
      frames.map((f) => onCanvas(f, width, height)),
      id,
    );
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(args: string[], images: Uint8Array[], id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new UserError(`${id}.mp4: animate.mp4 needs ffmpeg on PATH (Debian: apt-get install ffmpeg); not found`)
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code} making ${id}.mp4: ${stderr.trim()}`)),
    );
    child.stdin.on('error', () => {}); // a failed ffmpeg closes its input; its exit says why
    for (const image of images) child.stdin.write(image);
    child.stdin.end();
  });
}
