import { RefreshToken } from '../auth/sessions/refresh/refresh-token.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Client } from '../clients/client.entity';
import { Identity } from '../users/identities/identity.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
  User,
  Client,
  Identity,
  RefreshToken,
  AuditEvent,
];
