import { AuditEvent } from '../audit/audit-event.entity';
import { Client } from '../clients/client.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [User, Client, AuditEvent];
