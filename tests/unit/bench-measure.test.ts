/** The bench's measuring harness: phases are told by markers in a command's output. */
import { existsSync } from 'node:fs';
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

  it.skipIf(!existsSync('/usr/bin/time'))('splits the CPU time at the markers, counting children the command has reaped', async () => {
    // Spins to 300 ms of its own CPU, marks; idles 300 ms (so a marker seen late still splits right),
    // waits for a child spinning 600 ms of its own, idles 300 ms (samples after the child is reaped),
    // marks; spins 200 ms more. CPU, not wall time, so a busy machine cannot skew it.
    const spin = (ms: number) => `for (const u = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; }; u() < ${ms};);`;
    const script = `${spin(300)} console.log('phase one done');
      setTimeout(() => {
        require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(spin(600))}]);
        setTimeout(() => { console.log('phase two done'); ${spin(500)} }, 300);
      }, 300);`;
    const m = await measure(process.execPath, ['-e', script], { cwd: process.cwd(), phaseMarkers: [/phase one done/, /phase two done/], intervalMs: 20 });
    expect(m.status).toBe(0);
    const [one, two, three] = m.phaseCpuMs!;
    // Each phase holds its own spin (the first and second a Node start-up too), not the others'.
    expect(one).toBeGreaterThanOrEqual(250);
    expect(one).toBeLessThan(600);
    expect(two).toBeGreaterThanOrEqual(550);
    expect(two).toBeLessThan(1100);
    expect(three).toBeGreaterThanOrEqual(150);
    expect(three).toBeLessThan(500);
  });

  it('gives a phase without samples no CPU, and the last phase the rest of the total', () => {
    expect(phaseCpu([100, undefined, 250], 400)).toEqual([100, 0, 300]);
    expect(phaseCpu([undefined, 120], 200)).toEqual([0, 200]);
    // A sample can only lag the total, never pass it: nothing is negative.
    expect(phaseCpu([500, 450], 480)).toEqual([500, 0]);
  });
});
