/** Room names of the live hub: per account (by id and by login), group, agency and application. */
export const liveRooms = {
  user: (accountId: string) => `user:${accountId}`,
  /** Tasks name their assignee by login. */
  login: (login: string) => `login:${login}`,
  group: (group: string) => `group:${group}`,
  /** Supervisors follow every task of their agency. */
  agencyTasks: (agency: string) => `agency-tasks:${agency}`,
  application: (applicationId: string) => `application:${applicationId}`,
} as const;
