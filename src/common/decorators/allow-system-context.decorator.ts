import { SetMetadata } from '@nestjs/common';

export const ALLOW_SYSTEM_CONTEXT = 'gatehouse:allowSystemContext';

/**
 * The route also accepts the `x-user-ctx` system-context header (server-to-server calls), which the
 * SystemContextGuard honours only from TRUSTED_NETWORKS.
 */
export const AllowSystemContext = () => SetMetadata(ALLOW_SYSTEM_CONTEXT, true);
