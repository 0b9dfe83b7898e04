/**
 * Every store that keeps state in the settings (through lib/windowStorage.ts): main.tsx hydrates them
 * all before the first render, so the window opens with its theme, screen and form, with no flash.
 */
import { useAppStore } from './app';
import { useEnvelopeStore } from './envelope';
import { useInspectStore } from './inspect';

export const PERSISTED_STORES = [useAppStore, useEnvelopeStore, useInspectStore] as const;
