import type { ParallelGateway } from '../../model/CompiledProcess';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';

/** Forks into every outgoing flow; the join waits in lifecycle/joins. The default hooks do both. */
export const parallelGateway: ElementBehaviour<ParallelGateway> = {};
