/**
 * A stand-in for Electron's unpacked Linux distribution, so electron-builder can pack the app with
 * `electronDist` and no download. electron-builder copies the folder and renames `electron` to the
 * app's executable; @electron/fuses then finds the fuse wire by its sentinel and flips the bytes after
 * it. So the stub binary carries a real wire, in Electron's layout, with Electron's defaults, and the
 * packed copy can be read back to see which fuses packaging flipped.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The marker @electron/fuses looks for; the wire follows it: version, length, one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse's byte: ASCII '1' on, '0' off. */
export const FUSE_ON = 0x31;
export const FUSE_OFF = 0x30;
/** Electron's shipped state, in FuseV1Options order: RunAsNode, CookieEncryption, NodeOptions,
 *  NodeCliInspect, AsarIntegrity, OnlyLoadFromAsar, BrowserV8Snapshot, FileProtocolExtraPrivileges. */
const ELECTRON_DEFAULTS = [FUSE_ON, FUSE_OFF, FUSE_ON, FUSE_ON, FUSE_OFF, FUSE_OFF, FUSE_OFF, FUSE_ON];

export function makeStubElectronDist(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'upi-stub-electron-'));
  const wire = Buffer.from([1, ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS]);
  const script = Buffer.from('#!/bin/sh\necho "stub Electron: no real binary on this machine" >&2\nexit 1\n');
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, Buffer.from(FUSE_SENTINEL), wire]), { mode: 0o755 });
  writeFileSync(join(dir, 'version'), version);
  mkdirSync(join(dir, 'resources'));
  return dir;
}
