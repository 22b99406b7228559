/** A route as Express mounted it: `GET /api/verify/:code`. */
export interface MountedRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
  slash?: boolean;
}

/**
 * Every route in an Express app or router, nested routers included (their mount path
 * prefixed), so a test can hold what is served to what is documented.
 */
export function listRoutes(router: { stack?: unknown[] } | undefined, prefix = ''): MountedRoute[] {
  return ((router?.stack ?? []) as Layer[]).flatMap((layer): MountedRoute[] => {
    if (layer.route) {
      const path = `${prefix}${layer.route.path}`;
      return Object.keys(layer.route.methods)
        .filter((method) => method !== '_all')
        .map((method) => ({ method: method.toUpperCase(), path }));
    }
    const mountedAt = layer.slash || typeof layer.rawPath !== 'string' ? '' : layer.rawPath;
    return layer.handle?.stack ? listRoutes(layer.handle, `${prefix}${mountedAt}`) : [];
  });
}
