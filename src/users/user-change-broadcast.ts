import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { redisConfig } from '../config/redis.config';
import { REDIS_CLIENT } from '../redis/redis.constants';
import { throttledWarning } from '../redis/throttled-warning';
import { RecentUsers } from './recent-users';
import { User } from './user.entity';

/** Marks a transaction that wrote the users table, so the news goes out once it has committed, not before. */
const USERS_WRITTEN = 'gatehouse:usersWritten';

/**
 * Tells the other instances, over Redis pub/sub, that a user row changed, so a lock, a deletion or a logout-all
 * made through one instance is refused by every other one within milliseconds instead of within USER_CACHE_TTL_MS
 * (RecentUsers). Any committed write to the users table is announced, and a receiving instance voids its whole
 * cache: the same rule RecentUsers applies to writes made through itself. A message carries only the sender's id,
 * never a user id. Only the user cache needs this: VerifiedTokenCache keeps what a signature proves, never the
 * user's state, which is read (through RecentUsers) on every request.
 *
 * Without Redis, or while it is unreachable (a message is then lost), USER_CACHE_TTL_MS still bounds how long
 * another instance may answer from an old row; each reconnection voids the cache, since messages may have been missed.
 */
@Injectable()
export class UserChangeBroadcast implements EntitySubscriberInterface<User>, OnModuleInit, OnApplicationShutdown {
  /** This instance: its own messages are skipped (its cache already knows). */
  private readonly id = randomUUID();
  private readonly channel: string;
  private readonly warn = throttledWarning(new Logger('UserChanges'));
  private subscriber: Redis | null = null;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    @Inject(redisConfig.KEY) config: ConfigType<typeof redisConfig>,
    private readonly recent: RecentUsers,
  ) {
    // ioredis does not prefix channels as it does keys.
    this.channel = `${config.keyPrefix}users:changed`;
    if (redis) dataSource.subscribers.push(this);
  }

  onModuleInit(): void {
    if (!this.redis) return;
    // A connection in subscriber mode can run no other command: a second one, with the shared client's options.
    const subscriber = this.redis.duplicate();
    subscriber.on('error', (e: Error) => this.warn(`Redis subscription lost (${e.message}); other instances' user changes are seen within USER_CACHE_TTL_MS until it is back`));
    subscriber.on('ready', () => {
      this.recent.voidAll();
      subscriber.subscribe(this.channel).catch((e: Error) => this.warn(`Redis subscribe failed (${e.message})`));
    });
    subscriber.on('message', (_channel: string, sender: string) => {
      if (sender !== this.id) this.recent.voidAll();
    });
    subscriber.connect().catch(() => undefined); // reported by the error event; ioredis keeps retrying
    this.subscriber = subscriber;
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  listenTo(): typeof User {
    return User;
  }

  afterInsert(event: { queryRunner: QueryRunner }): void {
    this.written(event.queryRunner);
  }

  afterUpdate(event: { queryRunner: QueryRunner }): void {
    this.written(event.queryRunner);
  }

  afterRemove(event: { queryRunner: QueryRunner }): void {
    this.written(event.queryRunner);
  }

  afterSoftRemove(event: { queryRunner: QueryRunner }): void {
    this.written(event.queryRunner);
  }

  afterRecover(event: { queryRunner: QueryRunner }): void {
    this.written(event.queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!event.queryRunner.data?.[USERS_WRITTEN]) return;
    delete event.queryRunner.data[USERS_WRITTEN];
    this.publish();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (event.queryRunner.data) delete event.queryRunner.data[USERS_WRITTEN];
  }

  /** Announced now when the write is already committed; at the commit when it is part of a transaction. */
  private written(queryRunner: QueryRunner | undefined): void {
    if (queryRunner?.isTransactionActive) queryRunner.data = { ...queryRunner.data, [USERS_WRITTEN]: true };
    else this.publish();
  }

  private publish(): void {
    this.redis?.publish(this.channel, this.id).catch((e: Error) => this.warn(`Redis publish failed (${e.message}); other instances see this user change within USER_CACHE_TTL_MS`));
  }
}
