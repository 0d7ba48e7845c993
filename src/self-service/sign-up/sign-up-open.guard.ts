import { CanActivate, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Errors } from '../../common/errors/api-error';
import { selfServiceConfig } from '../../config/self-service.config';

/** 404 while SIGNUP_ENABLED is off (the default), before the body is read or the request counted. */
@Injectable()
export class SignUpOpenGuard implements CanActivate {
  constructor(@Inject(selfServiceConfig.KEY) private readonly config: ConfigType<typeof selfServiceConfig>) {}

  canActivate(): boolean {
    if (!this.config.signUp.enabled) throw Errors.signUpDisabled();
    return true;
  }
}
