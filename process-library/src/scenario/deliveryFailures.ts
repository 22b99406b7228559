import type { ScenarioHarness } from './ScenarioHarness';

/**
 * The clerk's answers to the "delivery failed" task (`resolveFailure`) of the shared
 * exchange block, once a receiver's mailbox at the stand-in exchange refused a letter.
 */

/** Opens the receiver's mailbox again and has the clerk send the same letter again; gives the task. */
export async function resendOnceAccepted(
  h: ScenarioHarness,
  rootKey: number,
  receiver: string,
): Promise<number> {
  const task = await h.waitForUserTask(rootKey, 'resolveFailure');
  await h.setMailbox(receiver, true);
  await h.t.engine.completeUserTask({ key: task, variables: { deliveryAction: 'resend' } });
  return task;
}

/** Has the clerk record that the letter went by other means (`hand`, `registeredPost`, …); gives the task. */
export function recordDeliveryByOtherMeans(
  h: ScenarioHarness,
  rootKey: number,
  method: string,
  reference: string,
): Promise<number> {
  return h.completeTask(rootKey, 'resolveFailure', {
    deliveryAction: 'otherMeans',
    deliveryMethod: method,
    deliveryReference: reference,
  });
}
