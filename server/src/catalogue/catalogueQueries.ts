import type { Queryable } from '@balcao/platform';
import type { ServiceSheet } from '@balcao/process-library';
import type { FormDefinition } from '@balcao/forms';

export interface CatalogueService {
  processId: string;
  version: number;
  sheet: ServiceSheet;
  startForm: FormDefinition | null;
}

interface Row {
  process_id: string;
  version: number;
  sheet: ServiceSheet;
  start_form: FormDefinition | null;
}

const toService = (r: Row): CatalogueService => ({
  processId: r.process_id,
  version: r.version,
  sheet: r.sheet,
  startForm: r.start_form,
});

export async function findService(
  db: Queryable,
  processId: string,
): Promise<CatalogueService | undefined> {
  const { rows } = await db.query<Row>(
    'select process_id, version, sheet, start_form from catalogue_service where process_id = $1',
    [processId],
  );
  return rows[0] ? toService(rows[0]) : undefined;
}

/** A service's name alone: timelines need it, not the start form (often tens of kilobytes). */
export async function findServiceName(
  db: Queryable,
  processId: string,
): Promise<ServiceSheet['name'] | undefined> {
  const { rows } = await db.query<{ name: ServiceSheet['name'] }>(
    `select sheet->'name' as name from catalogue_service where process_id = $1`,
    [processId],
  );
  return rows[0]?.name;
}

export interface CatalogueFilter {
  q?: string | undefined;
  category?: string | undefined;
  audience?: string | undefined;
  agency?: string | undefined;
  start?: string | undefined;
  limit: number;
  offset: number;
}

/** Services matching a free-text search in any of the three languages. */
export async function searchCatalogue(
  db: Queryable,
  filter: CatalogueFilter,
): Promise<{ items: CatalogueService[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (filter.q) {
    const like = param(`%${filter.q.toLowerCase()}%`);
    where.push(
      `(lower((sheet->'name')::text) like ${like} or lower((sheet->'description')::text) like ${like})`,
    );
  }
  if (filter.category) where.push(`sheet->>'category' = ${param(filter.category)}`);
  if (filter.audience) where.push(`sheet->>'audience' = ${param(filter.audience)}`);
  if (filter.agency) where.push(`sheet->>'agency' = ${param(filter.agency)}`);
  if (filter.start) where.push(`sheet->>'start' = ${param(filter.start)}`);
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  const total = await db.query<{ n: number }>(
    `select count(*)::int as n from catalogue_service ${clause}`,
    params,
  );
  const { rows } = await db.query<Row>(
    `select process_id, version, sheet, start_form from catalogue_service ${clause}
      order by sheet->>'agency', process_id limit ${param(filter.limit)} offset ${param(filter.offset)}`,
    params,
  );
  return { items: rows.map(toService), total: total.rows[0]?.n ?? 0 };
}
