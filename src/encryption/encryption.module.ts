import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { encryptionConfig } from '../config/encryption.config';
import { DataKeys } from './data-keys';

/** The keys that encrypt data at rest (DATA_ENCRYPTION_KEY), loaded or generated once at start. */
@Module({
  providers: [{ provide: DataKeys, inject: [encryptionConfig.KEY], useFactory: (config: ConfigType<typeof encryptionConfig>) => DataKeys.load(config) }],
  exports: [DataKeys],
})
export class EncryptionModule {}
