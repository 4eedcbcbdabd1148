export const flag = "browser";
