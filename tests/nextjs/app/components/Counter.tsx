"use client";
import { useState } from "react";
import { Plus } from "lucide-react";

export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button onClick={() => setCount(count + 1)}>
      <Plus /> {count}
    </button>
  );
}
