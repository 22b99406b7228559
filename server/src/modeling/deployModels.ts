import type { Camunda8 } from '@camunda8/sdk';
import { BalcaoError, type Database, type Queryable } from '@balcao/platform';
import { apiErrors } from '../api/apiErrors';
import { ApiErrorCode } from '../api/ApiErrorCode';
import { requireAgencyAnalyst } from '../access/authorize';
import type { Principal } from '../identity/Principal';
import { deployProblems } from './deployProblems';
import type { ModelKind, ModelOwners } from './ModelOwners';
import { ModelReadError, readModelFacts } from './readModelFacts';

export interface ModelResource {
  name: string;
  content: string;
}

export interface DeployedModels {
  deploymentKey: string;
  processes: { processId: string; version: number; key: string }[];
  forms: { formId: string; version: number; key: string }[];
}

/**
 * Deploys an analyst's models through the gateway, after checking that every process and form
 * belongs to the analyst's agency (ADR 0012). The engine's errors come back per element, so
 * the modeler can mark them on the diagram.
 */
export async function deployModels(
  deps: { db: Database; camunda: Camunda8; owners: ModelOwners },
  principal: Principal,
  resources: readonly ModelResource[],
): Promise<DeployedModels> {
  const claims = await agencyClaims(deps, principal, resources);
  let result;
  try {
    result = await deps.camunda
      .getZeebeGrpcApiClient()
      .deployResources(
        resources.map((r) =>
          kindOf(r.name) === 'process'
            ? { name: r.name, process: Buffer.from(r.content) }
            : { name: r.name, form: Buffer.from(r.content) },
        ),
      );
  } catch (error) {
    const detail = (error as { details?: unknown }).details;
    if ((error as { code?: unknown }).code !== 3 || typeof detail !== 'string') throw error;
    const problems = deployProblems(detail, resources);
    throw new BalcaoError(
      ApiErrorCode.Unprocessable,
      `The engine refused the deployment: ${problems.length} problem(s) to fix, marked on the diagram.`,
      {
        details: {
          fields: problems.map((p) => ({
            path: p.elementId ?? '',
            in: p.resource,
            message: p.message,
          })),
        },
      },
    );
  }
  await deps.db.transaction(async (tx) => {
    for (const claim of claims) await deps.owners.record(tx, claim.kind, claim.id, claim.agency);
    await tx.query(
      'delete from modeling_draft where (kind, resource_id) in (select * from unnest($1::text[], $2::text[]))',
      [claims.map((c) => c.kind), claims.map((c) => c.id)],
    );
  });
  const deployments = result.deployments as {
    process?: { bpmnProcessId: string; version: number; processDefinitionKey: string };
    form?: { formId: string; version: number; formKey: string };
  }[];
  return {
    deploymentKey: String(result.key),
    processes: deployments.flatMap((d) =>
      d.process
        ? [
            {
              processId: d.process.bpmnProcessId,
              version: Number(d.process.version),
              key: String(d.process.processDefinitionKey),
            },
          ]
        : [],
    ),
    forms: deployments.flatMap((d) =>
      d.form
        ? [{ formId: d.form.formId, version: Number(d.form.version), key: String(d.form.formKey) }]
        : [],
    ),
  };
}

export function kindOf(name: string): ModelKind | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bpmn') || lower.endsWith('.bpmn20.xml')) return 'process';
  if (lower.endsWith('.form') || lower.endsWith('.form.json')) return 'form';
  return undefined;
}

interface Claim {
  kind: ModelKind;
  id: string;
  agency: string;
}

/** The agency of every process and form in the deployment, each checked against the caller. */
export async function agencyClaims(
  deps: { db: Queryable; owners: ModelOwners },
  principal: Principal,
  resources: readonly ModelResource[],
): Promise<Claim[]> {
  const claims: Claim[] = [];
  const linkedForms = new Map<string, string>();
  for (const resource of resources) {
    if (kindOf(resource.name) !== 'process') continue;
    for (const process of await facts(resource)) {
      const owner = await deps.owners.ownerOf(deps.db, 'process', process.processId);
      if (owner && process.declaredAgency && process.declaredAgency !== owner)
        throw apiErrors.unprocessable(
          `'${resource.name}': process ${process.processId} belongs to ${owner}, but its balcao:agency property says ${process.declaredAgency}. Set it to ${owner} or give the process a new id.`,
        );
      const agency = owner ?? process.declaredAgency ?? principal.agency;
      if (!agency)
        throw apiErrors.unprocessable(
          `'${resource.name}': say which agency process ${process.processId} belongs to with the process property balcao:agency.`,
        );
      requireAgencyAnalyst(principal, agency);
      claims.push({ kind: 'process', id: process.processId, agency });
      for (const formId of process.formIds) linkedForms.set(formId, agency);
    }
  }
  for (const resource of resources) {
    const kind = kindOf(resource.name);
    if (kind === 'process') continue;
    if (!kind)
      throw apiErrors.unprocessable(
        `'${resource.name}': unknown file type; send .bpmn processes and .form or .form.json forms.`,
      );
    const formId = formIdOf(resource);
    const agency =
      (await deps.owners.ownerOf(deps.db, 'form', formId)) ??
      linkedForms.get(formId) ??
      principal.agency;
    if (!agency)
      throw apiErrors.unprocessable(
        `'${resource.name}': deploy form ${formId} with the process that uses it, so it gets that process's agency.`,
      );
    requireAgencyAnalyst(principal, agency);
    claims.push({ kind: 'form', id: formId, agency });
  }
  return claims;
}

async function facts(resource: ModelResource) {
  try {
    return await readModelFacts(resource.content);
  } catch (error) {
    if (error instanceof ModelReadError)
      throw apiErrors.unprocessable(`'${resource.name}': ${error.message}`);
    throw error;
  }
}

export function formIdOf(resource: ModelResource): string {
  let json: unknown;
  try {
    json = JSON.parse(resource.content);
  } catch {
    throw apiErrors.unprocessable(`'${resource.name}': the form is not valid JSON.`);
  }
  const { formId, id } = (json ?? {}) as { formId?: unknown; id?: unknown };
  const found = typeof formId === 'string' ? formId : typeof id === 'string' ? id : '';
  if (!found)
    throw apiErrors.unprocessable(
      `'${resource.name}': the form has no "formId"; add a stable one such as "visa-application".`,
    );
  return found;
}
