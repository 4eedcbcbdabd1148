export const flag = 3; // 2.0.0
