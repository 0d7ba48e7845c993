import { RefreshToken } from '../auth/refresh/refresh-token.entity';
import { Client } from '../clients/client.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
  User,
  Client,
  RefreshToken,
];
