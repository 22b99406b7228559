import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export interface RunningNode {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `server/src/main.ts` as `npm start` would, and resolves once it logs that it is ready. */
export function startProcess(env: Record<string, string>): Promise<RunningNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      PORT: '0',
      GATEWAY_ADDRESS: '127.0.0.1:0',
      AGENCIES_PORT: '0',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"url":"(http:[^"]+)".*Balcão is ready/.exec(output);
      if (ready) {
        resolve({
          url: ready[1]!,
          child,
          output: () => output,
          async stop(signal = 'SIGTERM') {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) =>
      reject(Object.assign(new Error(`exited with ${code}:\n${output}`), { code, output })),
    );
  });
}

/** Runs the process to its exit (for start-up failures) and returns the exit code and output. */
export async function runToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  try {
    const node = await startProcess(env);
    await node.stop();
    return { code: 0, output: node.output() };
  } catch (error) {
    const failure = error as { code: number | null; output: string };
    return { code: failure.code, output: failure.output };
  }
}
