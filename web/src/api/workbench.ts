// 工作台 (workbench) API: the signed-in user's items due. Types only from common/contracts.
import type { WorkbenchItem, WorkbenchResponse } from '#common/contracts/workbench.ts';
import { api } from './client.ts';

export type { WorkbenchItem, WorkbenchResponse };

export const workbenchKeys = { all: ['workbench'] as const };

export const fetchWorkbench = () => api.get<WorkbenchResponse>('/api/workbench');
