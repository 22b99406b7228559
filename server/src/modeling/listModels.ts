import type { Queryable } from '@balcao/platform';
import type { Principal } from '../identity/Principal';
import type { EngineModels } from './EngineModels';
import type { ModelKind, ModelOwners } from './ModelOwners';
import type { FormSummary, ProcessSummary } from './modelingSchemas';

export interface ModelQuery {
  /** Part of the id or name, in any case. */
  q?: string | undefined;
  /** Exactly this id. */
  id?: string | undefined;
  limit: number;
  offset: number;
}

type Deps = { db: Queryable; engine: EngineModels; owners: ModelOwners };
type Page<T> = { items: T[]; total: number };

/**
 * The processes an analyst may work on, by id: their agency's (all for an administrator),
 * deployed or only drafted, one page of them with every version, newest first. Whose a
 * process is may come from its XML (ADR 0012), so the latest version of each is read (its
 * facts are cached by key) and filtered here; versions are read for the page only.
 */
export async function listProcesses(
  deps: Deps,
  principal: Principal,
  query: ModelQuery,
): Promise<Page<ProcessSummary>> {
  const { processes } = await modelIndex(deps);
  const chosen = pick(processes, principal, query, (p) => [p.processId, p.name]);
  const items = await Promise.all(
    chosen.items.map(async (p) => ({
      ...p,
      versions: (await deps.engine.processVersions({ processDefinitionId: p.processId })).map(
        (v) => ({
          version: v.version,
          key: v.key,
          ...(v.versionTag ? { versionTag: v.versionTag } : {}),
        }),
      ),
    })),
  );
  return { items, total: chosen.total };
}

/** The forms an analyst may work on, by id, as listProcesses does processes. */
export async function listForms(
  deps: Deps,
  principal: Principal,
  query: ModelQuery,
): Promise<Page<FormSummary>> {
  const { forms } = await modelIndex(deps);
  const chosen = pick(forms, principal, query, (f) => [f.formId]);
  const items = await Promise.all(
    chosen.items.map(async (f) => ({
      ...f,
      versions: (await deps.engine.formVersions({ formId: f.formId })).map((v) => ({
        version: v.version,
        key: v.key,
      })),
    })),
  );
  return { items, total: chosen.total };
}

type Indexed<T> = Omit<T, 'versions'>;

/** Every process and form, deployed (latest version) or drafted, with its agency. */
async function modelIndex(deps: Deps) {
  const [latest, latestForms, drafts] = await Promise.all([
    deps.engine.processVersions({ isLatestVersion: true }),
    deps.engine.formVersions({ isLatestVersion: true }),
    draftsByKey(deps.db),
  ]);
  const [facts, processOwners, formOwners] = await Promise.all([
    Promise.all(latest.map((v) => deps.engine.factsOf(v))),
    deps.owners.ownersOf(
      deps.db,
      'process',
      latest.map((v) => v.processId),
    ),
    deps.owners.ownersOf(
      deps.db,
      'form',
      latestForms.map((f) => f.formId),
    ),
  ]);

  const processes = new Map<string, Indexed<ProcessSummary>>();
  // A form without an owner of its own belongs to the agency of a process that uses it.
  const formAgency = new Map<string, string>();
  latest.forEach((v, i) => {
    const agency = processOwners.get(v.processId) ?? facts[i]?.declaredAgency ?? null;
    const formIds = facts[i]?.formIds ?? [];
    processes.set(v.processId, {
      processId: v.processId,
      name: v.name,
      agency,
      formIds,
      draft: drafts.get(`process:${v.processId}`)?.summary ?? null,
    });
    if (agency) for (const formId of formIds) formAgency.set(formId, agency);
  });
  const forms = new Map<string, Indexed<FormSummary>>();
  for (const f of latestForms)
    forms.set(f.formId, {
      formId: f.formId,
      agency: formOwners.get(f.formId) ?? formAgency.get(f.formId) ?? null,
      draft: drafts.get(`form:${f.formId}`)?.summary ?? null,
    });

  for (const draft of drafts.values()) {
    if (draft.kind === 'process' && !processes.has(draft.id))
      processes.set(draft.id, {
        processId: draft.id,
        name: draft.summary.name,
        agency: draft.agency,
        formIds: [],
        draft: draft.summary,
      });
    if (draft.kind === 'form' && !forms.has(draft.id))
      forms.set(draft.id, { formId: draft.id, agency: draft.agency, draft: draft.summary });
  }
  return { processes: [...processes.values()], forms: [...forms.values()] };
}

/** The principal's items matching the query, by id (the first text), and one page of them. */
function pick<T extends { agency: string | null }>(
  items: T[],
  principal: Principal,
  query: ModelQuery,
  texts: (item: T) => string[],
): Page<T> {
  const q = query.q?.toLowerCase();
  const chosen = items
    .filter(
      (i) => principal.role === 'admin' || (i.agency != null && i.agency === principal.agency),
    )
    .filter((i) => query.id === undefined || texts(i)[0] === query.id)
    .filter((i) => !q || texts(i).some((text) => text.toLowerCase().includes(q)))
    .sort((a, b) => texts(a)[0]!.localeCompare(texts(b)[0]!));
  return {
    items: chosen.slice(query.offset, query.offset + query.limit),
    total: chosen.length,
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
