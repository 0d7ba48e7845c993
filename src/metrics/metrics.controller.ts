import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/decorators/public.decorator';
import { Errors } from '../common/errors/api-error';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { appConfig } from '../config/app.config';
import { metricsConfig } from '../config/metrics.config';
import { MetricsAccess } from './metrics-access';
import { Metrics } from './metrics';
import { ApiWithoutDatabase } from '../common/swagger/shared-answers';

const EXAMPLE = '# HELP gatehouse_sign_ins_total Sign-ins by method and result\n# TYPE gatehouse_sign_ins_total counter\ngatehouse_sign_ins_total{method="password",result="succeeded",reason=""} 42\n';

/**
 * GET /metrics for Prometheus. Public to the authentication guard (Prometheus has no user token) and checked here
 * instead: a caller that is neither in the metrics networks nor holding the metrics token gets the very 404 of a
 * route that does not exist, so the endpoint does not even show that it is there.
 */
@ApiTags('operations')
@ApiWithoutDatabase()
@Controller('metrics')
export class MetricsController {
  private readonly access: MetricsAccess;

  constructor(
    private readonly metrics: Metrics,
    @Inject(appConfig.KEY) app: ConfigType<typeof appConfig>,
    @Inject(metricsConfig.KEY) config: ConfigType<typeof metricsConfig>,
  ) {
    this.access = new MetricsAccess({ networks: config.networks ?? app.trustedNetworks, token: config.token });
  }

  @Get()
  @Public()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics: to METRICS_NETWORKS (default TRUSTED_NETWORKS) or with Authorization: Bearer <METRICS_TOKEN>' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The Prometheus text format', content: { 'text/plain': { schema: { type: 'string', example: EXAMPLE } } } })
  @ApiErrors([404, 'Anyone outside the metrics networks without the metrics token (the same answer as an unknown route)', Errors.notFound('Cannot GET /metrics')])
  async scrape(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!this.access.allows(request)) throw Errors.notFound(`Cannot GET ${request.url.split('?')[0]}`);
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.text();
  }
}
