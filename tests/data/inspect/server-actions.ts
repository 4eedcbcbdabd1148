#!/usr/bin/env node
'use server';

import db = require("./db");
export * from "./shared-actions";

export async function save(name: string) {
  const plugin = await import(`./plugins/${name}.js`);
  return db.save(plugin);
}
