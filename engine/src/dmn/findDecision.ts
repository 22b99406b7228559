import type { Queryable } from '@balcao/platform';
import type { BindingType } from '../model/CompiledProcess';
import type { CompiledDrg } from './CompiledDrg';

/** A deployed decision version with the compiled DRG it belongs to (cached per engine). */
export interface DecisionVersion {
  key: number;
  decisionId: string;
  name: string;
  version: number;
  versionTag: string | null;
  decisionRequirementsKey: number;
  decisionRequirementsId: string;
  drg: CompiledDrg;
  /** Key and version of every decision of this DRG version, by decision id. */
  members: Record<string, { key: number; version: number }>;
}

interface CachedDrg {
  drg: CompiledDrg;
  members: DecisionVersion['members'];
}

/** DRGs never change once deployed: cached per engine (keys are unique per database). */
const drgCaches = new WeakMap<object, Map<number, CachedDrg>>();

const SELECT = `select d.key, d.decision_id, d.name, d.version, d.version_tag,
  d.decision_requirements_key, d.decision_requirements_id from engine_decision d`;

/** The decision with this key, or undefined. */
export function decisionByKey(
  tx: Queryable,
  cacheOwner: object,
  key: number,
): Promise<DecisionVersion | undefined> {
  return first(tx, cacheOwner, `${SELECT} where d.key = $1`, [key]);
}

/**
 * The decision a business rule task (or EvaluateDecision by id) calls: the latest version, the
 * one deployed together with the calling process, or the latest with a version tag.
 */
export function findDecision(
  tx: Queryable,
  cacheOwner: object,
  decisionId: string,
  binding: BindingType = 'latest',
  options: { versionTag?: string | undefined; processDefinitionKey?: number } = {},
): Promise<DecisionVersion | undefined> {
  if (binding === 'deployment')
    // The calling process's deployment holds the DRG's resource, also when it was unchanged
    // and the earlier version was kept (same checksum).
    return first(
      tx,
      cacheOwner,
      `${SELECT} join engine_decision_requirements r on r.key = d.decision_requirements_key
       where d.decision_id = $1 and r.checksum in (
         select checksum from engine_resource where kind = 'dmn' and deployment_key =
           (select deployment_key from engine_process where key = $2))
       order by d.version desc limit 1`,
      [decisionId, options.processDefinitionKey ?? -1],
    );
  if (binding === 'versionTag')
    return first(
      tx,
      cacheOwner,
      `${SELECT} where d.decision_id = $1 and d.version_tag = $2 order by d.version desc limit 1`,
      [decisionId, options.versionTag ?? ''],
    );
  return first(
    tx,
    cacheOwner,
    `${SELECT} where d.decision_id = $1 order by d.version desc limit 1`,
    [decisionId],
  );
}

async function first(
  tx: Queryable,
  cacheOwner: object,
  sql: string,
  params: unknown[],
): Promise<DecisionVersion | undefined> {
  const found = await tx.query<DecisionRowJson>(sql, params);
  const row = found.rows[0];
  if (!row) return undefined;
  const key = Number(row.decision_requirements_key);
  let cache = drgCaches.get(cacheOwner);
  if (!cache) drgCaches.set(cacheOwner, (cache = new Map<number, CachedDrg>()));
  let cached = cache.get(key);
  if (!cached) {
    const loaded = await tx.query<{ compiled: CompiledDrg; members: CachedDrg['members'] }>(
      `select r.compiled, (select json_object_agg(d.decision_id, json_build_object('key', d.key, 'version', d.version))
         from engine_decision d where d.decision_requirements_key = r.key) as members
       from engine_decision_requirements r where r.key = $1`,
      [key],
    );
    cached = { drg: loaded.rows[0]!.compiled, members: loaded.rows[0]!.members };
    cache.set(key, cached);
  }
  return {
    key: Number(row.key),
    decisionId: row.decision_id,
    name: row.name ?? row.decision_id,
    version: row.version,
    versionTag: row.version_tag,
    decisionRequirementsKey: key,
    decisionRequirementsId: row.decision_requirements_id,
    ...cached,
  };
}

interface DecisionRowJson {
  key: number | string;
  decision_id: string;
  name: string | null;
  version: number;
  version_tag: string | null;
  decision_requirements_key: number | string;
  decision_requirements_id: string;
}
