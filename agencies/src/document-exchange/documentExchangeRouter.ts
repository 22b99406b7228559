import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { AgencyErrorCode, agencyError } from '../http/agencyErrors';
import { parseInput } from '../http/parseInput';
import { command } from '../idempotency/command';
import type { IdempotencyStore } from '../idempotency/IdempotencyStore';
import type { AgencyState } from '../state/StateStore';
import { documentHash } from './documentHash';
import { newLetterSchema, type Letter, type LetterStatus } from './Letter';
import { letterTransitions, type LetterAction } from './letterTransitions';

const actionSchema = z.enum(Object.keys(letterTransitions) as [LetterAction, ...LetterAction[]]);

const actionBodySchema = z.object({
  actingDepartment: z.string().trim().min(1).max(100),
  by: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(2000).optional(),
  assignee: z.string().trim().min(1).max(200).optional(),
  replyLetterId: z.string().trim().min(1).max(100).optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
});
type ActionBody = z.infer<typeof actionBodySchema>;

const mailboxBodySchema = z.object({
  accepting: z.boolean(),
  reason: z.string().trim().min(1).max(500).optional(),
});

const listQuerySchema = z.object({
  senderDepartment: z.string().optional(),
  receiverDepartment: z.string().optional(),
  caseRef: z.string().optional(),
});

interface Deps {
  state: AgencyState;
  save: () => void;
  now: () => Date;
  idempotency: IdempotencyStore;
}

/** Official letters between departments, with validated status transitions and evidence. */
export function documentExchangeRouter(deps: Deps): Router {
  const router = Router();
  const letters = deps.state.letters;
  /** Departments whose mailbox refuses deliveries, with the reason (scenario control). */
  const refusing = new Map<string, string>();

  router.get('/mailboxes', (_req, res) => {
    res.json({
      refusing: [...refusing].map(([department, reason]) => ({ department, reason })),
    });
  });

  router.put('/mailboxes/:department', (req, res) => {
    const department = String(req.params.department);
    const body = parseInput(mailboxBodySchema, req.body ?? {}, 'body');
    const reason = body.reason ?? `The mailbox of ${department} refuses deliveries.`;
    if (body.accepting) refusing.delete(department);
    else refusing.set(department, reason);
    res.json({ department, accepting: body.accepting, reason: body.accepting ? null : reason });
  });

  router.post(
    '/letters',
    command(deps.idempotency, 'document-exchange', (req) => {
      const input = parseInput(newLetterSchema, req.body, 'body');
      const at = deps.now().toISOString();
      const letter: Letter = {
        ...input,
        id: `LTR-${randomUUID()}`,
        status: 'DRAFT',
        createdAt: at,
        updatedAt: at,
        history: [{ status: 'DRAFT', at, by: input.signer, note: null }],
        evidence: null,
        deliveryFailure: null,
        registrationNumber: null,
        assignee: null,
        replyLetterId: null,
        reason: null,
      };
      letters[letter.id] = letter;
      deps.save();
      return { status: 201, body: letter };
    }),
  );

  router.get('/letters', (req, res) => {
    const filter = parseInput(listQuerySchema, req.query, 'query');
    const found = Object.values(letters).filter(
      (l) =>
        (filter.senderDepartment === undefined || l.senderDepartment === filter.senderDepartment) &&
        (filter.receiverDepartment === undefined ||
          l.receiverDepartment === filter.receiverDepartment) &&
        (filter.caseRef === undefined || l.caseRef === filter.caseRef),
    );
    res.json({ letters: found });
  });

  router.get('/letters/:id', (req, res) => {
    res.json(letterOrThrow(letters, String(req.params.id)));
  });

  router.post(
    '/letters/:id/:action',
    command(deps.idempotency, 'document-exchange', (req) => {
      const action = parseInput(actionSchema, req.params.action, 'params');
      const body = parseInput(actionBodySchema, req.body ?? {}, 'body');
      const letter = letterOrThrow(letters, String(req.params.id));
      const rule = letterTransitions[action];
      const party = rule.by === 'sender' ? letter.senderDepartment : letter.receiverDepartment;
      if (body.actingDepartment !== party) {
        throw agencyError(
          AgencyErrorCode.Forbidden,
          `Only the ${rule.by} department (${party}) may ${action} letter ${letter.id}, not ${body.actingDepartment}.`,
        );
      }
      if (!(rule.from as readonly LetterStatus[]).includes(letter.status)) {
        throw agencyError(
          AgencyErrorCode.InvalidTransition,
          `Expected status ${rule.from.join(' or ')} to ${action} letter ${letter.id}, but it is ${letter.status}.`,
          { status: letter.status, expected: rule.from },
        );
      }
      apply(letter, action, body, deps.now(), letters, refusing);
      deps.save();
      return { status: 200, body: letter };
    }),
  );
  return router;
}

function apply(
  letter: Letter,
  action: LetterAction,
  body: ActionBody,
  now: Date,
  letters: Record<string, Letter>,
  refusing: ReadonlyMap<string, string>,
): void {
  const at = now.toISOString();
  const by = body.by ?? body.actingDepartment;
  const move = (status: LetterStatus, note: string | null = body.note ?? null) => {
    letter.status = status;
    letter.updatedAt = at;
    letter.history.push({ status, at, by, note });
  };
  switch (action) {
    case 'send': {
      const refusal = refusing.get(letter.receiverDepartment);
      if (refusal !== undefined) {
        // Stays SENT without evidence: the sender may send it again once the mailbox accepts.
        move('SENT', `delivery failed: ${refusal}`);
        letter.deliveryFailure = { at, reason: refusal };
        return;
      }
      move('SENT');
      letter.deliveryFailure = null;
      // The stand-in delivers at once; the evidence is what a receipt would prove.
      letter.evidence = {
        documentHash: documentHash(letter),
        sentAt: at,
        deliveredAt: at,
        receiptId: `RCPT-${randomUUID()}`,
      };
      move('DELIVERED', `receipt ${letter.evidence.receiptId}`);
      return;
    }
    case 'register': {
      const sequence =
        Object.values(letters).filter((l) => l.registrationNumber !== null).length + 1;
      letter.registrationNumber = `${letter.receiverDepartment}-${at.slice(0, 4)}-${String(sequence).padStart(5, '0')}`;
      break;
    }
    case 'assign':
      if (body.assignee === undefined) throw missing('assignee', action);
      letter.assignee = body.assignee;
      break;
    case 'reply':
      letter.replyLetterId = body.replyLetterId ?? null;
      break;
    case 'reject':
    case 'return':
      if (body.reason === undefined) throw missing('reason', action);
      letter.reason = body.reason;
      break;
    default:
      break;
  }
  move(letterTransitions[action].to);
}

function letterOrThrow(letters: Record<string, Letter>, id: string): Letter {
  const letter = letters[id];
  if (letter === undefined) {
    throw agencyError(
      AgencyErrorCode.NotFound,
      `There is no letter ${id}: check the id returned when it was created.`,
    );
  }
  return letter;
}

function missing(field: string, action: string) {
  return agencyError(
    AgencyErrorCode.ValidationFailed,
    `Invalid request body: ${field} is required to ${action} a letter.`,
    {
      fields: [{ path: field, message: `${field} is required` }],
    },
  );
}
