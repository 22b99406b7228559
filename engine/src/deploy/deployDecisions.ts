import { createHash } from 'node:crypto';
import { ValueType } from '../log/EngineEvent';
import type { CompiledDrg } from '../dmn/CompiledDrg';
import { reject } from '../runtime/commands/EngineRejection';
import type { CommandContext } from '../runtime/context/CommandContext';
import type { DecisionRequirementsRow, DecisionRow } from '../state/decisionRows';

export interface DeployedDecisionRequirements {
  key: number;
  decisionRequirementsId: string;
  name: string;
  version: number;
  resourceName: string;
  isNew: boolean;
}

export interface DeployedDecision {
  key: number;
  decisionId: string;
  name: string;
  version: number;
  versionTag: string | null;
  decisionRequirementsId: string;
  decisionRequirementsKey: number;
  isNew: boolean;
}

export interface DmnResource {
  name: string;
  content: Buffer;
  resourceKey: number;
  drg: CompiledDrg;
}

/**
 * Deploys the decision requirements graphs of .dmn resources (the caller holds the deploy
 * lock). As for processes, a DRG gets a new version only when its resource changed; then
 * each of its decisions gets the next version of its decision id.
 */
export async function deployDecisions(
  ctx: CommandContext,
  deploymentKey: number,
  resources: DmnResource[],
): Promise<{
  decisionRequirements: DeployedDecisionRequirements[];
  decisions: DeployedDecision[];
}> {
  checkUniqueInDeployment(resources);
  const result = {
    decisionRequirements: [] as DeployedDecisionRequirements[],
    decisions: [] as DeployedDecision[],
  };
  for (const resource of resources) {
    const { drg } = resource;
    await checkDecisionsBelongTo(ctx, resource);
    const sum = createHash('sha256').update(resource.content).digest('hex');
    const latest = await ctx.tx.query<{ key: number; version: number; checksum: string }>(
      'select key, version, checksum from engine_decision_requirements where decision_requirements_id = $1 order by version desc limit 1',
      [drg.id],
    );
    const previous = latest.rows[0];
    if (previous && previous.checksum === sum) {
      result.decisionRequirements.push({
        key: previous.key,
        decisionRequirementsId: drg.id,
        name: drg.name ?? drg.id,
        version: previous.version,
        resourceName: resource.name,
        isNew: false,
      });
      const existing = await ctx.tx.query<{
        key: number;
        decision_id: string;
        name: string | null;
        version: number;
        version_tag: string | null;
      }>(
        'select key, decision_id, name, version, version_tag from engine_decision where decision_requirements_key = $1 order by decision_id',
        [previous.key],
      );
      for (const d of existing.rows)
        result.decisions.push({
          key: d.key,
          decisionId: d.decision_id,
          name: d.name ?? d.decision_id,
          version: d.version,
          versionTag: d.version_tag,
          decisionRequirementsId: drg.id,
          decisionRequirementsKey: previous.key,
          isNew: false,
        });
      continue;
    }
    const row: DecisionRequirementsRow = {
      key: ctx.nextKey(),
      decisionRequirementsId: drg.id,
      name: drg.name ?? null,
      version: (previous?.version ?? 0) + 1,
      resourceKey: resource.resourceKey,
      deploymentKey,
      checksum: sum,
      compiled: drg,
      createdAt: ctx.now(),
    };
    ctx.emit(ValueType.DecisionRequirements, 'CREATED', row.key, {
      row,
      resourceName: resource.name,
    });
    result.decisionRequirements.push({
      key: row.key,
      decisionRequirementsId: drg.id,
      name: drg.name ?? drg.id,
      version: row.version,
      resourceName: resource.name,
      isNew: true,
    });
    for (const decision of Object.values(drg.decisions)) {
      const versions = await ctx.tx.query<{ version: number }>(
        'select coalesce(max(version), 0) as version from engine_decision where decision_id = $1',
        [decision.id],
      );
      const decisionRow: DecisionRow = {
        key: ctx.nextKey(),
        decisionId: decision.id,
        name: decision.name ?? null,
        version: Number(versions.rows[0]?.version ?? 0) + 1,
        versionTag: decision.versionTag ?? null,
        decisionRequirementsKey: row.key,
        decisionRequirementsId: drg.id,
        deploymentKey,
      };
      ctx.emit(ValueType.Decision, 'CREATED', decisionRow.key, { row: decisionRow });
      result.decisions.push({
        key: decisionRow.key,
        decisionId: decision.id,
        name: decision.name ?? decision.id,
        version: decisionRow.version,
        versionTag: decisionRow.versionTag,
        decisionRequirementsId: drg.id,
        decisionRequirementsKey: row.key,
        isNew: true,
      });
    }
  }
  return result;
}

// Like Zeebe: within one deployment a DRG id and a decision id may appear in one resource only.
function checkUniqueInDeployment(resources: DmnResource[]): void {
  const drgs = new Map<string, string>();
  const decisions = new Map<string, string>();
  const errors: string[] = [];
  for (const { name, drg } of resources) {
    const other = drgs.get(drg.id);
    if (other)
      errors.push(`decision requirements id '${drg.id}' is in both '${other}' and '${name}'`);
    drgs.set(drg.id, name);
    for (const id of Object.keys(drg.decisions)) {
      const first = decisions.get(id);
      if (first) errors.push(`decision id '${id}' is in both '${first}' and '${name}'`);
      decisions.set(id, name);
    }
  }
  if (errors.length > 0)
    throw reject.invalidArgument(
      `Expected the decision requirements and decision ids to be unique within a deployment, but ${errors.join('; ')}. Rename one of each.`,
    );
}

// A decision id belongs to one DRG: the same id in another DRG would make "latest" ambiguous.
async function checkDecisionsBelongTo(ctx: CommandContext, resource: DmnResource): Promise<void> {
  const ids = Object.keys(resource.drg.decisions);
  const clash = await ctx.tx.query<{ decision_id: string; decision_requirements_id: string }>(
    'select distinct decision_id, decision_requirements_id from engine_decision where decision_id = any($1::text[]) and decision_requirements_id <> $2',
    [ids, resource.drg.id],
  );
  if (clash.rows.length === 0) return;
  throw reject.invalidArgument(
    `Expected to deploy '${resource.name}', but ${clash.rows
      .map(
        (c) =>
          `decision '${c.decision_id}' is already deployed in decision requirements graph '${c.decision_requirements_id}'`,
      )
      .join(
        '; ',
      )}. A decision id belongs to one DRG: rename the decision or deploy it in '${clash.rows[0]!.decision_requirements_id}'.`,
  );
}
