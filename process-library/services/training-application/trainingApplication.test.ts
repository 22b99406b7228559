import { verifyDocument } from '@balcao/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendOnceAccepted } from '../../src/scenario/deliveryFailures';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'training-application';
let h: ScenarioHarness;

beforeAll(async () => {
  h = await ScenarioHarness.start();
});

afterAll(async () => {
  await h.close();
});

function application(caseRef: string) {
  return {
    caseRef,
    applicantAccount: 'staff-104233',
    language: 'en',
    employeeName: 'CHAN TAI MAN',
    employeeNumber: '104233',
    department: 'DSAJ',
    supervisorAccount: 'staff-100017',
    courseCode: 'FP-2026-031',
    courseTitle: 'Plain Portuguese in administrative writing',
    courseStart: '2027-01-11',
    courseEnd: '2027-01-22',
    hours: 30,
    justification: 'Drafts replies to the public in Portuguese',
  };
}

describe('P10 training application', () => {
  it('should have HR send the enrolment request again when SAFP refused it, then enrol', async () => {
    // given SAFP's mailbox refuses deliveries
    const caseRef = 'SAFP-TRN-0009';
    await h.setMailbox('SAFP', false, 'SAFP registry closed for maintenance');
    const key = await h.startApplication(processId, application(caseRef));
    await h.completeTask(key, 'supervisorApproval', { approvalDecision: 'approve' });
    await h.completeTask(key, 'headApproval', { approvalDecision: 'approve' });

    // when HR sends it again once the mailbox accepts, and SAFP enrols
    const failed = await resendOnceAccepted(h, key, 'SAFP');
    await h.completeTask(key, 'enrol', { enrolmentResult: 'full' });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.candidateGroups(failed)).toEqual(['department-hr']);
    expect((await h.t.finalVariables(key)).enrolmentLetter).toMatchObject({ status: 'DELIVERED' });
    expect(await h.letters({ caseRef })).toEqual([
      expect.objectContaining({ receiverDepartment: 'SAFP', status: 'DELIVERED' }),
    ]);
  });

  it('should pass both approvals, enrol at SAFP by letter and certify a trainee who attended', async () => {
    // given
    const caseRef = 'SAFP-TRN-0001';
    const key = await h.startApplication(processId, application(caseRef));

    // when
    await h.completeTask(key, 'supervisorApproval', { approvalDecision: 'approve' });
    await h.completeTask(key, 'headApproval', { approvalDecision: 'approve' });
    await h.completeTask(key, 'enrol', { enrolmentResult: 'enrolled' });
    await h.completeTask(key, 'recordAttendance', { attendancePercent: 95 });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Awaiting supervisor approval',
      'Awaiting authorisation by the head',
      'Sent to the department',
      'Enrolment at SAFP',
      'Attending the course',
      'Certificate issued',
    ]);
    const vars = await h.t.finalVariables(key);
    expect(vars.enrolmentLetter).toMatchObject({
      status: 'DELIVERED',
      evidence: { receiptId: expect.any(String) },
    });
    const code = (vars.certificate as { verificationCode: string }).verificationCode;
    expect((await verifyDocument(h.documents, code)).status).toBe('GENUINE');
    expect(h.inAppTemplates(caseRef)).toEqual(['training-certificate-issued@1']);
  });

  it('should tell the applicant when the supervisor does not approve', async () => {
    // given
    const caseRef = 'SAFP-TRN-0002';
    const key = await h.startApplication(processId, application(caseRef));

    // when
    await h.completeTask(key, 'supervisorApproval', {
      approvalDecision: 'reject',
      approvalComment: 'Not this quarter',
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endRejected:ELEMENT_COMPLETED');
    expect(h.inAppTemplates(caseRef)).toEqual(['training-application-rejected@1']);
  });

  it('should issue no certificate when attendance stays under 80%', async () => {
    // given
    const caseRef = 'SAFP-TRN-0003';
    const key = await h.startApplication(processId, application(caseRef));

    // when
    await h.completeTask(key, 'supervisorApproval', { approvalDecision: 'approve' });
    await h.completeTask(key, 'headApproval', { approvalDecision: 'approve' });
    await h.completeTask(key, 'enrol', { enrolmentResult: 'enrolled' });
    await h.completeTask(key, 'recordAttendance', { attendancePercent: 60 });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endNotCompleted:ELEMENT_COMPLETED');
    expect((await h.t.finalVariables(key)).certificate).toBeUndefined();
    expect(h.inAppTemplates(caseRef)).toEqual(['training-not-completed@1']);
  });
});
