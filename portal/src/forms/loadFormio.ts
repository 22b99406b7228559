import 'bootstrap/dist/css/bootstrap.min.css';
import '@formio/js/dist/formio.form.min.css';
import { Formio as FormioModule, Utils } from '@formio/js';
import { formioMessages } from './formioMessages';

/** The part of Form.io's API the portal uses (its own typings do not resolve everywhere). */
export interface FormioApi {
  cdn: { setBaseUrl(url: string): void };
  createForm(element: HTMLElement, form: object, options: object): Promise<unknown>;
}

const Formio = FormioModule as unknown as FormioApi;
let ready = false;

/**
 * Form.io, set up once: its helpers (date picker, editors, time zones) come from our own
 * server, and form templates are interpolated without `eval` (our CSP forbids it).
 */
export function loadFormio(): FormioApi {
  if (!ready) {
    Formio.cdn.setBaseUrl(`${location.origin}/formio-cdn`);
    (Utils as unknown as { Evaluator: { noeval: boolean } }).Evaluator.noeval = true;
    ready = true;
  }
  return Formio;
}

export { formioMessages };
