import { z } from 'zod';
import type { HolidayCalendar } from '../sla/HolidayCalendar';
import { slaStatus } from '../sla/slaClock';
import type { ApplicationRow, DocumentRow, MilestoneRow } from './applicationQueries';
import { closedStatuses } from './ApplicationStatus';

const text3 = z.record(z.string(), z.string());

export const slaSchema = z.object({
  state: z.enum(['on-track', 'warning', 'breached', 'paused', 'closed']),
  dueDate: z.string().nullable(),
  elapsedWorkingDays: z.number(),
  pledgeWorkingDays: z.number().nullable(),
});

export const applicationSummarySchema = z.object({
  number: z.string(),
  processId: z.string(),
  service: z.object({ name: text3 }).nullable(),
  agency: z.string(),
  currentAgency: z.string(),
  status: z.string(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  expectedBy: z.string().nullable(),
  sla: slaSchema,
  owedCount: z.number().int(),
});

export const milestoneSchema = z.object({
  id: z.string(),
  label: text3,
  agency: z.string().nullable(),
  state: z.enum(['done', 'active']),
  owedByCitizen: z.boolean(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
});

export const issuedDocumentSchema = z.object({
  verificationCode: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedAt: z.string(),
  validUntil: z.string().nullable(),
  downloadUrl: z.string(),
  verifyUrl: z.string(),
});

export const owedSchema = z.object({
  taskId: z.string(),
  kind: z.string(),
  label: text3,
  formId: z.string().nullable(),
  /** Where to act outside Balcão (the payment page); tasks are done in the portal. */
  actionUrl: z.string().nullable(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
});

export const applicationDetailSchema = applicationSummarySchema.extend({
  data: z.record(z.string(), z.unknown()),
  timeline: z.array(milestoneSchema),
  documents: z.array(issuedDocumentSchema),
  owed: z.array(owedSchema),
  withdrawReason: z.string().nullable(),
});

export interface OwedTask {
  task_key: string;
  element_id: string;
  name: string;
  form_id: string | null;
  headers: Record<string, string>;
  created_at: Date;
  due_at: Date | null;
}

export interface PresentContext {
  serviceName: Record<string, string> | undefined;
  milestones: readonly MilestoneRow[];
  owedCount: number;
  holidays: HolidayCalendar;
  now: Date;
}

export function presentSummary(
  row: ApplicationRow,
  ctx: PresentContext,
): z.infer<typeof applicationSummarySchema> {
  const sla = slaOf(row, ctx);
  return {
    number: row.number,
    processId: row.process_id,
    service: ctx.serviceName ? { name: ctx.serviceName } : null,
    agency: row.agency,
    currentAgency: row.current_agency,
    status: row.status,
    submittedAt: iso(row.submitted_at),
    updatedAt: iso(row.updated_at),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    expectedBy: sla.dueDate,
    sla,
    owedCount: ctx.owedCount,
  };
}

export function presentDetail(
  row: ApplicationRow,
  ctx: PresentContext & { documents: readonly DocumentRow[]; owed: readonly OwedTask[] },
): z.infer<typeof applicationDetailSchema> {
  return {
    ...presentSummary(row, ctx),
    data: row.data,
    timeline: ctx.milestones.map((m) => ({
      id: m.source_key,
      label: m.label,
      agency: m.agency,
      state: m.completed_at ? 'done' : 'active',
      owedByCitizen: m.owed_by_citizen,
      startedAt: iso(m.started_at),
      completedAt: m.completed_at ? iso(m.completed_at) : null,
    })),
    documents: ctx.documents.map((d) => ({
      verificationCode: d.verification_code,
      title: d.record.title,
      issuer: d.record.issuer,
      issuedAt: iso(d.issued_at),
      validUntil: d.record.validUntil,
      downloadUrl: `/api/applications/${row.number}/documents/${d.verification_code}`,
      verifyUrl: `/verify?code=${encodeURIComponent(d.verification_code)}`,
    })),
    owed: [
      ...ctx.owed.map((t) => ({
        taskId: t.task_key,
        kind: owedKind(t.headers),
        label: milestoneLabel(t.headers) ?? { 'zh-Hant': t.name, pt: t.name, en: t.name },
        formId: t.form_id,
        actionUrl: null,
        createdAt: iso(t.created_at),
        dueAt: t.due_at ? iso(t.due_at) : null,
      })),
      ...ctx.milestones
        .filter((m) => m.action_url && !m.completed_at)
        .map((m) => ({
          taskId: m.source_key,
          kind: 'payment',
          label: m.label,
          formId: null,
          actionUrl: m.action_url,
          createdAt: iso(m.started_at),
          dueAt: null,
        })),
    ],
    withdrawReason: row.withdraw_reason,
  };
}

/** `balcao:milestone:<lang>` headers as one label, or undefined when the task has none. */
export function milestoneLabel(
  headers: Readonly<Record<string, unknown>>,
): Record<string, string> | undefined {
  const label: Record<string, string> = {};
  for (const lang of ['zh-Hant', 'pt', 'en']) {
    const value = headers[`balcao:milestone:${lang}`];
    if (typeof value === 'string' && value) label[lang] = value;
  }
  return Object.keys(label).length > 0 ? label : undefined;
}

/** What the citizen is asked to do: `balcao:owed` header, else a generic task. */
function owedKind(headers: Record<string, string>): string {
  return headers['balcao:owed'] ?? 'task';
}

/**
 * The pledge clock: counted from the submission (the file is complete when the form
 * validates; a request for more information suspends it until answered).
 */
function slaOf(row: ApplicationRow, ctx: PresentContext): z.infer<typeof slaSchema> {
  if (row.pledge_working_days === null || closedStatuses.includes(row.status as never)) {
    return {
      state: 'closed',
      dueDate: null,
      elapsedWorkingDays: 0,
      pledgeWorkingDays: row.pledge_working_days,
    };
  }
  const status = slaStatus({
    completeAt: row.submitted_at,
    pledgeWorkingDays: row.pledge_working_days,
    suspensions: ctx.milestones
      .filter((m) => m.owed_by_citizen)
      .map((m) => ({ from: m.started_at, to: m.completed_at ?? undefined })),
    now: ctx.now,
    holidays: ctx.holidays,
  });
  return {
    state: status.state,
    dueDate: status.dueDate ?? null,
    elapsedWorkingDays: status.elapsedWorkingDays,
    pledgeWorkingDays: row.pledge_working_days,
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();
