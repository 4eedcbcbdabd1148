import createIcon from "./create.js";
export default createIcon("bell");
