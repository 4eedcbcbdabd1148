"use client";
import { save } from "@/app/actions";

export function SaveForm() {
  return (
    <form action={save}>
      <input name="name" />
    </form>
  );
}
