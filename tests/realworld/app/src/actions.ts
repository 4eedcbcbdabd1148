"use server";

export async function save(value: number) {
  return value;
}
