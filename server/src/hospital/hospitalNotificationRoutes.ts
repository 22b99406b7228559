import { z } from 'zod';
import type { Database } from '@balcao/platform';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import type { ApplicationStarter } from '../applications/ApplicationStarter';
import { Role, type Principal } from '../identity/Principal';
import { births, deaths, type HospitalNotificationKind } from './hospitalNotificationKinds';
import { receiveHospitalNotification } from './receiveHospitalNotification';

/** The group that marks a hospital system's account (a clerk account of the hospital's agency). */
export const HOSPITAL_NOTIFIERS_GROUP = 'hospital-notifiers';

export interface HospitalNotificationDeps {
  db: Database;
  starter: ApplicationStarter;
  now?: () => Date;
}

const receivedSchema = z.object({
  notificationId: z.string(),
  kind: z.enum(['birth', 'death']),
  /** The application the family (or the agency's staff) follows: `<year>-<agency>-<seq>`. */
  applicationNumber: z.string(),
  status: z.string(),
  /** `family`: a parent / next of kin follows it in the portal; `staff`: the agency alone. */
  trackedBy: z.enum(['family', 'staff']),
  /** True when this notification had been received before (nothing new was started). */
  replayed: z.boolean(),
});

/**
 * Births and deaths notified by a hospital system (PROCEDURES.md P4, P6): each creates the
 * application and starts its procedure through the same starter as the portal, so the
 * timeline, the milestones and the SLA clock work as for any application. Idempotent by the
 * hospital's notification number: a retry answers the first application again.
 */
export function hospitalNotificationRoutes(deps: HospitalNotificationDeps): ApiRoute[] {
  return [route(deps, 'births', births), route(deps, 'deaths', deaths)];
}

function route<S extends z.ZodObject>(
  deps: HospitalNotificationDeps,
  path: 'births' | 'deaths',
  kind: HospitalNotificationKind<S>,
): ApiRoute {
  return defineRoute({
    method: 'post',
    path: `/api/hospital-notifications/${path}`,
    summary: `Hospital systems (API token of a hospital-notifiers account): notify a ${kind.kind} and start ${kind.processId}`,
    tag: 'hospital-notifications',
    auth: 'required',
    roles: [Role.Clerk],
    status: 201,
    transaction: false,
    body: kind.body,
    response: receivedSchema,
    async handle({ principal, body, res, auditTarget }) {
      const hospital = hospitalOf(principal);
      const notification = body as z.infer<S> & { notificationId: string; language: string };
      const received = await receiveHospitalNotification(deps.db, {
        processId: kind.processId,
        idVariable: kind.idVariable,
        notificationId: notification.notificationId,
        hospital,
        familyIdNumbers: kind.familyIdNumbers(notification),
        variables: kind.variables(notification),
        language: notification.language,
        now: (deps.now ?? (() => new Date()))(),
      });
      let app = received.application;
      // A replay leaves a start still pending to the starter's background retry.
      if (!received.replayed) app = await deps.starter.start(app);
      else res.setHeader('Idempotent-Replayed', 'true');
      auditTarget(`application:${app.number}`, {
        notificationId: notification.notificationId,
        hospital,
        replayed: received.replayed,
      });
      return {
        notificationId: notification.notificationId,
        kind: kind.kind,
        applicationNumber: app.number,
        status: app.status,
        trackedBy: received.trackedBy,
        replayed: received.replayed,
      };
    },
  });
}

/** The hospital is the agency of its account, so one hospital cannot notify for another. */
function hospitalOf(principal: Principal): string {
  if (
    principal.via !== 'token' ||
    !principal.groups.includes(HOSPITAL_NOTIFIERS_GROUP) ||
    principal.agency === null
  )
    throw apiErrors.forbidden(
      `notify births and deaths: use the API token of an account of your hospital in group ${HOSPITAL_NOTIFIERS_GROUP}`,
    );
  return principal.agency;
}
