/** Handling the output folder between builds. */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A fresh name for what a build moves out of `out` to delete: `<out>.old-<pid>-<ms>`, never one in use. */
export function oldName(out: string): string {
  return `${out}.old-${process.pid}-${Date.now()}`;
}

/** Folders of `out` that earlier builds moved aside and may not have finished deleting. */
export function oldFolders(out: string): string[] {
  const prefix = `${basename(out)}.old-`;
  return readdirSync(dirname(out))
    .filter((name) => name.startsWith(prefix) && /^\d+(-\d+)?$/.test(name.slice(prefix.length)))
    .map((name) => join(dirname(out), name));
}

/**
 * Deletes a folder in a detached process: the new output is already in place, and deleting the old
 * one (tens of thousands of files, seconds at 10,000 articles) need not hold up whoever waits for
 * the build. The next build removes what an interrupted deletion left (`oldFolders`).
 */
export function deleteLater(path: string): void {
  spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(path)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}
