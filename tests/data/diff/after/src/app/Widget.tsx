"use client";
export function Widget() { return null; }
