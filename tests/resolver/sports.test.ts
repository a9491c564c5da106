// Sports pages: a place that stands for a side is an ORG; a place in a place's position stays PLACE.
// The unit tests give sportsSides hand-made spans (what the tagger might have said), so they test the
// step alone; the last tests run the whole pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/analyze.js';
import { extractDocument } from '../../src/pipeline/extract.js';
import { isSportsCopy, sportsEvidence, sportsSides } from '../../src/resolver/sports.js';
import type { Candidate, EntityType } from '../../src/types.js';
import { spansOf } from './marks.js';

const input = (text: string) => analyze({ id: 't', source: 't', title: '', date: '2025-05-18', text });

const spans = (text: string, marks: [string, EntityType][]): Candidate[] => spansOf(text, marks, 0.8);

const run = (text: string, marks: [string, EntityType][]) =>
  sportsSides(input(text), spans(text, marks)).map((c) => `${c.type}:${text.slice(c.start, c.end)}`);

test('a match report: the sides are ORG, the city the fans travel from and the police city stay PLACE', () => {
  const text =
    'Porto beat Braga 3-1 in the cup final on Saturday. Braga coach Rui Lima blamed his defenders. ' +
    'About 30,000 supporters travelled from Porto to Lisbon, and police in Lisbon made two arrests.';
  assert.deepEqual(
    run(text, [['Porto', 'PLACE'], ['Braga', 'PLACE'], ['Saturday', 'DATE'], ['Braga', 'PLACE'], ['Rui Lima', 'PERSON'], ['Porto', 'PLACE'], ['Lisbon', 'PLACE'], ['Lisbon', 'PLACE']]),
    ['ORG:Porto', 'ORG:Braga', 'DATE:Saturday', 'ORG:Braga', 'PERSON:Rui Lima', 'PLACE:Porto', 'PLACE:Lisbon', 'PLACE:Lisbon'],
  );
});

test('drew with, lost to, win over, v: the name after the cue is a side', () => {
  const text = 'Milan drew with Genoa 1-1 in the league, Lecce lost to Bologna, and Udine won 2-0 over Parma. Tonight it is Como v Verona.';
  assert.deepEqual(
    run(text, [['Milan', 'PLACE'], ['Genoa', 'PLACE'], ['Lecce', 'PLACE'], ['Bologna', 'PLACE'], ['Udine', 'PLACE'], ['Parma', 'PLACE'], ['Como', 'PLACE'], ['Verona', 'PLACE']]),
    ['ORG:Milan', 'ORG:Genoa', 'ORG:Lecce', 'ORG:Bologna', 'ORG:Udine', 'ORG:Parma', 'ORG:Como', 'ORG:Verona'],
  );
});

test('after a score, "at" leaves it to the document: a known club is a side, a stadium stays a place', () => {
  const text = 'Freiburg lost 2-0 at Bremen in the league, and Leeds won 3-1 at Wembley.';
  assert.deepEqual(run(text, [['Freiburg', 'PLACE'], ['Bremen', 'PLACE'], ['Leeds', 'PLACE'], ['Wembley', 'PLACE']]), ['ORG:Freiburg', 'ORG:Bremen', 'ORG:Leeds', 'PLACE:Wembley']);
});

test('a ground named after a cue ("a draw at Villa Park") stays a place; a score between verb and cue is skipped', () => {
  const text = 'Leeds held Derby to a goalless draw at Villa Park in the league. Wigan drew 0-0 with Luton at Harlow Road.';
  assert.deepEqual(
    run(text, [['Leeds', 'PLACE'], ['Derby', 'PLACE'], ['Villa Park', 'PLACE'], ['Wigan', 'PLACE'], ['Luton', 'PLACE'], ['Harlow Road', 'PLACE']]),
    ['ORG:Leeds', 'ORG:Derby', 'PLACE:Villa Park', 'ORG:Wigan', 'ORG:Luton', 'PLACE:Harlow Road'],
  );
});

test('a side once is a side where nothing marks a place: the document decides', () => {
  const text = 'Lecce beat Bari 2-0 in the league. "Bari were poor," the coach said, and Bari now sit bottom. Fans in Bari were angry.';
  assert.deepEqual(
    run(text, [['Lecce', 'PLACE'], ['Bari', 'PLACE'], ['Bari', 'PLACE'], ['Bari', 'PLACE'], ['Bari', 'PLACE']]),
    ['ORG:Lecce', 'ORG:Bari', 'ORG:Bari', 'ORG:Bari', 'PLACE:Bari'],
  );
});

test('a headline in capitals with a present-tense verb, and the sentence that opens with the other side', () => {
  const text = 'SOCCER - KOREA EDGE OMAN IN ASIAN QUALIFIER.\nQatar began their campaign with a 2-1 win against Iraq in Doha on Friday.';
  assert.deepEqual(
    run(text, [['KOREA', 'PLACE'], ['OMAN', 'PLACE'], ['Qatar', 'PLACE'], ['Iraq', 'PLACE'], ['Doha', 'PLACE'], ['Friday', 'DATE']]),
    ['ORG:KOREA', 'ORG:OMAN', 'ORG:Qatar', 'ORG:Iraq', 'PLACE:Doha', 'DATE:Friday'],
  );
});

test('a cricket scoreboard line with two innings names both counties', () => {
  const text = 'CRICKET - COUNTY SCORES.\nCHELMSFORD : Kent 214 and 187 , Essex 320 .\n';
  assert.deepEqual(run(text, [['CHELMSFORD', 'PLACE'], ['Kent', 'PLACE'], ['Essex', 'PLACE']]), ['PLACE:CHELMSFORD', 'ORG:Kent', 'ORG:Essex']);
});

test('weaker marks keep a place: an address, a list after "in", a place before a name, a team from a country', () => {
  // The first sentence makes all four names sides; elsewhere in the document they are places.
  const text =
    'Tulsa beat Halifax 2-1 and Texas drew with Oklahoma in the league. Their striker, born in Tulsa, Oklahoma, played in Ottawa and Halifax. ' +
    'He was a Texas All-State pick, and US team Cloud9 won the esports cup 2-0.';
  assert.deepEqual(
    run(text, [['Tulsa', 'PLACE'], ['Halifax', 'PLACE'], ['Texas', 'PLACE'], ['Oklahoma', 'PLACE'], ['Tulsa', 'PLACE'], ['Oklahoma', 'PLACE'], ['Ottawa', 'PLACE'], ['Halifax', 'PLACE'], ['Texas', 'PLACE'], ['US', 'PLACE']]),
    ['ORG:Tulsa', 'ORG:Halifax', 'ORG:Texas', 'ORG:Oklahoma', 'PLACE:Tulsa', 'PLACE:Oklahoma', 'PLACE:Ottawa', 'PLACE:Halifax', 'PLACE:Texas', 'PLACE:US'],
  );
});

test('an all-caps results table: every side is ORG, untagged sides are added, the dateline stays PLACE', () => {
  const text = 'SOCCER - RESULTS.\nLEEDS 2025-03-08\nLEEDS 2 Hull 0\nBradford 1 YORK 1\nGrimsby 3 ( halftime 2-0 ) Barnsley 2\n';
  const got = run(text, [['LEEDS', 'PLACE'], ['2025-03-08', 'DATE'], ['LEEDS', 'PLACE'], ['Hull', 'PLACE'], ['YORK', 'PLACE']]);
  assert.deepEqual(got, ['PLACE:LEEDS', 'DATE:2025-03-08', 'ORG:LEEDS', 'ORG:Hull', 'ORG:Bradford', 'ORG:YORK', 'ORG:Grimsby', 'ORG:Barnsley']);
});

test('an all-caps side gets its name in normal case as canonical', () => {
  const text = 'BASEBALL RESULTS\nPITTSBURGH 7 Cincinnati 5\nAtlanta 2 PHILADELPHIA 0\n';
  const out = sportsSides(input(text), spans(text, [['PITTSBURGH', 'PLACE'], ['Cincinnati', 'PLACE'], ['Atlanta', 'PLACE'], ['PHILADELPHIA', 'PLACE']]));
  assert.deepEqual(out.map((c) => [c.type, c.canonical]), [['ORG', 'Pittsburgh'], ['ORG', undefined], ['ORG', undefined], ['ORG', 'Philadelphia']]);
});

test('standings rows and "at" fixture lines name sides', () => {
  const text = 'Standings:\nBOSTON 38 31 .551 -\nTORONTO 35 34 .507 3\nBALTIMORE 30 39 .435 8\nSunday\'s games:\nToronto at BOSTON\n';
  assert.deepEqual(
    run(text, [['BOSTON', 'PLACE'], ['TORONTO', 'PLACE'], ['BALTIMORE', 'PLACE'], ['Toronto', 'PLACE'], ['BOSTON', 'PLACE']]),
    ['ORG:BOSTON', 'ORG:TORONTO', 'ORG:BALTIMORE', 'ORG:Toronto', 'ORG:BOSTON'],
  );
});

test('a one-word person the club list knows is a side only when no full name in the document holds the word', () => {
  const text = 'Roma lost to Napoli 2-1 in the league. Carlos Santos was booked, and Santos scored twice in the league last season.';
  assert.deepEqual(
    run(text, [['Roma', 'PERSON'], ['Napoli', 'PERSON'], ['Carlos Santos', 'PERSON'], ['Santos', 'PERSON']]),
    ['ORG:Roma', 'ORG:Napoli', 'PERSON:Carlos Santos', 'PERSON:Santos'],
  );
});

test('a standings row does not turn a person into a team (golf scores)', () => {
  const text = 'GOLF - LEADING SCORES.\nTom Hale 68 70 71\nDan Ross 69 70 72\nOla Berg 70 70 70\n';
  assert.deepEqual(run(text, [['Tom Hale', 'PERSON'], ['Dan Ross', 'PERSON'], ['Ola Berg', 'PERSON']]), ['PERSON:Tom Hale', 'PERSON:Dan Ross', 'PERSON:Ola Berg']);
});

test('a scorers line looks like a results row but its people stay people', () => {
  const text = 'SOCCER - CUP RESULT.\nHull 2 Leeds 1\nScorers: Dan Cole 23 , Ian Frey 45\nOther results:\nYork 1 Bury 1\n';
  assert.deepEqual(
    run(text, [['Hull', 'PLACE'], ['Leeds', 'PLACE'], ['Dan Cole', 'PERSON'], ['Ian Frey', 'PERSON'], ['York', 'PLACE']]),
    ['ORG:Hull', 'ORG:Leeds', 'PERSON:Dan Cole', 'PERSON:Ian Frey', 'ORG:York', 'ORG:Bury'],
  );
});

test('a national team is ORG; a player\'s country in brackets or before his name stays PLACE', () => {
  const text =
    'Brazil beat Germany 2-1 in Rio de Janeiro in the World Cup qualifier. Germany coach Jan Ott was unhappy. ' +
    'Referee Anders Lind ( Sweden ) booked five players. Sweden\'s Erik Berg scored for the visitors on loan, ' +
    'and Brazil\'s Portuguese striker Rui Sousa missed a penalty.';
  assert.deepEqual(
    run(text, [['Brazil', 'PLACE'], ['Germany', 'PLACE'], ['Rio de Janeiro', 'PLACE'], ['Germany', 'PLACE'], ['Jan Ott', 'PERSON'], ['Anders Lind', 'PERSON'], ['Sweden', 'PLACE'], ['Sweden', 'PLACE'], ['Erik Berg', 'PERSON'], ['Brazil', 'PLACE'], ['Rui Sousa', 'PERSON']]),
    ['ORG:Brazil', 'ORG:Germany', 'PLACE:Rio de Janeiro', 'ORG:Germany', 'PERSON:Jan Ott', 'PERSON:Anders Lind', 'PLACE:Sweden', 'PLACE:Sweden', 'PERSON:Erik Berg', 'ORG:Brazil', 'PERSON:Rui Sousa'],
  );
});

test('a country hosting an event stays a place; hosting a side it is a side', () => {
  const text = 'Qatar will host the tournament in 2027, the league said, while Peru host Chile on Tuesday in the qualifier.';
  assert.deepEqual(run(text, [['Qatar', 'PLACE'], ['Peru', 'PLACE'], ['Chile', 'PLACE']]), ['PLACE:Qatar', 'ORG:Peru', 'ORG:Chile']);
});

test('without sports evidence nothing changes, even with "beat" and "lost to"', () => {
  const text = 'Milan lost to Turin in the contest to host the agency. Dundee beat its own target for clean harbour vessels, its port authority said.';
  assert.equal(isSportsCopy(sportsEvidence(input(text)).evidence), false);
  assert.deepEqual(run(text, [['Milan', 'PLACE'], ['Turin', 'PLACE'], ['Dundee', 'PLACE']]), ['PLACE:Milan', 'PLACE:Turin', 'PLACE:Dundee']);
});

test('evidence: score lines with a sports word, results rows, or several sports words', () => {
  const ev = (t: string) => sportsEvidence(input(t)).evidence;
  assert.equal(isSportsCopy(ev('The committee voted 5-4 to approve the budget.')), false);
  assert.equal(isSportsCopy(ev('Leeds won 5-4 after extra time in the cup.')), true);
  assert.equal(isSportsCopy(ev('Results:\nArsenal 2 Chelsea 0\nEverton 1 Fulham 1\n')), true);
  assert.equal(isSportsCopy(ev('The striker signed before the league season; the goalkeeper stays at the stadium.')), true);
  assert.equal(ev('Results:\nArsenal 2 Chelsea 0\nEverton 1 Fulham 1\n').resultRows, 2);
});

test('a place inside a compound or beside a number that is not a score is left alone', () => {
  const text = 'The Leeds-based striker scored twice in the league as Hull won 3-0; 12 fans from Hull were fined.';
  assert.deepEqual(run(text, [['Leeds', 'PLACE'], ['Hull', 'PLACE'], ['Hull', 'PLACE']]), ['PLACE:Leeds', 'ORG:Hull', 'PLACE:Hull']);
});

test('the whole pipeline: a results wire and the same city in a non-sports story', () => {
  const sport = extractDocument({ id: 's', source: '', title: '', date: '2025-03-08', text: 'SOCCER - RESULTS.\nGLASGOW 2025-03-08\nAberdeen 2 Dundee 0\nKilmarnock 0 Motherwell 3\nDundee coach Ian Ross said his side had been poor.\n' });
  const got = sport.map((m) => `${m.type}:${m.text}`);
  for (const want of ['PLACE:GLASGOW', 'ORG:Aberdeen', 'ORG:Dundee', 'ORG:Kilmarnock', 'ORG:Motherwell']) assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
  assert.equal(sport.filter((m) => m.text === 'Dundee').every((m) => m.type === 'ORG'), true);
  const news = extractDocument({ id: 'n', source: '', title: '', date: '2025-03-08', text: 'Council leaders from Aberdeen and Dundee met in Glasgow on Friday to agree a plan for the harbours.' });
  assert.deepEqual(news.filter((m) => m.type !== 'DATE').map((m) => `${m.type}:${m.text}`), ['PLACE:Aberdeen', 'PLACE:Dundee', 'PLACE:Glasgow']);
});

test('a side read together with its score in a results row is the side alone', () => {
  const text = 'Results of Saturday games (home team in CAPS):\nHarbury 2 KELLSTON 0\nMarlow Vale 3 DUNMORE 1\n';
  const input = analyze({ id: 't', source: 't', title: '', date: '', text });
  const at = (s: string) => text.indexOf(s);
  const spans: Candidate[] = [
    { start: at('Harbury 2'), end: at('Harbury 2') + 9, type: 'ORG', source: 'tagger', score: 0.8 },
    { start: at('KELLSTON'), end: at('KELLSTON') + 8, type: 'ORG', source: 'tagger', score: 0.8 },
    { start: at('Marlow Vale'), end: at('Marlow Vale') + 11, type: 'ORG', source: 'tagger', score: 0.8 },
    { start: at('DUNMORE'), end: at('DUNMORE') + 7, type: 'ORG', source: 'tagger', score: 0.8 },
  ];
  const out = sportsSides(input, spans);
  assert.ok(out.some((c) => text.slice(c.start, c.end) === 'Harbury' && c.type === 'ORG'), out.map((c) => text.slice(c.start, c.end)).join(' | '));
  assert.ok(!out.some((c) => text.slice(c.start, c.end).includes('2')));
});

test('"held X to a draw": the object of "held" is a side on a sports page, also in a headline in capitals', () => {
  const got = extractDocument({ id: 'h', source: 't', title: '', date: '2025-05-18', text: 'SOCCER - BOLTON HOLD PRESTON TO GOALLESS DRAW\nBolton held Preston to a goalless draw in the league on Wednesday.' });
  const sides = got.filter((m) => /^(?:BOLTON|PRESTON|Bolton|Preston)$/.test(m.text));
  assert.ok(sides.length >= 3, JSON.stringify(got.map((m) => m.text)));
  for (const m of sides) assert.equal(m.type, 'ORG', `${m.text} in ${m.context}`);
  // Outside sports copy "held" says nothing: "rebels held Aleppo" keeps the place.
  const war = extractDocument({ id: 'w', source: 't', title: '', date: '2025-05-18', text: 'Rebels held Aleppo for four years.' });
  assert.deepEqual(war.map((m) => `${m.type}:${m.text}`), ['PLACE:Aleppo']);
});
