import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { BalcaoError } from '../errors/BalcaoError';

/**
 * PGlite is one process's database: a second process opening the same files would corrupt
 * them. A lock file with the owner's pid keeps a second `npm start` out; a stale lock left by
 * a killed process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'balcao.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new BalcaoError(
          'DATA_DIR_IN_USE',
          `The embedded database in ${dir} is in use by process ${owner}. Stop that process, or set DATA_DIR to another folder (or DATABASE_URL to share a PostgreSQL server).`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new BalcaoError(
    'DATA_DIR_IN_USE',
    `Could not lock ${file}; another process keeps taking it.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
