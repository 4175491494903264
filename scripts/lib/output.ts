/** Handling the output folder between builds. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A fresh name for what a build moves out of `out` to delete: `<out>.old-<pid>-<ms>`, never one in use. */
export function oldName(out: string): string {
  return `${out}.old-${process.pid}-${Date.now()}`;
}

/** Whether a process with this id is running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the process a `<folder>.pid` file names (the one deleting the folder) is running. */
function beingDeleted(folder: string): boolean {
  const file = `${folder}.pid`;
  return existsSync(file) && running(Number(readFileSync(file, 'utf8')));
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Takes `<out>.lock` for this process, waiting while another running build holds it: two builds
 * of one output share its staging folder and caches, and one would swap in the other's half-built
 * site. A lock whose process is gone (a killed build) is taken over. Released when this process exits.
 */
export async function holdLock(out: string, onWait: (pid: number) => void): Promise<void> {
  const file = `${out}.lock`;
  let told = false;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      process.on('exit', () => {
        if (read(file) === String(process.pid)) rmSync(file, { force: true });
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // An empty file is a lock being written: only a named process that is gone lets it go.
    const holder = Number(read(file));
    if (holder > 0 && !running(holder)) {
      rmSync(file, { force: true });
      continue;
    }
    if (!told && holder > 0) {
      onWait(holder);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Folders of `out` that earlier builds moved aside and whose deletion stopped (with the machine):
 * not those still being deleted, which a second deletion would only slow down.
 */
export function oldFolders(out: string): string[] {
  const prefix = `${basename(out)}.old-`;
  return readdirSync(dirname(out))
    .filter((name) => name.startsWith(prefix) && /^\d+(-\d+)?$/.test(name.slice(prefix.length)))
    .map((name) => join(dirname(out), name))
    .filter((folder) => !beingDeleted(folder));
}

/**
 * Deletes a folder in a detached process: the new output is already in place, and deleting the old
 * one (tens of thousands of files, seconds at 10,000 articles) need not hold up whoever waits for
 * the build. The process names itself in `<path>.pid` while it works; the next build removes what
 * an interrupted deletion left (`oldFolders`).
 */
export function deleteLater(path: string): void {
  const p = JSON.stringify(path);
  const script = `const fs = require('node:fs'); fs.writeFileSync(${p} + '.pid', String(process.pid)); fs.rmSync(${p}, { recursive: true, force: true }); fs.rmSync(${p} + '.pid', { force: true });`;
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
}
