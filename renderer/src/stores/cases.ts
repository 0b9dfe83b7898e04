/**
 * Case files in the window: the case last opened (its views show what it recorded until edited), why an
 * open was refused, and which screen's export dialog is open. Nothing persists: a case holds a ticket.
 */
import { create } from 'zustand';
import type { CaseFile } from '../../../shared/case/format';
import type { AppError } from '../../../shared/result';

/** The screens a case is exported from. */
export type CaseScreen = 'inspect' | 'response' | 'history' | 'timeline';

export interface OpenedCase {
  /** The file's name, or "Pasted case". */
  name: string;
  file: CaseFile;
}

interface CasesState {
  opened: OpenedCase | null;
  openError: AppError | null;
  dialog: CaseScreen | null;
  setOpened(opened: OpenedCase | null): void;
  setOpenError(error: AppError | null): void;
  openDialog(screen: CaseScreen): void;
  closeDialog(): void;
}

export const useCasesStore = create<CasesState>()((set) => ({
  opened: null,
  openError: null,
  dialog: null,
  setOpened: (opened) => set({ opened, openError: null }),
  setOpenError: (openError) => set({ openError }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
}));
