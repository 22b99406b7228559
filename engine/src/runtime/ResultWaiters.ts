import { BalcaoError } from '@balcao/platform';

export interface InstanceResult {
  processInstanceKey: number;
  state: 'COMPLETED' | 'TERMINATED';
  variables: Record<string, unknown>;
}

/** Callers of CreateProcessInstanceWithResult, waiting for their instance to end. */
export class ResultWaiters {
  private readonly waiting = new Map<number, (result: InstanceResult) => void>();

  wait(processInstanceKey: number, timeoutMs: number): Promise<InstanceResult> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(processInstanceKey);
        reject(
          BalcaoError.retryable(
            'ENGINE_RESULT_TIMEOUT',
            `Expected to complete process instance '${processInstanceKey}' within ${timeoutMs} ms, but it did not. The instance keeps running.`,
          ),
        );
      }, timeoutMs);
      this.waiting.set(processInstanceKey, (result) => {
        clearTimeout(timer);
        this.waiting.delete(processInstanceKey);
        resolve(result);
      });
    });
  }

  settle(result: InstanceResult): void {
    this.waiting.get(result.processInstanceKey)?.(result);
  }

  isWaiting(processInstanceKey: number): boolean {
    return this.waiting.has(processInstanceKey);
  }
}
