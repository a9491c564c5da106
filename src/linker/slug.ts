// Stable, readable entity IDs: `person:vladimir-putin`, `date:2023-07`.
import { createHash } from 'node:crypto';
import type { EntityType } from '../types.js';

// Slugs of recent keys: the same names recur in every document of an archive (bounded, like the tagger's word views).
const slugs = new Map<string, string>();

export function slugify(s: string): string {
  let slug = slugs.get(s);
  if (slug === undefined) {
    if (slugs.size >= 50_000) slugs.clear();
    slugs.set(s, (slug = makeSlug(s)));
  }
  return slug;
}

function makeSlug(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || createHash('sha1').update(s).digest('hex').slice(0, 10);
}

/** TIMEX3's vague references (PAST_REF "once", PRESENT_REF "now", FUTURE_REF "soon"): no calendar referent. */
export function isVagueDate(value: string): boolean {
  return /^(PAST|PRESENT|FUTURE)_REF$/.test(value);
}

/**
 * The entity a mention refers to. A vague date is a mention without a linked
 * entity: '' (an empty cell, NULL in SQLite and JSON), so "now" in a thousand
 * articles does not become the most mentioned date.
 */
export function entityId(type: EntityType, key: string): string {
  if (type === 'DATE' && isVagueDate(key)) return '';
  return `${type.toLowerCase()}:${type === 'DATE' && /^[\dX]{4}/.test(key) ? key : slugify(key)}`;
}
