// The first start says what it builds and how long that usually takes.
import { describe, expect, it } from 'vitest';
import { buildNotice, buildProgress } from '../../stack/tools.js';

describe('the first-start build notice', () => {
  it.each([
    ['temporal', /building temporal — the Temporal CLI.*github\.com\/temporalio\/cli\/cmd\/temporal@v1\.5\.1[\s\S]*usually takes about 4–5 minutes/],
    ['ferretdb', /building ferretdb — FerretDB.*@v1\.24\.2[\s\S]*usually takes about 4–6 minutes/],
    ['mailpit', /building mailpit — Mailpit.*@v1\.33\.1[\s\S]*usually takes about 3–5 minutes/],
  ] as const)('names %s, its version and how long its first build usually takes', (tool, expected) => {
    expect(buildNotice(tool)).toMatch(expected);
  });

  it('keeps naming the tool and the usual time while it builds', () => {
    expect(buildProgress('temporal', 90)).toBe('[setup]   ... still building temporal (90 s; usually about 4–5 minutes the first time)');
  });
});
