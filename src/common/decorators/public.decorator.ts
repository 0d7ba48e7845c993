import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'gatehouse:isPublic';

/** Opts a route out of the global authentication guard. Routes are closed unless they say this. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
