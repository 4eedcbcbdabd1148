"use client";
import { toast } from "sonner";

export function Notify() {
  return <button onClick={() => toast("hi")}>notify</button>;
}
