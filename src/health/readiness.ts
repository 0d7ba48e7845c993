import { Injectable } from '@nestjs/common';

/**
 * Whether this instance still wants traffic. After SIGTERM it stops wanting it before it stops taking it: the
 * readiness probe fails at once, the load balancer takes the instance out after its next failed checks, and only
 * then does the listener close (main.ts), so no request is sent to an instance that is already closing.
 */
@Injectable()
export class Readiness {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  /** Fails the readiness probe from now on, then resolves after `ms` (the time the load balancer needs to notice). */
  drain(ms: number): Promise<void> {
    this.draining = true;
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
