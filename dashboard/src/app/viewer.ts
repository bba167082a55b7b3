import { createContext, useContext } from 'react';
import type { ViewerInfo } from './permissions.js';

export const ViewerContext = createContext<ViewerInfo>({ id: '', role: 'LEADERSHIP' });
/** The signed-in user as the API sees them (`Query.viewer`). */
export const useViewer = () => useContext(ViewerContext);
