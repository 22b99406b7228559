import type { Queryable } from '@balcao/platform';
import { Role, type Principal } from '../identity/Principal';
import type { ModelOwners } from '../modeling/ModelOwners';

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
    if (this.agencies.has(processId)) return this.agencies.get(processId)!;
    const sheet = await this.tx.query<{ agency: string | null }>(
      `select sheet->>'agency' as agency from catalogue_service where process_id = $1`,
      [processId],
    );
    const agency =
      sheet.rows[0]?.agency ?? (await this.owners.ownerOf(this.tx, 'process', processId)) ?? null;
    this.agencies.set(processId, agency);
    return agency;
  }

  async visible(processId: string): Promise<{ agency: string | null; visible: boolean }> {
    const agency = await this.agencyOf(processId);
    const visible =
      this.principal.role === Role.Admin || (agency !== null && agency === this.principal.agency);
    return { agency, visible };
  }
}
