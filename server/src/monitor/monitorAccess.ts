import type { Camunda8 } from '@camunda8/sdk';
import type { Queryable } from '@balcao/platform';
import { Role, type Principal } from '../identity/Principal';
import type { ModelOwners } from '../modeling/ModelOwners';

/** Process definitions read per engine search. */
const PAGE = 1000;

/**
 * Who may watch a process on the monitor: supervisors of its agency (its catalogue sheet, else
 * the model's owner — ADR 0012) and admins. Answers are cached for one request.
 */
export class MonitorAccess {
  private readonly agencies = new Map<string, string | null>();

  constructor(
    private readonly owners: ModelOwners,
    private readonly tx: Queryable,
    private readonly principal: Principal,
  ) {}

  async agencyOf(processId: string): Promise<string | null> {
    if (!this.agencies.has(processId)) await this.learnAgencies([processId]);
    return this.agencies.get(processId) ?? null;
  }

  async visible(processId: string): Promise<{ agency: string | null; visible: boolean }> {
    const agency = await this.agencyOf(processId);
    return { agency, visible: this.mayWatch(agency) };
  }

  /**
   * Every deployed process the principal may watch, so that monitor lists filter and page in
   * the engine's search instead of reading instances of every agency and dropping most.
   */
  async watchedProcessIds(camunda: Camunda8): Promise<string[]> {
    const ids = new Set<string>();
    for (let from = 0; ; from += PAGE) {
      const page = (await camunda.getCamundaRestClient().searchProcessDefinitions({
        filter: { isLatestVersion: true },
        page: { from, limit: PAGE },
      } as never)) as unknown as { items: { processDefinitionId: string }[] };
      for (const d of page.items) ids.add(d.processDefinitionId);
      if (page.items.length < PAGE) break;
    }
    await this.learnAgencies([...ids].filter((id) => !this.agencies.has(id)));
    return [...ids].filter((id) => this.mayWatch(this.agencies.get(id) ?? null)).sort();
  }

  private mayWatch(agency: string | null): boolean {
    return (
      this.principal.role === Role.Admin || (agency !== null && agency === this.principal.agency)
    );
  }

  /** The agencies of many processes in two queries: their sheets, else their owners. */
  private async learnAgencies(processIds: string[]): Promise<void> {
    if (processIds.length === 0) return;
    const sheets = await this.tx.query<{ process_id: string; agency: string | null }>(
      `select process_id, sheet->>'agency' as agency from catalogue_service
        where process_id = any($1)`,
      [processIds],
    );
    const fromSheet = new Map(sheets.rows.map((r) => [r.process_id, r.agency]));
    const unsheeted = processIds.filter((id) => !fromSheet.get(id));
    const owners = await this.owners.ownersOf(this.tx, 'process', unsheeted);
    for (const id of processIds) this.agencies.set(id, fromSheet.get(id) ?? owners.get(id) ?? null);
  }
}
