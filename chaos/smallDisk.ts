import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  /** Where the disk is mounted. */
  dir: string;
  /** Takes every free byte of the disk with a file of its own. */
  fill(): void;
  /** Deletes that file: the disk has room again. */
  free(): void;
  /** Unmounts the disk and removes its mount point. */
  remove(): Promise<void>;
}

/**
 * A real disk that fills up: a tmpfs of `megabytes` on a fresh directory under the system's
 * temporary directory, owned by `owner` (e.g. the OS user of the PostgreSQL server).
 */
export function mountSmallDisk(megabytes: number, owner?: string): SmallDisk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'balcao-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir]);
  } catch (error) {
    rmdirSync(dir);
    throw error;
  }
  if (owner) execFileSync('chown', [`${owner}:`, dir]);
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Large writes first, then page by page, until not one byte more fits.
        for (const size of [1 << 20, 4096, 1]) {
          const chunk = Buffer.alloc(size);
          for (;;) {
            try {
              if (writeSync(fd, chunk) < size) break;
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    async remove() {
      // A process that just closed its files there can keep the mount busy for a moment.
      for (let attempt = 0; ; attempt++) {
        try {
          execFileSync('umount', [dir], { stdio: 'pipe' });
          break;
        } catch {
          if (attempt === 20) {
            execFileSync('umount', ['--lazy', dir]);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
      rmdirSync(dir);
    },
  };
}

/**
 * Why this machine cannot mount a small disk (not root, or mount refused), or undefined when
 * it can; tried once with a tiny disk.
 */
export function whyNoSmallDisk(): string | undefined {
  if (os.platform() !== 'linux') return `tmpfs needs Linux, this is ${os.platform()}`;
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  try {
    void mountSmallDisk(1)
      .remove()
      .catch(() => undefined);
    return undefined;
  } catch (error) {
    return `mount refused: ${(error as Error).message.split('\n')[0]}`;
  }
}
