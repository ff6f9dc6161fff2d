// deploy/check's Compose asserts, on the output of `docker-compose config` (interpolated):
// the app gets every variable application.properties requires in prod, and only the TLS
// proxy publishes ports beyond the server's loopback.
//   node compose.mjs <config.yaml>
import { readFileSync } from "node:fs";
import YAML from "yaml";

const config = YAML.parse(readFileSync(process.argv[2], "utf8"));
const props = readFileSync(new URL("../../src/main/resources/application.properties", import.meta.url), "utf8");
const required = new Set();
for (const line of props.split("\n")) {
  if (!/^(%prod\.)?[a-z]/.test(line)) continue;
  for (const m of line.matchAll(/\$\{(COMUNIDAD_[A-Z0-9_]+)(:[^}]*)?\}/g)) if (!m[2]) required.add(m[1]);
}
const caddyfile = readFileSync(new URL("../compose/Caddyfile", import.meta.url), "utf8");

function check(config, caddyfile) {
  const problems = [];
  const app = config.services?.app;
  if (!app) return ["no service app"];
  const env = app.environment ?? {};
  for (const v of required) if (!(v in env)) problems.push(`service app: ${v} (required by application.properties in prod) is not set`);
  for (const [name, s] of Object.entries(config.services ?? {})) {
    for (const p of s.ports ?? []) {
      const text = typeof p === "string" ? p : `${p.host_ip ?? ""}:${p.published}:${p.target}`;
      const loopback = (typeof p === "string" ? p : p.host_ip ?? "").startsWith("127.0.0.1");
      if (!loopback && name !== "caddy") problems.push(`service ${name} publishes ${text} beyond loopback`);
    }
  }
  if (!app.healthcheck?.test?.join(" ").includes("/q/health/ready")) problems.push("service app: healthcheck must use /q/health/ready");
  if (!/@operations path \/q \/q\/\*/.test(caddyfile)) problems.push("Caddyfile: /q/* is not refused");
  return problems;
}

const problems = check(config, caddyfile);
// Self-test: broken files must be refused.
const broken = [
  ["the app without COMUNIDAD_DB_URL", (c) => { delete c.services.app.environment.COMUNIDAD_DB_URL; }, caddyfile],
  ["the app published on every address", (c) => { c.services.app.ports = [{ target: 8080, published: 8080, protocol: "tcp", mode: "host" }]; }, caddyfile],
  ["Caddy forwarding /q/*", () => {}, caddyfile.replace(/@operations path \/q \/q\/\*/, "@operations path /nothing")],
];
for (const [what, mutate, caddy] of broken) {
  const c = structuredClone(config);
  mutate(c);
  if (check(c, caddy).length === 0) problems.push(`self-test: a broken Compose setup was accepted: ${what}`);
}
if (problems.length) {
  for (const p of problems) console.log(`  FAIL compose: ${p}`);
  process.exit(1);
}
console.log(`compose: ${Object.keys(config.services).length} services; the app has the ${required.size} variables application.properties requires; only caddy publishes public ports; Caddy refuses /q/*; ${broken.length} broken setups refused by the self-test`);
