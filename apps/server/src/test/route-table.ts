/** One route of the app: its full path (`/api/v1/lines/:lineId/journal`) and methods. */
export interface RouteEntry {
  path: string;
  methods: string[];
}

/**
 * Every route of a Fastify app, from `printRoutes()`'s tree (Fastify has no other public route list once the
 * app is built): each line is a path segment under its parent, indented four characters per level.
 */
export function routeTable(printed: string): RouteEntry[] {
  const stack: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    if (match[3]) routes.push({ path: stack.join(''), methods: match[3].split(', ') });
  }
  return routes;
}
