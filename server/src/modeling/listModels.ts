import type { Queryable } from '@balcao/platform';
import type { Principal } from '../identity/Principal';
import type { EngineModels } from './EngineModels';
import type { ModelKind, ModelOwners } from './ModelOwners';

interface DraftSummary {
  name: string;
  updatedAt: string;
  updatedBy: string;
  baseVersion: number | null;
}

export interface ProcessSummary {
  processId: string;
  name: string;
  agency: string | null;
  versions: { version: number; key: string; versionTag?: string }[];
  formIds: string[];
  draft: DraftSummary | null;
}

export interface FormSummary {
  formId: string;
  agency: string | null;
  versions: { version: number; key: string }[];
  draft: DraftSummary | null;
}

/**
 * The processes and forms an analyst may work on: every deployed version of their agency's
 * (all agencies for an administrator), plus drafts not deployed yet. Newest version first.
 */
export async function listModels(
  deps: { db: Queryable; engine: EngineModels; owners: ModelOwners },
  principal: Principal,
): Promise<{ processes: ProcessSummary[]; forms: FormSummary[] }> {
  const visible = (agency: string | null | undefined) =>
    principal.role === 'admin' || (agency != null && agency === principal.agency);
  const drafts = await draftsByKey(deps.db);

  const processes = new Map<string, ProcessSummary>();
  const formAgency = new Map<string, string>();
  for (const v of await deps.engine.processVersions()) {
    let item = processes.get(v.processId);
    if (!item) {
      const facts = await deps.engine.factsOf(v);
      const agency =
        (await deps.owners.ownerOf(deps.db, 'process', v.processId)) ??
        facts?.declaredAgency ??
        null;
      item = {
        processId: v.processId,
        name: v.name,
        agency,
        versions: [],
        formIds: facts?.formIds ?? [],
        draft: drafts.get(`process:${v.processId}`)?.summary ?? null,
      };
      processes.set(v.processId, item);
      if (agency) for (const formId of item.formIds) formAgency.set(formId, agency);
    }
    item.versions.push({
      version: v.version,
      key: v.key,
      ...(v.versionTag ? { versionTag: v.versionTag } : {}),
    });
  }

  const forms = new Map<string, FormSummary>();
  for (const f of await deps.engine.formVersions()) {
    let item = forms.get(f.formId);
    if (!item) {
      const agency =
        (await deps.owners.ownerOf(deps.db, 'form', f.formId)) ?? formAgency.get(f.formId) ?? null;
      item = {
        formId: f.formId,
        agency,
        versions: [],
        draft: drafts.get(`form:${f.formId}`)?.summary ?? null,
      };
      forms.set(f.formId, item);
    }
    item.versions.push({ version: f.version, key: f.key });
  }

  for (const draft of drafts.values()) {
    if (draft.kind === 'process' && !processes.has(draft.id))
      processes.set(draft.id, {
        processId: draft.id,
        name: draft.summary.name,
        agency: draft.agency,
        versions: [],
        formIds: [],
        draft: draft.summary,
      });
    if (draft.kind === 'form' && !forms.has(draft.id))
      forms.set(draft.id, {
        formId: draft.id,
        agency: draft.agency,
        versions: [],
        draft: draft.summary,
      });
  }
  const byId = <T extends { agency: string | null }>(items: Iterable<T>, id: (t: T) => string) =>
    [...items].filter((i) => visible(i.agency)).sort((a, b) => id(a).localeCompare(id(b)));
  return {
    processes: byId(processes.values(), (p) => p.processId),
    forms: byId(forms.values(), (f) => f.formId),
  };
}

async function draftsByKey(db: Queryable) {
  const rows = await db.query<{
    kind: ModelKind;
    resource_id: string;
    agency: string;
    name: string;
    base_version: number | null;
    updated_by: string;
    updated_at: Date | string;
  }>(
    'select kind, resource_id, agency, name, base_version, updated_by, updated_at from modeling_draft',
  );
  return new Map(
    rows.rows.map((r) => [
      `${r.kind}:${r.resource_id}`,
      {
        kind: r.kind,
        id: r.resource_id,
        agency: r.agency,
        summary: {
          name: r.name,
          updatedAt: new Date(r.updated_at).toISOString(),
          updatedBy: r.updated_by,
          baseVersion: r.base_version,
        },
      },
    ]),
  );
}
