"use client";
import { flag } from "shared";
import { save } from "./actions";
const lazy = (name: string) => import(`./icons/${name}.js`);
export function Button() { return [flag, save, lazy]; }
