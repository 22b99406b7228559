type Translate = (key: string) => string;

/** A catalogue category in the reader's language; the raw name when we have no text for it. */
export function categoryName(category: string, t: Translate, te: (key: string) => boolean) {
  const key = `category.${category}`;
  return te(key) ? t(key) : category;
}
