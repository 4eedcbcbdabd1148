import before from "./before.js";
const x = {;
import after from "./after.js";
