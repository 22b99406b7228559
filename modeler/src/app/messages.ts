import type { Locale, Messages } from '@balcao/web-shared';
import { en } from './messages/en';
import { pt } from './messages/pt';
import { zhHant } from './messages/zhHant';

export const messages: Record<Locale, Messages> = { 'zh-Hant': zhHant, pt, en };
