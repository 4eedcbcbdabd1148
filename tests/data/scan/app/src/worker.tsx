import { Page } from "@/app/Page";
import type { Env } from "./types";
import styles from "./styles.css?url";
import { flag } from "shared";
export default { fetch(_r: Request, env: Env) { return [Page, styles, flag, env]; } };
