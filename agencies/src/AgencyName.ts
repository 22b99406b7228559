import { z } from 'zod';

/** The stand-in agencies; each name is also the URL prefix it is served under. */
export const AgencyName = {
  CivilRegistry: 'civil-registry',
  Tax: 'tax',
  DocumentExchange: 'document-exchange',
  Payment: 'payment',
  Notification: 'notification',
} as const;

export type AgencyName = (typeof AgencyName)[keyof typeof AgencyName];

export const agencyNames: readonly AgencyName[] = Object.values(AgencyName);

export const agencyNameSchema = z.enum(agencyNames as [AgencyName, ...AgencyName[]]);
