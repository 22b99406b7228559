import { z } from 'zod';
import type { Camunda8 } from '@camunda8/sdk';
import type { Database, Queryable } from '@balcao/platform';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQuerySchema, pageWindow } from '../api/pagination';
import { Role, type Principal } from '../identity/Principal';
import { ModelOwners } from '../modeling/ModelOwners';
import { dashboardRoute } from './dashboardRoute';
import {
  diagramStateSchema,
  historyEntrySchema,
  loadInstanceHistory,
  variableEntrySchema,
} from './loadInstanceHistory';
import { MonitorAccess } from './monitorAccess';

export interface MonitorRouteDeps {
  db: Database;
  camunda: Camunda8;
}

const keyParams = z.object({ key: z.string().regex(/^\d{1,20}$/) });

const instanceSchema = z.object({
  key: z.string(),
  processId: z.string(),
  version: z.number(),
  state: z.string(),
  hasIncident: z.boolean(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  agency: z.string().nullable(),
});

const incidentSchema = z.object({
  key: z.string(),
  processId: z.string(),
  instanceKey: z.string(),
  elementId: z.string(),
  errorType: z.string(),
  errorMessage: z.string(),
  state: z.string(),
  jobKey: z.string().nullable(),
  createdAt: z.string().nullable(),
});

const instanceDetailSchema = z.object({
  instance: instanceSchema,
  bpmnXml: z.string(),
  diagram: diagramStateSchema,
  history: z.array(historyEntrySchema),
  historyTotal: z.number(),
  variables: z.array(variableEntrySchema),
  variablesTotal: z.number(),
  incidents: z.array(incidentSchema),
});

interface InstanceItem {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  state: string;
  hasIncident: boolean;
  startDate?: string;
  endDate?: string;
}

interface IncidentItem {
  incidentKey: string;
  processDefinitionId: string;
  processInstanceKey: string;
  elementId: string;
  errorType: string;
  errorMessage: string;
  state: string;
  jobKey?: string;
  creationTime?: string;
}

const presentIncident = (i: IncidentItem): z.infer<typeof incidentSchema> => ({
  key: i.incidentKey,
  processId: i.processDefinitionId,
  instanceKey: i.processInstanceKey,
  elementId: i.elementId,
  errorType: i.errorType,
  errorMessage: i.errorMessage,
  state: i.state,
  jobKey: i.jobKey ?? null,
  createdAt: i.creationTime ?? null,
});

/** How many incidents of one instance the detail shows. */
const SCAN_LIMIT = 500;

/**
 * The supervisors' monitor: instances, their diagram state and incidents, read from the
 * engine through the Camunda SDK. Supervisors see their agency's processes; admins see all.
 */
export function monitorRoutes(deps: MonitorRouteDeps): ApiRoute[] {
  const rest = () => deps.camunda.getCamundaRestClient();
  const owners = new ModelOwners();
  const visibleTo = (tx: Queryable, principal: Principal, processId: string) =>
    new MonitorAccess(owners, tx, principal).visible(processId);
  const presentInstance = (i: InstanceItem, agency: string | null) => ({
    key: i.processInstanceKey,
    processId: i.processDefinitionId,
    version: i.processDefinitionVersion,
    state: i.state,
    hasIncident: i.hasIncident,
    startedAt: i.startDate ?? null,
    endedAt: i.endDate ?? null,
    agency,
  });
  /** The engine filter of a list: one process if it may be watched, else all it may watch. */
  const watched = async (access: MonitorAccess, principal: Principal, processId?: string) => {
    if (processId)
      return (await access.visible(processId)).visible
        ? { processDefinitionId: processId }
        : undefined;
    if (principal.role === Role.Admin) return {};
    const ids = await access.watchedProcessIds(deps.camunda);
    return ids.length > 0 ? { processDefinitionId: { $in: ids } } : undefined;
  };
  const incidentsOf = async (filter: Record<string, unknown>) =>
    (
      await rest().searchIncidents({
        filter,
        page: { limit: SCAN_LIMIT },
        sort: [{ field: 'creationTime', order: 'DESC' }],
      } as never)
    ).items as unknown as IncidentItem[];

  return [
    defineRoute({
      method: 'get',
      path: '/api/monitor/instances',
      summary: 'Supervisors: process instances of your agency, by process and state',
      tag: 'monitor',
      auth: 'required',
      roles: [Role.Supervisor, Role.Admin],
      audit: 'none',
      // The engine answers from the same database: no transaction held across its calls.
      transaction: false,
      query: pageQuerySchema.extend({
        processId: z.string().max(64).optional(),
        state: z.enum(['ACTIVE', 'COMPLETED', 'TERMINATED']).optional(),
      }),
      response: pagedSchema(instanceSchema),
      async handle({ tx, principal, query }) {
        const access = new MonitorAccess(owners, tx, principal);
        const scope = await watched(access, principal, query.processId);
        if (!scope) return paged([], query, 0);
        const { limit, offset } = pageWindow(query);
        const found = (await rest().searchProcessInstances({
          filter: { ...scope, ...(query.state ? { state: query.state } : {}) },
          page: { from: offset, limit },
          sort: [{ field: 'startDate', order: 'DESC' }],
        } as never)) as unknown as { items: InstanceItem[]; page: { totalItems: number } };
        const items = [];
        for (const i of found.items)
          items.push(presentInstance(i, await access.agencyOf(i.processDefinitionId)));
        return paged(items, query, Number(found.page.totalItems));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/monitor/instances/:key',
      summary:
        'Supervisors: one instance with its diagram marks, element history, variables and incidents',
      tag: 'monitor',
      auth: 'required',
      roles: [Role.Supervisor, Role.Admin],
      // Process variables hold the applicant's data.
      audit: 'personal-data',
      transaction: false,
      params: keyParams,
      response: instanceDetailSchema,
      async handle({ tx, principal, params, auditTarget }) {
        auditTarget(`instance:${params.key}`);
        const found = await rest().searchProcessInstances({
          filter: { processInstanceKey: params.key },
        });
        const instance = (found.items as unknown as InstanceItem[])[0];
        const access = instance && (await visibleTo(tx, principal, instance.processDefinitionId));
        if (!instance || !access?.visible) throw apiErrors.notFound('The process instance');
        const [bpmnXml, history, incidents] = await Promise.all([
          rest().getProcessDefinitionXML(instance.processDefinitionKey),
          loadInstanceHistory(rest(), params.key),
          incidentsOf({ processInstanceKey: params.key }),
        ]);
        return {
          instance: presentInstance(instance, access.agency),
          bpmnXml,
          ...history,
          incidents: incidents.map(presentIncident),
        };
      },
    }),
    dashboardRoute({ camunda: deps.camunda, owners }),
    defineRoute({
      method: 'get',
      path: '/api/monitor/incidents',
      summary: "Supervisors: your agency's open incidents, newest first",
      tag: 'monitor',
      auth: 'required',
      roles: [Role.Supervisor, Role.Admin],
      audit: 'none',
      transaction: false,
      query: pageQuerySchema.extend({ processId: z.string().max(64).optional() }),
      response: pagedSchema(incidentSchema),
      async handle({ tx, principal, query }) {
        const access = new MonitorAccess(owners, tx, principal);
        const scope = await watched(access, principal, query.processId);
        if (!scope) return paged([], query, 0);
        const { limit, offset } = pageWindow(query);
        const found = (await rest().searchIncidents({
          filter: { ...scope, state: 'ACTIVE' },
          page: { from: offset, limit },
          sort: [{ field: 'creationTime', order: 'DESC' }],
        } as never)) as unknown as { items: IncidentItem[]; page: { totalItems: number } };
        return paged(found.items.map(presentIncident), query, Number(found.page.totalItems));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/monitor/incidents/:key/retry',
      summary: 'Supervisors: retry an incident (gives its job one more retry, then resolves it)',
      tag: 'monitor',
      auth: 'required',
      roles: [Role.Supervisor, Role.Admin],
      transaction: false,
      params: keyParams,
      body: z.object({}).optional(),
      response: incidentSchema,
      async handle({ tx, principal, params, auditTarget }) {
        const incident = (await incidentsOf({ incidentKey: params.key }))[0];
        if (!incident || !(await visibleTo(tx, principal, incident.processDefinitionId)).visible)
          throw apiErrors.notFound('The incident');
        if (incident.state !== 'ACTIVE')
          throw apiErrors.conflict(`Incident ${incident.incidentKey} is already resolved.`);
        auditTarget(`incident:${incident.incidentKey}`, {
          processId: incident.processDefinitionId,
        });
        // A job incident comes back only if the job has retries left when it is resolved.
        if (incident.jobKey)
          await deps.camunda
            .getZeebeGrpcApiClient()
            .updateJobRetries({ jobKey: incident.jobKey, retries: 1 });
        await rest().resolveIncident(incident.incidentKey);
        return presentIncident({ ...incident, state: 'RESOLVED' });
      },
    }),
  ];
}
