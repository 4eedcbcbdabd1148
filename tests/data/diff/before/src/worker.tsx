import { Page } from "./app/Page";
import { Camera } from "icons";
import { flag } from "shared";
export default { fetch() { return [Page, Camera, flag]; } };
