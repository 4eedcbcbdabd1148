export const flag = "default";
