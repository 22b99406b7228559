import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import type { Database, Logger } from '@balcao/platform';
import { createTokenAuthenticator } from '../identity/apiTokens';
import { createRequestAuthenticator } from '../identity/authenticate';
import type { Principal } from '../identity/Principal';
import { liveRooms } from './liveRooms';

export interface LiveHubDeps {
  db: Database;
  log: Logger;
  /** With it, every node shares rooms and events through Redis pub/sub. */
  redisUrl?: string | undefined;
  /** Redis channel prefix; nodes of one installation must use the same. */
  redisKey?: string;
  /** May this principal follow this application? Default: nobody (until applications land). */
  canWatchApplication?: (principal: Principal, applicationId: string) => Promise<boolean>;
}

export interface LiveEvent {
  room: string;
  event: string;
  payload: unknown;
}

export interface LiveHub {
  readonly io: Server;
  publish(event: LiveEvent): void;
  close(): Promise<void>;
}

/**
 * socket.io on the API's HTTP server. A connection is authenticated with the session cookie
 * (same origin only) or an API token in `auth.token`, and joins its user and group rooms (a
 * supervisor also their agency's task room); it asks to follow an application with
 * `subscribe` ({ applicationId }, ack).
 */
export async function attachLiveHub(httpServer: HttpServer, deps: LiveHubDeps): Promise<LiveHub> {
  const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
  const redis = deps.redisUrl ? await connectRedis(deps.redisUrl) : undefined;
  if (redis) io.adapter(createAdapter(redis.pub, redis.sub, { key: deps.redisKey ?? 'balcao' }));
  const authenticate = createRequestAuthenticator(deps.db, createTokenAuthenticator(deps.db));

  io.use((socket, next) => {
    const { headers, auth } = socket.handshake;
    const token = (auth as { token?: unknown }).token;
    if (typeof token !== 'string' && !sameOrigin(headers.origin, headers.host)) {
      next(new Error('Cross-origin connections must authenticate with an API token.'));
      return;
    }
    const request = {
      headers: typeof token === 'string' ? { authorization: `Bearer ${token}` } : headers,
    };
    authenticate(request).then(
      (context) => {
        if (!context) return next(new Error('Sign in first: no valid session or token.'));
        (socket.data as LiveSocketData).principal = context.principal;
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error('authentication failed')),
    );
  });

  io.on('connection', (socket) => {
    const { principal } = socket.data as LiveSocketData;
    void socket.join([
      liveRooms.user(principal.accountId),
      liveRooms.login(principal.login),
      ...principal.groups.map((group) => liveRooms.group(group)),
      ...(principal.role === 'supervisor' && principal.agency
        ? [liveRooms.agencyTasks(principal.agency)]
        : []),
    ]);
    socket.on('subscribe', (message: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
      const applicationId = (message as { applicationId?: unknown } | null)?.applicationId;
      if (typeof applicationId !== 'string') return reply({ ok: false, code: 'VALIDATION_FAILED' });
      const check = deps.canWatchApplication ?? (async () => false);
      check(principal, applicationId).then(
        async (allowed) => {
          // Same answer as the REST API for other people's applications: not found.
          if (!allowed) return reply({ ok: false, code: 'NOT_FOUND' });
          await socket.join(liveRooms.application(applicationId));
          reply({ ok: true });
        },
        (error: unknown) => {
          deps.log.error({ err: error }, 'live subscribe failed');
          reply({ ok: false, code: 'INTERNAL' });
        },
      );
    });
  });

  return {
    io,
    publish({ room, event, payload }) {
      io.to(room).emit(event, payload);
    },
    async close() {
      io.local.disconnectSockets(true);
      // Not io.close(): that would also close the HTTP server, which the caller owns.
      io.engine.close();
      await Promise.all([redis?.pub.quit(), redis?.sub.quit()]);
    },
  };
}

interface LiveSocketData {
  principal: Principal;
}

async function connectRedis(url: string) {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  return { pub, sub };
}

function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // Not a browser cross-site request.
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
