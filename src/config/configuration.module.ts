import { DynamicModule, Module, ValueProvider } from '@nestjs/common';
import { AllConfig, NAMESPACES } from './load-config';

/** Injection token of the whole AllConfig (each namespace is also provided under its own `xxxConfig.KEY`). */
export const ALL_CONFIG = 'ALL_CONFIG';

/**
 * Provides one application's configuration, loaded once by loadConfig(): every namespace under its token, and the
 * whole object under ALL_CONFIG. Global, so a feature module injects `authConfig.KEY` without importing anything;
 * per application, so two apps in one process (the tests) each see their own.
 */
@Module({})
export class ConfigurationModule {
  static forRoot(config: AllConfig): DynamicModule {
    const providers: ValueProvider[] = [
      { provide: ALL_CONFIG, useValue: config },
      ...(Object.keys(NAMESPACES) as (keyof AllConfig)[]).map((name) => ({ provide: NAMESPACES[name].KEY, useValue: config[name] })),
    ];
    return { module: ConfigurationModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
