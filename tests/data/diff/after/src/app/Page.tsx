import { Widget } from "./Widget";
export function Page() { return [Widget]; }
