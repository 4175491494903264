/** Handling the output folder between builds. */
import { spawn } from 'node:child_process';

/**
 * Deletes a folder in a detached process: the new output is already in place, and deleting the old
 * one (tens of thousands of files, seconds at 10,000 articles) need not hold up whoever waits for
 * the build. The next build removes what an interrupted deletion left (`<out>.old-<pid>`).
 */
export function deleteLater(path: string): void {
  spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(path)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}
