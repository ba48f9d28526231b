export * from "./chat";
export * from "./cloud";
export * from "./hf";
export * from "./meta";
