export interface Prerequisite {
  what: string;
  path: string;
  /** A program that must be executable (else a folder that must exist). */
  program: boolean;
  /** The Debian package that installs it. */
  aptPackage?: string;
  /** Installed by `npm ci`. */
  npm?: boolean;
}
export const PREREQUISITES: readonly Prerequisite[];
export function missingPrerequisites(present: (prerequisite: Prerequisite) => boolean): Prerequisite[];
export function installCommand(missing: readonly Prerequisite[]): string;
export function verdict(missing: readonly Prerequisite[]): { exitCode: number; message: string };
