// The agency services' catalogues as the static checks need them: each agency's categories (their
// fields and whether they name a person) and the event types it declares, read from the YAML parts
// the services ship (META-INF/interlock/catalogue/<agency>.yaml and the parts it includes, found
// where the service's classpath has them: its own resources or libs/agency-service's). The full
// rules (operations, records, conditions) are CatalogueReader's in libs/contracts; this reads only
// categories and events, and fails on a part it cannot find or an event of an undeclared category.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { AGENCIES, ROOT, rel } from "./lib.mjs";

const FOLDER = join("src", "main", "resources", "META-INF", "interlock", "catalogue");
/** Where a service's catalogue parts may be: its own module, then the library every service uses. */
const partFolders = (agency) => [join(ROOT, "services", agency, FOLDER), join(ROOT, "libs", "agency-service", FOLDER)];

/**
 * @typedef {{ name: string, fields: string[], person: string | null, part: string }} Category
 * @typedef {{ method: string, openApiPath: string }} Operation
 * @typedef {{ agency: string, categories: Map<string, Category>, events: Map<string, Category>, operations: Operation[], parts: string[] }} Catalogue
 */

const METHODS = ["get", "post", "put"];

/** One agency's catalogue, its includes resolved; throws naming the part and the entry at fault. */
export function catalogueOf(agency) {
  const categories = new Map();
  const events = new Map();
  const operations = [];
  const parts = [];
  const pending = [agency];
  const seen = new Set();
  const loaded = [];
  while (pending.length > 0) {
    const name = pending.shift();
    if (seen.has(name)) continue;
    seen.add(name);
    const found = partFolders(agency).map((dir) => join(dir, `${name}.yaml`)).filter(existsSync);
    if (found.length !== 1) {
      throw new Error(`${agency}: catalogue part ${name}.yaml is ${found.length === 0 ? "not found" : "found twice"}`);
    }
    const part = parseYaml(readFileSync(found[0], "utf8")) ?? {};
    parts.push(rel(found[0]));
    loaded.push([rel(found[0]), part]);
    pending.push(...(part.include ?? []));
  }
  for (const [file, part] of loaded) {
    for (const [name, spec] of Object.entries(part.categories ?? {})) {
      const fields = spec?.fields ?? [];
      // As CatalogueReader: the person is named by `person`, or is the field called person.
      const person = spec?.person ?? (fields.includes("person") ? "person" : null);
      if (categories.has(name)) throw new Error(`${file}: category ${name} is declared twice`);
      categories.set(name, { name, fields, person, part: file });
    }
  }
  for (const [file, part] of loaded) {
    for (const [key, categoryName] of Object.entries(part.events ?? {})) {
      const type = key.replaceAll("{agency}", agency);
      const category = categories.get(categoryName);
      if (!category) throw new Error(`${file}: event ${type} names an undeclared category '${categoryName}'`);
      if (events.has(type)) throw new Error(`${file}: event ${type} is declared twice`);
      events.set(type, category);
    }
  }
  for (const [, part] of loaded) {
    for (const spec of part.operations ?? []) {
      const method = METHODS.find((m) => m in spec);
      // {id:uuid} in the catalogue is {id} in OpenAPI.
      if (method) operations.push({ method: method.toUpperCase(), openApiPath: spec[method].replace(/\{([a-zA-Z0-9]+):[a-z]+\}/g, "{$1}") });
    }
  }
  return { agency, categories, events, operations, parts };
}

/** Every agency's catalogue, by agency. */
export const catalogues = () => new Map(AGENCIES.map((agency) => [agency, catalogueOf(agency)]));

/**
 * The event types the exchange may route to an inbox: those whose category names a person
 * (AgencyEvents refuses an event of such a category without one; an event about no person, such
 * as an organisation's, is never routed).
 */
export function routableTypes() {
  return [...catalogues().values()]
    .flatMap((c) => [...c.events].filter(([, category]) => category.person !== null).map(([type]) => type))
    .sort();
}
