import type { IncomingMessage } from 'node:http';

export interface Route {
  body: string | Uint8Array;
  /** Content-Type; HTML when not given. */
  type?: string;
  headers?: Record<string, string>;
}

export interface StaticServer {
  /** http://127.0.0.1:port */
  origin: string;
  url(pathname: string): string;
  close(): Promise<void>;
}

/** Serves what `respond` returns for each request (a 404 for undefined) on 127.0.0.1 at `port`, a free one by default. */
export function startStaticServer(
  respond: (url: URL, request: IncomingMessage) => Route | undefined | Promise<Route | undefined>,
  options?: { port?: number },
): Promise<StaticServer>;
