import { Router } from 'express';
import { agencyNameSchema } from '../AgencyName';
import { parseInput } from '../http/parseInput';
import { requireApiKey } from '../http/requireApiKey';
import { faultSettingsSchema, type FaultController } from './FaultController';

/** `/admin/faults`: read and change fault injection at run time (needs `X-Admin-Key`). */
export function faultAdminRouter(faults: FaultController, adminKey: string): Router {
  const router = Router();
  router.use(
    requireApiKey({ header: 'X-Admin-Key', key: adminKey, who: 'the agencies admin API' }),
  );
  router.get('/faults', (_req, res) => {
    res.json({ faults: faults.list() });
  });
  router.put('/faults/:agency', (req, res) => {
    const agency = parseInput(agencyNameSchema, req.params.agency, 'params');
    const settings = parseInput(faultSettingsSchema, req.body ?? {}, 'body');
    res.json({ agency, faults: faults.set(agency, settings) });
  });
  router.delete('/faults/:agency', (req, res) => {
    const agency = parseInput(agencyNameSchema, req.params.agency, 'params');
    faults.clear(agency);
    res.json({ agency, faults: faults.get(agency) });
  });
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.json({ faults: faults.list() });
  });
  return router;
}
