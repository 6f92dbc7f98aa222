import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'synpunkt:isPublic';

/** Marks a route (or controller) as open to anyone: travellers' channels, health, docs. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
