import { create } from 'zustand';

/** Transient UI state only: what is open. What a person is looking at lives in the URL. */
interface UiState {
  qualityOpen: boolean;
  setQualityOpen: (open: boolean) => void;
}

export const useUiStore = create<UiState>((set) => ({
  qualityOpen: false,
  setQualityOpen: (qualityOpen) => set({ qualityOpen }),
}));
