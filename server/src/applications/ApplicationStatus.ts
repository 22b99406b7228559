/** The citizen-facing state of an application (PROCEDURES.md status vocabulary). */
export const ApplicationStatus = {
  /** Accepted by Balcão; the engine has not confirmed the process instance yet. */
  Starting: 'starting',
  Submitted: 'submitted',
  InProgress: 'in-progress',
  /** The citizen owes something (documents, payment, co-signature). */
  AwaitingCitizen: 'awaiting-citizen',
  Completed: 'completed',
  Withdrawn: 'withdrawn',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

export const closedStatuses: readonly ApplicationStatus[] = [
  ApplicationStatus.Completed,
  ApplicationStatus.Withdrawn,
];
