import { readFileSync, writeFileSync } from 'node:fs';

/** Resource use of the server processes over one phase. */
export interface ProcessUsage {
  /** Highest sum of VmRSS seen, and of VmHWM at the end, MB. */
  readonly peakRssMb: number;
  /** utime + stime spent during the phase, seconds. */
  readonly cpuSeconds: number;
}

const ticksPerSecond = 100;

/** Samples /proc of the given processes every `everyMs` until stopped. */
export function sampleProcesses(
  pids: readonly number[],
  everyMs = 100,
): { stop(): ProcessUsage } {
  for (const pid of pids) resetPeak(pid);
  const cpuAtStart = sum(pids.map(cpuTicks));
  let peakKb = sum(pids.map((pid) => statusKb(pid, 'VmRSS')));

  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, sum(pids.map((pid) => statusKb(pid, 'VmRSS'))));
  }, everyMs);
  timer.unref();

  return {
    stop: () => {
      clearInterval(timer);
      const hwmKb = sum(pids.map((pid) => statusKb(pid, 'VmHWM')));
      const cpu = sum(pids.map(cpuTicks)) - cpuAtStart;
      return {
        peakRssMb: Math.max(peakKb, hwmKb) / 1024,
        cpuSeconds: cpu / ticksPerSecond,
      };
    },
  };
}

/** Writing 5 to clear_refs resets VmHWM to the current RSS. */
function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted or gone: VmHWM then covers the whole process life.
  }
}

function statusKb(pid: number, field: string): number {
  const status = readProc(`/proc/${pid}/status`);
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

function cpuTicks(pid: number): number {
  const stat = readProc(`/proc/${pid}/stat`);
  // Fields after the parenthesised command name; utime and stime are 14, 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
