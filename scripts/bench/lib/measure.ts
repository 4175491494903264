/**
 * Runs a command and measures it: wall time, CPU time (user + system, children included,
 * via /usr/bin/time when present) and peak memory of the whole process tree (sampled from
 * /proc, because a build is Node plus child processes such as Pagefind's), and both per phase.
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
  /** CPU milliseconds per phase, as `phasePeaks` (the tree's CPU sampled with its memory); null without `cpuMs`. */
  phaseCpuMs: number[] | null;
  output: string;
}

/** /proc's CPU times are in USER_HZ ticks, 100 a second on every Linux ABI. */
const TICK_MS = 10;

/** Each process's children, and the CPU it has used with its reaped children's (ms). */
function processes(): { kids: Map<number, number[]>; cpuMs: Map<number, number> } {
  const kids = new Map<number, number[]>();
  const cpuMs = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After the command name: state, ppid, …; utime, stime, cutime and cstime are fields 14–17.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(name)]);
      cpuMs.set(Number(name), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * TICK_MS);
    } catch {
      // The process ended while we looked.
    }
  }
  return { kids, cpuMs };
}

/**
 * Memory and CPU of a process tree now. The CPU counts every live process's own time and that
 * of the children it has reaped (a finished Astro run is in its parent's), so it only grows.
 */
function treeUsage(root: number): { rss: number; cpuMs: number } {
  const { kids, cpuMs } = processes();
  let rss = 0;
  let cpu = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) rss += Number(m[1]) * 1024;
    } catch {
      // Gone already.
    }
    cpu += cpuMs.get(pid) ?? 0;
    stack.push(...(kids.get(pid) ?? []));
  }
  return { rss, cpuMs: cpu };
}

/**
 * CPU per phase from the tree's CPU at the last sample of each phase and the run's total: a
 * phase with no sample of its own used none as far as the samples can tell.
 */
export function phaseCpu(lastSampleCpu: readonly (number | undefined)[], totalMs: number): number[] {
  const ends: number[] = [];
  lastSampleCpu.forEach((cpu, p) => ends.push(p === lastSampleCpu.length - 1 ? totalMs : Math.max(cpu ?? 0, ends[p - 1] ?? 0)));
  return ends.map((end, p) => Math.max(0, end - (ends[p - 1] ?? 0)));
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
    const lastSampleCpu: (number | undefined)[] = phasePeaks.map(() => undefined);
    const timer = setInterval(() => {
      if (!child.pid) return;
      const { rss, cpuMs } = treeUsage(child.pid);
      peak = Math.max(peak, rss);
      phasePeaks[phase] = Math.max(phasePeaks[phase]!, rss);
      lastSampleCpu[phase] = cpuMs;
    }, options.intervalMs ?? 50);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const t = /__TIME__ ([\d.]+) ([\d.]+)/.exec(output);
      const cpuMs = t ? (Number(t[1]) + Number(t[2])) * 1000 : null;
      resolve({
        status,
        wallMs,
        cpuMs,
        peakRssBytes: peak,
        phasePeaks,
        phaseCpuMs: cpuMs === null ? null : phaseCpu(lastSampleCpu, cpuMs),
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
