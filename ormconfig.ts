import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/load-config';
import { buildDataSourceOptions } from './src/database/typeorm-options';

/**
 * The DataSource the TypeORM CLI uses (`npm run migration:run`), built from the same configuration (environment and
 * .env, validated) and the same options as the app.
 */
export default new DataSource(buildDataSourceOptions(loadConfig().database));
