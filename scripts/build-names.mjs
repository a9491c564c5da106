#!/usr/bin/env node
// Builds data/names/first.txt and data/names/last.txt from the person-name
// lists of every locale in @faker-js/faker (MIT licence), keeping names in
// Latin script. Run: node scripts/build-names.mjs (faker is a devDependency;
// the generated files are committed so the CLI needs no faker at run time).
import * as faker from '@faker-js/faker';
import { writeFileSync, mkdirSync } from 'node:fs';

const LATIN = /^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-]+(?: [A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-]+)?$/;
const first = new Set();
const last = new Set();
const flat = (x) => (!x ? [] : Array.isArray(x) ? x : Object.values(x).flat());
for (const [name, locale] of Object.entries(faker)) {
  if (!/^[a-z]{2}(_[A-Z]{2})?$/.test(name)) continue;
  const person = locale?.person;
  if (!person) continue;
  for (const n of flat(person.first_name)) if (typeof n === 'string' && LATIN.test(n) && !n.includes(' ')) first.add(n);
  for (const n of flat(person.last_name)) if (typeof n === 'string' && LATIN.test(n) && !n.includes(' ')) last.add(n);
}
const sorted = (s) => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
mkdirSync(new URL('../data/names/', import.meta.url), { recursive: true });
writeFileSync(new URL('../data/names/first.txt', import.meta.url), sorted(first).join('\n') + '\n');
writeFileSync(new URL('../data/names/last.txt', import.meta.url), sorted(last).join('\n') + '\n');
console.log(`first names: ${first.size}, last names: ${last.size}`);
