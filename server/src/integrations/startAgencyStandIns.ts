import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { BalcaoError, type Logger } from '@balcao/platform';

export interface AgencyStandIns {
  url: string;
  stop(): Promise<void>;
}

/**
 * The stand-in agency systems run beside Balcão as their own process (as real agencies would
 * be other systems): started with `npm start` in development, replaced by the real agencies'
 * URLs in production (AGENCIES=external).
 */
export async function startAgencyStandIns(options: {
  port: number;
  dataDir: string;
  log: Logger;
}): Promise<AgencyStandIns> {
  const main = createRequire(import.meta.url).resolve('@balcao/agencies/main');
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      AGENCIES_DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      BALCAO_EXIT_WITH_PARENT: '1',
    },
    // The stdin pipe tells the child when Balcão is gone, however it ended.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // The stand-ins must not outlive Balcão.
  const killChild = () => child.kill('SIGTERM');
  process.once('exit', killChild);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Stand-in agencies at (http:\S+)/.exec(output);
      if (found) resolve(found[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(
        new BalcaoError(
          'AGENCIES_FAILED',
          `The stand-in agencies stopped (exit ${code}) before they were ready. Is port ${options.port} free? Set AGENCIES_PORT to another port, or AGENCIES=external.\n${output}`,
        ),
      ),
    );
  });
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) =>
    options.log.warn({ agencies: chunk.toString().trim() }, 'stand-in agencies'),
  );
  return {
    url,
    stop: () => stopChild(child, killChild),
  };
}

function stopChild(child: ChildProcess, killChild: () => void): Promise<void> {
  process.off('exit', killChild);
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
