/**
 * Run by tests/e2e/test_typescript_client.py against the e2e mesh (after `tsc`): a few calls of the main story
 * through the generated types, each checked at run time too. Prints one JSON line per step; exits 1 on the
 * first failure.
 */
import assert from "node:assert/strict";

import { createTongbanClient, type Schemas } from "../src/index.js";

const baseUrl = process.env.GATEWAY_URL ?? "";
const token = process.env.CITIZEN_TOKEN ?? "";
const headers = { "X-Forwarded-For": process.env.CLIENT_ADDRESS ?? "198.18.0.1" };

async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    console.log(JSON.stringify({ step: name, ok: true }));
  } catch (error) {
    console.log(JSON.stringify({ step: name, ok: false, error: String(error) }));
    process.exit(1);
  }
}

const anonymous = createTongbanClient({ baseUrl, headers });
const citizen = createTongbanClient({ baseUrl, headers, token });

await step("search", async () => {
  const { data, response } = await anonymous.GET("/catalog/search", { params: { query: { q: "开饭店" } } });
  assert.equal(response.status, 200);
  assert.ok(data);
  const hit: Schemas["catalog_SearchHit"] | undefined = data.items[0];
  assert.ok(hit, "no hit for 开饭店");
  assert.equal(typeof hit.code, "string");
  assert.equal(typeof data.total, "number");
});

await step("unknown_matter_is_a_problem", async () => {
  const { data, error, response } = await anonymous.GET("/catalog/matters/{code}", {
    params: { path: { code: "500110-NONE-NONE" } },
  });
  assert.equal(response.status, 404);
  assert.equal(data, undefined);
  assert.ok(error);
  assert.match(response.headers.get("content-type") ?? "", /^application\/problem\+json/);
});

await step("who_am_i", async () => {
  const { data, response } = await citizen.GET("/identity/me");
  assert.equal(response.status, 200);
  assert.ok(data);
  assert.equal(data.kind, "person");
});

await step("reads_of_my_data", async () => {
  const { data, response } = await citizen.GET("/exchange/access-log/mine", { params: { query: { limit: 10 } } });
  assert.equal(response.status, 200);
  assert.ok(Array.isArray(data));
  for (const read of data) {
    assert.equal(typeof read.resource_code, "string");
    assert.equal(typeof read.outcome, "string");
  }
});

await step("no_token_is_401", async () => {
  const { response } = await anonymous.GET("/exchange/access-log/mine");
  assert.equal(response.status, 401);
});
