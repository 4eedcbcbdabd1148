"use server";

export async function save(data: FormData): Promise<void> {
  console.log(String(data.get("name") ?? ""));
}
