import type { Queryable } from '@balcao/platform';
import type { OpenCall, OpenCalls, ServiceSheet } from '@balcao/process-library';

/** Applications for a call are taken until its closing time (exclusive). */
export function isClosed(call: OpenCall, now: Date): boolean {
  return now.getTime() >= Date.parse(call.closesAt);
}

/** The process variable of a chosen call, its title in the application's language. */
export function openCallVariable(
  call: OpenCall,
  sheet: ServiceSheet,
  language: string,
): Record<string, string | number | boolean> {
  const title = call.title[language as keyof OpenCall['title']] ?? call.title.en;
  return {
    ...call.details,
    ref: call.ref,
    title,
    closesAt: call.closesAt,
    organiser: call.organiser ?? sheet.agency,
  };
}

export interface PublishedCall {
  processId: string;
  sheet: ServiceSheet & { openCalls: OpenCalls };
  call: OpenCall;
}

/** The catalogue service that published the call `ref`, with the call. */
export async function findPublishedCall(
  db: Queryable,
  ref: string,
): Promise<PublishedCall | undefined> {
  const { rows } = await db.query<{ process_id: string; sheet: PublishedCall['sheet'] }>(
    `select process_id, sheet from catalogue_service
      where sheet->'openCalls'->'calls' @> $1::jsonb`,
    [JSON.stringify([{ ref }])],
  );
  const row = rows[0];
  const call = row?.sheet.openCalls.calls.find((c) => c.ref === ref);
  return row && call ? { processId: row.process_id, sheet: row.sheet, call } : undefined;
}
