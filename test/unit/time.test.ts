import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMinutes, parseDate, parseDuration, parseZone } from '../../src/core';
import { ambiguousDateOrderMessage, decideDateOrder, documentDateOrder, numericDatesIn, zoneAmbiguity, zoneOffsetAt } from '../../src/core/time';

describe('durations', () => {
  const cases: Array<[string, number]> = [
    ['23 minutes', 23],
    ['2 minutes (automated monitoring)', 2],
    ['3 h 25 min', 205],
    ['1h05m', 65],
    ['1.5 hours', 90],
    ['90s', 1.5],
    ['2 hours and 5 minutes', 125],
    ['1 day 2 hours', 1560],
    ['1:05', 65],
    ['21:45 to 23:28 UTC (103 minutes)', 103],
    ['23:50\u201300:20', 30],
    ['45 mins', 45],
  ];
  for (const [text, minutes] of cases) {
    it(`reads "${text}" as ${minutes} minutes`, () => assert.equal(parseDuration(text)?.minutes, minutes));
  }
  it('reads nothing from text that is not a duration', () => {
    assert.equal(parseDuration('soon'), undefined);
    assert.equal(parseDuration('about twenty minutes'), undefined);
    assert.equal(parseDuration('12 servers'), undefined);
  });
  it('formats minutes for people', () => {
    assert.equal(formatMinutes(2), '2 min');
    assert.equal(formatMinutes(65), '1 h 05 min');
    assert.equal(formatMinutes(1560), '1 d 2 h');
  });
});

describe('dates', () => {
  it('reads ISO, slashed and written-out dates', () => {
    assert.equal(parseDate('2025-04-20'), '2025-04-20');
    assert.equal(parseDate('2025/4/5'), '2025-04-05');
    assert.equal(parseDate('April 20, 2025'), '2025-04-20');
    assert.equal(parseDate('Sat, 20 Apr 2025'), '2025-04-20');
  });
  it('rejects dates that do not exist and text that is not a date', () => {
    assert.equal(parseDate('2025-02-30'), undefined);
    assert.equal(parseDate('2025-13-01'), undefined);
    assert.equal(parseDate('next sprint'), undefined);
    assert.equal(parseDate('2025-04-20 maybe'), undefined);
  });
});

describe('time zones', () => {
  it('reads abbreviations, offsets and IANA names', () => {
    assert.equal(parseZone('UTC', 'event')?.offsetMinutes, 0);
    assert.equal(parseZone('Z', 'event')?.offsetMinutes, 0);
    assert.equal(parseZone('PDT', 'event')?.offsetMinutes, -420);
    assert.equal(parseZone('+02:00', 'event')?.offsetMinutes, 120);
    assert.equal(parseZone('UTC-7', 'event')?.offsetMinutes, -420);
    assert.equal(parseZone('+0530', 'event')?.offsetMinutes, 330);
    assert.equal(parseZone('Europe/Berlin', 'frontmatter', '2025-07-01')?.offsetMinutes, 120);
    assert.equal(parseZone('Europe/Berlin', 'frontmatter', '2025-01-15')?.offsetMinutes, 60);
  });
  it('rejects unknown names', () => {
    assert.equal(parseZone('XYZT', 'event'), undefined);
    assert.equal(parseZone('Mars/Olympus', 'event'), undefined);
    assert.equal(parseZone('+25:00', 'event'), undefined);
  });
});

describe('zone abbreviations, one by one', () => {
  const fixed: Array<[string, number]> = [
    ['UTC', 0], ['GMT', 0], ['Z', 0], ['PST', -480], ['PDT', -420], ['MST', -420], ['MDT', -360], ['CST', -360], ['CDT', -300],
    ['EST', -300], ['EDT', -240], ['AKST', -540], ['AKDT', -480], ['HST', -600], ['BST', 60], ['CET', 60], ['CEST', 120],
    ['EET', 120], ['EEST', 180], ['MSK', 180], ['SGT', 480], ['JST', 540], ['KST', 540], ['AEST', 600], ['AEDT', 660],
    ['NZST', 720], ['NZDT', 780], ['WET', 0], ['WEST', 60], ['IST', 330],
  ];
  for (const [name, offset] of fixed) {
    it(`reads ${name} as ${offset} minutes`, () => {
      const z = parseZone(name, 'event');
      assert.equal(z?.offsetMinutes, offset);
      assert.equal(z?.iana, undefined);
    });
  }
  const generic: Array<[string, string, number, number]> = [
    ['ET', 'America/New_York', -300, -240], ['CT', 'America/Chicago', -360, -300],
    ['MT', 'America/Denver', -420, -360], ['PT', 'America/Los_Angeles', -480, -420],
  ];
  for (const [name, iana, winter, summer] of generic) {
    it(`reads ${name} as ${iana}, with daylight saving at the date`, () => {
      assert.equal(parseZone(name, 'event', '2025-01-15')?.offsetMinutes, winter);
      assert.equal(parseZone(name, 'event', '2025-07-01')?.offsetMinutes, summer);
      assert.equal(parseZone(name, 'event', '2025-07-01')?.iana, iana);
    });
  }
  it('reads IST as India and says why it is ambiguous', () => {
    const ist = parseZone('IST', 'event')!;
    assert.equal(ist.offsetMinutes, 330);
    assert.match(zoneAmbiguity(ist)!, /Irish Summer Time.*Israel.*offset.*IANA/);
    assert.equal(zoneAmbiguity(parseZone('CET', 'event')!), undefined);
  });
  it('reads offsets after UTC and GMT', () => {
    assert.equal(parseZone('UTC+1', 'event')?.offsetMinutes, 60);
    assert.equal(parseZone('GMT-5', 'event')?.offsetMinutes, -300);
    assert.equal(parseZone('UTC+05:30', 'event')?.offsetMinutes, 330);
    assert.equal(parseZone('+0200', 'event')?.offsetMinutes, 120);
  });
  it('reads cities and regions as their IANA zone', () => {
    assert.deepEqual(parseZone('(Lisbon time)', 'event', '2025-07-01'), { name: '(Lisbon time)', offsetMinutes: 60, source: 'event', iana: 'Europe/Lisbon' });
    assert.equal(parseZone('Japan time', 'event')?.offsetMinutes, 540);
    assert.equal(parseZone('Pacific time', 'event', '2025-01-15')?.offsetMinutes, -480);
    assert.equal(parseZone('pacific Time', 'event', '2025-07-01')?.offsetMinutes, -420);
    assert.equal(parseZone('Narnia time', 'event'), undefined);
  });
  it('carries the IANA name of a zone written as one', () => {
    assert.equal(parseZone('Europe/Berlin', 'event', '2025-01-15')?.iana, 'Europe/Berlin');
  });
});

describe('offsets at a local time, across daylight saving', () => {
  it('Europe/Berlin in spring and autumn', () => {
    assert.equal(zoneOffsetAt('Europe/Berlin', '2025-03-30', 90), 60);
    assert.equal(zoneOffsetAt('Europe/Berlin', '2025-03-30', 210), 120);
    assert.equal(zoneOffsetAt('Europe/Berlin', '2025-10-26', 90), 120);
    assert.equal(zoneOffsetAt('Europe/Berlin', '2025-10-26', 150), 120, 'a time that happens twice reads as the first');
    assert.equal(zoneOffsetAt('Europe/Berlin', '2025-10-26', 210), 60);
  });
  it('America/New_York in spring and autumn', () => {
    assert.equal(zoneOffsetAt('America/New_York', '2025-03-09', 90), -300);
    assert.equal(zoneOffsetAt('America/New_York', '2025-03-09', 150), -300, 'a skipped time takes the offset from before');
    assert.equal(zoneOffsetAt('America/New_York', '2025-03-09', 210), -240);
    assert.equal(zoneOffsetAt('America/New_York', '2025-11-02', 30), -240);
    assert.equal(zoneOffsetAt('America/New_York', '2025-11-02', 150), -300);
  });
});

describe('day-month and month-day', () => {
  it('reads numeric dates in the order given, unless a part over 12 settles it', () => {
    assert.equal(parseDate('03/04/2024'), '2024-03-04');
    assert.equal(parseDate('03/04/2024', 'mdy'), '2024-03-04');
    assert.equal(parseDate('03/04/2024', 'dmy'), '2024-04-03');
    assert.equal(parseDate('17-03-2024', 'mdy'), '2024-03-17');
    assert.equal(parseDate('03/17/2024', 'dmy'), '2024-03-17');
    assert.equal(parseDate('09-12', undefined, 2023), '2023-09-12');
    assert.equal(parseDate('09-12'), undefined);
    assert.equal(parseDate('Feb 3rd', undefined, 2024), '2024-02-03');
    assert.equal(parseDate('3rd Feb 2024'), '2024-02-03');
    assert.equal(parseDate('Tuesday Mar 5th 2024'), '2024-03-05');
    assert.equal(parseDate('31/02/2024'), undefined);
  });
  const d = (first: number, second: number, year: number | undefined = 2024) => ({ first, second, year, separator: '/' });
  it('decides the order from a part over 12 anywhere', () => {
    assert.equal(decideDateOrder([d(3, 4), d(17, 4)]), 'dmy');
    assert.equal(decideDateOrder([d(3, 4), d(4, 17)]), 'mdy');
    assert.equal(decideDateOrder([d(13, 4), d(4, 17)]), undefined, 'both orders written');
  });
  it('decides the order from the frontmatter date or dates written unambiguously nearby', () => {
    assert.equal(decideDateOrder([d(3, 4)], ['2024-04-03']), 'dmy');
    assert.equal(decideDateOrder([d(3, 4)], ['2024-03-05']), 'mdy');
    assert.equal(decideDateOrder([d(3, 4)], [undefined, '2024-04-04']), 'dmy');
  });
  it('leaves the order undecided when nothing tells', () => {
    assert.equal(decideDateOrder([d(3, 4)]), undefined);
    assert.equal(decideDateOrder([d(3, 4)], ['2024-08-01']), undefined);
    assert.equal(decideDateOrder([d(5, 5)]), undefined);
    assert.match(ambiguousDateOrderMessage('03/04/2024'), /"03\/04\/2024" could be day-month or month-day/);
  });
});

describe('the order a document writes numeric dates in', () => {
  it('finds numeric dates with a year anywhere, not versions', () => {
    assert.deepEqual(numericDatesIn('# 20-10-2025 - outage\nsince 5-26-21, release 1.2.11 and v2.10.2024').map((d) => [d.first, d.second, d.year]), [[20, 10, 2025], [5, 26, 2021]]);
  });
  it('is settled by a part over 12', () => {
    assert.equal(documentDateOrder(numericDatesIn('29-09-2021 then 03-10-2021')), 'dmy');
    assert.equal(documentDateOrder(numericDatesIn('07/27/2023 - 07/31/2023')), 'mdy');
    assert.equal(documentDateOrder(numericDatesIn('29-09-2021 and 09/29/2021')), undefined);
  });
  it('takes the reading under which the dates lie closest together when every date is ambiguous', () => {
    // 4th and 5th of March (1 day apart), not April 3rd and May 3rd (30 days).
    assert.equal(documentDateOrder(numericDatesIn('04-03-2026 15:48, 05-03-2026 10:07')), 'dmy');
    // January 2nd and 3rd, not February 1st and March 1st.
    assert.equal(documentDateOrder(numericDatesIn('01/02/2024 and 01/03/2024')), 'mdy');
  });
  it('stays undecided for one date or dates the same either way', () => {
    assert.equal(documentDateOrder(numericDatesIn('05/06/2024 and 05/06/2024')), undefined);
    assert.equal(documentDateOrder(numericDatesIn('03/04/2024')), undefined);
  });
});

describe('zone names that are not real but end in a region', () => {
  it('reads UC/Pacific and US/Eastern by their region, with daylight saving', () => {
    assert.equal(parseZone('UC/Pacific', 'heading', '2020-07-09')?.offsetMinutes, -420);
    assert.equal(parseZone('UC/Pacific', 'heading', '2020-01-09')?.offsetMinutes, -480);
    assert.equal(parseZone('US/Eastern', 'heading', '2020-07-09')?.offsetMinutes, -240);
    assert.equal(parseZone('Foo/Bar', 'heading', '2020-07-09'), undefined);
  });
});
