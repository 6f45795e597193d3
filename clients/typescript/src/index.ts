/**
 * The Tongban gateway's client for a browser front-end or a Node.js integrator (通办网关客户端).
 *
 * `schema.d.ts` is generated from contracts/ by `make contracts` (openapi-typescript); calls go through
 * openapi-fetch, so a path, parameter or field the contract does not have is a type error.
 */
import createClient, { type Client } from "openapi-fetch";

import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
export type Schemas = components["schemas"];
export type TongbanClient = Client<paths>;

export interface TongbanClientOptions {
  /** where the gateway answers, e.g. https://tongban.qijiang.example */
  baseUrl: string;
  /** an access token from identity (authorization code + PKCE for people, client credentials for systems) */
  token?: string;
  /** further headers sent with every request */
  headers?: Record<string, string>;
  /** a fetch of your own (tests, proxies); the global one otherwise */
  fetch?: typeof globalThis.fetch;
}

export function createTongbanClient(options: TongbanClientOptions): TongbanClient {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) {
    headers["Authorization"] = `Bearer ${options.token}`;
  }
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ""),
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
