export const flag = 2; // 1.1.0
