/**
 * Keeping mass deletions out of the timed builds. On this machine's ext4, which has no journal,
 * creating a file after many others were deleted scans the recently freed inodes one by one
 * (the kernel avoids reusing them for a few minutes): 20,000 files took 0.9 s on a quiet disk
 * and 3.0 s right after 20,000 others were deleted, 7.2 s after 40,000, and the effect lasts minutes.
 * Cold 10,000-article builds, each right after the last one's ~110,000 files were deleted, ran
 * 64, 72, 82, 92 s (into fresh folders on a quiet disk: 57.7–62.1 s), so the bench moves what it
 * is done with aside (a rename frees no inode) and deletes it all once nothing more is timed.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Folders set aside by one bench run, deleted together at its end. */
export class Discards {
  private readonly dir: string;
  private count = 0;

  /** `dir`: where folders are set aside; on the same file system as what is discarded. */
  constructor(dir: string) {
    this.dir = dir;
  }

  /** Moves `path` aside (nothing when it does not exist). */
  discard(path: string): void {
    if (!existsSync(path)) return;
    mkdirSync(this.dir, { recursive: true });
    // A folder left by an interrupted run may hold the same names: count past them.
    let to: string;
    do to = join(this.dir, `${++this.count}-${basename(path)}`);
    while (existsSync(to));
    renameSync(path, to);
  }

  /** Deletes everything set aside (also what an interrupted run left). */
  empty(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Microseconds per file to create `files` small files in a new folder under `parent` — how
 * fast the disk creates files just now (the probe's folder is then discarded, not deleted).
 */
export function fileCreationMicros(parent: string, discards: Discards, files = 2000): number {
  const dir = join(parent, `.probe-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `${i}.html`), '<p>probe</p>');
  const micros = ((performance.now() - started) * 1000) / files;
  discards.discard(dir);
  return micros;
}
