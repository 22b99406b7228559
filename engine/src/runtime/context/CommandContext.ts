import type { Queryable } from '@balcao/platform';
import type { EngineEvent, ValueType } from '../../log/EngineEvent';
import { applyEvent } from '../../state/appliers/applyEvent';
import type { EngineState } from '../../state/EngineState';
import type { Clock } from './Clock';
import type { Definitions } from './Definitions';
import type { KeyGenerator } from './KeyGenerator';

/** Work to do once the command's transaction committed (wake workers, answer waiters). */
export type AfterCommit = () => void;

/**
 * Everything one command sees while it runs inside its transaction. `emit` is the only way
 * to change state: it appends the event and applies it at once.
 */
export class CommandContext {
  readonly events: EngineEvent[] = [];
  readonly afterCommit: AfterCommit[] = [];
  readonly createdJobTypes: string[] = [];
  private readonly timestamp: string;

  constructor(
    readonly tx: Queryable,
    readonly state: EngineState,
    readonly keys: KeyGenerator,
    readonly clock: Clock,
    readonly definitions: Definitions,
  ) {
    this.timestamp = new Date(clock.now()).toISOString();
  }

  /** The command's time: every event of one command carries the same timestamp. */
  now(): string {
    return this.timestamp;
  }

  nowMs(): number {
    return Date.parse(this.timestamp);
  }

  nextKey(): number {
    return this.keys.take();
  }

  emit(
    valueType: ValueType,
    intent: string,
    key: number,
    value: Record<string, unknown>,
    processInstanceKey?: number,
  ): EngineEvent {
    const event: EngineEvent = {
      key,
      valueType,
      intent,
      processInstanceKey,
      value,
      timestamp: this.timestamp,
    };
    applyEvent(this.state, event);
    this.events.push(event);
    return event;
  }

  onCommit(work: AfterCommit): void {
    this.afterCommit.push(work);
  }
}
