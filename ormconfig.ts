import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseConfig } from './src/config/database.config';
import { buildDataSourceOptions } from './src/database/typeorm-options';

/** The DataSource the TypeORM CLI uses (`npm run migration:run`), built from the same options as the app. */
export default new DataSource(buildDataSourceOptions(databaseConfig()));
