import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiError, Errors } from '../../common/errors/api-error';
import { matchingForm } from '../../passwords/password-forms';
import { PasswordHasher } from '../../passwords/password-hasher';
import { PasswordPolicy } from '../../passwords/password-policy';
import { PasswordVerifier } from '../../passwords/password-verifier';
import { UpdateMeDto } from '../dto/update-me.dto';
import { profileChanges } from '../profile-changes';
import { User } from '../user.entity';
import { nextGeneration } from '../users.service';

/** What every signed-in user may do to their own account: edit the profile, change the password. */
@Injectable()
export class OwnAccountService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly verifier: PasswordVerifier,
  ) {}

  async updateProfile(user: User, dto: UpdateMeDto): Promise<User> {
    await this.users.update({ id: user.id }, { ...profileChanges(dto), updatedAt: new Date(), updatedBy: user.id });
    return this.users.findOneByOrFail({ id: user.id });
  }

  /**
   * Needs the current password (a stolen access token alone cannot take the account over). Raises the token
   * generation in the same UPDATE, so every session ends; the caller gets a new one (see PasswordChangeController).
   * 403 rather than 401 for a wrong current password: the caller IS authenticated, and a 401 would make a client
   * believe its session had expired.
   */
  async changePassword(caller: User, currentPassword: string, newPassword: string): Promise<User> {
    // Before the current password is checked: a too-short new one is bad input (400), not a guess to count.
    this.policy.check(newPassword, 'newPassword');
    // The row as it is now, not the one the token check may have taken from the recent-users cache: a password
    // changed through another instance a moment ago must be the one asked for.
    const user = await this.users.findOneBy({ id: caller.id });
    if (!user) throw Errors.unauthenticated('The user of this token can no longer sign in');
    const oldHash = user.passwordHash;
    // Any accepted format (a user whose imported hash was not yet upgraded at a sign-in can still change it), in
    // each of its forms (NFC, then as typed for a hash made before normalisation); over 72 bytes, never a match.
    const matched = oldHash !== null ? await matchingForm(this.verifier, currentPassword, oldHash) : null;
    if (matched === null || oldHash === null) {
      throw Errors.invalidCurrentPassword();
    }
    const passwordHash = await this.hasher.hash(newPassword);
    // Compare-and-swap on the verified hash: a concurrent change is not silently overwritten.
    const result = await this.users.update(
      { id: user.id, passwordHash: oldHash },
      { passwordHash, tokenGeneration: nextGeneration, updatedAt: new Date(), updatedBy: user.id },
    );
    if (result.affected !== 1) {
      throw new ApiError(HttpStatus.CONFLICT, 'password_changed_concurrently', 'The password was changed meanwhile; sign in again');
    }
    return this.users.findOneByOrFail({ id: user.id });
  }
}
