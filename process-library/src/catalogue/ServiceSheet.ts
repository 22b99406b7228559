import { z } from 'zod';

const localizedText = z.object({
  'zh-Hant': z.string().min(1),
  pt: z.string().min(1),
  en: z.string().min(1),
});

export const ServiceAudience = {
  Citizen: 'citizen',
  Business: 'business',
  CivilServant: 'civil-servant',
} as const;

export const ServiceStart = {
  /** Citizens apply from the portal with the start form. */
  Portal: 'portal',
  /** A clerk opens the request from the inbox's "new request" page. */
  Clerk: 'clerk',
  /** Another system starts it with a message. */
  Message: 'message',
} as const;

export const ServiceChannel = {
  Online: 'online',
  Counter: 'counter',
  Kiosk: 'kiosk',
} as const;

/** `service.json`: what the catalogue shows about a procedure, in the three languages. */
export const serviceSheetSchema = z.object({
  /** The BPMN process id that starts an application. */
  processId: z.string().regex(/^[a-z][a-z0-9-]{2,63}$/),
  name: localizedText,
  description: localizedText,
  agency: z.string().min(2),
  category: z.string().min(2),
  audience: z.enum([
    ServiceAudience.Citizen,
    ServiceAudience.Business,
    ServiceAudience.CivilServant,
  ]),
  start: z.enum([ServiceStart.Portal, ServiceStart.Clerk, ServiceStart.Message]),
  startFormId: z.string().min(3).optional(),
  fees: z.array(
    z.object({
      item: localizedText,
      amountMop: z.number().nonnegative(),
      /** When the fee applies, e.g. urgent processing; absent = always. */
      condition: localizedText.optional(),
    }),
  ),
  requiredDocuments: z.array(localizedText),
  processingTime: z.object({
    /** The pledge, counted from the day after the file is complete. */
    workingDays: z.number().int().nonnegative(),
    urgentWorkingDays: z.number().int().nonnegative().optional(),
  }),
  channels: z
    .array(z.enum([ServiceChannel.Online, ServiceChannel.Counter, ServiceChannel.Kiosk]))
    .min(1),
  /** Days a document issued by this service stays valid. */
  validityDays: z.number().int().positive().optional(),
  /** Public sources the figures come from, and which ones are our own design choices. */
  sources: z.array(z.string()).default([]),
});

export type ServiceSheet = z.infer<typeof serviceSheetSchema>;
