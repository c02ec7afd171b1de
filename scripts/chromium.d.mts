export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: readonly string[];
export function extensionArgs(extensionPath: string): string[];
