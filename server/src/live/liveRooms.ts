/** Room names of the live hub: one per account (by id and by login), group and application. */
export const liveRooms = {
  user: (accountId: string) => `user:${accountId}`,
  /** Tasks name their assignee by login. */
  login: (login: string) => `login:${login}`,
  group: (group: string) => `group:${group}`,
  application: (applicationId: string) => `application:${applicationId}`,
} as const;
