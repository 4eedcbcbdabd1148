export interface Env { DB: unknown }
