import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/decorators/public.decorator';
import { Errors } from '../common/errors/api-error';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { ApiWithoutDatabase } from '../common/swagger/shared-answers';
import { Metrics } from '../metrics/metrics';
import { Readiness } from './readiness';

/** How long the readiness probe waits for the database before calling it down. */
const DB_PING_TIMEOUT_MS = 2000;

/** Terminus's answer, as documented here rather than by @HealthCheck(), whose 503 is not the body the filter sends. */
const ApiHealthAnswer = (details: object) =>
  ApiOkResponse({
    description: 'Up',
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', example: 'ok' },
        info: { type: 'object', example: details },
        error: { type: 'object', example: {} },
        details: { type: 'object', example: details },
      },
    },
  });
const NO_CACHE_NO_SWAGGER = { noCache: true, swaggerDocumentation: false };

/**
 * Probes for the orchestrator, public because it calls without credentials; they reveal nothing but up/down.
 * Liveness never touches the database: a database outage must not get healthy processes restarted in a loop.
 */
@ApiTags('health')
@ApiWithoutDatabase()
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
  @HealthCheck(NO_CACHE_NO_SWAGGER)
  @ApiOperation({ summary: 'Liveness: the process answers (200 while it runs)' })
  @ApiHealthAnswer({})
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @Public()
  @HealthCheck(NO_CACHE_NO_SWAGGER)
  @ApiOperation({ summary: 'Readiness: the database answers (503 when it does not, or while the instance shuts down)' })
  @ApiHealthAnswer({ database: { status: 'up' } })
  @ApiErrors([503, 'Not ready: the database does not answer within 2 s, or the instance is shutting down (not_ready)', Errors.unavailable('not_ready', 'Not ready: database unreachable')])
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
