export const flag = "worker";
