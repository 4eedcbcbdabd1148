import { Page } from "./app/Page";
import Camera from "icons/camera.js";
import { flag } from "shared";
import { small } from "tiny";
export default { fetch() { return [Page, Camera, flag, small]; } };
