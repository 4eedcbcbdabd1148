import { Button } from "./Button";
import { Widget } from "./Widget.client";
import { Licensed } from "./Licensed";
export function Page() { return [Button, Widget, Licensed]; }
