/**
 * The UPI Inspector test kit (docs/automation.md): start the app with the documented knobs and drive it
 * in a QA engineer's verbs. An outside suite imports it by path:
 *   import { launchInspector, UpiInspector } from '<checkout>/e2e/kit';
 * The page objects it is built on are exported too, for specs that need a locator.
 */
export { launchInspector, launchInspectorElectron, findElectron, inspectorEnv, DEFAULT_PASSPHRASE, INSPECTOR_ROOT } from './launch';
export type { LaunchOptions, LaunchedInspector, LaunchedElectron } from './launch';
export { UpiInspector } from './inspector';
export type { EnvelopeInput, SignedEnvelope, ImportedKey, ResponseSummary, Finding, InspectVerdict, HistoryRow } from './inspector';
export { AppShell, type ScreenName } from '../pages/app';
export { ComposePage, parseEnvelope, type ClaimFields } from '../pages/compose';
export { ResponsePage, fixture } from '../pages/response';
export { InspectPage } from '../pages/inspect';
export { KeysPage } from '../pages/keys';
export { ProfilesPage, type ProfileForm } from '../pages/profiles';
export { HistoryPage } from '../pages/history';
export { TimelinePage } from '../pages/timeline';
export { CaseBar } from '../pages/cases';
export { SnippetPanelPage } from '../pages/snippets';
export { callMainSide } from '../pages/main-side';
export { bigResponseText } from '../pages/big-response';
export { seedWorkday, SCREENS, type WorkdayScreen } from '../pages/workday';
