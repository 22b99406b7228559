import { z } from 'zod';
import { elementTemplates } from '@balcao/connectors';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQuerySchema, pageWindow } from '../api/pagination';
import type { ServerServices } from '../boot/ServerServices';
import type { Principal } from '../identity/Principal';
import { deployModels } from './deployModels';
import { EngineModels } from './EngineModels';
import { ModelOwners } from './ModelOwners';
import { listForms, listProcesses } from './listModels';
import {
  deployedFormSchema,
  deploymentSchema,
  elementTemplatesSchema,
  formSummarySchema,
  processSummarySchema,
} from './modelingSchemas';
import { modelingDraftRoutes } from './modelingDraftRoutes';

const roles = ['analyst', 'admin'] as const;
const tag = 'modeling';
const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
const idParam = (name: string) => z.object({ [name]: z.string().min(1).max(200) });
/** `?q=` part of an id or name, `?<id>=` exactly one, and the page. */
const listQuery = <K extends string>(id: K) =>
  pageQuerySchema.extend({ q: z.string().max(100).optional() }).extend({
    [id]: z.string().min(1).max(200).optional(),
  } as Record<K, z.ZodOptional<z.ZodString>>);

/**
 * The analysts' modeler: their agency's processes and forms with versions (read from the
 * engine through the Camunda SDK), drafts, deployments and the connectors' element templates.
 * Routes that reach the engine run outside a request transaction: the embedded database is
 * one session, and the engine needs it meanwhile.
 */
export function modelingRoutes(services: Pick<ServerServices, 'db' | 'camunda'>): ApiRoute[] {
  const engine = new EngineModels(services.camunda);
  const owners = new ModelOwners();
  const mayRead = async (principal: Principal, kind: 'process' | 'form', id: string) => {
    const deps = { db: services.db, engine, owners };
    const one = { id, limit: 1, offset: 0 };
    const found =
      kind === 'process'
        ? (await listProcesses(deps, principal, one)).items[0]
        : (await listForms(deps, principal, one)).items[0];
    if (!found || found.versions.length === 0)
      throw apiErrors.notFound(kind === 'process' ? `The process ${id}` : `The form ${id}`);
    return found.versions;
  };
  const pick = <V extends { version: number; key: string }>(versions: V[], version?: number) => {
    const chosen =
      version === undefined ? versions[0] : versions.find((v) => v.version === version);
    if (!chosen) throw apiErrors.notFound(`Version ${version}`);
    return chosen;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/modeling/processes',
      summary: "Your agency's processes with their deployed versions and drafts, by id",
      tag,
      auth: 'required',
      roles,
      transaction: false,
      query: listQuery('processId'),
      response: pagedSchema(processSummarySchema),
      async handle({ principal, query }) {
        const { items, total } = await listProcesses(
          { db: services.db, engine, owners },
          principal,
          { q: query.q, id: query.processId, ...pageWindow(query) },
        );
        return paged(items, query, total);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/modeling/forms',
      summary: "Your agency's forms with their deployed versions and drafts, by id",
      tag,
      auth: 'required',
      roles,
      transaction: false,
      query: listQuery('formId'),
      response: pagedSchema(formSummarySchema),
      async handle({ principal, query }) {
        const { items, total } = await listForms({ db: services.db, engine, owners }, principal, {
          q: query.q,
          id: query.formId,
          ...pageWindow(query),
        });
        return paged(items, query, total);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/modeling/processes/:processId/xml',
      summary: 'The BPMN XML of a deployed process version (latest unless ?version=)',
      tag,
      auth: 'required',
      roles,
      transaction: false,
      params: idParam('processId'),
      query: versionQuery,
      async handle({ principal, params, query, res }) {
        const id = params.processId as string;
        const chosen = pick(await mayRead(principal, 'process', id), query.version);
        res.type('application/xml').send(await engine.xml(chosen.key));
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/modeling/forms/:formId',
      summary: 'A deployed form version (latest unless ?version=) with its Form.io JSON',
      tag,
      auth: 'required',
      roles,
      transaction: false,
      params: idParam('formId'),
      query: versionQuery,
      response: deployedFormSchema,
      async handle({ principal, params, query }) {
        const id = params.formId as string;
        const chosen = pick(await mayRead(principal, 'form', id), query.version);
        return { formId: id, version: chosen.version, schema: await engine.formSchema(chosen.key) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/modeling/deployments',
      summary: 'Deploy processes and forms of your agency; errors name the element to fix',
      tag,
      auth: 'required',
      roles,
      status: 201,
      transaction: false,
      body: z.object({
        resources: z
          .array(z.object({ name: z.string().min(1).max(300), content: z.string().min(1) }))
          .min(1, 'send at least one .bpmn or .form file'),
      }),
      response: deploymentSchema,
      async handle({ principal, body, auditTarget }) {
        const deployed = await deployModels(
          { db: services.db, camunda: services.camunda, owners },
          principal,
          body.resources,
        );
        auditTarget(`deployment:${deployed.deploymentKey}`, {
          processes: deployed.processes.map((p) => `${p.processId} v${p.version}`),
          forms: deployed.forms.map((f) => `${f.formId} v${f.version}`),
        });
        return deployed;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/modeling/element-templates',
      summary: "The connectors' element templates for the modeler's palette",
      tag,
      auth: 'required',
      roles,
      transaction: false,
      response: elementTemplatesSchema,
      handle: async () => templates,
    }),
    ...modelingDraftRoutes({ db: services.db, owners }),
  ];
}

const templates = elementTemplates();
