import { Logger } from '@nestjs/common';
import { Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';

function serviceWith(insert: (row: AuditEvent) => Promise<unknown>): AuditService {
  return new AuditService({ insert } as unknown as Repository<AuditEvent>);
}

describe('AuditService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes one row per event, truncating the user agent, and flush waits for it', async () => {
    const rows: AuditEvent[] = [];
    const audit = serviceWith(async (row) => rows.push(row));
    audit.record({ type: 'login.succeeded', subjectId: '42', ip: '203.0.113.7', userAgent: 'u'.repeat(1000), details: { method: 'password' } });
    await audit.flush();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'login.succeeded', subjectId: '42', actorId: null, clientId: null, ip: '203.0.113.7', details: { method: 'password' } });
    expect(rows[0].userAgent).toHaveLength(256);
    expect(rows[0].id).toMatch(/^\d{19}$/);
  });

  it('never throws and never rejects when the database write fails: it logs and carries on', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const audit = serviceWith(() => Promise.reject(new Error('connection refused')));
    expect(() => audit.record({ type: 'login.failed' })).not.toThrow();
    await expect(audit.flush()).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('connection refused'));
  });

  it('refuses oversized details without failing the caller', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const insert = jest.fn(async () => undefined);
    const audit = serviceWith(insert);
    expect(() => audit.record({ type: 'user.updated', details: { blob: 'x'.repeat(5000) } })).not.toThrow();
    await audit.flush();
    expect(insert).not.toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('details too large'));
  });
});
