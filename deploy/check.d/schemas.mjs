// Schema checks of one object, offline, from packages pinned in package-lock.json:
//
// - Kubernetes API kinds: `kubernetes-models` 5.1.0 (JSON schemas of Kubernetes 1.34's OpenAPI);
// - CloudNativePG (postgresql.cnpg.io/v1): `@kubernetes-models/cloudnative-pg` 2.0.0;
// - prometheus-operator (monitoring.coreos.com/v1): `@kubernetes-models/prometheus-operator` 6.0.0;
// - Keycloak operator (k8s.keycloak.org/v2alpha1) and MinIO operator (minio.min.io/v2): no
//   registry here serves their CRDs (the Keycloak operator is not on Maven Central, neither has
//   an npm model package), so crds/*.schema.json hold hand-written schemas of the fields this
//   project may use, written from the operators' documented APIs (versions in those files).
//
// Each object goes through two checks:
// 1. the model's own JSON-schema validation (types, required fields, enums, formats);
// 2. an unknown-field check: the models' JSON schemas accept any extra field (a typo such as
//    `replica: 3` would pass, and the API server would prune it silently), so every field is
//    looked up in the model's TypeScript declaration with the TypeScript compiler and a field
//    the declaration does not have is an error. Maps (labels, annotations, data) are declared
//    with index signatures and take any key.
import ts from "typescript";
import Ajv from "ajv";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// apiVersion group -> [package, folder]
const PACKAGES = {
  "postgresql.cnpg.io": ["@kubernetes-models/cloudnative-pg", "postgresql.cnpg.io"],
  "monitoring.coreos.com": ["@kubernetes-models/prometheus-operator", "monitoring.coreos.com"],
};

function modelModule(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (PACKAGES[group]) return `${PACKAGES[group][0]}/${PACKAGES[group][1]}/${version}/${kind}`;
  return group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

function declarationFile(module) {
  // The packages' "exports" map each model to <path>.d.ts beside <path>.js.
  const [first, second] = module.split("/");
  const pkg = first.startsWith("@") ? `${first}/${second}` : first;
  const pkgDir = dirname(require.resolve(`${pkg}/package.json`));
  return join(pkgDir, module.slice(pkg.length + 1) + ".d.ts");
}

// ---- TypeScript declarations, one compiler program for all kinds --------------------------
let program, checker;
const typeCache = new Map();

export function prepareTypes(modules) {
  const files = modules.map(declarationFile);
  program = ts.createProgram(files, {
    noEmit: true, skipLibCheck: true, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022,
  });
  checker = program.getTypeChecker();
}

function interfaceType(module, name) {
  const key = `${module}#${name}`;
  if (typeCache.has(key)) return typeCache.get(key);
  const sf = program.getSourceFile(declarationFile(module));
  if (!sf) throw new Error(`no declaration loaded for ${module}`);
  let found;
  ts.forEachChild(sf, (n) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === name) found = checker.getTypeAtLocation(n);
  });
  if (!found) throw new Error(`interface ${name} not in ${module}`);
  typeCache.set(key, found);
  return found;
}

function unknownFields(value, type, path, errors) {
  if (value === null || value === undefined || typeof value !== "object") return;
  type = checker.getNonNullableType(type);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
  if (type.isUnion()) {
    const objects = type.types.filter((t) => t.flags & ts.TypeFlags.Object);
    if (objects.length !== 1) return; // e.g. IntOrString: nothing structural to check
    type = objects[0];
  }
  if (Array.isArray(value)) {
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const element = checker.getTypeArguments(type)[0];
      value.forEach((v, i) => unknownFields(v, element, `${path}[${i}]`, errors));
    }
    return;
  }
  const stringIndex = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
  for (const [key, v] of Object.entries(value)) {
    const prop = checker.getPropertyOfType(type, key);
    if (prop) unknownFields(v, checker.getTypeOfSymbol(prop), `${path}.${key}`, errors);
    else if (stringIndex) unknownFields(v, stringIndex.type, `${path}.${key}`, errors);
    else if (checker.getPropertiesOfType(type).length > 0) errors.push(`${path}.${key}: unknown field`);
  }
}

// ---- hand-written CRD schemas (Keycloak, MinIO) -------------------------------------------
const ajv = new Ajv({ allErrors: true, strict: true });
// "k8sType": "<model module>#<interface>" hands a sub-tree to the Kubernetes model checks.
ajv.addKeyword({
  keyword: "k8sType",
  schemaType: "string",
  errors: true,
  validate: function k8s(ref, data, _schema, ctx) {
    const errs = checkModel(ref, data, ctx?.instancePath ?? "");
    k8s.errors = errs.map((message) => ({ keyword: "k8sType", message, params: {} }));
    return errs.length === 0;
  },
});
const crdSchemas = new Map(); // "apiVersion kind" -> compiled
const crdSources = new Map();
for (const f of readdirSync(join(here, "crds")).filter((f) => f.endsWith(".schema.json"))) {
  const s = JSON.parse(readFileSync(join(here, "crds", f), "utf8"));
  const key = `${s["x-apiVersion"]} ${s["x-kind"]}`;
  const { ["x-apiVersion"]: _a, ["x-kind"]: _k, ["x-source"]: src, ...schema } = s;
  crdSchemas.set(key, ajv.compile(schema));
  crdSources.set(key, `deploy/check.d/crds/${f}, ${src.split(" (")[0]}`);
}
export function embeddedModules() {
  const refs = new Set();
  for (const f of readdirSync(join(here, "crds")).filter((f) => f.endsWith(".schema.json"))) {
    for (const m of readFileSync(join(here, "crds", f), "utf8").matchAll(/"k8sType":\s*"([^"#]+)#/g)) refs.add(m[1]);
  }
  return [...refs];
}

const models = new Map();
export async function loadModels(pairs) {
  for (const [apiVersion, kind] of pairs) {
    if (crdSchemas.has(`${apiVersion} ${kind}`)) continue;
    const module = modelModule(apiVersion, kind);
    try {
      const m = await import(module);
      models.set(`${apiVersion} ${kind}`, { module, cls: m[kind] });
    } catch (e) {
      models.set(`${apiVersion} ${kind}`, { module, missing: e.message });
    }
  }
  for (const module of embeddedModules()) {
    const m = await import(module);
    models.set(module, { module, cls: m[module.split("/").pop()] });
  }
}

export function typeModules() {
  const ms = [];
  for (const v of models.values()) if (!v.missing) ms.push(v.module);
  return ms;
}

function ajvErrors(errs, base = "") {
  return (errs ?? []).map((e) => `${base}${e.instancePath || ""} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}${e.params?.allowedValues ? `: ${e.params.allowedValues.join(", ")}` : ""}`.trim());
}

// A sub-tree of a CRD that is a Kubernetes type ("v1/ResourceRequirements#IResourceRequirements").
function checkModel(ref, data, path) {
  const [module, iface] = ref.split("#");
  const entry = models.get(module);
  const errors = [];
  try {
    new entry.cls(data).validate();
  } catch (e) {
    errors.push(`${path}: ${e.message}`);
  }
  unknownFields(data, interfaceType(module, iface), path, errors);
  return errors;
}

export function knows(apiVersion, kind) {
  const key = `${apiVersion} ${kind}`;
  return crdSchemas.has(key) || (models.has(key) && !models.get(key).missing);
}

export function sourceOf(apiVersion, kind) {
  const key = `${apiVersion} ${kind}`;
  return crdSources.get(key) ?? models.get(key)?.module;
}

/** Errors of one object (empty when valid). */
export function validate(obj) {
  const key = `${obj.apiVersion} ${obj.kind}`;
  const where = `${obj.kind}/${obj.metadata?.name ?? "?"}`;
  if (crdSchemas.has(key)) {
    const v = crdSchemas.get(key);
    return v(obj) ? [] : ajvErrors(v.errors).map((e) => `${where}: ${e}`);
  }
  const entry = models.get(key);
  if (!entry || entry.missing) return [`${where}: no schema for ${key}`];
  const errors = [];
  try {
    new entry.cls(obj).validate();
  } catch (e) {
    errors.push(...String(e.message).split("\n").map((l) => `${where}: ${l}`));
  }
  const unknown = [];
  unknownFields(obj, interfaceType(entry.module, `I${obj.kind}`), "", unknown);
  errors.push(...unknown.map((e) => `${where}: ${e}`));
  return errors;
}
