import type { Queryable } from '@balcao/platform';
import { macaoDate } from '../sla/slaClock';

/**
 * The next application number of an agency in the Macao calendar year of `now`:
 * `<year>-<agency>-<seq>`, e.g. `2026-DSI-000123`. The counter row is locked by the upsert,
 * so concurrent submissions get distinct numbers and a rolled-back one leaves no gap.
 */
export async function nextApplicationNumber(
  tx: Queryable,
  agency: string,
  now: Date,
): Promise<string> {
  const year = Number(macaoDate(now).slice(0, 4));
  const { rows } = await tx.query<{ last_value: number }>(
    `insert into application_sequence (year, agency, last_value) values ($1, $2, 1)
     on conflict (year, agency) do update set last_value = application_sequence.last_value + 1
     returning last_value`,
    [year, agency],
  );
  const seq = rows[0]?.last_value ?? 1;
  return `${year}-${agency}-${String(seq).padStart(6, '0')}`;
}
