/** See node-flags.mjs. */
export declare const PGLITE_NODE_FLAGS: string[];
