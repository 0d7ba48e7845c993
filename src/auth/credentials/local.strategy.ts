import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { RequestMeta } from '../../audit/request-meta';
import { runStrategy } from '../../common/passport/run-strategy';
import { User } from '../../users/user.entity';
import { PasswordCheck } from './password-check.service';

/** What the flow hands passport-local: the two fields, where the request came from, and its device credentials. */
interface PasswordInput {
  body: { username: string; password: string };
  meta: RequestMeta;
  deviceTokens: readonly string[];
}

/**
 * The password credential through passport-local: it reads the two fields and calls `validate`, which asks
 * PasswordCheck. Every password route (POST /api/auth/login `type: "password"`, the Orion POST /users/login) comes
 * here through SignInFlow, whatever its body looked like.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly passwords: PasswordCheck) {
    super({ usernameField: 'username', passwordField: 'password', session: false, passReqToCallback: true });
  }

  check(emailOrUsername: string, password: string, meta: RequestMeta, deviceTokens: readonly string[]): Promise<User> {
    const input: PasswordInput = { body: { username: emailOrUsername, password }, meta, deviceTokens };
    return runStrategy<User>(this, input);
  }

  validate(input: PasswordInput, emailOrUsername: string, password: string): Promise<User> {
    return this.passwords.check(emailOrUsername, password, input.meta, input.deviceTokens);
  }
}
