/**
 * Every store that keeps state in the settings (through lib/windowStorage.ts). main.tsx loads the
 * settings and hydrates the app store before the first render; the others are made with their screens,
 * after that, and hydrate at once from the loaded settings. windowStorage.test.ts hydrates them all.
 */
import { useAppStore } from './app';
import { useEnvelopeStore } from './envelope';
import { useInspectStore } from './inspect';

export const PERSISTED_STORES = [useAppStore, useEnvelopeStore, useInspectStore] as const;
