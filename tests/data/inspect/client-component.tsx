"use client";

import { useState } from "react";
import type { Props } from "./types";
import { Icon } from "lucide-react";

export default function Toggle({ label }: Props) {
  const [on, setOn] = useState(false);
  const Lazy = () => import("./lazy-panel");
  return <button onClick={() => setOn(!on)}><Icon />{label}</button>;
}
