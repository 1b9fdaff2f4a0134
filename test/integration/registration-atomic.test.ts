import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { trackChanges, type ChangeTracker } from '../support/db-changes';
import { asOwner } from '../support/owner';

// Issue 12, finding 5: "a failed request changes nothing". A registration writes the applicant and the dossier;
// when the dossier cannot be written, the applicant must not stay behind (the review found an orphan applicant
// row). The failure is made real inside PostgreSQL: a trigger refuses the dossier row.
let t: TestApp;
let changes: ChangeTracker;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-10T02:00:00Z') });
  cookie = await t.login('tn.tp');
  changes = await trackChanges(t);
  await asOwner(t.ownerUrl, `CREATE FUNCTION zz_refuse_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.applicant->>'address' = 'TỪ CHỐI' THEN RAISE EXCEPTION 'refused by test'; END IF;
      RETURN NEW;
    END $$`);
  await asOwner(t.ownerUrl, `CREATE TRIGGER zz_refuse_dossier BEFORE INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION zz_refuse_dossier()`);
});
afterAll(async () => t.close());

const APPLICANTS = {
  'a person (keyed by citizen ID)': { fullName: 'Phạm Văn Cường', idNumber: '046080009991', phone: '0905000222' },
  'an organization without a tax code (no key: a new record)': { kind: 'organization', fullName: 'Trần Văn Bình', orgName: 'Hợp tác xã Thủy Dương' },
};

describe('a registration that fails writes nothing', () => {
  for (const [name, a] of Object.entries(APPLICANTS)) {
    for (const backEntry of [false, true]) {
      it(`${name}${backEntry ? ', entered afterwards (back-entry)' : ''}`, async () => {
        const before = await changes.mark();
        const payload = {
          procedure: '2.000748', channel: 'direct', applicant: { ...a, address: 'TỪ CHỐI' },
          ...(backEntry ? { backEntry: { receivedAt: '2026-03-09T08:00:00+07:00', reason: 'Mất điện cả buổi sáng, nhập bù' } } : {}),
        };
        const r = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie }, payload });
        expect(r.statusCode).toBe(500); // the injected fault is a server error, and is reported as one
        expect(await changes.since(before)).toEqual([]);
      });
    }
  }

  it('the same registrations go through once the fault is gone', async () => {
    await asOwner(t.ownerUrl, 'DROP TRIGGER zz_refuse_dossier ON dossiers');
    for (const a of Object.values(APPLICANTS)) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie }, payload: { procedure: '2.000748', channel: 'direct', applicant: { ...a, address: 'Phú Bài' } } });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().applicant.fullName).toBe(a.fullName);
    }
  });
});
