// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demo_sources.h"

namespace fanout::detail {

const std::vector<std::pair<std::string_view, std::string_view>>& demoAppFiles() {
    static const std::vector<std::pair<std::string_view, std::string_view>> files{
        {"package.json", R"({
  "name": "fanout-demo",
  "private": true,
  "type": "module",
  "dependencies": {
    "app-shell": "1.0.0",
    "lucide-mini": "0.460.0",
    "react": "19.0.0",
    "rwsdk": "1.7.3",
    "ui-kit": "2.1.0"
  }
}
)"},
        {"tsconfig.json", R"({
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "jsx": "react-jsx",
    "strict": true,
    "baseUrl": ".",
    "paths": { "@/*": ["./src/*"] }
  },
  "include": ["src"]
}
)"},
        {"src/worker.tsx",
         R"(// The server entry: renders the document and wires the server actions.
import { Document } from "./app/Document";
import { HomePage } from "@/app/pages/HomePage";
import { addTodo, listTodos } from "./app/actions/todos";
import { signIn } from "./app/actions/auth";
import type { RequestInfo } from "./app/types";

export default {
  async fetch(request: Request, info: RequestInfo) {
    const todos = await listTodos();
    return Document({ children: HomePage({ todos, actions: { addTodo, signIn } }), info });
  },
};
)"},
        {"src/app/types.ts", R"(export interface RequestInfo {
  url: string;
  locale: string;
}
)"},
        {"src/app/Document.tsx", R"(import { AppShell } from "app-shell";

export function Document({ children }: { children: unknown; info: unknown }) {
  return (
    <html lang="en">
      <body>
        <AppShell>{children}</AppShell>
      </body>
    </html>
  );
}
)"},
        {"src/app/pages/HomePage.tsx", R"(import { Counter } from "../components/Counter";
import { IconPicker } from "../components/IconPicker";
import { Toolbar } from "../components/Toolbar";
import { StarUp } from "lucide-mini";

export function HomePage({ todos }: { todos: string[]; actions: object }) {
  return (
    <main>
      <h1><StarUp /> Todos ({todos.length})</h1>
      <Toolbar />
      <Counter />
      <IconPicker />
    </main>
  );
}
)"},
        {"src/app/components/Counter.tsx", R"("use client";

// Importing two icons by name from the barrel drags in every icon module a bundler cannot prove
// unused while it scans.
import { ArrowUp, ArrowDown } from "lucide-mini";
import { useState } from "react";

export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <div>
      <button onClick={() => setCount(count + 1)}><ArrowUp /></button>
      <span>{count}</span>
      <button onClick={() => setCount(count - 1)}><ArrowDown /></button>
    </div>
  );
}
)"},
        {"src/app/components/IconPicker.tsx", R"('use client'

// dynamicIconImports reaches every icon again, this time through import().
import dynamicIconImports from "lucide-mini/dynamicIconImports";

export function IconPicker({ name = "star-check" }: { name?: string }) {
  const load = dynamicIconImports[name as keyof typeof dynamicIconImports];
  return <button onClick={() => load?.()}>{name}</button>;
}
)"},
        {"src/app/components/Button.tsx", R"("use client";

export function Button({ label }: { label: string }) {
  return <button type="button">{label}</button>;
}
)"},
        {"src/app/components/Toolbar.tsx", R"("use client";

// "./button" differs from Button.tsx in letter case: it resolves on macOS and Windows (and there
// makes a second module for the same file), and fails on Linux.
import { Button } from "./button";
import { Button as KitButton } from "ui-kit";

export function Toolbar() {
  return (
    <nav>
      <Button label="Save" />
      <KitButton>Share</KitButton>
    </nav>
  );
}
)"},
        {"src/app/actions/todos.ts", R"("use server";

const todos: string[] = [];

export async function addTodo(text: string) {
  todos.push(text);
}

export async function listTodos() {
  return [...todos];
}
)"},
        {"src/app/actions/auth.ts", R"(// Session handling for the demo.
'use server';

export async function signIn(user: string) {
  return { user, at: Date.now() };
}
)"},
        {"node_modules/.pnpm/ui-kit@2.1.0/node_modules/ui-kit/package.json", R"({
  "name": "ui-kit",
  "version": "2.1.0",
  "type": "module",
  "main": "./index.js",
  "exports": { ".": "./index.js", "./button": "./button.js" }
}
)"},
        {"node_modules/.pnpm/ui-kit@2.1.0/node_modules/ui-kit/index.js",
         R"(export { Button } from "./button.js";
)"},
        {"node_modules/.pnpm/ui-kit@2.1.0/node_modules/ui-kit/button.js", R"("use client";
export function Button(props) {
  return props.children;
}
)"},
        {"node_modules/.pnpm/app-shell@1.0.0/node_modules/app-shell/package.json", R"({
  "name": "app-shell",
  "version": "1.0.0",
  "type": "module",
  "main": "./index.js",
  "dependencies": { "ui-kit": "2.1.0" }
}
)"},
        {"node_modules/.pnpm/app-shell@1.0.0/node_modules/app-shell/index.js",
         R"(// Reaches ui-kit through its own pnpm link: the same files, another path string.
import { Button } from "ui-kit";

export function AppShell(props) {
  return [Button, props.children];
}
)"},
        {"node_modules/react/package.json", R"({
  "name": "react",
  "version": "19.0.0",
  "main": "index.js",
  "exports": {
    ".": "./index.js",
    "./jsx-runtime": "./jsx-runtime.js",
    "./package.json": "./package.json"
  }
}
)"},
        {"node_modules/react/index.js", R"('use strict';
// A stand-in for React, small enough for the demo: the shape of the package matters, not the code.
exports.useState = function useState(initial) {
  return [initial, function setState() {}];
};
)"},
        {"node_modules/react/jsx-runtime.js", R"('use strict';
exports.jsx = function jsx(type, props) {
  return { type, props };
};
exports.jsxs = exports.jsx;
)"},
    };
    return files;
}

} // namespace fanout::detail
