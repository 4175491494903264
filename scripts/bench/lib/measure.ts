/**
 * Runs a command and measures it: wall time, and the CPU time (user + system) and peak memory of
 * the whole process tree, sampled from /proc (a build is Node plus child processes such as
 * Pagefind's), overall and per phase.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Characters of earlier output searched with each new chunk for a phase marker (markers are short). */
const MARKER_TAIL = 256;

/** What one measured run cost. */
export interface Measurement {
  status: number | null;
  wallMs: number;
  /**
   * User + system CPU milliseconds of the whole tree, sampled: every process's own time as last
   * seen (what a process uses after its last sample, under one interval, is missed).
   */
  cpuMs: number;
  /** Peak resident memory of the process and all its descendants together, bytes. */
  peakRssBytes: number;
  /** Peak memory per phase, when phase markers were given: before the first marker is printed, then after each. */
  phasePeaks: number[];
  /** CPU milliseconds per phase, as `phasePeaks`. */
  phaseCpuMs: number[];
  output: string;
}

/** /proc's CPU times are in USER_HZ ticks, 100 a second on every Linux ABI. */
const TICK_MS = 10;

/** Each process's children, and its own CPU so far (ms) under a key that survives pid reuse. */
function processes(): { kids: Map<number, number[]>; cpu: Map<number, { key: string; ms: number }> } {
  const kids = new Map<number, number[]>();
  const cpu = new Map<number, { key: string; ms: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After the command name: state, ppid, …; utime and stime are fields 14–15, starttime 22.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(name)]);
      cpu.set(Number(name), { key: `${name}@${fields[19]}`, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // The process ended while we looked.
    }
  }
  return { kids, cpu };
}

/**
 * A process tree's memory now, and each of its processes' own CPU so far (into `seen`). Own CPU,
 * summed over every process ever seen, and not the children's times a parent collects when it
 * waits: Pagefind's Node API starts its process unref'd and kills it when done, so it is not
 * waited for — /usr/bin/time's total missed ~15 s of the ~32 s Pagefind used in a build of 10,000.
 */
function sampleTree(root: number, seen: Map<string, number>): number {
  const { kids, cpu } = processes();
  let rss = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) rss += Number(m[1]) * 1024;
    } catch {
      // Gone already.
    }
    const c = cpu.get(pid);
    if (c) seen.set(c.key, c.ms);
    stack.push(...(kids.get(pid) ?? []));
  }
  return rss;
}

/** CPU per phase from the tree's CPU at the last sample of each phase (a phase without one used none). */
export function phaseCpu(lastSampleCpu: readonly (number | undefined)[]): number[] {
  const ends: number[] = [];
  lastSampleCpu.forEach((cpu, p) => ends.push(Math.max(cpu ?? 0, ends[p - 1] ?? 0)));
  return ends.map((end, p) => end - (ends[p - 1] ?? 0));
}

/** Runs `command args` in `cwd` with `env`, sampling memory every `intervalMs`. */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; intervalMs?: number; phaseMarkers?: RegExp[] },
): Promise<Measurement> {
  const markers = options.phaseMarkers ?? [];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
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
    const seen = new Map<string, number>();
    const sample = () => {
      if (!child.pid) return;
      const rss = sampleTree(child.pid, seen);
      peak = Math.max(peak, rss);
      phasePeaks[phase] = Math.max(phasePeaks[phase]!, rss);
      let cpu = 0;
      for (const ms of seen.values()) cpu += ms;
      lastSampleCpu[phase] = cpu;
    };
    const timer = setInterval(sample, options.intervalMs ?? 50);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      const phaseCpuMs = phaseCpu(lastSampleCpu);
      resolve({
        status,
        wallMs: performance.now() - started,
        cpuMs: phaseCpuMs.reduce((a, b) => a + b, 0),
        peakRssBytes: peak,
        phasePeaks,
        phaseCpuMs,
        output,
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
