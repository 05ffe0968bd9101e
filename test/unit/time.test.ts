import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMinutes, parseDate, parseDuration, parseZone } from '../../src/core';

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
