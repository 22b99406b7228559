/**
 * A whole engine node in its own process, for durability tests: opens the database named by
 * DATABASE_URL (or PGlite in DATA_DIR), optionally deploys and creates instances, then runs
 * workers that complete every `work` job. It reports progress as JSON lines on stdout.
 */
import { migrate, openDatabase } from '@balcao/platform';
import { pino } from 'pino';
import { engineMigrations } from '../migrations';
import { Engine } from '../runtime/Engine';
import { bpmn, el } from '../testing/bpmn';

const create = Number(process.env.CREATE ?? 0);
const workers = Number(process.env.WORKERS ?? 4);
const report = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR ?? './data',
  poolSize: 8,
});
await migrate(db, [engineMigrations]);
const engine = await Engine.start({
  db,
  log: pino({ level: 'warn' }, process.stderr),
  schedulerIntervalMs: 100,
});

if (create > 0) {
  await engine.deploy([
    {
      name: 'durable.bpmn',
      content: Buffer.from(
        bpmn(
          'durable',
          [el.start('s'), el.service('work', 'work'), el.end('e')],
          [
            ['s', 'work'],
            ['work', 'e'],
          ],
        ),
      ),
    },
  ]);
  for (let i = 0; i < create; i++)
    await engine.createProcessInstance({ bpmnProcessId: 'durable', variables: { i } });
  report({ created: create });
}

let stopping = false;
const controller = new AbortController();
const worker = async () => {
  while (!stopping) {
    const jobs = await engine.activateJobs(
      {
        type: 'work',
        worker: `node-${process.pid}`,
        timeout: Number(process.env.JOB_TIMEOUT ?? 2000),
        maxJobsToActivate: 16,
        fetchVariable: ['i'],
        requestTimeout: 1000,
      },
      controller.signal,
    );
    for (const job of jobs)
      await engine.completeJob(job.key, { doneBy: process.pid }).catch(() => undefined);
  }
};
const running = Array.from({ length: workers }, () =>
  worker().catch((error: unknown) => report({ error: String(error) })),
);

const progress = setInterval(() => {
  db.query<{ c: number }>(
    "select count(*)::int as c from engine_process_instance where state = 'COMPLETED'",
  )
    .then((r) => report({ completed: r.rows[0]!.c }))
    .catch(() => undefined);
}, 200);

process.on('SIGTERM', () => {
  stopping = true;
  controller.abort();
  clearInterval(progress);
  void Promise.all(running)
    .then(() => engine.stop())
    .then(() => db.close())
    .then(() => process.exit(0));
});
