import { Initial1763800000000 } from './1763800000000-Initial';

/** Every migration, in order. Listed explicitly so the compiled app and ts-jest load the same set. */
export const MIGRATIONS = [Initial1763800000000];
