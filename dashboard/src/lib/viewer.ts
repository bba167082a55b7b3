import { createContext, useContext } from 'react';
import type { Role } from '../auth/session.js';

/** What the API says the signed-in person may do now (Viewer.abilities): the one place the rules live is the API. */
export interface Abilities {
  mayWrite: boolean;
  readOnlyReason?: string | null;
  sessionKinds: ('PUBLIC' | 'THEMATIC' | 'BUSINESS_TAX')[];
  mayRegisterBusinesses: boolean;
  mayAssignSuccessors: boolean;
  mayApplyReorganisations: boolean;
  mayHandleTaxQuestions: boolean;
  mayChangeDeadlineRules: boolean;
}

export interface ViewerInfo {
  id: string;
  role: Role;
  ward?: { id: string; name: string } | null;
  /** Undefined until the API has answered (the token's claims draw the first screen). */
  abilities?: Abilities;
}

export const ViewerContext = createContext<ViewerInfo>({ id: '', role: 'LEADERSHIP' });
/** The signed-in user as the API sees them (`Query.viewer`). */
export const useViewer = () => useContext(ViewerContext);

/** Whether the viewer may log anything (schedule, run sessions, register businesses): the logging screens. */
export const mayLog = (viewer: ViewerInfo) => !!viewer.abilities && (viewer.abilities.sessionKinds.length > 0 || viewer.abilities.mayRegisterBusinesses);
