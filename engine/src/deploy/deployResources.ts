import { createHash } from 'node:crypto';
import type { CompiledDrg } from '../dmn/CompiledDrg';
import { parseDmn } from '../dmn/parseDmn';
import { ValueType } from '../log/EngineEvent';
import type { CompiledProcess } from '../model/CompiledProcess';
import { formatModelError } from '../model/ModelError';
import { parseBpmn } from '../model/parseBpmn';
import { reject } from '../runtime/commands/EngineRejection';
import type { Lifecycle } from '../runtime/lifecycle/Lifecycle';
import type { DeploymentRow, ProcessRow, ResourceRow } from '../state/rows';
import {
  deployDecisions,
  type DeployedDecision,
  type DeployedDecisionRequirements,
} from './deployDecisions';
import { replaceStartEvents } from './replaceStartEvents';

export interface Resource {
  name: string;
  content: Buffer;
}

/** Checks a non-BPMN resource (e.g. a form) at deploy; returns its id and full-sentence errors. */
export type ResourceValidator = (name: string, content: Buffer) => { id: string; errors: string[] };

export interface DeployedProcess {
  key: number;
  bpmnProcessId: string;
  version: number;
  versionTag: string | null;
  resourceName: string;
  /** false when an identical resource was deployed before: its existing version is reused. */
  isNew: boolean;
}

export interface DeployedForm {
  key: number;
  formId: string;
  version: number;
  resourceName: string;
  isNew: boolean;
}

export interface DeploymentResult {
  key: number;
  processes: DeployedProcess[];
  forms: DeployedForm[];
  decisionRequirements: DeployedDecisionRequirements[];
  decisions: DeployedDecision[];
  warnings: string[];
}

const DEPLOY_LOCK = 7_433_002;

/**
 * Deploys resources atomically: every resource is checked first (all errors reported
 * together); then, under a lock, each process or form gets a new version only when its
 * content changed since the latest version.
 */
export async function deployResources(
  life: Lifecycle,
  resources: Resource[],
  formValidator: ResourceValidator | undefined,
): Promise<DeploymentResult> {
  if (resources.length === 0)
    throw reject.invalidArgument('Expected to deploy at least one resource, but none given.');
  const errors: string[] = [];
  const warnings: string[] = [];
  const bpmn: { resource: Resource; processes: CompiledProcess[] }[] = [];
  const forms: { resource: Resource; formId: string }[] = [];
  const dmn: { resource: Resource; drg: CompiledDrg }[] = [];
  for (const resource of resources) {
    const kind = resourceKind(resource.name);
    if (kind === 'bpmn') {
      const parsed = await parseBpmn(resource.content, resource.name);
      if (parsed.ok) {
        bpmn.push({ resource, processes: parsed.processes });
        warnings.push(...parsed.warnings.map((w) => `'${resource.name}': ${w}`));
      } else
        errors.push(
          `'${resource.name}':\n${parsed.errors.map((e) => `- ${formatModelError(e)}`).join('\n')}`,
        );
    } else if (kind === 'form') {
      const checked = formValidator
        ? formValidator(resource.name, resource.content)
        : plainFormId(resource.content);
      if (checked.errors.length > 0)
        errors.push(`'${resource.name}':\n${checked.errors.map((e) => `- ${e}`).join('\n')}`);
      else forms.push({ resource, formId: checked.id });
    } else if (kind === 'dmn') {
      const parsed = await parseDmn(resource.content, resource.name);
      if (parsed.ok) dmn.push({ resource, drg: parsed.drg });
      else
        errors.push(
          `'${resource.name}':\n${parsed.errors.map((e) => `- ${formatModelError(e)}`).join('\n')}`,
        );
    } else {
      errors.push(
        `'${resource.name}': unknown resource type; expected a .bpmn, .dmn, .form or .form.json file.`,
      );
    }
  }
  if (errors.length > 0) {
    throw reject.invalidArgument(
      `Expected to deploy new resources, but encountered the following errors:\n${errors.join('\n')}`,
    );
  }

  const ctx = life.ctx;
  await ctx.tx.query('select pg_advisory_xact_lock($1)', [DEPLOY_LOCK]);
  const deployment: DeploymentRow = { key: ctx.nextKey(), createdAt: ctx.now() };
  const resourceRows: ResourceRow[] = resources.map((r) => ({
    key: ctx.nextKey(),
    deploymentKey: deployment.key,
    name: r.name,
    kind: resourceKind(r.name) as ResourceRow['kind'],
    checksum: checksum(r.content),
    content: r.content.toString('utf8'),
  }));
  ctx.emit(ValueType.Deployment, 'CREATED', deployment.key, {
    deployment,
    resources: resourceRows,
  });
  const rowOf = (resource: Resource) => resourceRows[resources.indexOf(resource)]!;

  const decisions = await deployDecisions(
    ctx,
    deployment.key,
    dmn.map(({ resource, drg }) => ({ ...resource, resourceKey: rowOf(resource).key, drg })),
  );
  const result: DeploymentResult = {
    key: deployment.key,
    processes: [],
    forms: [],
    ...decisions,
    warnings,
  };
  for (const { resource, processes } of bpmn) {
    for (const process of processes) {
      // Like Zeebe: any change to the resource (even layout) makes a new version.
      const sum = checksum(resource.content);
      const latest = await ctx.tx.query<{
        key: number;
        version: number;
        checksum: string;
        version_tag: string | null;
      }>(
        'select key, version, checksum, version_tag from engine_process where bpmn_process_id = $1 order by version desc limit 1',
        [process.bpmnProcessId],
      );
      const previous = latest.rows[0];
      if (previous && previous.checksum === sum) {
        result.processes.push({
          key: previous.key,
          bpmnProcessId: process.bpmnProcessId,
          version: previous.version,
          versionTag: previous.version_tag,
          resourceName: resource.name,
          isNew: false,
        });
        continue;
      }
      const row: ProcessRow = {
        key: ctx.nextKey(),
        bpmnProcessId: process.bpmnProcessId,
        version: (previous?.version ?? 0) + 1,
        versionTag: process.versionTag ?? null,
        resourceKey: rowOf(resource).key,
        deploymentKey: deployment.key,
        checksum: sum,
        compiled: process,
        createdAt: ctx.now(),
      };
      ctx.emit(ValueType.Process, 'CREATED', row.key, { row, resourceName: resource.name });
      await replaceStartEvents(life, row, process, previous?.key);
      result.processes.push({
        key: row.key,
        bpmnProcessId: row.bpmnProcessId,
        version: row.version,
        versionTag: row.versionTag,
        resourceName: resource.name,
        isNew: true,
      });
    }
  }
  for (const { resource, formId } of forms) {
    const sum = checksum(resource.content);
    const latest = await ctx.tx.query<{ key: number; version: number; checksum: string }>(
      'select key, version, checksum from engine_form where form_id = $1 order by version desc limit 1',
      [formId],
    );
    const previous = latest.rows[0];
    if (previous && previous.checksum === sum) {
      result.forms.push({
        key: previous.key,
        formId,
        version: previous.version,
        resourceName: resource.name,
        isNew: false,
      });
      continue;
    }
    const row = {
      key: ctx.nextKey(),
      formId,
      version: (previous?.version ?? 0) + 1,
      versionTag: null,
      resourceKey: rowOf(resource).key,
      deploymentKey: deployment.key,
      checksum: sum,
    };
    ctx.emit(ValueType.Form, 'CREATED', row.key, { row, resourceName: resource.name });
    result.forms.push({
      key: row.key,
      formId,
      version: row.version,
      resourceName: resource.name,
      isNew: true,
    });
  }
  return result;
}

export function resourceKind(name: string): 'bpmn' | 'form' | 'dmn' | 'unknown' {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bpmn') || lower.endsWith('.bpmn20.xml')) return 'bpmn';
  if (lower.endsWith('.form') || lower.endsWith('.form.json')) return 'form';
  if (lower.endsWith('.dmn')) return 'dmn';
  return 'unknown';
}

function plainFormId(content: Buffer): { id: string; errors: string[] } {
  try {
    const json = JSON.parse(content.toString('utf8')) as { formId?: unknown; id?: unknown };
    const id =
      typeof json.formId === 'string' ? json.formId : typeof json.id === 'string' ? json.id : '';
    return id
      ? { id, errors: [] }
      : {
          id: '',
          errors: [
            'the form has no "formId"; add a stable formId such as "criminal-record-application".',
          ],
        };
  } catch (error) {
    return { id: '', errors: [`the form is not valid JSON: ${(error as Error).message}`] };
  }
}

function checksum(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}
