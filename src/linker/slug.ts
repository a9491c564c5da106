// Stable, readable entity IDs: `person:vladimir-putin`, `date:2023-07`.
import { createHash } from 'node:crypto';
import type { EntityType } from '../types.js';

export function slugify(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || createHash('sha1').update(s).digest('hex').slice(0, 10);
}

export function entityId(type: EntityType, key: string): string {
  return `${type.toLowerCase()}:${type === 'DATE' && /^[\dX]{4}/.test(key) ? key : slugify(key)}`;
}
