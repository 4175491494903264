/**
 * Runs a command and measures it: wall time, CPU time (user + system, children included,
 * via /usr/bin/time when present) and peak memory of the whole process tree (sampled from
 * /proc, because a build is Node plus child processes such as Pagefind's).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Characters of earlier output searched with each new chunk for a phase marker (markers are short). */
const MARKER_TAIL = 256;

/** What one measured run cost. */
export interface Measurement {
  status: number | null;
  wallMs: number;
  /** User + system CPU milliseconds, or null without /usr/bin/time. */
  cpuMs: number | null;
  /** Peak resident memory of the process and all its descendants together, bytes. */
  peakRssBytes: number;
  /** Peak memory per phase, when phase markers were given: before the first marker is printed, then after each. */
  phasePeaks: number[];
  output: string;
}

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(ppid, [...(map.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

function treeRss(root: number): number {
  const kids = children();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // Gone already.
    }
    stack.push(...(kids.get(pid) ?? []));
  }
  return total;
}

/** Runs `command args` in `cwd` with `env`, sampling memory every `intervalMs`. */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; intervalMs?: number; phaseMarkers?: RegExp[] },
): Promise<Measurement> {
  const markers = options.phaseMarkers ?? [];
  const timed = existsSync('/usr/bin/time');
  const [cmd, argv] = timed ? ['/usr/bin/time', ['-f', '__TIME__ %U %S', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env });
    let output = '';
    // The phase is how many markers the output has shown so far.
    let phase = 0;
    const onData = (d: Buffer) => {
      // A marker can only be completed by the new text, so only that and a short tail of what came
      // before are searched: searching the whole output on every chunk, the bench spent CPU growing
      // with the square of our build's log (~18,000 lines at 10,000 articles) beside the build it timed.
      const text = d.toString();
      const recent = output.slice(-MARKER_TAIL) + text;
      output += text;
      while (phase < markers.length && markers[phase]!.test(recent)) phase++;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let peak = 0;
    const phasePeaks = markers.map(() => 0).concat(0);
    const timer = setInterval(() => {
      if (!child.pid) return;
      const rss = treeRss(child.pid);
      peak = Math.max(peak, rss);
      phasePeaks[phase] = Math.max(phasePeaks[phase]!, rss);
    }, options.intervalMs ?? 50);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const t = /__TIME__ ([\d.]+) ([\d.]+)/.exec(output);
      resolve({
        status,
        wallMs,
        cpuMs: t ? (Number(t[1]) + Number(t[2])) * 1000 : null,
        peakRssBytes: peak,
        phasePeaks,
        output: output.replace(/__TIME__ [\d. ]+\n?/, ''),
      });
    });
  });
}

/** Total size of the files below `dir`, bytes. */
export function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += Number(readFileSync(`${entry.parentPath}/${entry.name}`).length);
  }
  return total;
}
