import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Letter } from '../document-exchange/Letter';
import { startAgencies } from '../startAgencies';
import { callAgency } from '../testing/callAgency';

describe('persistence with dataDir', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('should keep letters, idempotency records and the access log across a restart', async () => {
    // given
    const dataDir = mkdtempSync(join(tmpdir(), 'agencies-'));
    dirs.push(dataDir);
    const before = await startAgencies({ dataDir });
    const letter = {
      senderDepartment: 'DSF',
      receiverDepartment: 'DSAJ',
      fileReference: 'DSF/1',
      number: '1/DSF/2025',
      date: '2025-04-02',
      signer: 'Director LEI',
      subject: 'Tax clearance',
    };
    const created = await callAgency<Letter>(before, 'document-exchange', '/letters', {
      body: letter,
      headers: { 'Idempotency-Key': 'letter-1' },
    });
    await callAgency(
      before,
      'civil-registry',
      '/persons/lookup?documentNumber=12345678&purpose=p&caseNumber=C-P',
      {
        headers: { 'X-Requester': 'persist-test' },
      },
    );
    await before.close();

    // when
    const after = await startAgencies({ dataDir });
    const found = await callAgency<Letter>(
      after,
      'document-exchange',
      `/letters/${created.body.id}`,
    );
    const replay = await callAgency<Letter>(after, 'document-exchange', '/letters', {
      body: letter,
      headers: { 'Idempotency-Key': 'letter-1' },
    });
    const log = await callAgency<{ entries: unknown[] }>(
      after,
      'civil-registry',
      '/access-log?caseNumber=C-P',
    );
    await after.close();

    // then
    expect(found.status).toBe(200);
    expect(found.body).toEqual(created.body);
    expect(replay.body.id).toBe(created.body.id);
    expect(log.body.entries).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual(['agencies-state.json']);
  });

  it('should start empty from a fresh directory and refuse a foreign state file', async () => {
    // given
    const dataDir = mkdtempSync(join(tmpdir(), 'agencies-'));
    dirs.push(dataDir);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, 'agencies-state.json'), '{"hello":1}');

    // when
    const attempt = startAgencies({ dataDir });

    // then
    await expect(attempt).rejects.toMatchObject({ code: 'AGENCIES_STATE_INVALID' });
  });
});
