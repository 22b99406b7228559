import type { DiagramMarks } from './monitorTypes';

/** The diagram's marks in the order of the legend, each with the symbol of its badge. */
export const MARKS: readonly { key: keyof DiagramMarks; symbol: string }[] = [
  { key: 'failed', symbol: '!' },
  { key: 'active', symbol: '▶' },
  { key: 'completed', symbol: '✓' },
  { key: 'terminated', symbol: '✕' },
];
