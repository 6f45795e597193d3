// Validate custom resources (JSON lines on stdin) against the schemas of the CRDs they use: CloudNativePG's
// Cluster and ScheduledBackup, the Prometheus Operator's ServiceMonitor. Prints one JSON line per failure.
import { createInterface } from "node:readline";
import { Cluster, ScheduledBackup } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";

const MODELS = {
  "postgresql.cnpg.io/v1/Cluster": Cluster,
  "postgresql.cnpg.io/v1/ScheduledBackup": ScheduledBackup,
  "monitoring.coreos.com/v1/ServiceMonitor": ServiceMonitor,
};
let failures = 0;
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const key = `${doc.apiVersion}/${doc.kind}`;
  const Model = MODELS[key];
  const name = `${doc.kind}/${doc.metadata?.name}`;
  if (!Model) {
    console.log(JSON.stringify({ name, error: `no schema for ${key}` }));
    failures++;
    continue;
  }
  try {
    new Model(doc).validate();
  } catch (error) {
    console.log(JSON.stringify({ name, error: String(error.message ?? error) }));
    failures++;
  }
}
process.exit(failures ? 1 : 0);
