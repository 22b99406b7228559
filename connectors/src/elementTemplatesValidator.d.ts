// The validator ships no type declarations; this covers the one function the tests use.
declare module '@bpmn-io/element-templates-validator' {
  export function validateZeebe(template: unknown): {
    valid: boolean;
    errors?: unknown[];
    warnings?: unknown[];
  };
}
