import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { requestMeta } from '../audit/request-meta';
import { AllowSystemContext } from '../common/decorators/allow-system-context.decorator';
import { CurrentPrincipal } from '../common/decorators/current-principal.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Errors } from '../common/errors/api-error';
import { AcceptsNdjson, NDJSON, ndjsonBody, tooLarge } from '../common/http/ndjson-body';
import { actorId, Principal } from '../common/principal';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { importConfig, ImportConfig } from '../config/import.config';
import { UserImportService } from './import/user-import.service';

const BODY_EXAMPLE = [
  '{"email":"ada@example.com","username":"ada","passwordHash":"$2b$12$k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC","emailVerified":true}',
  '{"email":"bob@example.com","passwordHash":"pbkdf2_sha256$870000$Q7bCnM2kQ8xzV1Yp$G1lan+MeLzdtZaawPryR/jD9oDRMMyN1sa4h5ACzYLQ=","firstName":"Bob"}',
  '{"email":"not-an-email"}',
].join('\n');

const ANSWER_EXAMPLE = [
  '{"line":1,"status":"created","id":"1305540546436861952"}',
  '{"line":2,"status":"unchanged","id":"1305540546436861953"}',
  '{"line":3,"status":"error","error":{"statusCode":400,"code":"invalid_request","message":"Invalid request: email must be a valid e-mail address","fields":[{"field":"email","reason":"must be a valid e-mail address"}]}}',
  '{"summary":{"lines":3,"created":1,"updated":0,"unchanged":1,"errors":1,"complete":true,"passwordsMs":0,"databaseMs":4,"elapsedMs":6}}',
].join('\n');

@ApiTags('sync')
@Controller('api/users')
export class UsersImportController {
  constructor(
    private readonly importer: UserImportService,
    @Inject(importConfig.KEY) private readonly config: ImportConfig,
  ) {}

  @Post('import')
  @HttpCode(200)
  @AllowSystemContext()
  @Roles('admin')
  @AcceptsNdjson()
  @ApiBearerAuth()
  @ApiSecurity('x-user-ctx')
  @ApiOperation({
    summary: 'Create or update many users at once (NDJSON in, NDJSON out)',
    description:
      'One PUT /api/users body per line (`password` or `passwordHash`), up to IMPORT_MAX_BODY bytes. Each line is created, ' +
      'updated or left unchanged exactly as PUT /api/users would, in batches of IMPORT_BATCH_SIZE lines, each one ' +
      'transaction. The answer streams one result per line once its batch is committed, then a summary line. A bad ' +
      'line is that line\'s error and never stops the others. `npm run import` sends a file of any size this way.',
  })
  @ApiConsumes(NDJSON)
  @ApiBody({ schema: { type: 'string', example: BODY_EXAMPLE }, description: 'One JSON object per line' })
  @ApiProduces(NDJSON)
  @ApiOkResponse({ schema: { type: 'string', example: ANSWER_EXAMPLE }, description: 'One result per line, then `{"summary": …}`' })
  @ApiErrors(
    [400, 'Malformed x-user-ctx (a bad line is a result line, not a 400)'],
    [401, 'No credentials, or an invalid or expired token', Errors.unauthenticated()],
    [403, 'Not an admin, or x-user-ctx sent from an untrusted network', Errors.forbidden('The x-user-ctx header is not accepted from this network')],
    [413, 'Content-Length over IMPORT_MAX_BODY (a chunked body that grows past it ends with a summary saying so)', tooLarge(32 * 1024 * 1024)],
    [415, 'Not application/x-ndjson'],
  )
  upload(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentPrincipal() principal: Principal): FastifyReply {
    const body = ndjsonBody(request, this.config.maxBody);
    const answer = Readable.from(this.importer.run(body, actorId(principal), requestMeta(request)));
    return reply.status(200).type(`${NDJSON}; charset=utf-8`).send(answer);
  }
}
