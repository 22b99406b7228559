import { BalcaoError } from '@balcao/platform';

/** Why the engine refused a command; the gateway maps these to gRPC / HTTP statuses. */
export const RejectionType = {
  NotFound: 'NOT_FOUND',
  InvalidArgument: 'INVALID_ARGUMENT',
  InvalidState: 'INVALID_STATE',
  AlreadyExists: 'ALREADY_EXISTS',
  Exhausted: 'EXHAUSTED',
} as const;
export type RejectionType = (typeof RejectionType)[keyof typeof RejectionType];

/** A rejected command, with Zeebe's style of message: "Expected to …, but …". */
export class EngineRejection extends BalcaoError {
  constructor(
    readonly rejectionType: RejectionType,
    message: string,
  ) {
    super(`ENGINE_${rejectionType}`, message, { retryable: false });
    this.name = 'EngineRejection';
  }
}

export const reject = {
  notFound: (message: string) => new EngineRejection(RejectionType.NotFound, message),
  invalidArgument: (message: string) => new EngineRejection(RejectionType.InvalidArgument, message),
  invalidState: (message: string) => new EngineRejection(RejectionType.InvalidState, message),
  alreadyExists: (message: string) => new EngineRejection(RejectionType.AlreadyExists, message),
};
