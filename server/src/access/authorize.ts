import { apiErrors } from '../api/apiErrors';
import type { Principal, Role } from '../identity/Principal';

/**
 * Authorization rules every route uses. Resources of other people answer 404 ("not found"),
 * never 403, so a refusal does not reveal that the resource exists.
 */

/** A citizen's own resource (application, document …); staff reach them through their rules. */
export function requireOwner(
  principal: Principal,
  resource: { ownerAccountId: string } | undefined,
  what: string,
): asserts resource is { ownerAccountId: string } {
  if (!resource || resource.ownerAccountId !== principal.accountId) throw apiErrors.notFound(what);
}

/**
 * A task a clerk may see and complete: one of their groups, or assigned to them. A supervisor
 * also oversees every task of their agency (to reassign it), whatever its groups.
 */
export function requireGroupTask(
  principal: Principal,
  task:
    | { candidateGroups: readonly string[]; assignee?: string | null; agency?: string | null }
    | undefined,
  what = 'The task',
): void {
  const staff = principal.role === 'clerk' || principal.role === 'supervisor';
  const allowed =
    staff &&
    task !== undefined &&
    (task.assignee === principal.login ||
      task.candidateGroups.some((group) => principal.groups.includes(group)) ||
      supervises(principal, task.agency));
  if (!allowed) throw apiErrors.notFound(what);
}

/** Assigning a task to someone: supervisors of the task's agency, and admins. */
export function requireAgencySupervisor<T extends { agency?: string | null }>(
  principal: Principal,
  task: T | undefined,
  what = 'The task',
): T {
  if (!task || (principal.role !== 'admin' && !supervises(principal, task.agency)))
    throw apiErrors.notFound(what);
  return task;
}

function supervises(principal: Principal, agency: string | null | undefined): boolean {
  return principal.role === 'supervisor' && agency != null && principal.agency === agency;
}

/** Deploying or changing an agency's processes: analysts of that agency, and admins. */
export function requireAgencyAnalyst(principal: Principal, agency: string): void {
  if (principal.role === 'admin') return;
  if (principal.role !== 'analyst' || principal.agency !== agency) {
    throw apiErrors.forbidden(`deploy processes for agency ${agency}`);
  }
}

export function requireRole(principal: Principal, ...roles: Role[]): void {
  if (!roles.includes(principal.role))
    throw apiErrors.forbidden('use this function with your role');
}

/** SQL-side filter for lists: the groups whose tasks this principal may list. */
export function visibleGroups(principal: Principal): readonly string[] {
  return principal.role === 'clerk' || principal.role === 'supervisor' ? principal.groups : [];
}
