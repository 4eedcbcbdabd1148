"use client";
export function Orphan() { return null; }
