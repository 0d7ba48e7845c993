import { randomInt } from 'node:crypto';
import { Snowflake } from '@sapphire/snowflake';
import { customAlphabet } from 'nanoid';

/**
 * Time-ordered 64-bit ids (Twitter's epoch: every id minted from 2018 to 2079 has 19 digits, so string order is
 * time order). Worker and process bits are random per process so two instances do not mint the same id.
 */
const snowflake = new Snowflake(new Date('2010-11-04T01:42:54.657Z'));
const workerId = BigInt(randomInt(0, 32));
const processId = BigInt(randomInt(0, 32));

export function newUserId(): string {
  return snowflake.generate({ workerId, processId }).toString();
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** nanoid draws from crypto.getRandomValues with rejection sampling: 26 base62 characters ≈ 154 random bits. */
const base62 = customAlphabet(BASE62, 26);

/** The public, unguessable user id (`_guid`, the Orion `hash`). */
export function newUserGuid(): string {
  return `user_${base62()}`;
}
