import type { ScenarioHarness } from './ScenarioHarness';

/**
 * The root instance that holds `caseRef`: how a test finds an application that a message
 * (a hospital notification) started, since PublishMessage does not answer with the instance.
 */
export function instanceOfCase(h: ScenarioHarness, caseRef: string): Promise<number> {
  return h.waitFor(`an instance of case ${caseRef}`, async () => {
    const r = await h.t.db.query<{ key: string }>(
      `select p.key from engine_variable v join engine_process_instance p on p.key = v.scope_key
        where v.name = 'caseRef' and v.value = to_jsonb($1::text) and p.key = p.root_key`,
      [caseRef],
    );
    return r.rows[0] === undefined ? undefined : Number(r.rows[0].key);
  });
}
