"use client";

import dynamicIconImports from "lucide-react/dynamicIconImports";
import { lazy } from "react";

export function IconGallery() {
  const Icon = lazy(dynamicIconImports["a-arrow-down"]);
  return <Icon />;
}
