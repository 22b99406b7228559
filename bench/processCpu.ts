import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, ms) a process has used so far, from /proc; undefined off Linux. */
export function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name, which may itself hold spaces: utime and stime are 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}

/** CPU time of every PostgreSQL server process on this machine (backends, WAL writer …). */
export function postgresCpuMs(): number | undefined {
  let total = 0;
  let found = false;
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue; // the process ended meanwhile
    }
    const used = processCpuMs(Number(entry));
    if (used !== undefined) {
      total += used;
      found = true;
    }
  }
  return found ? total : undefined;
}

// USER_HZ is 100 on every Linux build Node runs on.
const clockTicksPerSecond = 100;

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
