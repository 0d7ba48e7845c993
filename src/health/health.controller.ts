import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/decorators/public.decorator';
import { Errors } from '../common/errors/api-error';
import { Metrics } from '../metrics/metrics';
import { Readiness } from './readiness';

/** How long the readiness probe waits for the database before calling it down. */
const DB_PING_TIMEOUT_MS = 2000;

/**
 * Probes for the orchestrator, public because it calls without credentials; they reveal nothing but up/down.
 * Liveness never touches the database: a database outage must not get healthy processes restarted in a loop.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly readiness: Readiness,
    private readonly metrics: Metrics,
  ) {}

  @Get('live')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers (200 while it runs)' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database answers (503 when it does not, or while the instance shuts down)' })
  async ready(): Promise<HealthCheckResult> {
    if (this.readiness.isDraining) {
      this.metrics.notReadyProbe('shutting_down');
      throw Errors.unavailable('not_ready', 'Not ready: shutting down');
    }
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: DB_PING_TIMEOUT_MS })]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      // Our error body (with the request id), naming what is down; the driver's message stays in the log.
      this.metrics.notReadyProbe('database');
      const down = Object.keys((e.getResponse() as { error?: Record<string, unknown> }).error ?? {});
      throw Errors.unavailable('not_ready', `Not ready: ${down.join(', ') || 'a dependency'} unreachable`);
    }
  }
}
