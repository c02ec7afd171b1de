// The one local HTTP server of the tests, the benchmark and the scripts (types in
// static-server.d.mts): it answers what `respond` returns for each request, on 127.0.0.1 only.
import http from 'node:http';

/**
 * Listens at `port`, a free one when 0; `respond(url, request)` gives a route ({ body, type,
 * headers }; HTML when no type is given) or undefined for a 404. Nothing is cached, so that a
 * page changed between two loads is loaded again.
 */
export async function startStaticServer(respond, { port = 0 } = {}) {
  const server = http.createServer(async (request, response) => {
    const route = await respond(new URL(request.url ?? '/', 'http://localhost'), request);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': route.type ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...route.headers,
    });
    response.end(route.body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (pathname) => `${origin}${pathname}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
