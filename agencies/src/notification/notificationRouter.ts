import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { AgencyErrorCode, agencyError } from '../http/agencyErrors';
import { parseInput } from '../http/parseInput';
import { command } from '../idempotency/command';
import type { IdempotencyStore } from '../idempotency/IdempotencyStore';
import type { AgencyState } from '../state/StateStore';
import { deliveryOutcome, newNoticeSchema, type Notice } from './Notice';

interface Deps {
  state: AgencyState;
  save: () => void;
  now: () => Date;
  idempotency: IdempotencyStore;
}

const listQuerySchema = z.object({
  recipient: z.string().trim().min(1, 'recipient must not be empty'),
  caseRef: z.string().optional(),
});

/** Notification gateway: sends notices (the outcome is known at once) and lists them. */
export function notificationRouter(deps: Deps): Router {
  const router = Router();
  const notices = deps.state.notices;

  router.post(
    '/notices',
    command(deps.idempotency, 'notification', (req) => {
      const input = parseInput(newNoticeSchema, req.body, 'body');
      const at = deps.now().toISOString();
      const outcome = deliveryOutcome(input);
      const notice: Notice = {
        ...input,
        id: `NTC-${randomUUID()}`,
        status: outcome.status,
        failureReason: outcome.reason,
        createdAt: at,
        history: [
          { status: 'created', at },
          { status: 'sending', at },
          { status: outcome.status, at },
        ],
      };
      notices[notice.id] = notice;
      deps.save();
      return { status: 202, body: notice };
    }),
  );

  router.get('/notices', (req, res) => {
    const filter = parseInput(listQuerySchema, req.query, 'query');
    const found = Object.values(notices).filter(
      (n) =>
        n.recipient === filter.recipient &&
        (filter.caseRef === undefined || n.caseRef === filter.caseRef),
    );
    res.json({ notices: found });
  });

  router.get('/notices/:id', (req, res) => {
    const notice = notices[String(req.params.id)];
    if (notice === undefined) {
      throw agencyError(
        AgencyErrorCode.NotFound,
        `There is no notice ${String(req.params.id)}: check the id returned when it was sent.`,
      );
    }
    res.json(notice);
  });
  return router;
}
