// The driver-adapter factory the WebAssembly schema engine talks to PostgreSQL through.
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

const CHAR_OID = 18; // PostgreSQL's internal one-byte "char" type (pg_constraint.contype and friends)
const TEXT_OID = 25;

/**
 * adapter-pg cannot map the internal "char" type, which the engine's catalog queries return, and the
 * engine reads those columns as characters. So such columns are read as text by adapter-pg, then
 * reported to the engine as Character. Patched once on the class every adapter and transaction share.
 */
function teachCharColumns(adapter) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "queryRaw")) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.__charColumnsTaught) return;
  proto.__charColumnsTaught = true;
  const charColumns = new WeakMap();
  const { performIO, queryRaw } = proto;
  proto.performIO = async function (query) {
    const result = await performIO.call(this, query);
    const chars = [];
    result?.fields?.forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        chars.push(i);
      }
    });
    if (chars.length) charColumns.set(query, chars);
    return result;
  };
  proto.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
}

/**
 * adapter-pg runs a migration script by splitting it at every semicolon, which cuts a function body
 * (plpgsql, the change-notification triggers) and a comment holding one into pieces. PostgreSQL takes a
 * whole script in one simple query, as the native engine sends it.
 */
function runScriptsWhole(adapter) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "executeScript")) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.__scriptsWhole) return;
  proto.__scriptsWhole = true;
  proto.executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
}

/** An adapter-pg factory whose connections the engine can read catalog "char" columns through. */
function pgFactory(connectionString) {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    teachCharColumns(adapter);
    runScriptsWhole(adapter);
    return adapter;
  };
  return factory;
}

/**
 * adapter-pg's own shadow database keeps the main database (its connectionString wins over `database`),
 * so the shadow database is created, connected and dropped here.
 */
function shadowDatabaseFactory(connectionString, shadowDatabaseUrl, adminPool) {
  return async () => {
    if (shadowDatabaseUrl) return pgFactory(shadowDatabaseUrl).connect();
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll("-", "")}`;
    const url = new URL(connectionString);
    url.pathname = `/${name}`;
    await adminPool.query(`CREATE DATABASE "${name}"`);
    const adapter = await pgFactory(url.toString()).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await adminPool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  };
}

export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const adminPool = new pg.Pool({ connectionString: url, max: 1 });
  adminPool.on("error", () => {}); // an idle client's error surfaces on the next query instead
  const factory = pgFactory(url);
  // The engine does not always dispose its connections: they are closed here, so nobody stays connected.
  const connected = [];
  const connect = factory.connect;
  factory.connect = async () => {
    const adapter = await connect();
    connected.push(adapter);
    return adapter;
  };
  factory.connectToShadowDb = shadowDatabaseFactory(url, shadowDatabaseUrl, adminPool);
  const close = async () => {
    await Promise.allSettled(connected.map((adapter) => adapter.dispose()));
    await adminPool.end();
  };
  return { factory: bindMigrationAwareSqlAdapterFactory(factory), close };
}
