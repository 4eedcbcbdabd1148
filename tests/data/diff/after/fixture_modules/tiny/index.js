import { flag } from "shared";
export const small = flag;
