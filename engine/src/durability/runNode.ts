import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./engineNode.ts', import.meta.url));

export interface NodeProcess {
  child: ChildProcess;
  /** Resolves when the node reports `predicate` true for one of its progress lines. */
  until(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
  stderr(): string;
}

export function runNode(env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let errors = '';
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const part of parts)
      if (part.trim()) lines.push(JSON.parse(part) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    async until(predicate, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (!lines.some(predicate)) {
        if (child.exitCode !== null) throw new Error(`node exited (${child.exitCode}): ${errors}`);
        if (Date.now() > deadline)
          throw new Error(
            `node did not report in time; last: ${JSON.stringify(lines.at(-1))}\n${errors}`,
          );
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 500);
        });
      }
    },
    kill(signal) {
      child.kill(signal);
      return exited;
    },
    stderr: () => errors,
  };
}
