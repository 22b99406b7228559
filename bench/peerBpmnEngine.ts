import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import { closedLoop, type RunFigures } from './latency';
import type { Shape } from './shapes';

/**
 * The peer: bpmn-engine (MIT, in memory, nothing durable) runs the same shape with an
 * in-process service, with the same closed loop of clients as Balcão's run.
 */
export async function measureBpmnEngine(
  shape: Shape,
  instances: number,
  concurrency: number,
): Promise<RunFigures> {
  // Parsed once, as Balcão parses at deploy: the peer's fastest way to run many instances.
  const moddleContext = await new BpmnModdle().fromXML(shape.plain);
  let id = 0;
  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      const engine = new Engine({
        name: `${shape.id}-${id++}`,
        moddleContext,
        variables: { waived: false },
        services: {
          step: (_ctx: unknown, callback: (error: Error | null, result?: unknown) => void) =>
            setImmediate(() => callback(null, { ok: true })),
        },
      });
      engine.once('end', () => resolve());
      engine.once('error', reject);
      engine.execute().catch(reject);
    });
  await closedLoop(Math.min(50, instances), concurrency, runOne); // warm-up
  return closedLoop(instances, concurrency, runOne);
}
