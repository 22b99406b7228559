import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { z } from 'zod';
import { BalcaoError, type Database, type Logger, type Queryable } from '@balcao/platform';
import { appendAudit } from '../audit/appendAudit';
import { auditBatcherOf } from '../audit/AuditBatcher';
import type { AuthContext, RequestAuthenticator } from '../identity/authenticate';
import type { Principal, Role } from '../identity/Principal';
import { checkCsrf } from '../identity/checkCsrf';
import { ApiErrorCode } from './ApiErrorCode';
import { apiErrors } from './apiErrors';
import { RateLimiter } from './RateLimiter';
import { requestIdOf } from './requestId';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteDeps {
  db: Database;
  authenticate: RequestAuthenticator;
  log: Logger;
}

export interface RouteContext<A extends 'public' | 'required', B, Q, P> {
  principal: A extends 'required' ? Principal : Principal | undefined;
  auth: AuthContext | undefined;
  body: Infer<B>;
  /** The bytes of a `rawBody` route's body; undefined when none was sent. */
  rawBody: Buffer | undefined;
  query: Infer<Q>;
  params: Infer<P>;
  /** The request's transaction (or the database itself when `transaction: false`). */
  tx: Queryable;
  req: Request;
  res: Response;
  /** Names what the request touched, for its audit row. */
  auditTarget: (target: string, details?: Record<string, unknown>) => void;
}

export interface RouteSpec<A extends 'public' | 'required', B, Q, P, R> {
  method: Method;
  /** Express path, e.g. `/api/me/tokens/:id`. */
  path: string;
  summary: string;
  tag: string;
  auth: A;
  /** Roles allowed at all; finer checks (ownership, groups) happen in `handle`. */
  roles?: readonly Role[];
  body?: B;
  /** A body that is not JSON (e.g. a PDF): read up to `limit` bytes, given as `rawBody`. */
  rawBody?: { mediaType: string; limit: string };
  query?: Q;
  params?: P;
  response?: Schema;
  status?: number;
  rateLimit?: { limit: number; windowSeconds: number; key?: (req: Request) => string };
  /** Default: every state-changing request is audited; GETs only when they read personal data. */
  audit?: 'write' | 'personal-data' | 'none';
  /** Default true. Login turns it off so failed attempts are counted even though it throws. */
  transaction?: boolean;
  handle(ctx: RouteContext<A, B, Q, P>): Promise<R>;
}

/** A route with its types erased: what routers mount and the OpenAPI generator reads. */
export interface ApiRoute {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth: 'public' | 'required';
  body?: Schema;
  /** The media type of a body that is not JSON. */
  rawBodyType?: string;
  query?: Schema;
  params?: Schema;
  response?: Schema;
  status: number;
  handler(deps: RouteDeps): RequestHandler;
}

/**
 * Every route is the same pipeline: rate limit → authenticate → validate (the zod schema is
 * the request type) → transaction → authorize → command → presenter (the handler's result).
 */
export function defineRoute<
  A extends 'public' | 'required',
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  R = unknown,
>(spec: RouteSpec<A, B, Q, P, R>): ApiRoute {
  const limiter = spec.rateLimit
    ? new RateLimiter(spec.rateLimit.limit, spec.rateLimit.windowSeconds * 1000)
    : undefined;
  const writes = spec.method !== 'get';
  const auditMode = spec.audit ?? (writes ? 'write' : 'none');
  const batchedAudit = auditMode === 'personal-data' && !writes;
  const status = spec.status ?? 200;
  const rawParser = spec.rawBody
    ? express.raw({ type: spec.rawBody.mediaType, limit: spec.rawBody.limit })
    : undefined;
  return {
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tag: spec.tag,
    auth: spec.auth,
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.rawBody ? { rawBodyType: spec.rawBody.mediaType } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.response ? { response: spec.response } : {}),
    status,
    handler: (deps) => async (req, res, next) => {
      let auth: AuthContext | undefined;
      const audit = { target: undefined as string | undefined, details: {} as object };
      const entry = () => ({
        actor: auth?.principal.accountId,
        action: `${spec.method.toUpperCase()} ${spec.path}`,
        target: audit.target,
        sourceIp: req.ip,
        requestId: requestIdOf(req),
      });
      try {
        const wait = limiter?.hit(spec.rateLimit?.key?.(req) ?? `${req.ip}`);
        if (wait !== undefined) throw apiErrors.rateLimited(wait);
        auth = await deps.authenticate(req);
        if (spec.auth === 'required' && !auth) throw apiErrors.unauthenticated();
        if (writes && auth) checkCsrf(req, auth);
        const body = spec.body ? parsePart(spec.body, bodyOf(req), 'body') : undefined;
        const rawBody =
          spec.rawBody && rawParser
            ? await readRaw(rawParser, spec.rawBody.mediaType, req, res)
            : undefined;
        const query = spec.query ? parsePart(spec.query, req.query, 'query') : undefined;
        const params = spec.params ? parsePart(spec.params, req.params, 'params') : undefined;
        const run = async (tx: Queryable) => {
          if (spec.roles && auth && !spec.roles.includes(auth.principal.role)) {
            throw apiErrors.forbidden('use this function with your role');
          }
          const result = await spec.handle({
            principal: auth?.principal as RouteContext<A, B, Q, P>['principal'],
            auth,
            body: body as Infer<B>,
            rawBody,
            query: query as Infer<Q>,
            params: params as Infer<P>,
            tx,
            req,
            res,
            auditTarget: (target, details) => {
              audit.target = target;
              audit.details = details ?? {};
            },
          });
          if (auditMode !== 'none' && !batchedAudit) {
            const row = { ...entry(), details: { outcome: 'ok', ...audit.details } };
            // Without a request transaction the audit row gets one of its own (the lock needs it).
            if (tx === deps.db) await deps.db.transaction((own) => appendAudit(own, row));
            else await appendAudit(tx, row);
          }
          return result;
        };
        const result =
          spec.transaction === false ? await run(deps.db) : await deps.db.transaction(run);
        // Reads change nothing to commit with: their rows join those of concurrent reads.
        if (batchedAudit)
          await auditBatcherOf(deps.db).append({
            ...entry(),
            details: { outcome: 'ok', ...audit.details },
          });
        if (res.headersSent) return; // The handler answered itself (e.g. a redirect).
        if (result === undefined) res.status(204).end();
        else res.status(status).json(result);
      } catch (error) {
        if (auditMode !== 'none') {
          // Refusals of state-changing requests are evidence too; written after the rollback.
          const code = error instanceof BalcaoError ? error.code : ApiErrorCode.Internal;
          await deps.db
            .transaction((tx) =>
              appendAudit(tx, { ...entry(), details: { outcome: 'refused', code } }),
            )
            .catch((auditError: unknown) =>
              deps.log.error({ err: auditError }, 'could not write the audit row of a refusal'),
            );
        }
        next(error);
      }
    },
  };
}

function bodyOf(req: Request): unknown {
  if (hasBody(req) && !req.is('application/json')) throw apiErrors.unsupportedMediaType();
  return req.body ?? {};
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
  );
}

/** The body as bytes when it has the route's media type; another type answers 415. */
async function readRaw(parser: RequestHandler, mediaType: string, req: Request, res: Response) {
  if (!hasBody(req)) return undefined;
  await new Promise<void>((resolve, reject) => {
    // body-parser calls back with an http-errors Error (413, 400) or nothing.
    const done = (error?: Error) => (error ? reject(error) : resolve());
    void parser(req, res, done as NextFunction);
  });
  if (!Buffer.isBuffer(req.body)) throw apiErrors.unsupportedMediaType(mediaType);
  return req.body;
}

function parsePart(schema: Schema, value: unknown, part: 'body' | 'query' | 'params'): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    in: part,
    message: issue.message,
  }));
  // Params name resources: a malformed id is just a resource that does not exist.
  if (part === 'params') throw apiErrors.notFound('The resource');
  throw new BalcaoError(
    ApiErrorCode.ValidationFailed,
    `The request ${part} is not valid: ${fields.map((f) => `${f.path || part}: ${f.message}`).join('; ')}.`,
    { details: { fields } },
  );
}
