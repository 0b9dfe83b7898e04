import type { Screen } from '../../stores/app';

/** The screens in navigation order; Alt+1… Alt+7 follow the same order. */
export const SCREENS: { id: Screen; label: string }[] = [
  { id: 'compose', label: 'Compose' },
  { id: 'response', label: 'Response' },
  { id: 'inspect', label: 'Inspect' },
  { id: 'keys', label: 'Keys' },
  { id: 'profiles', label: 'Profiles' },
  { id: 'history', label: 'History' },
  { id: 'timeline', label: 'Log' },
];

/** The id of the main area: the skip link's target, focused after a screen switch by keyboard. */
export const MAIN_ID = 'main-content';

/** Inspect's request box: where a paste anywhere on Inspect lands. */
export const INSPECT_INPUT_ID = 'inspect-request-text';
