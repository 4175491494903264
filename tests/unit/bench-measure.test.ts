/** The bench's measuring harness: phases are told by markers in a command's output. */
import { describe, expect, it } from 'vitest';
import { measure, phaseCpu } from '../../scripts/bench/lib/measure.ts';

describe('measure', () => {
  it('sees a phase marker written in pieces after many lines, and keeps the whole output', async () => {
    // 20,000 lines, then "[build] site built" split across two writes 150 ms apart, then 300 ms more.
    const script = `for (let i = 0; i < 20000; i++) process.stdout.write('line ' + i + '\\n');
      process.stdout.write('[build] site ');
      setTimeout(() => { process.stdout.write('built in 1 s\\n'); setTimeout(() => {}, 300); }, 150);`;
    const m = await measure(process.execPath, ['-e', script], { cwd: process.cwd(), phaseMarkers: [/\[build\] site built/], intervalMs: 20 });
    expect(m.status).toBe(0);
    expect(m.output.split('\n').filter((l) => l.startsWith('line '))).toHaveLength(20000);
    expect(m.output).toContain('[build] site built in 1 s');
    // Memory was sampled both before the marker and after it.
    expect(m.phasePeaks).toHaveLength(2);
    expect(m.phasePeaks[0]).toBeGreaterThan(0);
    expect(m.phasePeaks[1]).toBeGreaterThan(0);
  });

  it('splits the CPU time at the markers, counting each child once, waited for or not', async () => {
    // CPU, not wall time, so a busy machine cannot skew it. Phase one: the command spins 300 ms of
    // its own CPU. Phase two: a child it waits for spins 500 ms; another, started as Pagefind's
    // Node API starts its process (unref'd, never waited for), spins 300 ms and is killed at the
    // end. Phase three: the command spins 200 ms more and exits. Idle gaps of 300 ms let samples
    // and markers land.
    const spin = (ms: number) => `for (const u = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; }; u() < ${ms};);`;
    const script = `const cp = require('node:child_process');
      ${spin(300)} console.log('phase one done');
      setTimeout(() => {
        cp.spawnSync(process.execPath, ['-e', ${JSON.stringify(spin(500))}]);
        const loose = cp.spawn(process.execPath, ['-e', ${JSON.stringify(`${spin(300)} console.log('spun'); setInterval(() => {}, 1000);`)}]);
        loose.unref();
        loose.stdout.once('data', () => setTimeout(() => {
          console.log('phase two done');
          ${spin(500)}
          loose.kill('SIGKILL');
          process.exit(0);
        }, 300));
      }, 300);`;
    const m = await measure(process.execPath, ['-e', script], { cwd: process.cwd(), phaseMarkers: [/phase one done/, /phase two done/], intervalMs: 20 });
    expect(m.status).toBe(0);
    const [one, two, three] = m.phaseCpuMs;
    expect(m.cpuMs).toBe(one! + two! + three!);
    // Each phase holds its own spins (and the Node start-ups in it), not the others': measured here
    // 280 / 800 / 200 ms. Without the child never waited for, the second would be ~540 ms; with the
    // waited child counted twice (its own time and again in its parent's), ~1,300 ms.
    expect(one).toBeGreaterThanOrEqual(200);
    expect(one).toBeLessThan(600);
    expect(two).toBeGreaterThanOrEqual(650);
    expect(two).toBeLessThan(1150);
    expect(three).toBeGreaterThanOrEqual(120);
    expect(three).toBeLessThan(500);
  });

  it('gives a phase without samples no CPU', () => {
    expect(phaseCpu([100, undefined, 250])).toEqual([100, 0, 150]);
    expect(phaseCpu([undefined, 120])).toEqual([0, 120]);
  });
});
