import { describe, expect, it } from 'vitest';
import { ConnectorMetrics, JobResult } from './ConnectorMetrics';

describe('ConnectorMetrics', () => {
  it('should count outcomes and fill cumulative duration buckets per connector', () => {
    // given
    const metrics = new ConnectorMetrics();

    // when
    metrics.record('balcao:tax:1', JobResult.Completed, 40);
    metrics.record('balcao:tax:1', JobResult.Retried, 3_000);

    // then
    const tax = metrics.snapshot()['balcao:tax:1'];
    expect(tax?.jobs).toEqual({ completed: 1, bpmn_error: 0, retried: 1, incident: 0 });
    expect(tax?.durationMs).toMatchObject({ sum: 3_040, count: 2 });
    expect(tax?.durationMs.buckets).toMatchObject({
      '10': 0,
      '50': 1,
      '2500': 1,
      '5000': 2,
      '+Inf': 2,
    });
  });
});
