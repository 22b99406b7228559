import type { Queryable } from '@balcao/platform';
import { ValueType } from '../../log/EngineEvent';
import type { MessageRow } from '../../state/rows';
import { loadRows } from '../../state/loadInstanceState';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { correlateSubscription } from '../messages/correlateBufferedMessage';
import { reject } from './EngineRejection';
import { startProcessInstance } from './startProcessInstance';
import { lockMessageKey } from '../messages/messageLock';

export interface PublishMessageInput {
  name: string;
  correlationKey: string;
  timeToLive: number;
  messageId: string;
  variables: Record<string, unknown>;
}

/** The instance trees with an open subscription for this message (locked by the command). */
export async function rootsSubscribedTo(
  tx: Queryable,
  name: string,
  correlationKey: string,
): Promise<number[]> {
  await lockMessageKey(tx, name, correlationKey);
  const result = await tx.query<{ root_key: number }>(
    `select distinct p.root_key from engine_message_subscription s
       join engine_process_instance p on p.key = s.process_instance_key
      where s.message_name = $1 and s.correlation_key = $2`,
    [name, correlationKey],
  );
  return result.rows.map((r) => r.root_key);
}

/**
 * Publishes a message: it correlates to at most one open subscription per BPMN process id,
 * starts processes whose message start event it matches, and stays buffered for its TTL.
 */
export async function publishMessage(
  life: Lifecycle,
  input: PublishMessageInput,
): Promise<{ key: number }> {
  const ctx = life.ctx;
  if (input.messageId) {
    const duplicate = await ctx.tx.query(
      'select 1 from engine_message where name = $1 and message_id = $2 and expires_at > $3',
      [input.name, input.messageId, ctx.now()],
    );
    if (duplicate.rowCount > 0) {
      throw reject.alreadyExists(
        `Expected to publish a new message with id '${input.messageId}', but a message with that id was already published.`,
      );
    }
  }
  const row: MessageRow = {
    key: ctx.nextKey(),
    name: input.name,
    correlationKey: input.correlationKey,
    messageId: input.messageId || null,
    expiresAt: new Date(ctx.nowMs() + input.timeToLive).toISOString(),
    record: { variables: input.variables, timeToLive: input.timeToLive },
  };
  const buffered = input.timeToLive > 0;
  ctx.emit(ValueType.Message, 'PUBLISHED', row.key, { row, buffered });

  const reached = new Set<string>();
  const subscriptions = ctx.state.messageSubscriptions
    .filter((s) => s.messageName === input.name && s.correlationKey === input.correlationKey)
    .sort((a, b) => a.key - b.key);
  for (const subscription of subscriptions) {
    if (reached.has(subscription.record.bpmnProcessId)) continue;
    reached.add(subscription.record.bpmnProcessId);
    correlateSubscription(life, subscription, row.key, input.variables, buffered);
  }
  await startByMessage(life, row, buffered, reached);
  return { key: row.key };
}

async function startByMessage(
  life: Lifecycle,
  message: MessageRow,
  buffered: boolean,
  reached: Set<string>,
): Promise<void> {
  const ctx = life.ctx;
  const starts = await ctx.tx.query<{
    process_key: number;
    bpmn_process_id: string;
    element_id: string;
  }>(
    'select process_key, bpmn_process_id, element_id from engine_message_start_subscription where message_name = $1 order by process_key',
    [message.name],
  );
  for (const start of starts.rows) {
    if (reached.has(start.bpmn_process_id)) continue;
    if (message.correlationKey !== '') {
      // One active instance per process and correlation key.
      const locked = await ctx.tx.query(
        'select 1 from engine_message_start_lock where bpmn_process_id = $1 and correlation_key = $2',
        [start.bpmn_process_id, message.correlationKey],
      );
      if (locked.rowCount > 0) continue;
    }
    reached.add(start.bpmn_process_id);
    const definition = (await ctx.definitions.get(ctx.tx, start.process_key))!;
    const instanceKey = startProcessInstance(life, definition, {
      startElementId: start.element_id,
      variables: message.record.variables,
      ...(message.correlationKey !== ''
        ? {
            startLock: {
              bpmnProcessId: start.bpmn_process_id,
              correlationKey: message.correlationKey,
            },
          }
        : {}),
    });
    ctx.emit(
      ValueType.MessageStartEventSubscription,
      'CORRELATED',
      message.key,
      {
        messageKey: message.key,
        bpmnProcessId: start.bpmn_process_id,
        buffered,
        correlationKey: message.correlationKey,
        processInstanceKey: instanceKey,
      },
      instanceKey,
    );
  }
}

/** Scheduler: a buffered message whose TTL ran out is dropped. */
export async function expireMessage(life: Lifecycle, messageKey: number): Promise<void> {
  const ctx = life.ctx;
  await loadRows(
    ctx.tx,
    ctx.state,
    'messages',
    'key = $1 and expires_at <= $2',
    [messageKey, ctx.now()],
    true,
  );
  const message = ctx.state.messages.get(messageKey);
  if (!message) return;
  const correlated = await ctx.tx.query<{ bpmn_process_id: string }>(
    'select bpmn_process_id from engine_message_correlation where message_key = $1',
    [messageKey],
  );
  ctx.emit(ValueType.Message, 'EXPIRED', message.key, {
    row: message,
    correlatedProcessIds: correlated.rows.map((r) => r.bpmn_process_id),
  });
}
