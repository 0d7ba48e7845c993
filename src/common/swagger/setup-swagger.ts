import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponseDto } from './api-errors.decorator';
import { API_TAGS } from './api-tags';
import { documentSharedAnswers } from './shared-answers';

/** Where Swagger UI and the OpenAPI document are served (the route-coverage test leaves these out). */
export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs-json';

/** Swagger UI at /docs, the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  const builder = new DocumentBuilder()
    .setTitle('Gatehouse')
    .setDescription(
      'Authentication and user service: sign-in for SPAs, user sync for back-end services. ' +
        'Sign in with **POST /api/auth/login** (Try it out), then paste the `accessToken` into **Authorize → bearer**.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken from POST /api/auth/login' })
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'x-user-ctx',
        description:
          'Server to server only: base64 of {"id":"__system","user":"__system"}. Honoured only from TRUSTED_NETWORKS, ' +
          'never from a browser (a request with Origin or Sec-Fetch-* headers is refused, Swagger UI included), and never ' +
          'with an id made of digits (the shape of a user id). With SYSTEM_CONTEXT_SECRET set, the request must also carry ' +
          '`x-user-ctx-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<x-user-ctx value>" keyed with the secret>`, ' +
          'with t within 300 s of the server clock.',
      },
      'x-user-ctx',
    );
  for (const tag of API_TAGS) builder.addTag(tag.name, tag.description);
  const config = builder.build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto], autoTagControllers: false });
  documentSharedAnswers(document);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    customSiteTitle: 'Gatehouse API',
    swaggerOptions: { displayRequestDuration: true },
  });
}
