export function Widget() { return null; }
