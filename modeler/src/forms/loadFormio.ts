import 'bootstrap/dist/css/bootstrap.min.css';
import '@formio/js/dist/formio.full.min.css';
import { Formio, Utils } from '@formio/js';

let ready = false;

/**
 * Form.io, set up once: its helpers (code editor, date picker, time zones) come from the
 * modeler's own folder, never a CDN, and templates are interpolated without `eval`.
 */
export function loadFormio(): typeof Formio {
  if (!ready) {
    Formio.cdn.setBaseUrl(`${location.origin}/modeler/formio-cdn`);
    Utils.Evaluator.noeval = true;
    ready = true;
  }
  return Formio;
}
