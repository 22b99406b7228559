import type { Queryable } from '@balcao/platform';
import type { SubmissionError } from '@balcao/forms';
import type { ServiceSheet } from '@balcao/process-library';
import { formValidationFailed } from '../api/formValidationFailed';
import type { Principal } from '../identity/Principal';
import { isClosed, openCallVariable } from './openCalls';
import { macaoDate, startFieldError } from './startFieldErrors';

export interface StartContext {
  applicant: Pick<Principal, 'login'>;
  language: string;
  now: Date;
}

/**
 * Variables a procedure needs beside its start form that only the server can give, as its
 * service sheet declares them: the portal account of a person the form names by ID number
 * (the spouse who co-signs), the open call chosen (exam notice, consultation). Refuses the
 * application with field errors (400) when the person has no account or the call is unknown
 * or closed. Decided once, at submission: they are stored with the form data.
 */
export async function resolveStartVariables(
  db: Queryable,
  sheet: ServiceSheet,
  data: Record<string, unknown>,
  ctx: StartContext,
): Promise<Record<string, unknown>> {
  const variables: Record<string, unknown> = {};
  const errors: SubmissionError[] = [];
  for (const person of sheet.portalPersons ?? []) {
    const idNumber = data[person.idNumberField];
    if (typeof idNumber !== 'string') continue; // the form makes it required, or it is optional
    const login = await citizenLoginOf(db, idNumber);
    const path = person.idNumberField;
    if (login === undefined)
      errors.push(startFieldError(path, 'portalAccountMissing', ctx.language));
    else if (login === ctx.applicant.login)
      errors.push(startFieldError(path, 'portalAccountOwn', ctx.language));
    else variables[person.accountVariable] = login;
  }
  if (sheet.openCalls) {
    const { field, variable, calls } = sheet.openCalls;
    const call = calls.find((c) => c.ref === data[field]);
    if (!call) errors.push(startFieldError(field, 'callUnknown', ctx.language));
    else if (isClosed(call, ctx.now))
      errors.push(
        startFieldError(field, 'callClosed', ctx.language, {
          title: String(openCallVariable(call, sheet, ctx.language).title),
          date: macaoDate(new Date(call.closesAt), ctx.language),
        }),
      );
    else variables[variable] = openCallVariable(call, sheet, ctx.language);
  }
  if (errors.length > 0) throw formValidationFailed(errors);
  return variables;
}

/** The citizen account of an ID number, compared without brackets: 1234567(8) = 12345678. */
async function citizenLoginOf(db: Queryable, idNumber: string): Promise<string | undefined> {
  const { rows } = await db.query<{ login: string }>(
    `select login from account
      where role = 'citizen'
        and upper(regexp_replace(person_document, '[^0-9A-Za-z]', '', 'g')) = $1
      order by created_at limit 1`,
    [idNumber.replace(/[^0-9A-Za-z]/g, '').toUpperCase()],
  );
  return rows[0]?.login;
}
