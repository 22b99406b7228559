/** Room names of the live hub: one per account, per candidate group, per application. */
export const liveRooms = {
  user: (accountId: string) => `user:${accountId}`,
  group: (group: string) => `group:${group}`,
  application: (applicationId: string) => `application:${applicationId}`,
} as const;
