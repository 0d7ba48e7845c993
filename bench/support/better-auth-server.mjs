// Better Auth as it ships (email and password, scrypt), for `npm run bench:peers`: copied into
// bench/.cache/peers next to its node_modules and started there, so its imports resolve from that folder. The
// rate limiter is off (as Gatehouse's login limits are raised in the bench): throughput is what is measured.
import { createServer } from 'node:http';
import pg from 'pg';
import { betterAuth } from 'better-auth';
import { toNodeHandler } from 'better-auth/node';
import { getMigrations } from 'better-auth/db/migration';

const port = Number(process.env.PORT);
const baseURL = `http://127.0.0.1:${port}`;
const auth = betterAuth({
  database: new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }),
  baseURL,
  secret: 'bench-secret-0123456789abcdef0123456789abcdef',
  trustedOrigins: [baseURL],
  emailAndPassword: { enabled: true },
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
});
const { runMigrations } = await getMigrations(auth.options);
await runMigrations();
createServer(toNodeHandler(auth)).listen(port, '127.0.0.1');
