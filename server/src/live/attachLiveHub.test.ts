import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@balcao/platform';
import { signIn, startTestApi, type TestApi } from '../../test/apiHarness';
import { createApiToken } from '../identity/apiTokens';
import { findAccountByLogin } from '../identity/accounts';
import { attachLiveHub, type LiveHub } from './attachLiveHub';
import { liveRooms } from './liveRooms';

const log = createLogger({ level: 'silent' });

describe('live hub', () => {
  let api: TestApi;
  const hubs: LiveHub[] = [];
  const sockets: Socket[] = [];
  const servers: Server[] = [];

  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await Promise.all(hubs.splice(0).map((hub) => hub.close()));
    for (const server of servers.splice(0)) server.close();
    await api.close();
  });

  const client = (url: string, options: { cookie?: string; token?: string }) => {
    const socket = connect(url, {
      transports: ['websocket'],
      reconnection: false,
      ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
      ...(options.token ? { auth: { token: options.token } } : {}),
    });
    sockets.push(socket);
    return socket;
  };
  const connected = async (socket: Socket) => {
    const [outcome] = (await Promise.race([
      nextEvent(socket, 'connect').then(() => ['ok']),
      nextEvent(socket, 'connect_error').then(([error]) => [(error as Error).message]),
    ])) as [string];
    return outcome;
  };
  const accountId = async (login: string) => (await findAccountByLogin(api.db, login))?.id ?? '';

  it('should refuse anonymous sockets and put a signed-in clerk in their group room', async () => {
    // given
    const hub = await attachLiveHub(api.server, {
      db: api.db,
      log,
      canWatchApplication: async (principal, id) => principal.login === 'citizen' && id === 'A-1',
    });
    hubs.push(hub);
    const clerk = await signIn(api, 'dsi-clerk', 'demo-clerk');
    const citizen = await signIn(api, 'citizen', 'demo-citizen');

    // when
    const anonymous = await connected(client(api.url, {}));
    const clerkSocket = client(api.url, { cookie: clerk.cookie });
    const citizenSocket = client(api.url, { cookie: citizen.cookie });
    expect(await connected(clerkSocket)).toBe('ok');
    expect(await connected(citizenSocket)).toBe('ok');
    const own = (await citizenSocket.emitWithAck('subscribe', { applicationId: 'A-1' })) as unknown;
    const other = (await clerkSocket.emitWithAck('subscribe', { applicationId: 'A-1' })) as unknown;
    const taskEvent = nextEvent(clerkSocket, 'task.created');
    const statusEvent = nextEvent(citizenSocket, 'application.status');
    hub.publish({
      room: liveRooms.group('dsi-crc-clerks'),
      event: 'task.created',
      payload: { id: 't1' },
    });
    hub.publish({ room: liveRooms.application('A-1'), event: 'application.status', payload: 'x' });

    // then
    expect(anonymous).toMatch(/Sign in first/);
    expect(own).toEqual({ ok: true });
    expect(other).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await taskEvent).toEqual([{ id: 't1' }]);
    expect(await statusEvent).toEqual(['x']);
  });

  it("should put a supervisor in their agency's task room, and a clerk not", async () => {
    // given
    const hub = await attachLiveHub(api.server, { db: api.db, log });
    hubs.push(hub);
    const supervisorSession = await signIn(api, 'supervisor', 'demo-supervisor');
    const clerkSession = await signIn(api, 'dsi-clerk', 'demo-clerk');
    const supervisor = client(api.url, { cookie: supervisorSession.cookie });
    const clerk = client(api.url, { cookie: clerkSession.cookie });
    expect(await connected(supervisor)).toBe('ok');
    expect(await connected(clerk)).toBe('ok');
    // a round trip each, so both sockets have joined their rooms
    await supervisor.emitWithAck('subscribe', { applicationId: 'none' });
    await clerk.emitWithAck('subscribe', { applicationId: 'none' });
    const toSupervisor = nextEvent(supervisor, 'task.created');
    let clerkHeard = false;
    clerk.on('task.created', () => (clerkHeard = true));

    // when a task of DSI (in no group of theirs) is announced
    hub.publish({
      room: liveRooms.agencyTasks('DSI'),
      event: 'task.created',
      payload: { id: 't2' },
    });

    // then the supervisor hears of it; the clerk, whose groups it is not in, does not
    expect(await toSupervisor).toEqual([{ id: 't2' }]);
    await clerk.emitWithAck('subscribe', { applicationId: 'none' });
    expect(clerkHeard).toBe(false);
  });

  it('should deliver an event published on one node to a client of another node through Redis', async () => {
    // given: two nodes (HTTP servers) on one database and one Redis
    const redisKey = `balcao-test-${randomUUID()}`;
    const other = createServer();
    other.listen(0, '127.0.0.1');
    await once(other, 'listening');
    servers.push(other);
    const hubA = await attachLiveHub(api.server, {
      db: api.db,
      log,
      redisUrl: 'redis://127.0.0.1:6379',
      redisKey,
    });
    const hubB = await attachLiveHub(other, {
      db: api.db,
      log,
      redisUrl: 'redis://127.0.0.1:6379',
      redisKey,
    });
    hubs.push(hubA, hubB);
    const citizenId = await accountId('citizen');
    const { token } = await createApiToken(api.db, citizenId, 'portal-test');
    const socket = client(`http://127.0.0.1:${(other.address() as AddressInfo).port}`, { token });
    expect(await connected(socket)).toBe('ok');

    // when
    const received = nextEvent(socket, 'application.status');
    // The adapter subscribes to Redis without a promise to await: publish until it arrives.
    const publish = () =>
      hubA.publish({
        room: liveRooms.user(citizenId),
        event: 'application.status',
        payload: { n: 1 },
      });
    publish();
    const again = setInterval(publish, 200);
    await received.finally(() => clearInterval(again));

    // then
    expect(await received).toEqual([{ n: 1 }]);
  });
});

function nextEvent(socket: Socket, event: string): Promise<unknown[]> {
  return new Promise((resolve) => socket.once(event, (...args: unknown[]) => resolve(args)));
}
