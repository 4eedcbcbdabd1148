"use server";
import { flag } from "shared";
export async function save() { return flag; }
