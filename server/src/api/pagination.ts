import { z } from 'zod';

/** `?page=1&pageSize=…`: short lists a client shows whole (an account's tokens) default to more. */
export function pageQueryOf(defaultPageSize: number, maxPageSize = 100) {
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
  });
}

/** `?page=1&pageSize=20`, merged into a route's query schema. */
export const pageQuerySchema = pageQueryOf(20);
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const pageInfoSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  hasMore: z.boolean(),
  /** Present when the list counted only this far: there are more than `total`; filter to count. */
  totalCapped: z.literal(true).optional(),
});

/** The response shape of every list: `{ items, page }`. */
export function pagedSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: pageInfoSchema });
}

/** SQL `limit` / `offset` for a page. */
export function pageWindow(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

export function paged<T>(items: T[], query: PageQuery, total: number, totalCapped = false) {
  return {
    items,
    page: {
      page: query.page,
      pageSize: query.pageSize,
      total,
      hasMore: (query.page - 1) * query.pageSize + items.length < total,
      ...(totalCapped ? { totalCapped: true as const } : {}),
    },
  };
}
