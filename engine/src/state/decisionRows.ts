/** Rows of the decision tables (DMN), as the runtime sees them; see rows.ts for the conventions. */
export interface DecisionRequirementsRow {
  key: number;
  decisionRequirementsId: string;
  name: string | null;
  version: number;
  resourceKey: number;
  deploymentKey: number;
  checksum: string;
  /** The compiled decision requirements graph (CompiledDrg). */
  compiled: unknown;
  createdAt: string;
}

export interface DecisionRow {
  key: number;
  decisionId: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  decisionRequirementsKey: number;
  decisionRequirementsId: string;
  deploymentKey: number;
}
