import { MilestonePropertiesProvider } from './MilestonePropertiesProvider';

export type { MilestoneTexts } from './MilestonePropertiesProvider';

/** The "citizen milestone" group of the properties panel (ADR 0004). */
export const milestoneModule = {
  __init__: ['balcaoMilestoneProvider'],
  balcaoMilestoneProvider: ['type', MilestonePropertiesProvider],
};
