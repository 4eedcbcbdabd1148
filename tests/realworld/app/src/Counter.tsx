"use client";

import { useState } from "react";
import { Minus, Plus } from "lucide-react";

export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <p>
      <button onClick={() => setCount(count - 1)}><Minus /></button>
      {count}
      <button onClick={() => setCount(count + 1)}><Plus /></button>
    </p>
  );
}
