import {
  validateSubmission,
  type FormDefinition,
  type ValidateSubmissionOptions,
} from '@balcao/forms';

/**
 * The field paths `form` refuses each sample for, sample by sample in the order given, and
 * paths in the order the validator reports them; `[]` for a sample the form accepts.
 */
export async function refusedPaths(
  form: FormDefinition,
  samples: unknown[],
  options: ValidateSubmissionOptions = {},
): Promise<string[][]> {
  const paths: string[][] = [];
  for (const sample of samples) {
    const result = await validateSubmission(form, sample, options);
    paths.push(result.ok ? [] : result.errors.map((e) => e.path));
  }
  return paths;
}
