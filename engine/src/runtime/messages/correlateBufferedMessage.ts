import { ValueType } from '../../log/EngineEvent';
import type { MessageRow, MessageSubscriptionRow } from '../../state/rows';
import { rowFromJson, tables } from '../../state/tables';
import { triggerEvent } from '../events/triggerEvent';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { lockMessageKey } from './messageLock';

/**
 * A new subscription looks for a buffered message with its name and correlation key that has
 * not reached this BPMN process yet (a message correlates once per process id).
 */
export async function correlateBufferedMessage(
  life: Lifecycle,
  subscription: MessageSubscriptionRow,
): Promise<void> {
  const ctx = life.ctx;
  await lockMessageKey(ctx.tx, subscription.messageName, subscription.correlationKey);
  const found = await ctx.tx.query<{ row: Record<string, unknown> }>(
    `select to_json(m) as row from engine_message m
      where m.name = $1 and m.correlation_key = $2 and m.expires_at > $3
        and not exists (select 1 from engine_message_correlation c
                         where c.message_key = m.key and c.bpmn_process_id = $4)
      order by m.key limit 1`,
    [
      subscription.messageName,
      subscription.correlationKey,
      ctx.now(),
      subscription.record.bpmnProcessId,
    ],
  );
  const message = found.rows[0]
    ? rowFromJson<MessageRow>(tables.messages, found.rows[0].row)
    : undefined;
  if (!message) return;
  if (
    ctx.state.stores.messageCorrelations.has(`${message.key}|${subscription.record.bpmnProcessId}`)
  )
    return;
  correlateSubscription(life, subscription, message.key, message.record.variables, true);
}

/** Correlates one message to one subscription and triggers the waiting element. */
export function correlateSubscription(
  life: Lifecycle,
  subscription: MessageSubscriptionRow,
  messageKey: number,
  variables: Record<string, unknown>,
  buffered: boolean,
): void {
  const owner = life.instance(subscription.elementInstanceKey);
  if (!owner) return;
  life.ctx.emit(
    ValueType.MessageSubscription,
    'CORRELATED',
    subscription.key,
    {
      row: subscription,
      messageKey,
      bpmnProcessId: subscription.record.bpmnProcessId,
      buffered,
      // A non-interrupting boundary event keeps listening for further messages.
      closes: subscription.record.interrupting,
      variables,
    },
    subscription.processInstanceKey,
  );
  triggerEvent(life, owner, subscription.record.elementId, variables);
}
