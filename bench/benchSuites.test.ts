import { afterEach, describe, expect, it } from 'vitest';
import { createScratchPostgres } from '@balcao/platform/testing';
import { measureApiLoad } from './apiLoad';
import { measureLiveUpdates } from './liveUpdates';

const adminUrl = process.env.DATABASE_URL;

// The API and live suites of `npm run bench` at tiny sizes, so they cannot rot unseen. They need
// the PostgreSQL server (they seed it with SQL): `npm run test:db` runs them.
describe.runIf(adminUrl)('benchmark suites at tiny sizes', () => {
  const drops: (() => Promise<void>)[] = [];
  const scratch = async () => {
    const db = await createScratchPostgres(adminUrl!);
    drops.push(() => db.drop());
    return db.url;
  };

  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
  });

  it('should measure the inbox, tracking and submissions of a seeded node without errors', async () => {
    // given a node with 200 open tasks and 2,000 applications
    const databaseUrl = await scratch();

    // when
    const figures = await measureApiLoad({
      databaseUrl,
      tasks: 200,
      applications: 2000,
      milestones: 2,
      // Long enough that a submission completes even on a loaded machine.
      seconds: 3,
      inboxRate: 20,
      trackingRate: 20,
      submitters: 2,
    });

    // then every request was answered with 2xx, and each run measured some
    for (const run of [figures.inbox, figures.tracking, figures.submission]) {
      expect(run).toMatchObject({ errors: 0, statuses: {} });
      expect(run.requests).toBeGreaterThan(0);
      expect(run.p99).toBeGreaterThan(0);
    }
  }, 180_000);

  it('should time a task event to every socket on one node and on two nodes sharing Redis', async () => {
    // given 20 sockets of the clerk's group
    const options = { sockets: 20, events: 2 };

    // when
    const one = await measureLiveUpdates({ ...options, databaseUrl: await scratch() });
    const two = await measureLiveUpdates({
      ...options,
      databaseUrl: await scratch(),
      redisUrl: 'redis://127.0.0.1:6379',
    });

    // then every socket got every event
    expect(one).toMatchObject({ nodes: 1, sockets: 20, missed: 0, instances: 40 });
    expect(two).toMatchObject({ nodes: 2, sockets: 20, missed: 0, instances: 40 });
  }, 180_000);
});
