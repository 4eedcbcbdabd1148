export { default as Anchor } from "./anchor.js";
export { default as Bell } from "./bell.js";
export { default as Camera } from "./camera.js";
