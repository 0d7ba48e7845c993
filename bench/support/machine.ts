import { execSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  memoryGb: number;
  loadAverage: string;
}

export function describeMachine(): Machine {
  let load = '';
  try {
    load = execSync('cat /proc/loadavg', { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
  } catch {
    load = 'n/a';
  }
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: load,
  };
}

export function machineLine(m: Machine): string {
  return `${m.cores} cores (nproc), ${m.cpu}, ${m.memoryGb} GB RAM, Node ${m.node}; load average at start ${m.loadAverage}`;
}

/** The start of every bench: the machine in the log, then `npm run build` unless told not to. */
export function startBench(log: (line: string) => void, build: boolean): Machine {
  const machine = describeMachine();
  log(machineLine(machine));
  if (build) {
    log('building (npm run build)');
    execSync('npm run build', { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return machine;
}
