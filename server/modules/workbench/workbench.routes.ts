import { workbenchResponse } from '#common/contracts/workbench.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { WorkbenchService } from './workbench.service.ts';

export function workbenchRoutes(app: App, workbench: WorkbenchService): void {
  app.get(
    '/api/workbench',
    {
      schema: {
        tags: ['workbench'],
        summary: '工作台：本人今天的待办（超期、临期、待核实、待审核、待报送），各带数量和办理入口',
        response: { 200: workbenchResponse },
      },
    },
    (req) => workbench.get(requireCtx(req)),
  );
}
