/** The bench's measuring harness: phases are told by markers in a command's output. */
import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/bench/lib/measure.ts';

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
});
