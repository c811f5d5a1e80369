import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalOf, sample, SAMPLES_DIR } from '../testing/samples.ts';
import { decodeAttachments } from './attachments.ts';
import { parsePackage } from './parse-package.ts';

describe('shared samples', () => {
  it('every sample in samples/ parses, with its attachments decoded', () => {
    const files = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const p = parsePackage(sample(f));
      if (p.kind === 'document') expect(() => decodeAttachments(p), f).not.toThrow();
    }
  });

  it('every hostile sample in samples/malicious is refused in under one second', () => {
    const files = readdirSync(join(SAMPLES_DIR, 'malicious')).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const input = sample(join('malicious', f));
      const started = performance.now();
      const r = refusalOf(() => parsePackage(input));
      expect(performance.now() - started, f).toBeLessThan(1000);
      expect(r.code, f).toMatch(/^EXCHANGE_XML_(FORBIDDEN_CONSTRUCT|LIMIT_EXCEEDED)$/);
    }
  });
});
