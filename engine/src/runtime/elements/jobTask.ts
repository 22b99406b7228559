import type { JobDefinition } from '../../model/CompiledProcess';
import { cancelJobsOf, createJob, prepareJob, type PreparedJob } from '../jobs/jobBehaviour';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';

type JobElement = Parameters<NonNullable<ElementBehaviour['prepare']>>[1] & { job?: JobDefinition };

/**
 * Service, send, business-rule and script tasks with a task definition (and message throw
 * and end events): the element waits for a worker to complete its job.
 */
export const jobTask: ElementBehaviour<JobElement> = {
  prepare: (life, element, instance) => prepareJob(life, instance, element.job!),
  activated(life, _element, instance, data) {
    createJob(life, instance, data as PreparedJob);
  },
  terminating: (life, _element, instance) => cancelJobsOf(life, instance),
};
