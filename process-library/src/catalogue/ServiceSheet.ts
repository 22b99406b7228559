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

const fieldKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);

/**
 * A person the start form names by ID number who must act in the portal (e.g. co-sign): the
 * server sets `accountVariable` to the holder's portal account, or refuses the application.
 */
export const portalPersonSchema = z.object({
  idNumberField: fieldKey,
  accountVariable: fieldKey,
});

const callKeys = new Set(['ref', 'title', 'closesAt', 'organiser']);

/** An exam notice, a public consultation …: applications are open for it until `closesAt`. */
export const openCallSchema = z
  .object({
    ref: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/),
    title: localizedText,
    /** When applications close: ISO date-time with offset (Macao: +08:00). */
    closesAt: z.iso.datetime({ offset: true }),
    /** The agency that runs it, when not the service's own (a consultation's organiser). */
    organiser: z.string().min(2).optional(),
    /** More data the procedure reads from the chosen call, e.g. `examDate`. */
    details: z.record(fieldKey, z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .refine((call) => !Object.keys(call.details).some((k) => callKeys.has(k)), {
    message: 'details may not repeat ref, title, closesAt or organiser',
    path: ['details'],
  });

/**
 * The calls an agency has published for this service. The start form's `field` (a select
 * listing every call's `ref`) picks one; the server refuses an unknown or closed call and sets
 * `variable` to `{ ref, title (in the application's language), closesAt, organiser, ...details }`.
 */
export const openCallsSchema = z.object({
  field: fieldKey,
  variable: fieldKey,
  /** Message the organiser's report of a closed call sends to each open application. */
  reportMessage: z.string().min(1).optional(),
  calls: z
    .array(openCallSchema)
    .min(1)
    .refine((calls) => new Set(calls.map((c) => c.ref)).size === calls.length, {
      message: 'each call needs its own ref',
    }),
});

/**
 * A message the agency's staff send to an application waiting at `waitingAt` (an event-based
 * gateway or a message catch event), e.g. "the debts are settled".
 */
export const staffMessageSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]{2,63}$/),
  waitingAt: z.string().min(1),
  label: localizedText,
});

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
  /** People named in the start form who must have a portal account (e.g. the spouse). */
  portalPersons: z.array(portalPersonSchema).optional(),
  openCalls: openCallsSchema.optional(),
  staffMessages: z.array(staffMessageSchema).optional(),
  /** Public sources the figures come from, and which ones are our own design choices. */
  sources: z.array(z.string()).default([]),
});

export type ServiceSheet = z.infer<typeof serviceSheetSchema>;
export type OpenCall = z.infer<typeof openCallSchema>;
export type OpenCalls = z.infer<typeof openCallsSchema>;
