import { describe, expect, it } from 'vitest';
import { formatDate } from './certificateLabels';

describe('formatDate', () => {
  it('should write dates as Macao users expect in each language, in Macao time', () => {
    // given 2025-04-01 at 16:30 UTC, which is already 2 April in Macao (UTC+8)
    const iso = '2025-04-01T16:30:00Z';

    // when
    const dates = [formatDate(iso, 'zh-Hant'), formatDate(iso, 'pt'), formatDate(iso, 'en')];

    // then
    expect(dates).toEqual(['2025年4月2日', '02/04/2025', '2 April 2025']);
  });
});
