// deploy/check's offline part: validates the rendered Kubernetes objects against the schemas
// (schemas.mjs), asserts the structure production needs, proves with broken objects that both
// checks can fail, and prepares the monitoring files for promtool.
//
//   node check.mjs <rendered.yaml> <realm-import.yaml> <out-dir>
//
// Prints one line per finding; exits 1 if any check failed.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import * as schemas from "./schemas.mjs";

const [rendered, realmImport, outDir] = process.argv.slice(2);
const docs = (file) =>
  YAML.parseAllDocuments(readFileSync(file, "utf8"))
    .map((d) => {
      if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
      return d.toJS();
    })
    .filter((o) => o && typeof o === "object");

const objects = [...docs(rendered), ...docs(realmImport)];
// kubectl kustomize wraps long base64 values of Secrets over several lines; the API server's
// decoder (Go's encoding/base64) skips the newlines, the schema's "byte" format does not.
for (const o of objects) if (o.kind === "Secret") for (const k of Object.keys(o.data ?? {})) o.data[k] = o.data[k].replace(/\s+/g, "");
const failures = [];
const fail = (msg) => failures.push(msg);

// ---- broken objects: every check must be able to fail ------------------------------------
const clone = (o) => structuredClone(o);
const find = (kind, name) => objects.find((o) => o.kind === kind && (!name || o.metadata?.name === name));
const mutations = [
  // [description, kind, name, mutate]
  ["Deployment: unknown field spec.replica", "Deployment", "comunidad", (o) => { o.spec.replica = 3; }],
  ["Deployment: replicas as a string", "Deployment", "comunidad", (o) => { o.spec.replicas = "3"; }],
  ["Deployment: unknown field in a probe", "Deployment", "comunidad", (o) => { o.spec.template.spec.containers[0].readinessProbe.httpGet.paht = "/"; }],
  ["Ingress: pathType not in its enum", "Ingress", "comunidad", (o) => { o.spec.rules[0].http.paths[0].pathType = "Prefixed"; }],
  ["NetworkPolicy: port as an object", "NetworkPolicy", "comunidad", (o) => { o.spec.ingress[0].ports[0].port = { number: 8080 }; }],
  ["Cluster (CNPG): unknown field spec.instance", "Cluster", "comunidad-db", (o) => { o.spec.instance = 3; }],
  ["Cluster (CNPG): instances as a string", "Cluster", "comunidad-db", (o) => { o.spec.instances = "three"; }],
  ["Cluster (CNPG): unknown field in barmanObjectStore", "Cluster", "comunidad-db", (o) => { o.spec.backup.barmanObjectStore.bucket = "x"; }],
  ["ScheduledBackup (CNPG): immediate as a string", "ScheduledBackup", null, (o) => { o.spec.immediate = "yes"; }],
  ["ScheduledBackup (CNPG): unknown field", "ScheduledBackup", null, (o) => { o.spec.scheduel = "@daily"; }],
  ["Keycloak: unknown field spec.replicas", "Keycloak", null, (o) => { o.spec.replicas = 2; }],
  ["Keycloak: instances as a string", "Keycloak", null, (o) => { o.spec.instances = "2"; }],
  ["Keycloak: unknown field in its resources (a Kubernetes type)", "Keycloak", null, (o) => { o.spec.resources.request = { cpu: "1" }; }],
  ["KeycloakRealmImport: unknown field", "KeycloakRealmImport", null, (o) => { o.spec.keycloakName = "keycloak"; }],
  ["KeycloakRealmImport: placeholder without secret", "KeycloakRealmImport", null, (o) => { o.spec.placeholders.X = { value: "y" }; }],
  ["Tenant (MinIO): servers as a string", "Tenant", null, (o) => { o.spec.pools[0].servers = "4"; }],
  ["Tenant (MinIO): unknown field in a pool", "Tenant", null, (o) => { o.spec.pools[0].volumes = 4; }],
  ["Tenant (MinIO): unknown field in its volume claim (a Kubernetes type)", "Tenant", null, (o) => { o.spec.pools[0].volumeClaimTemplate.spec.size = "1Gi"; }],
  ["PrometheusRule: unknown field in a rule", "PrometheusRule", null, (o) => { o.spec.groups[0].rules[0].expression = "up"; }],
  ["ServiceMonitor: unknown field", "ServiceMonitor", null, (o) => { o.spec.endpoints[0].metricsPath = "/q/metrics"; }],
];

const pairs = new Set(objects.map((o) => `${o.apiVersion}\t${o.kind}`));
await schemas.loadModels([...pairs].map((p) => p.split("\t")));
schemas.prepareTypes(schemas.typeModules());

// ---- 1. schemas ---------------------------------------------------------------------------
const counts = {};
for (const o of objects) {
  const key = `${o.kind} (${o.apiVersion})`;
  if (!schemas.knows(o.apiVersion, o.kind)) {
    fail(`${o.kind}/${o.metadata?.name}: no schema for ${o.apiVersion} ${o.kind}`);
    continue;
  }
  const errors = schemas.validate(o);
  errors.forEach(fail);
  counts[key] = (counts[key] ?? 0) + 1;
}
console.log("schema check, objects validated per kind:");
for (const [k, n] of Object.entries(counts).sort()) {
  const [kind, apiVersion] = [k.split(" ")[0], k.split("(")[1].slice(0, -1)];
  console.log(`  ${String(n).padStart(2)} ${k}  [${schemas.sourceOf(apiVersion, kind)}]`);
}

let selfTestFailures = 0;
for (const [what, kind, name, mutate] of mutations) {
  const original = find(kind, name);
  if (!original) { fail(`self-test: no ${kind} to break`); continue; }
  const broken = clone(original);
  mutate(broken);
  const errors = schemas.validate(broken);
  if (errors.length === 0) { fail(`self-test: the schema check accepted a broken object: ${what}`); selfTestFailures++; }
  else console.log(`  self-test refused as expected: ${what}\n      -> ${errors[0]}`);
}

// ---- 2. structure -------------------------------------------------------------------------
function structure(objs) {
  const out = [];
  const need = (cond, msg) => { if (!cond) out.push(msg); };
  const all = (kind) => objs.filter((o) => o.kind === kind);
  const one = (kind, name) => objs.find((o) => o.kind === kind && o.metadata?.name === name);

  const app = one("Deployment", "comunidad");
  need(app, "Deployment comunidad missing");
  if (app) {
    need((app.spec.replicas ?? 1) >= 2, `Deployment comunidad: replicas ${app.spec.replicas} < 2`);
    const c = app.spec.template.spec.containers.find((c) => c.name === "comunidad");
    need(c, "Deployment comunidad: no container comunidad");
    if (c) {
      need(c.readinessProbe?.httpGet?.path === "/q/health/ready", "app: readinessProbe must GET /q/health/ready");
      need(c.livenessProbe?.httpGet?.path === "/q/health/live", "app: livenessProbe must GET /q/health/live");
      need(c.startupProbe?.httpGet?.path === "/q/health/started", "app: startupProbe must GET /q/health/started");
      need(c.resources?.requests?.cpu && c.resources?.requests?.memory, "app: resources.requests cpu and memory needed");
      need(c.resources?.limits?.memory, "app: resources.limits.memory needed");
      // The app's configuration: every variable application.properties requires in prod.
      const env = new Set((c.env ?? []).map((e) => e.name));
      const cmNames = (c.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean);
      for (const cm of cmNames) for (const k of Object.keys(one("ConfigMap", cm)?.data ?? {})) env.add(k);
      const props = readFileSync(new URL("../../src/main/resources/application.properties", import.meta.url), "utf8");
      const required = new Set();
      for (const line of props.split("\n")) {
        if (!/^(%prod\.)?[a-z]/.test(line)) continue;
        for (const m of line.matchAll(/\$\{(COMUNIDAD_[A-Z0-9_]+)(:[^}]*)?\}/g)) if (!m[2]) required.add(m[1]);
      }
      for (const v of required) need(env.has(v), `app: ${v} (required by application.properties in prod) is not set`);
      // Every secret the app reads exists (generated here, or created by CloudNativePG).
      const secrets = new Set(all("Secret").map((s) => s.metadata.name));
      for (const cl of all("Cluster")) secrets.add(`${cl.metadata.name}-app`);
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (!ref) continue;
        need(secrets.has(ref.name), `app: ${e.name} reads secret ${ref.name}, which nothing creates`);
        const s = one("Secret", ref.name);
        if (s) need(ref.key in (s.data ?? {}) || ref.key in (s.stringData ?? {}), `app: ${e.name} reads key ${ref.key} missing from secret ${ref.name}`);
      }
    }
    const sel = app.spec.selector.matchLabels;
    const matches = (o) => o?.spec?.selector?.matchLabels && Object.entries(o.spec.selector.matchLabels).every(([k, v]) => sel[k] === v);
    const hpa = all("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === "comunidad");
    need(hpa, "no HorizontalPodAutoscaler for Deployment comunidad");
    if (hpa) need(hpa.spec.minReplicas >= 2, `HPA minReplicas ${hpa.spec.minReplicas} < 2`);
    const pdb = all("PodDisruptionBudget").find(matches);
    need(pdb, "no PodDisruptionBudget selecting the app's pods");
    if (pdb && hpa) need(pdb.spec.minAvailable === undefined || pdb.spec.minAvailable < hpa.spec.minReplicas, "PDB minAvailable must be below the HPA's minReplicas (or no node could ever be drained)");
    // NetworkPolicy: the app's pods, ingress and egress, egress only to PG, S3, Keycloak, DNS, SMTP.
    const np = all("NetworkPolicy").find((n) => Object.entries(n.spec.podSelector?.matchLabels ?? {}).every(([k, v]) => sel[k] === v) && Object.keys(n.spec.podSelector?.matchLabels ?? {}).length);
    need(np, "no NetworkPolicy for the app's pods");
    if (np) {
      need((np.spec.policyTypes ?? []).includes("Ingress") && np.spec.policyTypes.includes("Egress"), "app NetworkPolicy must restrict Ingress and Egress");
      const ports = (np.spec.egress ?? []).flatMap((r) => (r.ports ?? [{ port: "any" }]).map((p) => p.port));
      for (const p of ports) need([53, 5432, 9000, 8080, 587, 465, 25].includes(p), `app NetworkPolicy allows egress to port ${p}`);
      for (const p of [5432, 9000, 8080, 587]) need(ports.includes(p), `app NetworkPolicy does not allow egress to port ${p}`);
      need((np.spec.egress ?? []).every((r) => r.to && r.to.length), "app NetworkPolicy: an egress rule without 'to' allows every destination");
    }
  }
  // Keycloak
  const kcs = all("Keycloak");
  need(kcs.length === 1, `expected 1 Keycloak, found ${kcs.length}`);
  for (const k of kcs) need(k.spec.instances === 2, `Keycloak ${k.metadata.name}: instances ${k.spec.instances}, expected 2`);
  need(all("KeycloakRealmImport").length === 1, "expected the realm import (realm-import.sh)");
  // MinIO
  const tenants = all("Tenant");
  need(tenants.length === 1, `expected 1 MinIO Tenant, found ${tenants.length}`);
  for (const t of tenants) {
    const servers = t.spec.pools.reduce((n, p) => n + p.servers, 0);
    const drives = t.spec.pools.reduce((n, p) => n + p.servers * p.volumesPerServer, 0);
    need(servers >= 4, `Tenant ${t.metadata.name}: ${servers} servers, at least 4 needed (distributed)`);
    need(t.spec.pools.every((p) => p.servers * p.volumesPerServer >= 4), `Tenant ${t.metadata.name}: each pool needs 4 drives or more for erasure coding`);
    need(drives >= 4, `Tenant ${t.metadata.name}: ${drives} drives`);
  }
  // CloudNativePG
  const clusters = all("Cluster");
  const appDb = clusters.find((c) => c.metadata.name === "comunidad-db");
  need(appDb, "CloudNativePG Cluster comunidad-db missing");
  for (const cl of clusters) {
    need(cl.spec.instances === 3, `Cluster ${cl.metadata.name}: instances ${cl.spec.instances}, expected 3`);
    const store = cl.spec.backup?.barmanObjectStore;
    need(store?.destinationPath?.startsWith("s3://") && store?.s3Credentials, `Cluster ${cl.metadata.name}: no backup to the object store (backup.barmanObjectStore with s3Credentials)`);
    need(all("ScheduledBackup").some((b) => b.spec.cluster.name === cl.metadata.name), `Cluster ${cl.metadata.name}: no ScheduledBackup`);
  }
  // Secrets: example values only.
  for (const s of all("Secret")) {
    for (const [k, v] of Object.entries(s.data ?? {})) {
      const text = Buffer.from(v, "base64").toString("utf8");
      const secretish = /secret|password|key/i.test(k) && !/ACCESS_KEY|access-key/.test(k);
      if (secretish && !/example/.test(text)) out.push(`Secret ${s.metadata.name}: key ${k} holds a value that is not marked as an example: real secrets do not belong in the repository`);
    }
  }
  // Ingress: TLS for every host; the app's host routed; /q/* never forwarded.
  const ingresses = all("Ingress");
  const appHosts = new Set();
  for (const ing of ingresses) {
    const tlsHosts = new Set((ing.spec.tls ?? []).flatMap((t) => t.hosts ?? []));
    for (const r of ing.spec.rules ?? []) need(tlsHosts.has(r.host), `Ingress ${ing.metadata.name}: host ${r.host} without TLS`);
  }
  const denies = (ing) => {
    const list = (ing.metadata.annotations?.["nginx.ingress.kubernetes.io/denylist-source-range"] ?? "").split(",").map((s) => s.trim());
    return list.includes("0.0.0.0/0") && list.includes("::/0");
  };
  for (const ing of ingresses) {
    for (const r of ing.spec.rules ?? []) {
      for (const p of r.http?.paths ?? []) {
        if (p.backend.service?.name !== "comunidad") continue;
        if (!denies(ing)) appHosts.add(r.host);
        const underQ = p.path === "/q" || p.path.startsWith("/q/");
        if (underQ && !denies(ing)) out.push(`Ingress ${ing.metadata.name}: forwards ${p.path} (under /q) to the app`);
      }
    }
  }
  need(appHosts.size > 0, "no Ingress routes the app");
  for (const host of appHosts) {
    // A Prefix "/" forwards /q/* unless another Ingress of the same class on the same host
    // answers /q itself, for every client address (ingress-nginx: longest path wins).
    const forwarding = ingresses.filter((i) => !denies(i)).flatMap((i) => i.spec.rules.filter((r) => r.host === host).flatMap((r) => r.http.paths.map((p) => ({ i, p }))));
    const coversQ = forwarding.some(({ p }) => p.backend.service?.name === "comunidad" && (p.pathType === "Prefix" || p.pathType === "ImplementationSpecific") && "/q/health/ready".startsWith(p.path));
    if (!coversQ) continue;
    const blocker = ingresses.find((i) => denies(i) && i.spec.ingressClassName === forwarding[0].i.spec.ingressClassName &&
      i.spec.rules.some((r) => r.host === host && r.http.paths.some((p) => p.path === "/q" && p.pathType === "Prefix")));
    need(blocker, `Ingress: host ${host} forwards /q/* (health, metrics) to the app: add a Prefix /q path in an Ingress of the same class denying every address`);
  }
  // Metrics scraped inside the cluster.
  need(all("ServiceMonitor").some((s) => s.spec.endpoints.some((e) => e.path === "/q/metrics")) ||
       app?.spec.template.metadata.annotations?.["prometheus.io/path"] === "/q/metrics", "nothing scrapes the app's /q/metrics");
  need(all("PrometheusRule").length >= 1, "no PrometheusRule");
  return out;
}

const structural = structure(objects);
structural.forEach((m) => fail(`structure: ${m}`));
// Broken manifests the structural checks must refuse.
const brokenStructures = [
  ["1 app replica", (o) => { o.find((x) => x.kind === "Deployment").spec.replicas = 1; }],
  ["no readiness probe", (o) => { delete o.find((x) => x.kind === "Deployment").spec.template.spec.containers[0].readinessProbe; }],
  ["no resources", (o) => { delete o.find((x) => x.kind === "Deployment").spec.template.spec.containers[0].resources; }],
  ["COMUNIDAD_DB_URL missing", (o) => { delete o.find((x) => x.kind === "ConfigMap" && x.metadata.name === "comunidad").data.COMUNIDAD_DB_URL; }],
  ["no HPA", (o) => { o.splice(o.findIndex((x) => x.kind === "HorizontalPodAutoscaler"), 1); }],
  ["no PDB", (o) => { o.splice(o.findIndex((x) => x.kind === "PodDisruptionBudget"), 1); }],
  ["no NetworkPolicy", (o) => { for (let i; (i = o.findIndex((x) => x.kind === "NetworkPolicy")) >= 0;) o.splice(i, 1); }],
  ["app egress open to any port", (o) => { o.find((x) => x.kind === "NetworkPolicy" && x.metadata.name === "comunidad").spec.egress.push({ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }); }],
  ["Keycloak with 1 instance", (o) => { o.find((x) => x.kind === "Keycloak").spec.instances = 1; }],
  ["MinIO with 1 server", (o) => { o.find((x) => x.kind === "Tenant").spec.pools[0].servers = 1; }],
  ["PostgreSQL with 2 instances", (o) => { o.find((x) => x.kind === "Cluster").spec.instances = 2; }],
  ["PostgreSQL without backup", (o) => { delete o.find((x) => x.kind === "Cluster").spec.backup; }],
  ["no ScheduledBackup", (o) => { for (let i; (i = o.findIndex((x) => x.kind === "ScheduledBackup")) >= 0;) o.splice(i, 1); }],
  ["a real-looking secret", (o) => { o.find((x) => x.kind === "Secret" && x.metadata.name === "comunidad").data["session-secret"] = Buffer.from("hunter2hunter2hunter2").toString("base64"); }],
  ["TLS dropped", (o) => { delete o.find((x) => x.kind === "Ingress" && x.metadata.name === "comunidad").spec.tls; }],
  ["/q forwarded (the denying Ingress removed)", (o) => { o.splice(o.findIndex((x) => x.kind === "Ingress" && x.metadata.name === "comunidad-internal-paths"), 1); }],
  ["/q forwarded (explicit path)", (o) => { o.find((x) => x.kind === "Ingress" && x.metadata.name === "comunidad").spec.rules[0].http.paths.push({ path: "/q/metrics", pathType: "Exact", backend: { service: { name: "comunidad", port: { name: "http" } } } }); }],
];
for (const [what, mutate] of brokenStructures) {
  const copy = structuredClone(objects);
  mutate(copy);
  const found = structure(copy);
  if (found.length === 0) { fail(`self-test: the structural checks accepted a broken manifest: ${what}`); selfTestFailures++; }
  else console.log(`  self-test refused as expected: ${what}\n      -> ${found[0]}`);
}

// ---- 3. monitoring: rules for promtool, dashboard queries as recording rules --------------
const rule = objects.find((o) => o.kind === "PrometheusRule");
if (rule) writeFileSync(join(outDir, "rules.generated.yaml"), YAML.stringify({ groups: rule.spec.groups }));
const dashboard = JSON.parse(readFileSync(new URL("../monitoring/grafana-dashboard.json", import.meta.url), "utf8"));
const exprs = [];
for (const p of dashboard.panels ?? []) {
  if (p.type === "row") continue;
  if (!p.targets?.length) fail(`dashboard: panel "${p.title}" has no query`);
  for (const t of p.targets ?? []) {
    if (!t.expr) fail(`dashboard: panel "${p.title}" has a target without expr`);
    else exprs.push({ record: `dashboard:panel_${p.id}_${t.refId}`, expr: t.expr.replace(/\$\{?datasource\}?/g, "") });
  }
  if (!p.gridPos) fail(`dashboard: panel "${p.title}" without gridPos`);
}
// The metrics the dashboard shows are those the alerts watch, and the app's own ones exist in
// the names the code registers (Micrometer: dots become _, counters get _total).
const named = (s) => new Set([...s.matchAll(/\b(comunidad_[a-z_]+|cnpg_[a-z_]+|minio_[a-z_]+|http_server_requests_seconds_[a-z]+|jvm_[a-z_]+)\b/g)].map((m) => m[1]));
const inDashboard = named(exprs.map((e) => e.expr).join("\n"));
const inRules = named(YAML.stringify(rule?.spec ?? {}));
for (const m of inRules) if (!inDashboard.has(m)) fail(`dashboard: no panel shows ${m}, which an alert watches`);
// Every alert names its runbook section, and that section exists in deploy/README.md.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const anchors = new Set([...readme.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-")));
for (const g of rule?.spec.groups ?? []) for (const r of g.rules) {
  const link = r.annotations?.runbook ?? "";
  const anchor = link.split("#")[1];
  if (!link.startsWith("deploy/README.md#") || !anchors.has(anchor)) fail(`alert ${r.alert}: runbook "${link}" is not a section of deploy/README.md`);
}
if (!anchors.has("backup-and-restore")) console.log("  note: deploy/README.md has no section \"Backup and restore\" yet (the runbook's Restore links to it)");
writeFileSync(join(outDir, "dashboard.generated.yaml"), YAML.stringify({ groups: [{ name: "dashboard-queries", rules: exprs }] }));
console.log(`monitoring: ${rule?.spec.groups.reduce((n, g) => n + g.rules.length, 0)} alert rules, ${exprs.length} dashboard queries written for promtool; ${inDashboard.size} metric names on the dashboard`);

if (failures.length) {
  console.log(`\n${failures.length} problem(s):`);
  for (const f of failures) console.log(`  FAIL ${f}`);
  process.exit(1);
}
console.log(`\nall ${objects.length} objects valid; ${mutations.length} broken objects and ${brokenStructures.length} broken manifests refused by the self-test`);
